"""The HTML page in a real browser: headless Chromium (Debian's package) driven by playwright,
with every network request refused. Skipped, with the reason shown, where no Chromium is installed
(.ci/run installs it)."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import EXAMPLES, kg

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (apt-get install chromium)")

HOSTILE = (
    "President Ana <script>window.__pwned=1</script> Costa met Prime Minister Rui Lopes in Lisbon on Monday. "
    'Prime Minister Rui Lopes met King Juan <img src=x onerror="window.__pwned=2"> Ortiz in Madrid.\n'
)
# Two dated stories of our own: an accented name, a later scheduled visit, a source URL.
SPRING = "Foreign Minister José Álvarez met Prime Minister Rui Lopes in Lisbon on Tuesday.\n"
SUMMER = "Prime Minister Rui Lopes will visit President Maria Duarte in Porto on June 10.\n"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


@pytest.fixture(scope="module")
def page_path(tmp_path_factory):
    base = tmp_path_factory.mktemp("browser")
    store = base / "s"
    assert kg(store, "ingest", str(EXAMPLES)).exit_code == 0
    for name, text, date in (("hostile", HOSTILE, "2025-02-03"), ("spring", SPRING, "2025-03-11"),
                             ("summer", SUMMER, "2025-06-02")):  # fmt: skip
        (base / f"{name}.txt").write_text(text)
        src = f"https://news.example.org/{name}"
        assert kg(store, "ingest", str(base / f"{name}.txt"), "--date", date, "--source", src).exit_code == 0
    out = base / "graph.html"
    assert kg(store, "html", "-o", str(out)).exit_code == 0
    return out


@pytest.fixture()
def explorer(page_path, tmp_path):
    """The page open in headless Chromium with every network request refused; yields the page
    and fails the test on any request or console error."""
    from playwright.sync_api import sync_playwright

    requests, errors = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("http*://**", lambda route: (requests.append(route.request.url), route.abort()))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(page_path.as_uri())
        page.wait_for_function("typeof network !== 'undefined' && network.body !== undefined", timeout=15000)
        yield page
        page.screenshot(path=str(tmp_path / "explorer.png"))
        browser.close()
    assert requests == []
    assert errors == []


def _visible_edges(page) -> list[dict]:
    """The meeting edges on screen (relation edges have string ids)."""
    return page.evaluate(
        "network.body.data.edges.get().filter(e => !e.hidden && typeof e.id === 'number').map(e => KG.edges[e.id])"
    )


def _visible_relations(page) -> list[dict]:
    return page.evaluate("network.body.data.edges.get().filter(e => !e.hidden && typeof e.id === 'string')")


def _label(page, iri: str) -> str:
    return page.evaluate("(id) => network.body.data.nodes.get(id).label", iri)


def test_browser_page_draws_offline_and_hostile_text_stays_text(explorer):
    assert explorer.evaluate("network.body.data.nodes.length") >= 10  # the demo's 8 actors and ours
    assert explorer.evaluate("window.__pwned === undefined ? null : window.__pwned") is None
    (edge,) = [e for e in _visible_edges(explorer) if any("__pwned=1" in it["evidence"] for it in e["items"])]
    explorer.evaluate("(id) => network.emit('click', {nodes: [], edges: [id]})", edge["id"])
    panel = explorer.locator("#kg-edge-meetings")
    assert "<script>window.__pwned=1</script>" in panel.inner_text()
    assert explorer.locator("#kg-panel script, #kg-panel img").count() == 0


def test_browser_search_finds_an_alias_without_accents_and_shows_its_meetings(explorer):
    explorer.fill("#kg-search", "jose alvarez")
    explorer.press("#kg-search", "Enter")
    (selected,) = explorer.evaluate("network.getSelectedNodes()")
    assert _label(explorer, selected) == "José Álvarez"
    meetings = explorer.locator("#kg-node-meetings").inner_text()
    assert "with Rui Lopes" in meetings and "2025-03-11" in meetings and "Lisbon" in meetings
    explorer.fill("#kg-search", "bessent")  # a surname alone: the match list offers the full name
    assert "Scott Bessent" in explorer.locator("#kg-matches").inner_text()


def test_browser_unticking_scheduled_hides_the_scheduled_edges(explorer):
    before = _visible_edges(explorer)
    only_scheduled = [e for e in before if {it["status"] for it in e["items"]} == {"scheduled"}]
    assert only_scheduled  # the demo's Bessent-Reeves, our summer visit
    explorer.uncheck("input[name=status][value=scheduled]")
    after = _visible_edges(explorer)
    assert len(after) == len(before) - len(only_scheduled)
    assert all(any(it["status"] != "scheduled" for it in e["items"]) for e in after)
    explorer.check("input[name=status][value=scheduled]")
    assert len(_visible_edges(explorer)) == len(before)


def test_browser_date_range_and_report_filters_apply_in_the_page(explorer):
    n_dates = explorer.evaluate("+document.getElementById('kg-to').max + 1")
    assert n_dates >= 3
    explorer.fill("#kg-from", str(n_dates - 1))  # from the last date on: one edge, the summer visit
    assert explorer.locator("#kg-from-label").inner_text() == "2025-06-10"
    explorer.uncheck("#kg-undated")
    (edge,) = _visible_edges(explorer)
    assert {it["date"] for it in edge["items"]} == {"2025-06-10"}
    explorer.check("#kg-undated")
    explorer.fill("#kg-from", "0")
    explorer.fill("#kg-min-reports", "2")
    assert all(len(e["items"]) >= 2 for e in _visible_edges(explorer))


def test_browser_clicking_an_edge_shows_its_evidence_and_sources(explorer):
    (edge,) = [e for e in _visible_edges(explorer) if any("José" in it["evidence"] for it in e["items"])]
    point = explorer.evaluate(
        """(e) => { const p = network.getPositions([e.from, e.to]);
        const c = network.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2});
        const r = document.getElementById('kg-graph').getBoundingClientRect();
        return {x: r.left + c.x, y: r.top + c.y}; }""",
        edge,
    )
    explorer.mouse.click(point["x"], point["y"])
    panel = explorer.locator("#kg-edge-meetings")
    assert "Foreign Minister José Álvarez met Prime Minister Rui Lopes" in panel.inner_text()
    link = panel.locator("a").first
    assert link.get_attribute("href") == "https://news.example.org/spring"
    assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")


def test_browser_first_paint_has_no_overlapping_labels(explorer):
    boxes = explorer.evaluate(
        """() => network.body.data.nodes.get().map(n => { const b = network.getBoundingBox(n.id);
        return [b.left, b.top, b.right, b.bottom]; })"""
    )
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_browser_relations_are_arrows_with_a_filter_per_type_and_their_evidence(explorer):
    before = _visible_relations(explorer)
    sanctions = [
        e
        for e in before
        if explorer.evaluate("(id) => KG.relations.find(r => r.id === id).type", e["id"]) == "SANCTION"
    ]
    assert sanctions and all(e["arrows"] == "to" for e in sanctions)
    explorer.uncheck("input[name=relation][value=SANCTION]")
    assert len(_visible_relations(explorer)) == len(before) - len(sanctions)
    explorer.check("input[name=relation][value=SANCTION]")
    trump = explorer.evaluate(
        "KG.relations.find(r => r.type === 'SANCTION' && network.body.data.nodes.get(r.from).label === 'Donald Trump').id"
    )
    explorer.evaluate("(id) => network.emit('click', {nodes: [], edges: [id]})", trump)
    assert "increased tariffs on Chinese imports" in explorer.locator("#kg-relation-reports").inner_text()
    explorer.fill("#kg-search", "Donald Trump")
    explorer.press("#kg-search", "Enter")
    panel = explorer.locator("#kg-panel-body").inner_text()
    assert "SANCTION · Donald Trump → China" in panel and "null" not in panel


def test_browser_dated_relations_show_when_no_meeting_is_dated(tmp_path):
    from playwright.sync_api import sync_playwright

    (tmp_path / "a.txt").write_text("Canada imposed sanctions on Belarus on Monday. Chile accused Bolivia of fraud.\n")
    store, out = tmp_path / "s", tmp_path / "g.html"
    assert kg(store, "ingest", str(tmp_path / "a.txt"), "--date", "2026-03-10").exit_code == 0
    assert kg(store, "html", "-o", str(out)).exit_code == 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        page.route("http*://**", lambda route: route.abort())
        page.goto(out.as_uri())
        page.wait_for_function("typeof network !== 'undefined' && network.body !== undefined", timeout=15000)
        shown = len(_visible_relations(page))
        total = page.evaluate("KG.relations.length")
        browser.close()
    assert total == 2 and shown == 2  # the dated sanction too: the date range covers relations' dates
