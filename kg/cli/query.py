"""Query commands: ``who-met-whom``, ``relations``, ``roles``, ``entities``, ``sparql``, ``stats``, ``documents``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kg.cli.output import handle_errors, out, print_json, table
from kg.errors import InputError
from kg.facts.vocab import ENTITY_TYPES


def register(app: typer.Typer) -> None:
    app.command("who-met-whom")(who_met_whom_cmd)
    app.command("relations")(relations_cmd)
    app.command("roles")(roles_cmd)
    app.command("entities")(entities_cmd)
    app.command("sparql")(sparql_cmd)
    app.command("stats")(stats_cmd)
    app.command("documents")(documents_cmd)


@handle_errors
def who_met_whom_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name or alias, any case.")],
    status: Annotated[
        str | None, typer.Option(help="held, scheduled, potential or cancelled (a meeting's final status).")
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out facts whose rule earned less.")
    ] = 0.0,
    reports: Annotated[bool, typer.Option("--reports", help="One row per report instead of one per meeting.")] = False,
    window: Annotated[
        int, typer.Option(min=0, help="Days an undated report may lie from a meeting's other reports.")
    ] = 30,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """Everyone NAME met, is scheduled to meet or might meet, with evidence: one row per
    meeting, its reports (announced, held, listed in a headline) grouped.

    Example: kg who-met-whom Bessent --status held --min-confidence 0.8 --json
    """
    from kg.api import KnowledgeGraph

    answer = KnowledgeGraph(ctx.obj["store"]).who_met_whom(
        name, status=status, min_confidence=min_confidence, reports=reports, window=window
    )
    actor, rows = answer.person, answer.meetings
    if json_:
        print_json(answer)
        return
    count = sum(len(r.reports) for r in rows)
    shown = [[", ".join(r.with_), r.kind, " → ".join(r.status_history), r.date, r.place, str(len(r.reports)),
              f"{r.evidence}\n({r.source or r.document})"] for r in rows]  # fmt: skip
    headers = ["with", "kind", "status", "date", "place", "reports", "evidence"]
    if reports:  # one report a row: no count to show
        headers, shown = headers[:5] + headers[6:], [row[:5] + row[6:] for row in shown]
    title = f"{actor.name} ({actor.type}): " + (
        f"{count} report(s)" if reports else f"{len(rows)} meeting(s), {count} report(s)"
    )
    table(headers, shown, title=title, wide="evidence")


@handle_errors
def roles_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name or alias, any case.")],
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """NAME's posts over time: each role and affiliation once, with the first and last date
    of the documents that state it, in order of first seen.

    Example: kg roles Bessent --json
    """
    from kg.api import KnowledgeGraph

    answer = KnowledgeGraph(ctx.obj["store"]).roles(name)
    if json_:
        print_json(answer.model_dump())
        return
    table(
        ["post", "of", "first seen", "last seen", "documents", "evidence"],
        [[p.title or p.kind, p.of, p.first, p.last, str(p.documents), p.evidence] for p in answer.posts],
        title=f"{answer.person.name} ({answer.person.type}): {len(answer.posts)} post(s)",
        wide="evidence",
    )


@handle_errors
def relations_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name or alias, any case.")],
    type_: Annotated[
        str | None, typer.Option("--type", help="ACCUSE, REQUEST, SUPPORT, AGREE, REJECT, THREATEN, SANCTION, AID.")
    ] = None,
    status: Annotated[str | None, typer.Option(help="asserted, scheduled, hypothetical or denied.")] = None,
    side: Annotated[
        str | None, typer.Option("--as", help="source (what NAME did) or target (what was done to NAME).")
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out facts whose rule earned less.")
    ] = 0.0,
    reports: Annotated[bool, typer.Option("--reports", help="One row per report instead of one per act.")] = False,
    window: Annotated[
        int, typer.Option(min=0, help="Days an undated report may lie from an act's other reports.")
    ] = 30,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """What NAME did to whom (accused, urged, backed, agreed with, rejected, threatened,
    sanctioned, aided) and what was done to NAME, with evidence: one row per act, its reports
    (a statement and the news stories of it) grouped.

    Example: kg relations Trump --type SANCTION --as source --json
    """
    from kg.api import KnowledgeGraph

    answer = KnowledgeGraph(ctx.obj["store"]).relations(
        name, type=type_, status=status, side=side, min_confidence=min_confidence, reports=reports, window=window
    )
    if json_:
        print_json(answer)
        return
    table(
        ["type", "source", "target", "status", "date", "reports", "evidence"],
        [
            [
                r.type,
                r.source,
                r.target,
                " → ".join(r.status_history) or r.status,
                r.date,
                str(len(r.reports) or 1),
                f"{r.evidence}\n({r.document_source or r.document})",
            ]
            for r in answer.relations
        ],
        title=f"{answer.actor.name} ({answer.actor.type}): {len(answer.relations)} relation(s)",
        wide="evidence",
    )


@handle_errors
def entities_cmd(
    ctx: typer.Context,
    type_: Annotated[str | None, typer.Option("--type", help=f"One of {', '.join(ENTITY_TYPES)}.")] = None,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """List the entities in the store with the number of documents naming each.

    Example: kg entities --type Person
    """
    from kg.api import KnowledgeGraph

    rows = [r.model_dump() for r in KnowledgeGraph(ctx.obj["store"]).entities(type=type_)]
    if json_:
        print_json(rows)
        return
    table(["name", "type", "documents"], [[r["name"], r["type"], r["documents"]] for r in rows])


@handle_errors
def sparql_cmd(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="A SPARQL query, or @file.rq to read it from a file.")],
    update: Annotated[bool, typer.Option("--update", help="Allow a SPARQL update (changes the store).")] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Give up on a read query after this many seconds.")
    ] = 60.0,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
    allow_service: Annotated[
        bool, typer.Option("--allow-service", help="Run federated SERVICE clauses (they send HTTP requests).")
    ] = False,
) -> None:
    """Run a read-only SPARQL query (prefixes kg:, schema:, prov:, org:, skos:, rdfs: predeclared);
    an update only with --update. The default graph is the union of the document graphs (as on
    kg serve); a query calling a remote SERVICE is refused unless --allow-service.

    Example: kg sparql 'SELECT ?name WHERE { GRAPH ?g { ?p a kg:Person ; rdfs:label ?name } }'
    """
    if query.startswith("@"):
        path = Path(query[1:])
        if not path.is_file():
            raise InputError(f"{path}: no such query file")
        query = path.read_text(encoding="utf-8")
    if not allow_service:
        from kg.query.sparql_guard import refuse_service

        refuse_service(query, update=update)
    if update:
        from kg.store import open_store

        store = open_store(ctx.obj["store"])
        try:
            store.update(query)
        finally:
            store.close()
        print_json({"updated": True}) if json_ else out.print("updated")
        return
    from kg.api import KnowledgeGraph

    kind, result = KnowledgeGraph(ctx.obj["store"]).query(query, timeout=timeout, allow_service=True)  # checked above
    if kind == "ask":
        print_json({"boolean": result}) if json_ else out.print(str(result).lower())
    elif kind == "select":
        names, rows = result
        print_json(rows) if json_ else table(names, [[r[n] for n in names] for r in rows])
    else:
        triples = [list(t) for t in result]
        print_json(triples) if json_ else table(["subject", "predicate", "object"], triples)


@handle_errors
def stats_cmd(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """Count documents, triples, entities and meetings in the store.

    Example: kg stats --json
    """
    from kg.api import KnowledgeGraph

    data = KnowledgeGraph(ctx.obj["store"]).stats()
    if json_:
        print_json(data)
        return
    table(
        ["documents", "triples", "entities", "meetings", "relations"],
        [[data[k] for k in ("documents", "triples", "entities", "meetings", "relations")]],
    )


@handle_errors
def documents_cmd(
    ctx: typer.Context,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """List the stored documents: id (what `kg forget` takes), date, source, title and how many
    facts (meetings, roles, affiliations) each holds.

    Example: kg documents --json
    """
    from kg.api import KnowledgeGraph

    rows = [r.model_dump() for r in KnowledgeGraph(ctx.obj["store"]).documents()]
    if json_:
        print_json(rows)
        return
    keys = ("id", "date", "source", "title", "facts")
    table(list(keys), [["" if r[k] is None else r[k] for k in keys] for r in rows], wide="source")
