"""Parallel ingest (local worker processes, a Dask cluster) builds exactly the store a serial
ingest builds: same quads, same summary. The sample mixes an article, a headline list whose bare
surnames join people named in full elsewhere (so the order of writes matters), a repeated
document and a file that cannot be read."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.ingest.run import ingest
from kg.store import OxigraphStore
from tests.conftest import EXAMPLES

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a.txt").write_text((EXAMPLES / "madrid-talks.txt").read_text(encoding="utf-8"), encoding="utf-8")
    lines = [
        {"text": "Trump to meet Xi in Seoul next week, officials say.", "date": "2025-10-20"},
        {
            "text": "German Chancellor Friedrich Merz met French President Emmanuel Macron in Berlin.",
            "date": "2025-10-21",
        },
        {"text": "Merz and Macron agreed to meet again in Paris in December.", "date": "2025-10-22"},
        {"text": "Trump to meet Xi in Seoul next week, officials say.", "date": "2025-10-20"},
    ]
    (folder / "b.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\xff\xfe\x00broken")
    return [str(folder / "a.txt"), str(folder / "b.jsonl"), str(folder / "c.txt")]


def _ingest(paths: list[str], where: Path, extractor) -> tuple[dict, list[str]]:
    store = OxigraphStore(str(where))
    try:
        summary = ingest(paths, store, extractor=extractor)
        store.dump(str(where) + ".nq", "nq")
    finally:
        store.close()
    quads = sorted(Path(str(where) + ".nq").read_text(encoding="utf-8").splitlines())
    return summary.as_json(), quads


@pytest.fixture(scope="module")
def serial(corpus, extractor, tmp_path_factory):
    return _ingest(corpus, tmp_path_factory.mktemp("serial") / "store", extractor)


def test_serial_sample_is_what_the_test_needs(serial):
    summary, quads = serial
    assert summary["ingested"] >= 18 and summary["skipped"] >= 1 and summary["failed"] == 1
    assert any("Donald Trump" in q for q in quads)


def test_worker_processes_build_the_serial_store(corpus, serial, tmp_path):
    from kg.ingest.parallel import ParallelExtractor

    with ParallelExtractor(workers=2, batch_documents=3) as extractor:
        assert _ingest(corpus, tmp_path / "store", extractor) == serial


def test_dask_cluster_builds_the_serial_store(corpus, serial, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    from kg.ingest.parallel import ParallelExtractor

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with ParallelExtractor(scheduler=cluster.scheduler_address, batch_documents=3) as extractor:
            assert _ingest(corpus, tmp_path / "store", extractor) == serial


def test_cli_workers_option(corpus, serial, tmp_path):
    store = str(tmp_path / "store")
    result = runner.invoke(app, ["--store", store, "ingest", "--workers", "2", "--json", *corpus[:2]])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {**serial[0], "failed": 0, "errors": []}


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--workers", "0"], 2, "at least 1"),
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:9"], 2, "not both"),
        (["--scheduler", "tcp://127.0.0.1:9"], 1, "cannot reach the Dask scheduler"),
    ],
)
def test_cli_bad_parallel_options(args, code, words, tmp_path):
    (tmp_path / "a.txt").write_text("Merz met Macron in Berlin.", encoding="utf-8")
    result = runner.invoke(app, ["--store", str(tmp_path / "store"), "ingest", *args, str(tmp_path / "a.txt")])
    assert result.exit_code == code
    assert words in result.stderr and "Traceback" not in result.output


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").exists() and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


@pytest.fixture
def big_corpus(tmp_path) -> Path:
    text = "Finance Minister Ana Novak met Trade Minister Omar Haddad in Vienna, round {}."
    lines = [json.dumps({"text": text.format(i)}) for i in range(2000)]  # long enough to outlast the kill anywhere
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _start_ingest(store: Path, corpus: Path) -> tuple[subprocess.Popen, list[int]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "--store", str(store), "ingest", "--workers", "2", str(corpus)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(_children(proc.pid)) < 2:
        time.sleep(0.2)
    time.sleep(4)  # the workers have loaded the model and are extracting
    return proc, [w for w in _children(proc.pid) if "spawn" in Path(f"/proc/{w}/cmdline").read_text()]


def test_workers_leave_when_the_ingest_is_killed(big_corpus, tmp_path):
    proc, workers = _start_ingest(tmp_path / "store", big_corpus)
    assert workers, "no worker processes seen"
    proc.kill()
    proc.wait(10)
    time.sleep(3)
    assert not [w for w in workers if _alive(w)]


def test_a_dead_worker_is_a_clear_error_and_the_store_stays_whole(big_corpus, tmp_path):
    proc, workers = _start_ingest(tmp_path / "store", big_corpus)
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 1 and "a worker process died" in stderr and "Traceback" not in stderr
    result = runner.invoke(app, ["--store", str(tmp_path / "store"), "ingest", str(big_corpus), "--json"])
    assert result.exit_code == 0  # the rerun completes the store
    summary = json.loads(result.stdout)
    assert summary["ingested"] + summary["skipped"] == 2000


def test_dask_worker_without_kg_is_a_clear_error(tmp_path, monkeypatch):
    """A cluster whose workers cannot import kg's extraction module: Dask only logs that on the
    worker and never ends the task, so the batch timeout ends the ingest with one line."""
    monkeypatch.setenv("KG_BATCH_TIMEOUT", "8")
    distributed = pytest.importorskip("dask.distributed")
    (tmp_path / "a.txt").write_text("Merz met Macron in Berlin on Monday.", encoding="utf-8")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            client.run(lambda: sys.modules.__setitem__("kg.ingest.parallel", None))  # kg is "not installed" there
            result = runner.invoke(
                app,
                [
                    "--store",
                    str(tmp_path / "store"),
                    "ingest",
                    "--scheduler",
                    cluster.scheduler_address,
                    str(tmp_path / "a.txt"),
                ],
            )
    assert result.exit_code == 1, result.output
    assert "no extraction came back within 8 s" in result.stderr and "Traceback" not in result.output
