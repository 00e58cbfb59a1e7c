"""Shared fixtures: the real spaCy pipeline (session scope) and real stores in temporary folders."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
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
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "--store", str(store), "serve", "--port", str(port), *flags],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{base}/sparql?query=ASK%7B%7D", proc, 60)
        yield base
    finally:
        proc.terminate()
        proc.wait(30)
