"""Imports flow one way: web and cli on top, the public API, the steps, the store, models below.

Every import counts, also those inside functions: a function-level import hides a cycle
from Python, not from the reader of the code.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "triangulate"

# Lower numbers sit lower. A module may import its own package and anything below its layer;
# packages that share a layer are siblings and never import each other.
LAYERS: dict[str, int] = {
    "triangulate.version": 0,
    "triangulate.errors": 0,
    "triangulate.models": 1,
    "triangulate.settings": 1,
    "triangulate.core": 2,
    "triangulate.runners": 2,
    "triangulate.nlp": 3,  # the language pipeline knows a wire dateline (core.dates)
    "triangulate.store": 3,
    "triangulate.readers": 4,
    "triangulate.ingest": 5,
    "triangulate.compare": 6,
    "triangulate.compose": 7,
    "triangulate.render": 8,
    "triangulate.stories": 8,
    "triangulate.evaluation": 9,
    "triangulate.api": 10,
    "triangulate.web": 11,
    "triangulate.cli": 12,
    "triangulate.__main__": 13,
    "triangulate": 13,  # the package root re-exports the API
}
# The store holds the SQL; it knows records and errors, never a step.
STORE_MAY_IMPORT = ("triangulate.models", "triangulate.errors", "triangulate.core")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imported(path: Path, name: str) -> set[str]:
    """Every triangulate module ``path`` imports, at any depth of the code."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    known = modules()
    # the package root runs with any import of the package: it is not an edge of its own
    return {m for m in found if m in known and m not in (name, "triangulate")}


def layer_of(name: str) -> tuple[str, int]:
    best = max((key for key in LAYERS if name == key or name.startswith(key + ".")), key=len)
    return best, LAYERS[best]


def test_every_module_has_a_layer() -> None:
    for name in modules():
        assert layer_of(name)  # raises ValueError when no prefix matches


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_module_imports_upward_or_sideways(name: str) -> None:
    own_package, own_layer = layer_of(name)
    for target in imported(modules()[name], name):
        package, layer = layer_of(target)
        if package == own_package:
            continue
        assert layer < own_layer, f"{name} imports {target} ({package}, layer {layer})"


def test_the_store_imports_only_records_errors_and_core() -> None:
    for name, path in modules().items():
        if layer_of(name)[0] != "triangulate.store":
            continue
        for target in imported(path, name):
            assert target.startswith(("triangulate.store", *STORE_MAY_IMPORT)), (name, target)


def test_no_import_cycles() -> None:
    graph = {name: imported(path, name) for name, path in modules().items()}
    # a package's __init__ is imported with any of its modules: not an edge of its own
    graph = {n: {t for t in ts if not n.startswith(t + ".")} for n, ts in graph.items()}
    cycles = _cycles(graph)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_a_cycle_is_found_when_there_is_one() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
