"""Positions over time (`kg roles`): each post of a person once, dated by the documents that
state it, in order of first seen."""

from __future__ import annotations

import json

import kg
from tests.conftest import kg as run_kg


def test_two_posts_of_one_person_in_order(tmp_path):
    g = kg.open(tmp_path / "store")
    for text, day in [
        ("British Prime Minister Boris Johnson met Donald Trump in London.", "2020-01-10"),
        ("Foreign Secretary Boris Johnson met Sergei Lavrov in Moscow.", "2017-12-22"),
        ("Prime Minister Boris Johnson spoke with Emmanuel Macron by telephone.", "2020-03-01"),
    ]:
        assert not g.ingest([text], date=day).errors
    posts = g.roles("Johnson").posts
    assert [(p.title, p.first, p.last, p.documents) for p in posts] == [
        ("Foreign Secretary", "2017-12-22", "2017-12-22", 1),
        ("Prime Minister", "2020-01-10", "2020-03-01", 2),  # with and without the country: one post
    ]
    assert posts[1].of == "United Kingdom" and posts[1].evidence.startswith("British Prime Minister")


def test_roles_cli_prints_json_and_reports_unknown_names(tmp_path):
    store = tmp_path / "store"
    (tmp_path / "a.txt").write_text("Chilean Foreign Minister Ana Ruiz met Eva Lind in Oslo.\n", encoding="utf-8")
    assert run_kg(store, "ingest", str(tmp_path / "a.txt"), "--date", "2026-03-10").exit_code == 0
    done = run_kg(store, "roles", "ana ruiz", "--json")
    assert done.exit_code == 0, done.stderr
    (post,) = json.loads(done.stdout)["posts"]
    assert (post["title"], post["of"], post["first"]) == ("Foreign Minister", "Chile", "2026-03-10")
    assert run_kg(store, "roles", "Nobody Here").exit_code == 1
