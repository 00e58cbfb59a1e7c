"""Every command's --help shows an example, and the example runs on the demo store.

The examples are read from the help texts themselves, so a changed option that breaks one fails
here. Three examples name things the demo corpus does not hold (a pair to merge, a merge to undo,
a document id); they must end in one clear line and exit 1, never a traceback.
"""

from __future__ import annotations

import re
import shlex
import shutil

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()
NAMES_ABSENT_FROM_THE_DEMO = {"merge", "unmerge", "forget"}
ORDER = ["ingest", "extract", "who-met-whom", "relations", "roles", "entities", "sparql", "stats", "documents", "centrality", "path",
         "neighbors", "communities", "timeline", "export", "html", "dump", "load", "aliases", "reextract",
         "duplicates", "merge", "unmerge", "forget"]  # fmt: skip


def _example(command: str) -> str:
    result = runner.invoke(app, [command, "--help"], terminal_width=400)
    assert result.exit_code == 0
    found = re.search(r"Example: (kg [^\n]*)", result.stdout)
    assert found, f"kg {command} --help shows no example"
    return re.sub(r"\s+", " ", found.group(1).split(", then ")[0]).strip()


def test_every_command_has_an_example():
    names = {c.name for c in app.registered_commands}
    assert names == set(ORDER) | {"serve"}
    assert _example("serve").startswith("kg serve --port")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("examples-run")
    shutil.copytree(EXAMPLES, folder / "examples")
    return folder


def test_the_examples_run_on_the_demo_store(workdir, monkeypatch):
    monkeypatch.chdir(workdir)
    monkeypatch.delenv("KG_STORE", raising=False)
    assert runner.invoke(app, ["ingest", "examples/"]).exit_code == 0  # what make demo does
    for command in ORDER:
        for part in _example(command).split(" && "):
            args = shlex.split(part)[1:]
            result = runner.invoke(app, args)
            if command in NAMES_ABSENT_FROM_THE_DEMO:
                assert result.exit_code == 1, (part, result.output)
                assert len(result.stderr.strip().splitlines()) == 1
            else:
                assert result.exit_code == 0, (part, result.output)
            assert "Traceback" not in result.output
