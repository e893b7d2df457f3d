"""The app in a real headless Chromium (Debian's package, driven by Playwright through
executable_path; never a downloaded browser): search, article highlights, event filters,
charts, screenshots with content, hostile articles never executing script.

The database holds the demo corpus the package ships (and the seeds when ../shared is
beside the repository), so a clone without ../shared still runs these tests; the checks on
seed articles skip without it."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.conftest import SEEDS, needs_shared
from tests.web.conftest import connect
from tests.web.png import colour_stats

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]' for playwright")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium; run scripts/install-test-deps.sh")


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.set_default_timeout(15000)
    yield pg
    context.close()


def assert_not_blank(pg, tmp_path: Path, name: str, selector: str = "main") -> None:
    png = pg.locator(selector).screenshot(path=str(tmp_path / f"{name}.png"))
    colours, busy = colour_stats(png)
    assert colours > 8 and busy > 0.02, f"{name} screenshot looks blank ({colours} colours, {busy:.3f} non-background)"


def test_search_then_open_article_with_highlights(page, tmp_path):
    page.goto("/search")
    page.fill("input[name=q]", "menteri luar negeri")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/search?*q=menteri*")
    results = page.locator("#results li a.title")
    assert results.count() >= 1
    assert page.locator("#results mark").count() >= 1
    assert_not_blank(page, tmp_path, "search")
    results.first.click()
    page.wait_for_url("**/article/*")
    assert page.locator("#body .ent").count() > 0
    assert page.locator("#body .event").count() > 0 or page.locator("#body .quote").count() > 0
    assert page.evaluate("document.documentElement.dataset.js") == "ready"
    # the layer switch (our JS) hides entity highlighting
    page.uncheck("#layers input[data-layer=ent]")
    assert "hide-ent" in page.get_attribute("#body", "class")
    page.locator("#boilerplate summary").click()
    assert page.locator("#boilerplate").get_attribute("open") is not None
    assert_not_blank(page, tmp_path, "article", ".article")


def test_filter_events_and_follow_a_row_to_its_sentence(page, tmp_path):
    page.goto("/events")
    total = page.locator("#events-table tbody tr").count()
    assert total > 0
    chosen = page.locator("#events-table tbody tr td .badge").first.inner_text()
    page.select_option("select[name=type]", chosen)
    page.click("form.filters button[type=submit]")
    page.wait_for_url(f"**/events?*type={chosen}*")
    badges = page.locator("#events-table tbody tr td:nth-child(2) .badge").all_inner_texts()
    assert badges and set(badges) == {chosen} and len(badges) <= total
    assert_not_blank(page, tmp_path, "events")
    link = page.locator("#events-table a.evlink").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/article/*")
    anchor = href.split("#")[1]
    assert page.locator(f"#{anchor}").count() == 1
    assert page.locator(f".{anchor}.targeted").count() >= 1


@pytest.mark.parametrize("chart,shape", [("timeline", "rect"), ("network", "circle.node"), ("map", "circle.country"),
                                         ("outlets", "rect.bar")])
def test_charts_render(page, tmp_path, chart, shape):
    page.goto(f"/{chart}")
    svg = page.locator("#chart svg")
    assert svg.count() == 1
    box = svg.bounding_box()
    assert box["width"] > 300 and box["height"] > 200
    assert page.locator(f"#chart svg {shape}").count() > 0
    assert_not_blank(page, tmp_path, chart, "#chart")


def test_hostile_article_is_shown_as_text_and_never_runs(page):
    page.goto("/search?q=tebal")
    page.locator("#results a.title").first.click()
    page.wait_for_url("**/article/*")
    assert page.locator("#title").inner_text().startswith('<script>window.__xss = "title"</script>')
    assert "<img src=x onerror=" in page.locator("#body").inner_text()
    assert "javascript:window.__xss='url'" in page.locator("dl.meta").inner_text()
    assert page.locator("#body img, #body script, #body a, #body svg, dl.meta a").count() == 0
    page.locator("#boilerplate summary").click()
    for path in ("", "/search?q=tebal", "/events?actor=Retno+Marsudi", "/network", "/map", "/search"):
        if path:
            page.goto(path)
        page.mouse.move(300, 300)
        assert page.evaluate("typeof window.__xss") == "undefined", path
    assert page.dialogs == []


def test_unknown_article_is_404_in_the_browser(page):
    response = page.goto("/article/987654321")
    assert response.status == 404
    assert "404" in page.locator("h1").inner_text()


def _article_ids(web_db, folder: Path) -> dict[str, int]:
    """Stored article ids by file name for the files of ``folder``."""
    db = connect(web_db)
    rows = db.execute("SELECT id, source FROM articles").fetchall()
    db.close()
    names = {p.name for p in folder.glob("*.txt")}
    return {Path(source).name: i for i, source in rows if Path(source).name in names}


def test_every_demo_article_opens_with_highlights(page, web_db):
    from warta.corpus.samples import demo_dir
    ids = _article_ids(web_db, demo_dir())
    assert len(ids) == len(list(demo_dir().glob("*.txt")))
    for name, article_id in sorted(ids.items())[:4]:
        page.goto(f"/article/{article_id}")
        assert page.locator("#body .ent").count() > 0, name


@needs_shared
def test_seed_articles_open_with_highlights_and_are_found(page, web_db):
    ids = _article_ids(web_db, SEEDS)
    assert len(ids) == len(list(SEEDS.glob("*.txt")))
    for name, article_id in sorted(ids.items()):
        page.goto(f"/article/{article_id}")
        assert page.locator("#body .ent").count() > 0, name
        assert page.locator("#body .event").count() + page.locator("#body .quote").count() > 0, name
        words = [w for w in re.findall(r"\w+", page.locator("#body").inner_text()) if len(w) > 3][:4]
        page.goto("/search?" + urlencode({"q": " ".join(words)}))
        hrefs = page.locator("#results a.title").evaluate_all("links => links.map(a => a.getAttribute('href'))")
        assert f"/article/{article_id}" in hrefs, name
