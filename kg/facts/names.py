"""The keys names are compared by: one function per purpose, each used wherever that purpose is.

Names are compared for four purposes, and each needs its own leniency:

- ``iri_key``: which node a name is (``kg.graph.iris.actor``). Lenient about what never tells two
  actors apart (case, spacing, Unicode forms, a curly apostrophe, a leading "the"), strict about
  everything else, since an IRI outlives the text it came from.
- ``mention_key``: which mentions of one document are one entity (``kg.extract.entities``); a
  possessive is folded away too ("Beijing's" is Beijing).
- ``lexicon_key``: how a name is looked up in the gazetteer's word lists (``kg.lexicons``).
- ``lookup_key`` and ``fold``: what a stored name is found by (``kg:nameKey``, indexed), with and
  without accents, so that "Erdogan" finds "Erdoğan" and back; ``surname_key`` finds a person by a
  bare surname (``kg:surnameKey``).

Kept free of imports from the rest of kg: every stage, from the lexicons up, uses these.
"""

from __future__ import annotations

import re
import unicodedata


def iri_key(name: str) -> str:
    """
    >>> iri_key("The  White House"), iri_key("Côte d’Ivoire")
    ('white house', "côte d'ivoire")
    """
    s = unicodedata.normalize("NFKC", name).lower().replace("’", "'")
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"\s+", " ", s)


def mention_key(text: str) -> str:
    """A comparison key for a document's mentions: case, quotes, a leading 'the' and a
    possessive folded away.

    >>> mention_key("the  Kremlin's")
    'kremlin'
    """
    s = text.lower().replace("’", "'").strip()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s$", "", s)
    return re.sub(r"\s+", " ", s)


def lexicon_key(name: str) -> str:
    """
    >>> lexicon_key(" The Hague ")
    'hague'
    """
    key = name.strip().lower().replace("’", "'")
    return key[4:] if key.startswith("the ") else key


def lookup_key(name: str) -> str:
    """What a stored name is looked up by: lower case, single spaces (``kg:nameKey``, indexed)."""
    return " ".join(name.split()).lower()


_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold(key: str) -> str:
    """A key without accents, so that "Erdogan" finds "Erdoğan" and back: Unicode decomposition
    drops the marks, and the letters it cannot split are spelt as English news spells them.

    >>> fold("erdoğan"), fold("søren kierkegaard"), fold("wałęsa")
    ('erdogan', 'soren kierkegaard', 'walesa')
    """
    decomposed = unicodedata.normalize("NFKD", key.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def lookup_keys(name: str) -> list[str]:
    """The keys a name is stored under: as written (lower case) and without accents."""
    key = lookup_key(name)
    return list(dict.fromkeys([key, fold(key)]))


def surname_key(label: str) -> str | None:
    """What a bare surname finds a person by (``kg:surnameKey``): the last word of a name of
    several words, in lower case and without accents; None for a one-word name."""
    words = label.split()
    return fold(words[-1].lower()) if len(words) > 1 else None
