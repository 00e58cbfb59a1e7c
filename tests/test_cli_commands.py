"""The command table the CLI starts from: each command is registered by the module the table
names, and a start registers only the command asked for (or all of them for help)."""

from __future__ import annotations

import importlib
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
