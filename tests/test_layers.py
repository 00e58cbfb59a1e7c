"""The house rules of ``kg/`` (docs/architecture.md), read from the source: imports flow one way
through the stages, no module imports itself in a circle (lazy imports inside functions count,
since they run), no module is over 400 lines and no function over 60."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kg"

# Bottom to top: a unit may import from its own layer and the layers before it, never after.
LAYERS: list[set[str]] = [
    {"kg.errors", "kg.outputs", "kg.ontology"},
    {"kg.facts"},  # the facts every stage shares
    {"kg.lexicons"},
    {"kg.documents"},
    {"kg.extract"},
    {"kg.graph"},
    {"kg.store"},
    {"kg.query"},
    {"kg.identity"},
    {"kg.ingest"},
    {"kg.export", "kg.serve"},
    {"kg.results", "kg.api"},
    {"kg.cli"},
    {"kg", "kg.__main__"},
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _sources() -> dict[str, tuple[Path, ast.Module]]:
    return {_module_name(p): (p, ast.parse(p.read_text())) for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str, path: Path, tree: ast.Module, modules: set[str]) -> set[str]:
    """The kg modules a module imports, at its top or inside a function."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            found |= {f"{base}.{a.name}" for a in node.names} | {base}
    resolved = set()
    for target in found:
        while target and target not in modules:  # "kg.store.cache.refresh" is kg.store.cache
            target = target.rpartition(".")[0]
        if target and target != name and not name.startswith(target + "."):
            resolved.add(target)
    return resolved


def _unit(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _layer(unit: str) -> int:
    return next(i for i, layer in enumerate(LAYERS) if unit in layer)


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    sources = _sources()
    g = nx.DiGraph()
    g.add_nodes_from(sources)
    for name, (path, tree) in sources.items():
        g.add_edges_from((name, target) for target in _imports(name, path, tree, set(sources)))
    return g


def test_every_unit_has_a_layer(graph):
    units = {_unit(m) for m in graph}
    assert units - set().union(*LAYERS) == set()


def test_no_import_cycle(graph):
    assert list(nx.simple_cycles(graph)) == []


def test_imports_never_reach_a_later_stage(graph):
    upward = [(a, b) for a, b in graph.edges if _layer(_unit(b)) > _layer(_unit(a))]
    assert upward == []


def test_the_checks_see_a_lazy_import():
    tree = ast.parse("def f():\n    from kg.store.cache import refresh\n")
    modules = {"kg.store", "kg.store.cache", "kg.facts.models"}
    assert _imports("kg.facts.models", PACKAGE / "facts" / "models.py", tree, modules) == {"kg.store.cache"}


def test_modules_and_functions_stay_small():
    too_long = []
    for name, (path, tree) in _sources().items():
        lines = path.read_text().count("\n")
        if lines > 400:
            too_long.append(f"{name}: {lines} lines")
        too_long += [
            f"{name}.{node.name}: {node.end_lineno - node.lineno + 1} lines"
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno >= 60
        ]
    assert too_long == []
