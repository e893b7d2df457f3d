"""CPU cost of the events stage against an earlier version, alternating in one process on
the same analysed ~500-word articles (bench/analyze.py's), best of 12, process time.
Usage: git archive REF src | tar -x -C /tmp/ref && python bench/events_vs_ref.py /tmp/ref/src
(run from the repository root; prints ms/article for both and the ratio)."""
import sys, time, importlib
sys.path.insert(0, "bench")
def load(root):
    for k in [k for k in sys.modules if k == "warta" or k.startswith("warta.") or k == "analyze"]:
        del sys.modules[k]
    sys.path.insert(0, root)
    mods = (importlib.import_module("analyze"), importlib.import_module("warta.model"), importlib.import_module("warta.settings"),
            importlib.import_module("warta.stages"), importlib.import_module("warta.nlp.actors"), importlib.import_module("warta.nlp.events"))
    sys.path.remove(root)
    an, model, settings, stages, actors, events = mods
    pipe = stages.pipeline("analyze", settings.DEFAULTS.with_(lines=True))
    docs = [pipe.run(model.RawDoc("b", t.encode(), kind="text", line=i + 1)) for i, t in enumerate(an.articles(60))]
    def run():
        for a in docs:
            events.find_events(a.body, actors.Resolver(a.body, a.entities), a.quotes, a.times, a.published)
    return run
runs = {"old": load(sys.argv[1]), "new": load("src")}
best = {"old": 9e9, "new": 9e9}
for _ in range(12):
    for name, run in runs.items():
        t0 = time.process_time(); run(); best[name] = min(best[name], time.process_time() - t0)
print({k: f"{v*1000/60:.2f} ms/article" for k, v in best.items()}, f"ratio {best['new']/best['old']:.2f}")
