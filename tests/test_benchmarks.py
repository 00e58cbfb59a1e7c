"""Benchmarks are not tests: each script only gets a smoke run here, no timing is asserted."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("script", "args", "keys"),
    [
        ("extract_throughput.py", ["--articles", "3"], {"articles", "articles_per_minute"}),
        ("ingest.py", ["--articles", "3"], {"spacy_words_per_s", "kg_words_per_s", "ratio", "peak_rss_mb"}),
        (
            "query.py",
            ["--triples", "3000", "--repeat", "1", "--write", "20"],
            {"who_met_whom_typical_ms", "kg_pagerank_s", "kg_html_s", "hub_first_s", "typical_s", "after_ingest_s"},
        ),
        ("startup.py", ["--runs", "1"], {"kg_help_s", "who_met_whom_s", "help_ratio"}),
    ],
)
def test_benchmarks_script_runs(script, args, keys):
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    assert keys <= set(json.loads(out.stdout))


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium on this machine (apt-get install chromium)")
def test_benchmarks_html_draw_runs(tmp_path):
    from typer.testing import CliRunner

    from kg.cli import app
    from tests.conftest import EXAMPLES

    store, page = tmp_path / "store", tmp_path / "graph.html"
    runner = CliRunner()
    assert runner.invoke(app, ["--store", str(store), "ingest", str(EXAMPLES)]).exit_code == 0
    assert runner.invoke(app, ["--store", str(store), "html", "-o", str(page)]).exit_code == 0
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "html_draw.py"), str(page), "--runs", "1"],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    assert {"drawn_s", "nodes"} <= set(json.loads(out.stdout))
