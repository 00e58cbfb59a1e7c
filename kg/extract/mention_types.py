"""A mention, and how a name's type is decided from gazetteers and word lists before the model's label."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.lexicons import gazetteer, name_words

TYPES_FROM_LABEL = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "City",
    "LOC": "Place",
    "FAC": "Place",
    "NORP": "Demonym",
}
ACTOR_TYPES = {"Person", "Organization", "Country"}
NAME_PARTICLES = frozenset(
    {"de", "da", "del", "la", "le", "van", "von", "der", "den", "bin", "al", "el", "di", "du", "ter"}
)
CALENDAR = frozenset(
    {"january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
     "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip


@dataclass
class Mention:
    """A name in the text: character span, surface text and type (``Demonym`` for "Chinese")."""

    start: int
    end: int
    text: str
    type: str
    country: str | None = None  # canonical country, for countries, capitals and demonyms
    in_title: bool = False  # part of a role prefix ("Chinese" in "Chinese Vice Premier"): not an actor
    metonym: bool = False  # a capital or demonym standing for its country as an actor
    anaphor: bool = False  # a bare title standing for the one person who holds it ("the Secretary")
    person_cue: bool = False  # a title or honorific right before it, or an appositive title after it
    canonical: str | None = None  # a listed organisation's standard name ("EU" -> "European Union")


def _word_set(key: str) -> set[str]:
    return {w.lower() for w in name_words()[key]}


def _has_word(text: str, words: set[str]) -> bool:
    tokens = re.findall(r"[\w.&-]+", text.lower())
    joined = " ".join(tokens)
    return any(w in tokens or (" " in w and w in joined) for w in words)


def classify(text: str, label_type: str) -> tuple[str, str | None]:
    """The type of a name from gazetteers and word lists first, the model's label last."""
    gaz = gazetteer()
    country = gaz.country(text)
    if country and label_type != "Demonym":
        return "Country", country
    dem = gaz.demonyms.get(text.lower().replace("’", "'"))
    if label_type == "Demonym" or (dem and (len(text.split()) == 1 or label_type == "Person")):
        return "Demonym", dem
    capital = gaz.city_country(text)
    if capital:
        return "City", capital
    if label_type == "Person" and gaz.seat(text):
        return "Place", None  # "senior White House officials": a seat of government is a venue, never a person
    if (
        _has_word(text, _word_set("place_words"))
        and label_type in {"City", "Place", "Organization", "Person"}
        and len(text.split()) <= 3
    ):
        return "Place", None
    if _has_word(text, _word_set("venue_words")) and label_type in {"Person", "Place", "Organization", "City"}:
        if not re.search(r"\b(of|for)\b", text) or label_type != "Organization":
            return "Place", None
    if (
        _has_word(text, _word_set("organization_words"))
        and label_type in {"Person", "Place", "City"}
        and len(text.split()) > 1
    ):
        return "Organization", None
    return label_type, None
