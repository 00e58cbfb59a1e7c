"""The HTML page in a real browser: headless Chromium (Debian's package) driven by playwright,
with every network request refused. Skipped, with the reason shown, where no Chromium is installed
(.ci/run installs it)."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import EXAMPLES
from tests.test_cli import kg

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (apt-get install chromium)")

HOSTILE = (
    "President Ana <script>window.__pwned=1</script> Costa met Prime Minister Rui Lopes in Lisbon on Monday. "
    'Prime Minister Rui Lopes met King Juan <img src=x onerror="window.__pwned=2"> Ortiz in Madrid.\n'
)


@pytest.fixture(scope="module")
def page_path(tmp_path_factory):
    base = tmp_path_factory.mktemp("browser")
    (base / "hostile.txt").write_text(HOSTILE)
    store = base / "s"
    assert kg(store, "ingest", str(EXAMPLES), str(base / "hostile.txt")).exit_code == 0
    out = base / "graph.html"
    assert kg(store, "html", "-o", str(out)).exit_code == 0
    return out


def test_browser_page_draws_offline_without_errors(page_path, tmp_path):
    from playwright.sync_api import sync_playwright

    requests, errors = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        page = browser.new_page()
        page.route("http*://**", lambda route: (requests.append(route.request.url), route.abort()))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(page_path.as_uri())
        page.wait_for_function("typeof network !== 'undefined' && network.body !== undefined", timeout=15000)
        nodes = page.evaluate("network.body.data.nodes.length")
        titles = page.evaluate("network.body.data.edges.get().map(e => e.title).join(' ')")
        pwned = page.evaluate("window.__pwned === undefined ? null : window.__pwned")
        page.screenshot(path=str(tmp_path / "graph.png"))
        browser.close()
    assert requests == []
    assert errors == []
    assert nodes >= 10  # the demo's 8 actors and the hostile text's people
    assert pwned is None
    assert "&lt;script&gt;" in titles or "<script>" not in titles
