"""The README's "real output" blocks, produced by running the commands they show.

Each block in README.md that follows a line ``<!-- readme_outputs: NAME -->`` is the output of
``BLOCKS[NAME]`` run on a fresh demo store (``kg ingest examples/``, as ``make demo`` does), in a
temporary folder holding a copy of ``examples/``. Why: hand-copied outputs drift (the issue that
asked for this found 444 vs 455 triples and unrounded scores); with this script a change that alters
an output fails ``tests/test_readme.py`` until the README is regenerated.

    python scripts/readme_outputs.py           # rewrite the blocks in README.md
    python scripts/readme_outputs.py --check   # exit 1 with a diff where README.md differs
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
A = "--status held --status scheduled --status potential"  # $A in the commands shown
# name -> (fence language, [(command as shown, JSON keys left out of each row)])
BLOCKS: dict[str, tuple[str, list[tuple[str, tuple[str, ...]]]]] = {
    "path": ("json", [('kg path "Rachel Reeves" "He Lifeng" --status held --status scheduled --json', ())]),
    "demo": (
        "console",
        [
            ("kg centrality --measure pagerank --top 4 $A --json", ()),
            ("kg neighbors Reeves --hops 2 $A", ()),
            ("kg communities $A --json", ()),
            ("kg timeline Trump $A --json", ("evidence", "source", "document", "confidence")),
            ("kg export --format csv -o exports/graph.csv", ()),
            ("head -2 exports/graph-nodes.csv", ()),
            ("kg stats --json", ()),
        ],
    ),
    "who-met-whom": ("json", [("kg who-met-whom Trump --json", ())]),
}
_MARK = re.compile(r"<!-- readme_outputs: (?P<name>[\w-]+) -->\n```(?P<lang>\w*)\n(?P<body>.*?)```", re.DOTALL)
WIDTH = 110


def layout(obj, indent: int = 0) -> str:
    """JSON as a reader wants it in a README: on one line where it fits in ``WIDTH``, else its
    members filled line by line, a nested member that does not fit broken under its bracket."""
    flat = json.dumps(obj, ensure_ascii=False)
    if len(flat) + indent <= WIDTH or not isinstance(obj, dict | list) or not obj:
        return flat
    parts = []
    if isinstance(obj, list):
        parts = [layout(x, indent + 1) for x in obj]
    else:
        for key, value in obj.items():
            head = json.dumps(key, ensure_ascii=False) + ": "
            parts.append(head + layout(value, indent + 1 + len(head)))
    lines, line = [], ""
    for part in parts:
        if line and ("\n" in part or indent + 1 + len(line) + len(part) + 2 > WIDTH):
            lines.append(line)
            line = ""
        line = f"{line}, {part}" if line else part
    lines.append(line)
    opener, closer = ("[", "]") if isinstance(obj, list) else ("{", "}")
    return opener + (",\n" + " " * (indent + 1)).join(lines) + closer


def _drop(obj, keys: tuple[str, ...]):
    if isinstance(obj, list):
        return [_drop(x, keys) for x in obj]
    if isinstance(obj, dict):
        return {k: _drop(v, keys) for k, v in obj.items() if k not in keys}
    return obj


def run(command: str, drop: tuple[str, ...]) -> str:
    """One command's stdout as the README shows it (in the current folder, store ./kg-store)."""
    from typer.testing import CliRunner

    from kg.cli import app

    argv = shlex.split(command.replace("$A", A))
    if argv[0] == "head":
        lines = Path(argv[2]).read_text(encoding="utf-8").splitlines()[: int(argv[1].lstrip("-"))]
        return "\n".join(lines)
    result = CliRunner().invoke(app, ["--store", "kg-store", *argv[1:]], env={"NO_COLOR": "1", "COLUMNS": "100"})
    if result.exit_code != 0:
        raise SystemExit(f"{command!r} failed ({result.exit_code}): {result.output.strip()}")
    out = result.stdout.strip() or result.stderr.strip()  # `kg export` reports on stderr only
    if "--json" in argv:
        return layout(_drop(json.loads(out), drop))
    return out


def render() -> dict[str, str]:
    """Every block's text, from a fresh demo store in a temporary folder."""
    from typer.testing import CliRunner

    from kg.cli import app

    here = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(ROOT / "examples", Path(tmp) / "examples")
        os.chdir(tmp)
        try:
            result = CliRunner().invoke(app, ["--store", "kg-store", "ingest", "examples/"])
            if result.exit_code != 0:
                raise SystemExit(f"the demo ingest failed: {result.output.strip()}")
            blocks = {}
            for name, (lang, commands) in BLOCKS.items():
                if lang == "console":
                    blocks[name] = "\n".join(f"$ {c}" + (f"      # ({', '.join(d)} left out here)" if d else "")
                                             + "\n" + run(c, d) for c, d in commands)  # fmt: skip
                else:
                    blocks[name] = "\n".join(run(c, d) for c, d in commands)
            return blocks
        finally:
            os.chdir(here)


def rewrite(text: str, blocks: dict[str, str]) -> str:
    """The README with each marked block replaced by its rendering; an unknown name is an error."""

    def block(m: re.Match) -> str:
        name = m["name"]
        if name not in blocks:
            raise SystemExit(f"README.md marks a block {name!r} that this script does not know")
        return f"<!-- readme_outputs: {name} -->\n```{m['lang']}\n{blocks[name]}\n```"

    return _MARK.sub(block, text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on a difference")
    args = parser.parse_args()
    text = README.read_text(encoding="utf-8")
    missing = set(BLOCKS) - {m["name"] for m in _MARK.finditer(text)}
    if missing:
        print(f"README.md has no marked block for {', '.join(sorted(missing))}", file=sys.stderr)
        return 1
    new = rewrite(text, render())
    if new == text:
        return 0
    if args.check:
        diff = difflib.unified_diff(text.splitlines(), new.splitlines(), "README.md", "regenerated", lineterm="")
        print("\n".join(diff), file=sys.stderr)
        print("README.md differs from what the commands print: run python scripts/readme_outputs.py", file=sys.stderr)
        return 1
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
