"""Who a name is across documents (kg.identity.resolve), whatever order the documents come in: real
ingests into real stores in temporary folders. Every text is our own."""

from __future__ import annotations

import json

import pytest

from tests.conftest import kg

DAY = "2026-03-10"


def _ingest(tmp_path, name: str, texts: list[str]):
    folder = tmp_path / f"{name}-in"
    folder.mkdir()
    files = []
    for i, text in enumerate(texts):
        files.append(folder / f"{i}.txt")
        files[-1].write_text(text + "\n", encoding="utf-8")
    store = tmp_path / name
    for f in files:  # one run per file: each document meets the store the ones before it left
        assert kg(store, "ingest", str(f), "--date", DAY).exit_code == 0
    return store


def _persons(store) -> set[str]:
    return {e["name"] for e in json.loads(kg(store, "entities", "--type", "Person", "--json").stdout)}


def _partners(store, name: str) -> set[str]:
    result = kg(store, "who-met-whom", name, "--json")
    assert result.exit_code == 0, result.stderr
    return {n for m in json.loads(result.stdout)["meetings"] for n in m["with"]}


NOVAK = [
    "Novak met Luis Vega in Quito on Monday.",
    "Finance Minister Ana Novak met Trade Minister Omar Haddad in Vienna on Monday.",
    "Novak met Eva Lind in Oslo on Friday.",
]


@pytest.mark.parametrize("order", [[0, 1, 2], [2, 1, 0], [1, 0, 2]])
def test_resolve_a_bare_surname_is_the_one_person_of_that_surname_in_any_order(tmp_path, order):
    """Before the full name is stored the bare name is a node of its own; the full name, once
    written, absorbs it: the same graph as when the full name came first."""
    store = _ingest(tmp_path, "s", [NOVAK[i] for i in order])
    assert {p for p in _persons(store) if "Novak" in p} == {"Ana Novak"}
    assert _partners(store, "Novak") == {"Luis Vega", "Omar Haddad", "Eva Lind"}


def test_resolve_absorbing_gives_the_graph_the_full_name_first_gives(tmp_path):
    from tests.conftest import _quads

    first = _ingest(tmp_path, "full-first", [NOVAK[1], NOVAK[0]])
    later = _ingest(tmp_path, "full-later", [NOVAK[0], NOVAK[1]])

    def facts(store) -> set[str]:  # the source file's path names the folder: not a fact
        return {q for q in _quads(store) if "/dc/terms/source>" not in q}

    assert facts(first) == facts(later)


def test_resolve_full_names_that_agree_are_one_person(tmp_path):
    store = _ingest(
        tmp_path,
        "s",
        [
            "Secretary of State Michael R. Lund met Foreign Minister Eva Lind in Oslo on Monday.",
            "Mike Lund met Luis Vega in Lima on Friday.",
            "Sergey Orlov met Eva Lind in Minsk. Sergei Orlov met Luis Vega in Riga.",
        ],
    )
    people = _persons(store)
    assert "Mike Lund" not in people and "Michael R. Lund" in people
    assert _partners(store, "Michael R. Lund") == {"Eva Lind", "Luis Vega"}
    assert len({p for p in people if "Orlov" in p}) == 1


def test_resolve_a_name_that_agrees_with_two_people_joins_neither(tmp_path):
    store = _ingest(
        tmp_path,
        "s",
        [
            "President George W. Lund met Eva Lind in Oslo.",
            "Former President George H. W. Lund met Luis Vega in Lima.",
            "George Lund met Omar Haddad in Cairo.",
            "Lund met Ana Ruiz in Quito.",
        ],
    )
    assert {"George W. Lund", "George H. W. Lund", "George Lund"} <= _persons(store)
    assert _partners(store, "George W. Lund") == {"Eva Lind"}  # neither "George Lund" nor "Lund"
    assert _partners(store, "George H. W. Lund") == {"Luis Vega"}


def test_resolve_different_given_names_or_countries_stay_apart(tmp_path):
    store = _ingest(
        tmp_path,
        "s",
        [
            "Peruvian Foreign Minister Ana Soto met Luis Vega in Lima on Monday.",
            "Chilean Senator Soto met Eva Lind in Santiago on Tuesday.",
            "Hugo Soto met Omar Haddad in Cairo.",
        ],
    )
    assert {"Ana Soto", "Soto", "Hugo Soto"} <= _persons(store)
    assert _partners(store, "Ana Soto") == {"Luis Vega"}


@pytest.mark.parametrize("order", [[0, 1], [1, 0]])
def test_resolve_a_family_name_written_first_finds_its_person(tmp_path, order):
    """Chinese and Korean names put the family name first: a bare "Wang" in another document
    is the one stored "Wang Lei"; with two Kims stored, a bare "Kim" is neither."""
    texts = ["Vice Premier Wang Lei met Eva Lind in Oslo on Monday.", "Wang met Luis Vega in Quito on Friday."]
    store = _ingest(tmp_path, "s", [texts[i] for i in order])
    assert {p for p in _persons(store) if "Wang" in p} == {"Wang Lei"}
    assert _partners(store, "Wang Lei") == {"Eva Lind", "Luis Vega"}


def test_resolve_a_bare_name_that_is_also_a_given_name_joins_no_one(tmp_path):
    """ "Kim" and "Lee" are Korean family names and English given names ("Kim Darroch", "Lee
    Zeldin"): a bare one in another document is no evidence of which person it is."""
    store = _ingest(tmp_path, "s", [
        "EPA Administrator Lee Zeldin met Eva Lind in Oslo on Monday.",
        "British Ambassador Kim Darroch met Luis Vega in Quito on Tuesday.",
        "Omar Haddad met Lee in Vienna on Friday. Ana Novak met Kim in Rome on Friday.",
    ])  # fmt: skip
    assert _partners(store, "Lee Zeldin") == {"Eva Lind"}
    assert _partners(store, "Kim Darroch") == {"Luis Vega"}


def test_resolve_one_person_labelled_two_ways_is_one_entity_row(tmp_path):
    store = _ingest(tmp_path, "s", [
        "Kim Jong-un met Eva Lind in Pyongyang on Monday.",
        "Kim Jong-Un met Luis Vega in Pyongyang on Friday.",
    ])  # fmt: skip
    rows = [e for e in json.loads(kg(store, "entities", "--type", "Person", "--json").stdout) if "Kim" in e["name"]]
    assert len(rows) == 1 and rows[0]["documents"] == 2  # one IRI, two labels: one row
    assert _partners(store, "Kim Jong-un") == {"Eva Lind", "Luis Vega"}


VEGAS = [
    "President Carlos Vega met Chancellor Eva Lind in Berlin on Monday.",
    "First Lady Rosa Vega visited a school in Lima on Monday.",
    "President Vega met Prime Minister Omar Haddad in Quito on Friday.",
    "President Carlos Vega and First Lady Rosa Vega met Chancellor Eva Lind in Berlin on Monday.",
]


@pytest.mark.parametrize("order", [[0, 1, 2], [1, 0, 2], [2, 3]])
def test_resolve_a_title_tells_two_namesakes_apart(tmp_path, order):
    """A bare surname with two stored namesakes joins the one whose titles hold the title this
    document gives it; so does a bare node stored before a document that names both."""
    store = _ingest(tmp_path, "s", [VEGAS[i] for i in order])
    assert {p for p in _persons(store) if "Vega" in p} == {"Carlos Vega", "Rosa Vega"}
    assert {"Eva Lind", "Omar Haddad"} <= _partners(store, "Carlos Vega")
    assert "Omar Haddad" not in _partners(store, "Rosa Vega")


def test_resolve_an_untitled_bare_surname_of_two_namesakes_stays_apart(tmp_path):
    store = _ingest(tmp_path, "s", [*VEGAS[:2], "Vega met Prime Minister Omar Haddad in Quito on Friday."])
    assert {p for p in _persons(store) if "Vega" in p} == {"Carlos Vega", "Rosa Vega", "Vega"}


@pytest.mark.parametrize("order", [[0, 1], [1, 0]])
def test_resolve_a_surname_without_its_article_is_that_person(tmp_path, order):
    texts = ["President Omar al-Kadir met Chancellor Eva Lind in Cairo on Monday.",
             "Kadir met Prime Minister Omar Haddad in Quito on Friday."]  # fmt: skip
    store = _ingest(tmp_path, "s", [texts[i] for i in order])
    assert {p for p in _persons(store) if "Kadir" in p} == {"Omar al-Kadir"}
    assert _partners(store, "Omar al-Kadir") == {"Eva Lind", "Omar Haddad"}


PUIG = [
    "High Representative Jordi Puig Ferrer met Foreign Minister Eva Lind in Brussels on Monday.",
    "Jordi Puig met Prime Minister Omar Haddad in Quito on Friday.",
]


@pytest.mark.parametrize("order", [[0, 1], [1, 0]])
def test_resolve_a_name_with_one_of_two_surnames_is_that_person(tmp_path, order):
    """ "Jordi Puig" is "Jordi Puig Ferrer" (a double surname), whichever is stored first."""
    store = _ingest(tmp_path, "s", [PUIG[i] for i in order])
    (puig,) = {p for p in _persons(store) if "Puig" in p}
    assert _partners(store, puig) == {"Eva Lind", "Omar Haddad"}


def test_resolve_a_first_surname_alone_or_an_initial_joins_no_double_surname(tmp_path):
    store = _ingest(tmp_path, "s", [PUIG[0], "Puig met Prime Minister Omar Haddad in Quito on Friday."])
    assert {p for p in _persons(store) if "Puig" in p} == {"Jordi Puig Ferrer", "Puig"}
    store = _ingest(tmp_path, "t", ["Mayor Jordi R. Ferrer met Eva Lind in Lima.", "Jordi Puig met Eva Lind in Lima."])
    assert {p for p in _persons(store) if "Jordi" in p} == {"Jordi R. Ferrer", "Jordi Puig"}


HOLT = [
    "President Joseph R. Holt, Jr. spoke with Chancellor Eva Lind of Austria on Monday.",
    "Vice President Joe Holt met Foreign Minister Omar Haddad in Cairo.",
]


@pytest.mark.parametrize("order", [[0, 1], [1, 0]])
def test_resolve_a_generational_suffix_is_no_surname(tmp_path, order):
    """ "Joseph R. Holt, Jr." is a Holt: "Joe Holt" joins him, whichever is stored first."""
    store = _ingest(tmp_path, "s", [HOLT[i] for i in order])
    (holt,) = {p for p in _persons(store) if "Holt" in p}
    assert _partners(store, holt) == {"Eva Lind", "Omar Haddad"}


def test_resolve_a_father_and_a_son_of_one_name_stay_apart(tmp_path):
    store = _ingest(
        tmp_path,
        "s",
        ["Pastor Amos K. Dunn Sr. met Eva Lind in Atlanta.", "Pastor Amos K. Dunn Jr. met Omar Haddad in Atlanta."],
    )
    assert {p for p in _persons(store) if "Dunn" in p} == {"Amos K. Dunn Sr.", "Amos K. Dunn Jr."}
