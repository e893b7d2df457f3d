// warta: small progressive enhancements; every page works without this file.
"use strict";

function toggleLayers() {
  const body = document.getElementById("body");
  document.querySelectorAll("#layers input[data-layer]").forEach((box) => {
    const apply = () => body.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    box.addEventListener("change", apply);
    apply();
  });
}

function markTargetEvent() {
  document.querySelectorAll(".targeted").forEach((el) => el.classList.remove("targeted"));
  const m = /^#ev-(\d+)$/.exec(window.location.hash);
  if (!m) return;
  const pieces = document.querySelectorAll(".ev-" + m[1]);
  pieces.forEach((el) => el.classList.add("targeted"));
  if (pieces.length) pieces[0].scrollIntoView({ block: "center" });
}

document.addEventListener("DOMContentLoaded", () => {
  if (document.getElementById("layers")) toggleLayers();
  markTargetEvent();
  window.addEventListener("hashchange", markTargetEvent);
  document.documentElement.dataset.js = "ready";
});
