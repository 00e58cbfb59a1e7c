"""Shared fixtures: the real spaCy pipeline (session scope) and real stores in temporary folders."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def extractor():
    from kg.extract.pipeline import Extractor

    return Extractor()


@pytest.fixture
def store_path(tmp_path: Path) -> str:
    return str(tmp_path / "store")


def kg(store: str | Path, *args: str, input: str | None = None):
    """Run ``kg --store STORE ARGS`` in this process (the real CLI, exceptions not swallowed)."""
    from typer.testing import CliRunner

    from kg.cli import app

    return CliRunner().invoke(app, ["--store", str(store), *args], input=input, catch_exceptions=False)


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory) -> Path:
    """The examples ingested once; tests that write take a copy."""
    path = tmp_path_factory.mktemp("demo") / "store"
    result = kg(path, "ingest", str(EXAMPLES))
    assert result.exit_code == 0, result.stderr
    return path


@pytest.fixture
def copy_store(demo_store, tmp_path) -> Path:
    dest = tmp_path / "copy"
    shutil.copytree(demo_store, dest)
    return dest


def _quads(path: Path) -> set:
    """A local store's quads as strings, for before/after comparisons."""
    import pyoxigraph

    store = pyoxigraph.Store.read_only(str(path))
    return {str(q) for q in store}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before answering {url}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"no answer from {url} within {seconds} s")


@contextmanager
def kg_serve(store: str | Path, *flags: str) -> Iterator[str]:
    """A real ``kg serve`` process over ``store``; yields its base URL, stops it afterwards."""
    with kg_serve_logged(store, *flags, log=False) as served:
        yield served.base


@dataclass
class Served:
    """A running ``kg serve``: its base URL and port; ``stderr`` holds its log once it has stopped."""

    base: str
    port: int
    stderr: str = ""


@contextmanager
def kg_serve_logged(store: str | Path, *flags: str, log: bool = True) -> Iterator[Served]:
    """``kg serve`` whose log is read after it stops (``log``: for tests of what it logs; a
    long-running server with a piped, unread log could fill the pipe)."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "--store", str(store), "serve", "--port", str(port), *flags],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE if log else subprocess.DEVNULL, text=True,
    )  # fmt: skip
    served = Served(f"http://127.0.0.1:{port}", port)
    try:
        wait_http(f"{served.base}/sparql?query=ASK%7B%7D", proc, 60)
        yield served
    finally:
        proc.terminate()
        served.stderr = proc.communicate(timeout=30)[1] or ""


@pytest.fixture
def news_store(tmp_path):
    """A store of texts ingested one by one, each its own document with its own date, as news arrives."""
    import kg

    def make(*texts: tuple[str, str]):
        g = kg.open(tmp_path / "store")
        for text, day in texts:
            summary = g.ingest([text], date=day)
            assert not summary.errors, summary.errors
        return g

    return make
