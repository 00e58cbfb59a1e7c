"""One person, one entity, on real news: the dev texts of ``../shared/eval/dev`` ingested into one
store in three orders (forward, reversed, shuffled). Which persons the texts name comes from the
gold annotations; the store must hold each person who appears in two or more texts as one entity,
in every order, answer ``who-met-whom`` for each without an ambiguity stop, and hold no junk
persons. Skipped, with the reason shown, where the evaluation set is neither beside the checkout
nor named by ``KG_EVAL_DEV``."""

from __future__ import annotations

import json
import os
import random
import re
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import ROOT

DEV = Path(os.environ.get("KG_EVAL_DEV", ROOT.parent / "shared" / "eval" / "dev"))
ORDERS = ["forward", "reversed", "shuffled"]

pytestmark = pytest.mark.skipif(not DEV.is_dir(), reason=f"no evaluation set at {DEV}")


def _texts() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))]


def _surname(name: str) -> str:
    from kg.facts.names import fold
    from kg.lexicons import bare_surname, name_suffix

    return bare_surname(fold(name_suffix(name)[0].split()[-1].lower()))


def _people_in_two_texts(texts: list[dict]) -> dict[str, set[str]]:
    """Surname -> the gold names of it, for the surnames of persons of two or more texts whose
    gold names all agree (one person: "Joe Biden", "Joseph R. Biden, Jr."), never two namesakes."""
    from kg.identity.aliases import names_agree

    names, files = defaultdict(set), defaultdict(set)
    for i, t in enumerate(texts):
        for e in t["entities"]:
            if e["type"] == "Person" and len(e["name"].split()) > 1:
                names[_surname(e["name"])].add(e["name"])
                files[_surname(e["name"])].add(i)
    return {s: ns for s, ns in names.items() if len(files[s]) > 1 and all(names_agree(a, b) for a in ns for b in ns)}


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, object]:
    import kg

    texts = _texts()
    out = {}
    for order in ORDERS:
        todo = list(texts)
        if order == "reversed":
            todo.reverse()
        elif order == "shuffled":
            random.Random(7).shuffle(todo)
        graph = kg.open(tmp_path_factory.mktemp(order) / "store")
        for t in todo:
            graph.ingest([t["text"]], date=t.get("date") or None)
        out[order] = graph
    return out


@pytest.mark.parametrize("order", ORDERS)
def test_dev_corpus_a_person_of_two_texts_is_one_entity_in_every_order(stores, order):
    from kg.lexicons import family_names_first

    graph = stores[order]
    people = [e.name for e in graph.entities(type="Person")]
    expected = _people_in_two_texts(_texts())
    assert len(expected) > 20  # the corpus names many people more than once
    split = {s: [p for p in people if _surname(p) == s] for s in expected}
    assert {s: ps for s, ps in split.items() if len(ps) != 1} == {}
    first = family_names_first()  # "Kim Jong Un" is no "Un"
    bare = [ps[0].split()[-1] for ps in split.values() if ps[0].split()[0].lower() not in first]
    for name in [ps[0] for ps in split.values()] + bare:
        assert graph.who_met_whom(name).person.name in people  # no ambiguity stop, no other actor


def test_dev_corpus_as_many_persons_whatever_the_order(stores):
    counts = {order: len(stores[order].entities(type="Person")) for order in ORDERS}
    assert len(set(counts.values())) == 1, counts


JUNK = re.compile(r"[()\[\]:]|^\W|’s\b|'s\b")


@pytest.mark.parametrize("order", ORDERS)
def test_dev_corpus_no_junk_persons(stores, order):
    """No brackets, speaker labels in capitals, possessives, pronouns or titles as persons."""
    from kg.lexicons import name_words, title_words

    not_names = {w.lower() for w in name_words()["not_names"]} | title_words() | {"i", "he", "she", "they", "we"}
    junk = [
        name
        for name in (e.name for e in stores[order].entities(type="Person"))
        if JUNK.search(name) or (name.isupper() and len(name) > 3) or name.lower() in not_names
    ]
    assert junk == []
