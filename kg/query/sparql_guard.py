"""What a user's SPARQL may do here: no federated ``SERVICE`` calls unless the operator allows them.

Oxigraph runs a ``SERVICE <http://...>`` clause by sending an HTTP request from this machine, so a
read-only ``kg sparql`` or a read-only ``kg serve`` would otherwise reach any address a client
names (a server-side request forgery). A query is checked before it runs: a text that never
spells the keyword (after SPARQL's codepoint escapes, which apply before parsing) cannot call a
service and costs nothing more; one that does is parsed (rdflib's SPARQL grammar) and refused if
it holds a ``SERVICE`` pattern, or if it cannot be parsed at all (better to refuse a query than
to let one through).
"""

from __future__ import annotations

import re

from kg.errors import QueryError

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_KEYWORD = re.compile(r"service", re.IGNORECASE)
REFUSAL = "the query calls a remote SERVICE, which is refused here (the operator can allow it with --allow-service)"


def refuse_service(query: str, *, update: bool = False) -> None:
    """Raise QueryError when ``query`` (an update with ``update``) may call a remote SERVICE.

    >>> refuse_service("SELECT ?s WHERE { ?s ?p 'customer service' }")
    >>> refuse_service("SELECT * { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: the query calls a remote SERVICE, which is refused here (the operator can allow it with --allow-service)
    """
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    if not _KEYWORD.search(text):
        return
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseUpdate(text) if update else parseQuery(text)
    except Exception:  # rdflib cannot read it: refuse rather than guess
        raise QueryError(REFUSAL) from None
    if "ServiceGraphPattern" in _names(tree):
        raise QueryError(REFUSAL)


def _names(node) -> set[str]:
    from rdflib.plugins.sparql.parserutils import CompValue

    out: set[str] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, CompValue):
            out.add(n.name)
            stack.extend(n.values())
        elif isinstance(n, (list, tuple)) or hasattr(n, "asList"):
            stack.extend(n)
    return out
