"""Analytics commands over the networkx projection: centrality, path, neighbors, communities, timeline."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.output import err, handle_errors, print_json, table
from kg.errors import KgError

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
RelationOpt = Annotated[
    str | None,
    typer.Option(
        "--relation", help="A relation type (ACCUSE, SUPPORT, ...) instead of meetings; directed where it is."
    ),
]


def register(app: typer.Typer) -> None:
    app.command("centrality")(centrality_cmd)
    app.command("path")(path_cmd)
    app.command("neighbors")(neighbors_cmd)
    app.command("communities")(communities_cmd)
    app.command("timeline")(timeline_cmd)


def _graph(ctx: typer.Context):
    """The command's store through the Python API: one code path for the CLI and notebooks."""
    from kg.api import KnowledgeGraph

    return KnowledgeGraph(ctx.obj["store"])


def _filters(status, since, until, types, min_confidence, relation=None) -> dict:
    """The shared options as the API's filter keywords (checked there: a bad value exits 2)."""
    return {"statuses": status or None, "since": since, "until": until, "types": types,
            "min_confidence": min_confidence, "relation": relation}  # fmt: skip


@handle_errors
def centrality_cmd(
    ctx: typer.Context,
    measure: Annotated[str, typer.Option(help="degree, out-degree, betweenness, eigenvector or pagerank.")] = "degree",
    top: Annotated[int, typer.Option(min=1, help="How many actors to list.")] = 10,
    status: StatusOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    type_: TypeOpt = None,
    min_confidence: ConfOpt = 0.0,
    relation: RelationOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Who is central in the meeting network, or in one relation (--relation ACCUSE with
    --measure degree ranks the most accused, out-degree those who accuse the most).

    Example: kg centrality --measure pagerank --top 5 --status held --status scheduled
    """
    rows = _graph(ctx).centrality(measure, top=top, **_filters(status, since, until, type_, min_confidence, relation))
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
    relation: RelationOpt = None,
    json_: JsonOpt = False,
) -> None:
    """The shortest chain of meetings from one actor to another, with the evidence for each hop.

    Example: kg path "Rachel Reeves" "He Lifeng" --status held --status scheduled --json
    """
    result = _graph(ctx).path(source, target, **_filters(status, since, until, type_, min_confidence, relation))
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
    relation: RelationOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Actors within N meetings of NAME.

    Example: kg neighbors Bessent --hops 2 --status held --status scheduled
    """
    rows = _graph(ctx).neighbors(name, hops=hops, **_filters(status, since, until, type_, min_confidence, relation))
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
    relation: RelationOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Groups of actors who meet among themselves (Louvain, seeded: the same store gives the same groups).

    Example: kg communities --json
    """
    groups = _graph(ctx).communities(**_filters(status, since, until, type_, min_confidence, relation))
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
    rows = _graph(ctx).timeline(name, **_filters(status, since, until, type_, min_confidence))
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
