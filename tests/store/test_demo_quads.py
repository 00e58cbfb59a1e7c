"""The demo store's quads are exactly those in ``demo.nq`` (sorted N-Quads): a restructuring of
the RDF mapping or the store layer that changes a single quad fails here. When extraction
improves on purpose, regenerate the file and read the diff:

    .venv/bin/python tests/store/test_demo_quads.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).with_name("demo.nq")


def demo_quads(folder: Path) -> list[str]:
    """Ingest examples/ (by the relative path ``make demo`` uses) and dump the store, sorted."""
    import os

    from typer.testing import CliRunner

    from kg.cli import app

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        store, dump = folder / "store", folder / "demo.nq"
        for argv in (["ingest", "examples/"], ["dump", str(dump)]):
            result = CliRunner().invoke(app, ["--store", str(store), *argv])
            assert result.exit_code == 0, result.output
    finally:
        os.chdir(here)
    return sorted(line for line in dump.read_text(encoding="utf-8").splitlines() if line)


def test_demo_store_holds_exactly_the_golden_quads(tmp_path):
    got = demo_quads(tmp_path)
    want = GOLDEN.read_text(encoding="utf-8").splitlines()
    assert len(got) == len(want) and got == want


if __name__ == "__main__":
    import tempfile

    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        GOLDEN.write_text("\n".join(demo_quads(Path(tmp))) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")
