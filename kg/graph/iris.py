"""Deterministic IRIs from normalised parts: re-ingesting the same text yields the same nodes.

An actor's IRI depends only on its type and normalised name, so the same person named in two
documents is one node in the store; facts (meetings, roles, evidence) are scoped to their document.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from kg.facts.names import iri_key
from kg.ontology import ID


def slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:60] or "x"


def digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


def actor(type_: str, name: str) -> str:
    """``.../id/person/scott-bessent-<hash>``: the same name and type give the same IRI everywhere."""
    key = iri_key(name)
    return f"{ID}{type_.lower()}/{slug(key)}-{digest(type_, key)[:8]}"


def document(doc_id: str) -> str:
    return f"{ID}doc/{doc_id}"


def fact(kind: str, doc_id: str, *parts: object) -> str:
    return f"{ID}{kind}/{doc_id}-{digest(doc_id, *parts)}"
