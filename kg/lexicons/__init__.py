"""Word lists that drive extraction, kept as data so rules grow without code changes.

Each loader reads its file once and returns plain dicts and sets keyed by lower-case surface form.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kg.facts.names import fold, lexicon_key

HERE = Path(__file__).parent


def _rows(name: str) -> list[list[str]]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Gazetteer:
    """Countries, their aliases, demonyms and capitals; cities with their country."""

    countries: dict[str, str] = field(default_factory=dict)  # alias (lower) -> canonical country
    demonyms: dict[str, str] = field(default_factory=dict)  # demonym (lower) -> canonical country
    capitals: dict[str, str] = field(default_factory=dict)  # capital (lower) -> canonical country
    cities: dict[str, str] = field(default_factory=dict)  # city (lower) -> canonical country
    organizations: dict[str, str] = field(default_factory=dict)  # full form (lower) or abbreviation -> name
    seats: dict[str, str] = field(default_factory=dict)  # seat of government (lower) -> canonical country
    body_seats: dict[str, str] = field(default_factory=dict)  # city hosting a body (lower) -> the body

    def organization(self, name: str) -> str | None:
        """Standard name of a listed organisation ("EU" -> "European Union"); abbreviations as written."""
        return self.organizations.get(name.strip()) or self.organizations.get(lexicon_key(name))

    def country(self, name: str) -> str | None:
        """Canonical country for a name or alias ("U.S." -> "United States"), else None."""
        return self.countries.get(lexicon_key(name))

    def seat(self, name: str) -> str | None:
        """The country whose government a seat of government stands for ("White House")."""
        return self.seats.get(lexicon_key(name))

    def city_country(self, name: str) -> str | None:
        key = lexicon_key(name)
        return self.capitals.get(key) or self.cities.get(key)


@cache
def gazetteer() -> Gazetteer:
    """Countries from countries.tsv, completed with every ISO 3166 name that pycountry knows."""
    gaz = Gazetteer()
    for row in _rows("countries.tsv"):
        name, aliases, demonyms, capitals = ([*row, "", "", ""])[:4]
        for alias in [name, *aliases.split("|")]:
            if alias:
                gaz.countries[lexicon_key(alias)] = name
        for dem in demonyms.split("|"):
            if dem:
                gaz.demonyms[lexicon_key(dem)] = name
                if dem[-1] in "ni":  # the people: "Israelis", "Russians", "Palestinians"
                    gaz.demonyms.setdefault(lexicon_key(dem) + "s", name)
        for cap in capitals.split("|"):
            if cap:
                gaz.capitals[lexicon_key(cap)] = name
    import pycountry

    for c in pycountry.countries:
        canonical = getattr(c, "common_name", None) or c.name
        for alias in {c.name, canonical, getattr(c, "official_name", c.name)}:
            gaz.countries.setdefault(lexicon_key(alias), gaz.countries.get(lexicon_key(canonical), canonical))
    for seat, owner, *kind in _rows("seats.tsv"):
        (gaz.body_seats if kind == ["body"] else gaz.seats)[lexicon_key(seat)] = owner
    for city, country in _rows("cities.tsv"):
        gaz.cities[lexicon_key(city)] = country
    for name, *rest in _rows("organizations.tsv"):
        for alias in [name, *(rest[0].split("|") if rest else [])]:
            abbreviation = alias.replace(".", "").replace("-", "").isupper() or alias[:1].isdigit()
            gaz.organizations[alias if abbreviation else lexicon_key(alias)] = name
    return gaz


@dataclass(frozen=True)
class Titles:
    """Titles as word tuples, longest first, so the longest title before a name wins."""

    forms: tuple[tuple[str, ...], ...]
    words: frozenset[str]
    role_nouns: frozenset[tuple[str, ...]] = frozenset()  # "spokesman", "aide": jobs as much as offices


@cache
def titles() -> Titles:
    lines = [ln.strip() for ln in (HERE / "titles.txt").read_text(encoding="utf-8").splitlines()]
    marker = next((i for i, ln in enumerate(lines) if ln.startswith("# Role nouns")), len(lines))
    forms = {tuple(ln.lower().split()) for ln in lines if ln and not ln.startswith("#")}
    roles = {tuple(ln.lower().split()) for ln in lines[marker:] if ln and not ln.startswith("#")}
    ordered = tuple(sorted(forms, key=len, reverse=True))
    return Titles(ordered, frozenset(w for f in ordered for w in f), frozenset(roles))


@cache
def title_words() -> frozenset[str]:
    """Words of titles, without the small words some titles hold ("Secretary of State")."""
    return titles().words - {"of", "for", "the", "and", "to", "on", "in"}


@cache
def meeting_words() -> dict:
    return json.loads((HERE / "meetings.json").read_text(encoding="utf-8"))


def forms_of(lemmas) -> frozenset[str]:
    """Regular inflections of verb lemmas ("hope" -> "hopes", "hoped", "hoping"; "plan" ->
    "planned"), so that a rule keyed by lemma still fires where the small model's lemmatizer errs
    ("hopes" -> "hop")."""
    out: set[str] = set()
    for w in lemmas:
        if " " in w:
            continue
        stem = w[:-1] if w.endswith("e") else w
        out |= {w, w + "s", w + "es", stem + "ed", w + "d", stem + "ing"}
        if w.endswith("y"):
            out |= {w[:-1] + "ies", w[:-1] + "ied"}
        if len(w) > 2 and w[-1] in "bdgklmnprt" and w[-2] in "aeiou" and w[-3] not in "aeiou":
            out |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # "planned", "slotted"
    return frozenset(out)


@cache
def party_adjectives() -> dict[str, str]:
    """Adjective or abbreviation as written ("Tory", "GOP") -> the party's name (political_parties.tsv)."""
    return {form: name for name, forms in _rows("political_parties.tsv") for form in forms.split("|")}


@cache
def nicknames() -> dict[str, str]:
    """Short form or transliteration (lower case) -> the given name it stands for (nicknames.tsv)."""
    out: dict[str, str] = {}
    for name, forms in _rows("nicknames.tsv"):
        for form in [name, *forms.split("|")]:
            out.setdefault(form, name)
    return out


@cache
def family_names_first(*, across_documents: bool = False) -> frozenset[str]:
    """Family names written first ("Xi Jinping", "Kim Jong Un"), lower case; ``across_documents``:
    only those that are no given name elsewhere (family_names_first.txt, lines without " *")."""
    lines = (HERE / "family_names_first.txt").read_text(encoding="utf-8").splitlines()
    rows = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
    return frozenset(r.removesuffix(" *").lower() for r in rows if not (across_documents and r.endswith(" *")))


@cache
def predicates() -> dict:
    """Meeting predicates by lemma with their argument frames (predicates.json)."""
    return json.loads((HERE / "predicates.json").read_text(encoding="utf-8"))


@cache
def party_words() -> dict:
    """Group and plural nouns of the participant reader (parties.json), as sets of lemmas."""
    raw = json.loads((HERE / "parties.json").read_text(encoding="utf-8"))
    out = {k: frozenset(v) for k, v in raw.items() if not k.startswith("_") and isinstance(v, list)}
    out["role_plurals"] = {k: frozenset(v) for k, v in raw["role_plurals"].items()}
    return out


@cache
def clause_words() -> dict:
    """Clause shapes the relation slots read (relations/clauses.json): sets of lemmas, and the
    tables among them as dicts ("title_bodies")."""
    raw = json.loads((HERE / "relations" / "clauses.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in raw.items() if isinstance(v, list | dict)}


@cache
def status_cues() -> dict:
    return json.loads((HERE / "status.json").read_text(encoding="utf-8"))


@cache
def name_words() -> dict:
    return json.loads((HERE / "names.json").read_text(encoding="utf-8"))


def bare_surname(word: str) -> str:
    """A surname without the article that may open it ("al-bashir" -> "bashir"; names.json
    "surname_articles"), so that "Bashir" and "al-Bashir" are one surname."""
    for article in name_words()["surname_articles"]:
        if word.startswith(article) and len(word) > len(article) + 1:
            return word[len(article) :]
    return word


def given_names_agree(x: str, y: str) -> bool:
    """ "J." and "Joseph", "Joe" and "Joseph", "Sergey" and "Sergei" (a transliteration) agree."""
    x, y = fold(x.lower()).rstrip("."), fold(y.lower()).rstrip(".")
    if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return True
    names = nicknames()
    return names.get(x, x) == names.get(y, y)


def name_suffix(label: str) -> tuple[str, str]:
    """A person's name and its suffix apart (names.json "name_suffixes"): "Joseph R. Biden, Jr."
    is ("Joseph R. Biden", "Jr."), so that the surname is Biden; a name without one, or of two
    words ("Charles III", no surname), is (label, "").

    >>> name_suffix("Lloyd J. Austin III"), name_suffix("Joe Biden")
    (('Lloyd J. Austin', 'III'), ('Joe Biden', ''))
    """
    words = label.split()
    if len(words) > 2 and words[-1] in name_words()["name_suffixes"]:
        return " ".join(words[:-1]).rstrip(","), words[-1]
    return label, ""


@cache
def confidences() -> dict:
    return json.loads((HERE / "confidence.json").read_text(encoding="utf-8"))


@cache
def honorifics() -> tuple[str, ...]:
    """Words of address ("H.E.", "Mr."), longest first, from names.json."""
    return tuple(sorted(name_words()["honorifics"], key=len, reverse=True))


def honorific_pattern(at_least_one: bool = False) -> str:
    """A regex for a run of honorifics, each followed by whitespace."""
    alternation = "|".join(re.escape(h) + (r"(?!\w)" if not h.endswith(".") else "") for h in honorifics())
    return rf"(?:(?:{alternation})\s+)" + ("+" if at_least_one else "*")
