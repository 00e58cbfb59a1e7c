"""Crash-safety harness: ingest a corpus, SIGKILL the process at a random moment, check that
every document in the store is complete, re-run the ingest and check the store equals a clean
ingest of the same input (same quads). Prints one JSON object; exit 1 on any violation.

    python scripts/crash_trials.py --trials 20 --documents 300
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NAMES = ["Ana Ruiz", "Boris Lind", "Chen Wei", "Dana Okafor", "Emil Sand", "Farah Nassar", "Goran Vuk", "Hana Sato"]


def corpus(folder: Path, n: int, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        a, b = rng.sample(NAMES, 2)
        folder.joinpath(f"{i:04d}.txt").write_text(
            f"Foreign Minister {a} met Prime Minister {b} in Oslo on Monday, report {i}.\n"
            f"{a.split()[1]} said the talks with {b.split()[1]} would continue next week.\n",
            encoding="utf-8",
        )


def quads(store: Path) -> set[str]:
    return {q for qs in by_graph(store).values() for q in qs}


def by_graph(store: Path) -> dict[str, set[str]]:
    """The store's quads (as N-Quads text) grouped by named graph."""
    import pyoxigraph

    out: dict[str, set[str]] = {}
    if (store / "CURRENT").exists():
        for q in pyoxigraph.Store.read_only(str(store)):
            out.setdefault(q.graph_name.value, set()).add(str(q))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-crash-"))
    corpus(work / "corpus", args.documents, args.seed)
    kg = [sys.executable, "-m", "kg"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    subprocess.run(
        [*kg, "--store", str(work / "clean"), "ingest", str(work / "corpus")], check=True, capture_output=True, env=env
    )
    clean = by_graph(work / "clean")
    expected = quads(work / "clean")
    rng = random.Random(args.seed)
    report = {"trials": args.trials, "documents": args.documents, "killed_with_partial_store": 0, "violations": []}
    start = time.perf_counter()
    for t in range(args.trials):
        store = work / f"trial{t}"
        proc = subprocess.Popen([*kg, "--store", str(store), "ingest", str(work / "corpus")], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(rng.uniform(1.5, 8.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        graphs = by_graph(store)
        if graphs and len(graphs) < len(clean):
            report["killed_with_partial_store"] += 1
        for g, qs in graphs.items():
            if qs != clean.get(g):
                report["violations"].append(f"trial {t}: graph {g} present in part")
        subprocess.run(
            [*kg, "--store", str(store), "ingest", str(work / "corpus")], check=True, capture_output=True, env=env
        )
        if quads(store) != expected:
            report["violations"].append(f"trial {t}: store after re-ingest differs from a clean ingest")
    report["seconds"] = round(time.perf_counter() - start, 1)
    print(json.dumps(report))
    sys.exit(1 if report["violations"] else 0)


if __name__ == "__main__":
    main()
