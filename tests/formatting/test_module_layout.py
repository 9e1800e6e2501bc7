"""The text and export packages: no import cycle (a lazy import inside a function counts,
one under TYPE_CHECKING does not) and no module of 500 lines or more."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGES = ("pressgen.text", "pressgen.export")


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(path: Path, known: set[str]) -> set[str]:
    """pressgen modules `path` imports when it runs, at any depth but TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    out: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        out.update(n for n in names if n in known)
    return out


@cache
def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in (SRC / "pressgen").rglob("*.py")}
    known = set(files)
    return {name: _runtime_imports(path, known) - {name} for name, path in files.items()}


def _cycle_from(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in sorted(graph.get(node, ())):
            if nxt == start:
                return [*path, start]
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return None


@pytest.mark.parametrize("package", PACKAGES)
def test_no_runtime_import_cycle(package: str) -> None:
    graph = _graph()
    for name in sorted(graph):
        if name.startswith(package):
            assert _cycle_from(name, graph) is None, " -> ".join(_cycle_from(name, graph) or [])


def test_style_does_not_import_formatting_at_all() -> None:
    """The cycle that was: describe_styles in text.style imported text.formatting."""
    graph = _graph()
    assert "pressgen.text.formatting" not in graph["pressgen.text.style"]


@pytest.mark.parametrize("package", PACKAGES)
def test_modules_stay_under_500_lines(package: str) -> None:
    folder = SRC / Path(*package.split("."))
    for path in sorted(folder.glob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines < 500, f"{path.name} has {lines} lines"
