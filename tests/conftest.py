"""Shared fixtures: the real spaCy pipeline (session scope) and real stores in temporary folders."""

from __future__ import annotations

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
