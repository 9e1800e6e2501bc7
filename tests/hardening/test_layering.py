"""The lower packages import one way: no cycle through sources/ or storage/.

Read from the source text, so an import inside a function (run later, but still a
dependency) counts; only imports under `if TYPE_CHECKING:` do not, since they never run.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pressgen

PACKAGE = Path(pressgen.__file__).resolve().parent
OWNED = ("pressgen.sources", "pressgen.storage")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(tree: ast.AST) -> list[tuple[str, list[str]]]:
    """(module, names imported from it) for every import that can run."""
    out: list[tuple[str, list[str]]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            out.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.module, [alias.name for alias in node.names]))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return out


@functools.cache
def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text("utf-8"))
        own_packages = {name.rsplit(".", i)[0] for i in range(name.count(".") + 1)}
        for module, names in _imported(tree):
            if not module.startswith("pressgen"):
                continue
            targets = [f"{module}.{n}" for n in names if f"{module}.{n}" in modules]
            targets.append(module)
            for target in targets:
                # Importing a.b.c runs a/__init__ and a/b/__init__ first.
                parts = target.split(".")
                for i in range(1, len(parts) + 1):
                    step = ".".join(parts[:i])
                    if step in modules and step not in own_packages and step != name:
                        graph[name].add(step)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return found


def test_the_graph_sees_lazy_imports() -> None:
    graph = import_graph()
    # dataset imports the loaders inside load_dataset (so polars loads only with data).
    assert "pressgen.sources.loaders" in graph["pressgen.sources.dataset"]
    assert cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [{"a", "b"}]


def test_no_import_cycle_through_sources_or_storage() -> None:
    bad = [c for c in cycles(import_graph()) if any(m.startswith(OWNED) for m in c)]
    assert bad == [], bad


def test_sources_and_storage_import_nothing_above_them() -> None:
    above = ("pressgen.figures", "pressgen.text", "pressgen.export", "pressgen.release")
    above += ("pressgen.check", "pressgen.batch", "pressgen.tui", "pressgen.cli")
    graph = import_graph()
    for name, targets in graph.items():
        if name.startswith(OWNED):
            assert not {t for t in targets if t.startswith(above)}, name
        if name.startswith("pressgen.storage"):
            assert not {t for t in targets if t.startswith("pressgen.sources")}, name
