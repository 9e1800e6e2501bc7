"""The figure engine and the batch are laid out as their docstrings say: no import cycle
(a lazy import inside a function counts), no module over 500 lines, batch uses only
public names of other modules, and the caches in these modules belong to storage.memo."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "pressgen"
#: The modules this test holds to the rules.
OWNED = [
    *sorted((PACKAGE / "figures").glob("*.py")),
    *sorted((PACKAGE / "batch").glob("*.py")),
    PACKAGE / "release" / "pipeline.py",
    PACKAGE / "storage" / "filecache.py",
    PACKAGE / "storage" / "memo.py",
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def runtime_imports(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(module, names) for every import that runs, at module level or in a function;
    imports under `if TYPE_CHECKING:` do not run."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[str, tuple[str, ...]]] = []

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for sub in child.orelse:
                    visit_one(sub)
                continue
            visit_one(child)

    def visit_one(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            out.extend((a.name, ()) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.module, tuple(a.name for a in node.names)))
        visit(node)

    visit(tree)
    return out


@functools.cache
def pressgen_graph() -> dict[str, set[str]]:
    """Parsed once per test process: the source does not change during a run."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps: set[str] = set()
        for target, names in runtime_imports(path):
            if not target.startswith("pressgen"):
                continue
            for imported in names or ("",):
                sub = f"{target}.{imported}"
                deps.add(sub if sub in modules else target)
        graph[name] = {d for d in deps if d in modules and d != name}
    return graph


def cycle_through(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """A cycle of imports that comes back to `start`, or None."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for dep in graph.get(node, ()):
            if dep == start:
                return [*path, start]
            if dep not in seen:
                seen.add(dep)
                stack.append((dep, [*path, dep]))
    return None


@pytest.mark.parametrize("path", OWNED, ids=lambda p: module_name(p))
def test_no_import_cycle(path: Path) -> None:
    graph = pressgen_graph()
    assert cycle_through(graph, module_name(path)) is None


def test_aggregates_and_the_engine_do_not_import_each_other() -> None:
    graph = pressgen_graph()
    assert "pressgen.figures.engine" not in graph["pressgen.figures.aggregates"]


@pytest.mark.parametrize("path", OWNED, ids=lambda p: module_name(p))
def test_modules_are_under_500_lines(path: Path) -> None:
    assert len(path.read_text(encoding="utf-8").splitlines()) < 500


@pytest.mark.parametrize("path", sorted((PACKAGE / "batch").glob("*.py")), ids=module_name)
def test_batch_uses_only_public_names(path: Path) -> None:
    private = [
        (target, name)
        for target, names in runtime_imports(path)
        if target.startswith("pressgen")
        for name in names
        if name.startswith("_")
    ]
    assert private == []


def module_caches(path: Path) -> list[str]:
    """Module-level caches: functools caches on functions, and names bound to an empty
    dict (the shape of a hand-made cache or shared state)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for deco in node.decorator_list:
                text = ast.unparse(deco)
                if "lru_cache" in text or text in ("cache", "functools.cache"):
                    found.append(f"{node.name} ({text})")
        elif isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            value = node.value
            empty = (isinstance(value, ast.Dict) and not value.keys) or (
                isinstance(value, ast.Call) and ast.unparse(value.func) in ("dict", "OrderedDict")
            )
            if empty:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                found.extend(ast.unparse(t) for t in targets)
    return found


@pytest.mark.parametrize("path", OWNED, ids=lambda p: module_name(p))
def test_caches_belong_to_memo(path: Path) -> None:
    assert module_caches(path) == []
