"""Start-up: wall time of `kg --help` and of `kg who-met-whom` on a small store, beside
`python -c pass`, median of ``--runs``. Prints one JSON object.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# A user's kg runs from compiled bytecode: with PYTHONDONTWRITEBYTECODE set (as in some CI shells)
# every start would compile our ~20 modules again (~40 ms), so it is unset, and one run warms up.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(cmd: list[str], runs: int) -> float:
    subprocess.run(cmd, capture_output=True, env=ENV)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=ENV)
        times.append(time.perf_counter() - t)
    return round(statistics.median(times), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    beside = Path(sys.executable).parent / "kg"
    kg = [str(beside)] if beside.exists() else [sys.executable, "-m", "kg"]
    store = Path(tempfile.mkdtemp(prefix="kg-start-")) / "store"
    subprocess.run([*kg, "--store", str(store), "ingest", str(ROOT / "examples")], check=True, capture_output=True)
    base = wall([sys.executable, "-c", "pass"], args.runs)
    help_s = wall([*kg, "--help"], args.runs)
    wmw_s = wall([*kg, "--store", str(store), "who-met-whom", "Bessent", "--json"], args.runs)
    print(
        json.dumps(
            {
                "python_pass_s": base,
                "kg_help_s": help_s,
                "who_met_whom_s": wmw_s,
                "help_ratio": round(help_s / base, 1),
                "who_met_whom_ratio": round(wmw_s / base, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
