"""How long headless Chromium takes to draw a page written by ``kg html``: from navigation until
the vis-network object exists and a frame has been painted after it (the graph on screen; a
static layout is drawn inside the constructor). Prints one JSON object.

    python benchmarks/html_draw.py PAGE.html [--runs 3]

Needs Debian's ``chromium`` (as the browser test does); the network is refused throughout.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import time
from pathlib import Path

# Installed before any page script runs: notes the first frame painted once the network exists.
_HOOK = """
window.__drawn = null;
const _wait = setInterval(() => {
  if (typeof network !== 'undefined' && network.body) {
    clearInterval(_wait);
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__drawn = performance.now(); }));
  }
}, 5);
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("no chromium on this machine (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        for _ in range(args.runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route("http*://**", lambda route: route.abort())
            page.add_init_script(_HOOK)
            t = time.perf_counter()
            page.goto(args.page.resolve().as_uri())
            page.wait_for_function("window.__drawn !== null", timeout=120_000, polling=10)
            times.append(time.perf_counter() - t)
            nodes = page.evaluate("network.body.data.nodes.length")
            page.close()
        browser.close()
    print(json.dumps({"page_mb": round(args.page.stat().st_size / 1e6, 2), "nodes": nodes,
                      "drawn_s": round(statistics.median(times), 2), "runs": args.runs}))  # fmt: skip


if __name__ == "__main__":
    main()
