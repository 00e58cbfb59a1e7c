"""The command table the CLI starts from: each command is registered by the module the table
names, and a start registers only the command asked for (or all of them for help)."""

from __future__ import annotations

import importlib
import json
import shlex
import subprocess
import sys

import typer

from kg.cli import app, commands


def test_the_table_names_every_command_of_every_module():
    for module, names in commands.GROUPS.items():
        one = typer.Typer()
        importlib.import_module(f"kg.cli.{module}").register(one)
        assert tuple(c.name for c in one.registered_commands) == names
    listed = [n for names in commands.GROUPS.values() for n in names]
    assert sorted(listed) == sorted(c.name for c in app.registered_commands)


def test_a_start_registers_the_command_its_arguments_name():
    assert commands.named(["--store", "who-met-whom", "who-met-whom", "Bessent"]) == "who-met-whom"
    assert commands.named(["--store=/tmp/s", "html", "-o", "x.html"]) == "html"
    assert commands.named(["--help"]) is None
    assert commands.named(["no-such-command"]) is None
    assert commands.named([]) is None


def test_help_lists_every_command_and_a_command_runs_alone(tmp_path):
    run = [sys.executable, "-m", "kg"]
    listed = subprocess.run([*run, "--help"], capture_output=True, text=True, check=True).stdout
    assert all(n in listed for names in commands.GROUPS.values() for n in names)
    got = subprocess.run([*run, "--store", str(tmp_path / "s"), "stats"], capture_output=True, text=True)
    assert got.returncode == 1 and "no store" in got.stderr  # the command ran, on a missing store
    wrong = subprocess.run([*run, "no-such-command"], capture_output=True, text=True)
    assert wrong.returncode == 2 and "No such command" in wrong.stderr


def test_a_command_that_leaves_without_teardown_keeps_its_output_and_exit_code(tmp_path):
    """Query commands end with ``os._exit`` once their output is flushed (``kg.cli.main``): the
    whole answer still arrives, also through a pipe closed early, with the command's exit code."""
    run = [sys.executable, "-m", "kg", "--store", str(tmp_path / "s")]
    text = tmp_path / "a.txt"
    text.write_text("Finance Minister Ana Novak met Trade Minister Omar Haddad in Vienna on Monday.\n")
    subprocess.run([*run, "ingest", str(text), "--date", "2025-03-03"], capture_output=True, check=True)
    got = subprocess.run([*run, "who-met-whom", "Ana Novak", "--json"], capture_output=True, text=True)
    assert got.returncode == 0 and json.loads(got.stdout)["meetings"][0]["with"] == ["Omar Haddad"]
    assert subprocess.run([*run, "who-met-whom", "Nobody Here"], capture_output=True).returncode == 1
    head = subprocess.run(f"{shlex.join([*run, 'entities', '--json'])} | head -c 1", shell=True, capture_output=True,
                          text=True)  # fmt: skip
    assert head.stdout == "[" and "Traceback" not in head.stderr
