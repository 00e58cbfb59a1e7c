"""Relations beyond meetings, described by data: one spec file per relation type.

A spec (``ontology/relations/NAME.json``, shipped in the wheel) names the type, whether it is
directed (source -> target) or symmetric, the statuses it allows, its ontology class, its PLOVER
type and CAMEO root, how it is drawn as a graph edge, and the lexicon that holds its cue words
(``kg/lexicons/relations/``, or a path relative to the spec's folder). Code reads specs only: the extractor
(``kg.extract.relations``), the RDF mapping, the queries and the CLI speak of "a relation of type
T", so a new type is a spec file, a lexicon and tests. Folders named in ``$KG_RELATIONS``
(separated like ``$PATH``) add specs of one's own.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from kg.facts.vocab import RELATION_STATUSES

LEXICONS = Path(__file__).parent.parent / "lexicons"


class RelationSpec(BaseModel):
    """One relation type, as its spec file states it."""

    model_config = ConfigDict(populate_by_name=True, frozen=True)

    name: str = Field(pattern=r"^[A-Z][A-Z_]{1,30}$")
    comment: str = ""
    directed: bool = True
    statuses: tuple[str, ...] = RELATION_STATUSES
    class_: str = Field(alias="class", pattern=r"^[A-Z][A-Za-z]{1,40}$", description="local name in the kg: namespace")
    plover: str | None = None
    cameo: str | None = None
    lexicon: str
    edge: dict[str, str] = Field(default_factory=dict)
    folder: str = ""

    def cues(self) -> dict:
        """The lexicon: ``lexicon`` is a path relative to the spec's folder, else to ``kg/lexicons``."""
        return _lexicon(str(Path(self.folder) / self.lexicon), str(LEXICONS / self.lexicon))


@cache
def _lexicon(beside: str, shipped: str) -> dict:
    path = Path(beside) if Path(beside).is_file() else Path(shipped)
    return json.loads(path.read_text(encoding="utf-8"))


def specs() -> tuple[RelationSpec, ...]:
    """Every relation spec: the shipped ones, then those in ``$KG_RELATIONS`` folders."""
    return _specs(os.environ.get("KG_RELATIONS", ""))


@cache
def _specs(extra: str) -> tuple[RelationSpec, ...]:
    from kg.ontology import directory

    folders = [directory() / "relations", *(Path(p) for p in extra.split(os.pathsep) if p)]
    found: dict[str, RelationSpec] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            spec = RelationSpec.model_validate({**data, "folder": str(path.parent)})
            found[spec.name] = spec
    return tuple(found.values())


def spec(name: str) -> RelationSpec:
    """The spec of one relation type (KeyError names the known ones)."""
    for s in specs():
        if s.name == name.upper():
            return s
    raise KeyError(f"no relation type {name!r}; known: {', '.join(s.name for s in specs())}")


# A meeting status and the relation status it corresponds to (GUIDELINES-relations.md).
FROM_MEETING_STATUS = {"held": "asserted", "scheduled": "scheduled", "potential": "hypothetical", "cancelled": "denied"}
