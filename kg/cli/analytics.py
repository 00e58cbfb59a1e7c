"""Analytics commands over the networkx projection: centrality, path, neighbors, communities, timeline."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.output import err, handle_errors, print_json, table
from kg.errors import KgError
from kg.vocab import ENTITY_TYPES, MEETING_STATUSES

StatusOpt = Annotated[
    list[str] | None, typer.Option("--status", help="Meeting statuses to keep (repeatable; default held).")
]
SinceOpt = Annotated[str | None, typer.Option(help="Keep meetings dated on or after this ISO date.")]
UntilOpt = Annotated[str | None, typer.Option(help="Keep meetings dated on or before this ISO date.")]
TypeOpt = Annotated[
    list[str] | None,
    typer.Option("--type", help="Actor types to keep (repeatable; default Person, Organization, Country)."),
]
ConfOpt = Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Leave out less certain meetings.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")]


def register(app: typer.Typer) -> None:
    app.command("centrality")(centrality_cmd)
    app.command("path")(path_cmd)
    app.command("neighbors")(neighbors_cmd)
    app.command("communities")(communities_cmd)
    app.command("timeline")(timeline_cmd)


def _graph(ctx: typer.Context, status, since, until, types, min_confidence, *, evidence: bool = False):
    from kg.store import open_store
    from kg.views import ViewFilter, meeting_graph

    for s in status or []:
        if s not in MEETING_STATUSES:
            raise typer.BadParameter(f"choose from {', '.join(MEETING_STATUSES)}", param_hint="--status")
    for t in types or []:
        if t not in ENTITY_TYPES:
            raise typer.BadParameter(f"choose from {', '.join(ENTITY_TYPES)}", param_hint="--type")
    check_dates(since, until)
    flt = ViewFilter(
        statuses=tuple(status or ("held",)),
        since=since,
        until=until,
        types=tuple(types or ("Person", "Organization", "Country")),
        min_confidence=min_confidence,
    )
    store = open_store(ctx.obj["store"], read_only=True)
    return store, meeting_graph(store, flt, evidence=evidence)


def check_dates(since: str | None, until: str | None) -> None:
    """--since and --until must be ISO date prefixes (a bad one is a usage error, exit 2)."""
    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not _iso_prefix(value):
            raise typer.BadParameter("use YYYY, YYYY-MM or YYYY-MM-DD", param_hint=name)


def _iso_prefix(value: str) -> bool:
    import re

    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value))


def _node(store, g, name: str) -> str:
    from kg.queries import find_actor

    actor = find_actor(store, name)
    if actor.iri not in g:
        raise KgError(f"{actor.name} has no meetings that pass the filters (try --status or --type)")
    return actor.iri


@handle_errors
def centrality_cmd(
    ctx: typer.Context,
    measure: Annotated[str, typer.Option(help="degree, betweenness, eigenvector or pagerank.")] = "degree",
    top: Annotated[int, typer.Option(min=1, help="How many actors to list.")] = 10,
    status: StatusOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    min_confidence: ConfOpt = 0.0,
    json_: JsonOpt = False,
) -> None:
    """Who is central in the meeting network.

    Example: kg centrality --measure pagerank --top 5 --status held --status scheduled
    """
    from kg.analytics import MEASURES, centrality

    if measure not in MEASURES:
        raise typer.BadParameter(f"choose one of {', '.join(MEASURES)}", param_hint="--measure")
    _, g = _graph(ctx, status, since, until, type_, min_confidence)
    rows = centrality(g, measure, top=top)
    if json_:
        print_json([{k: r[k] for k in ("name", "type", "score")} for r in rows])
        return
    table(["name", "type", measure], [[r["name"], r["type"], f"{r['score']:.4f}"] for r in rows])


@handle_errors
def path_cmd(
    ctx: typer.Context,
    source: Annotated[str, typer.Argument(help="Where the chain starts (a name).")],
    target: Annotated[str, typer.Argument(help="Where it ends (a name).")],
    status: StatusOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    min_confidence: ConfOpt = 0.0,
    json_: JsonOpt = False,
) -> None:
    """The shortest chain of meetings from one actor to another, with the evidence for each hop.

    Example: kg path "Rachel Reeves" "He Lifeng" --status held --status scheduled --json
    """
    from kg.analytics import path
    from kg.views import fill_items

    store, g = _graph(ctx, status, since, until, type_, min_confidence)
    a, b = _node(store, g, source), _node(store, g, target)
    result = path(g, a, b, fill=lambda items: fill_items(store, items))
    if result is None:
        raise KgError(f"no chain of meetings links {source} and {target} under these filters")
    if json_:
        print_json(result)
        return
    rows = []
    for hop in result["hops"]:
        first = hop["meetings"][0]
        rows.append([f"{hop['from']} → {hop['to']}", first["status"], first["date"], first["evidence"]])
    table(["hop", "status", "date", "evidence"], rows, title=" → ".join(result["path"]), wide="evidence")


@handle_errors
def neighbors_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name or alias.")],
    hops: Annotated[int, typer.Option(min=1, max=6, help="How many meetings away.")] = 1,
    status: StatusOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    min_confidence: ConfOpt = 0.0,
    json_: JsonOpt = False,
) -> None:
    """Actors within N meetings of NAME.

    Example: kg neighbors Bessent --hops 2 --status held --status scheduled
    """
    from kg.analytics import neighbors

    store, g = _graph(ctx, status, since, until, type_, min_confidence)
    rows = neighbors(g, _node(store, g, name), hops=hops)
    if json_:
        print_json([{k: r[k] for k in ("name", "type", "hops")} for r in rows])
        return
    table(["name", "type", "hops"], [[r["name"], r["type"], r["hops"]] for r in rows])


@handle_errors
def communities_cmd(
    ctx: typer.Context,
    status: StatusOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    min_confidence: ConfOpt = 0.0,
    json_: JsonOpt = False,
) -> None:
    """Groups of actors who meet among themselves (Louvain, seeded: the same store gives the same groups).

    Example: kg communities --json
    """
    from kg.analytics import communities

    _, g = _graph(ctx, status, since, until, type_, min_confidence)
    groups = communities(g)
    if json_:
        print_json(groups)
        return
    table(["#", "size", "members"], [[i + 1, len(c), ", ".join(c)] for i, c in enumerate(groups)], wide="members")


@handle_errors
def timeline_cmd(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A name or alias.")],
    status: StatusOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    min_confidence: ConfOpt = 0.0,
    json_: JsonOpt = False,
) -> None:
    """The meetings of one actor in date order (undated last).

    Example: kg timeline Bessent --status held --status scheduled
    """
    from kg.analytics import timeline

    store, g = _graph(ctx, status, since, until, type_, min_confidence, evidence=True)
    rows = timeline(g, _node(store, g, name))
    if json_:
        keys = ("date", "with", "status", "kind", "place", "evidence", "source", "confidence")
        print_json([{k: r.get(k) for k in keys} for r in rows])
        return
    table(
        ["date", "with", "status", "place", "evidence"],
        [[r.get("date"), ", ".join(r["with"]), r["status"], r.get("place"), r.get("evidence")] for r in rows],
        wide="evidence",
    )
    if not rows:
        err.print("no meetings")
