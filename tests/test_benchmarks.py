"""Benchmarks are not tests: each script only gets a smoke run here, no timing is asserted."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_benchmarks_extract_throughput_runs():
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "extract_throughput.py"), "--articles", "3"],
        capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    data = json.loads(out.stdout)
    assert data["articles"] == 3 and data["articles_per_minute"] > 0
