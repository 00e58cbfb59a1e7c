"""The README's real-output blocks are what the commands print today (scripts/readme_outputs.py
renders them on a fresh demo store; regenerate with ``python scripts/readme_outputs.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_outputs_are_what_the_commands_print():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "readme_outputs.py"), "--check"],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-4000:]


def test_readme_check_fails_on_a_changed_output(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("readme_outputs", ROOT / "scripts" / "readme_outputs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = {m["name"]: m["body"].rstrip("\n") for m in mod._MARK.finditer(text)}
    assert set(blocks) == set(mod.BLOCKS)
    assert mod.rewrite(text, blocks) == text  # the blocks as they are: no change
    changed = dict(blocks, demo=blocks["demo"].replace('"triples": ', '"triples": 1'))
    assert mod.rewrite(text, changed) != text
