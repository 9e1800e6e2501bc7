"""The architecture as tests: no import cycles between modules, no oversized modules.

`lint-imports` (pyproject.toml) enforces the layers between packages; these tests cover
what it does not: a cycle between two modules of one package, and the size of a module.
An import inside a function counts (it is still a cycle at run time); an import under
`if TYPE_CHECKING:` does not.
"""

from __future__ import annotations

from pathlib import Path

import grimp

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "pressgen"
MAX_LINES = 500


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.find_modules_directly_imported_by(node)):
            if not nxt.startswith("pressgen"):
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module.startswith("pressgen") and module not in index:
            visit(module)
    return found


# Being taken apart (issue 13). Each entry names a module in a cycle or over the limit
# today; the tests fail when a new one appears and when a listed one is fixed, so this
# list only ever shrinks until it is empty.
KNOWN_CYCLES: set[str] = set()
KNOWN_BIG: set[str] = set()


def test_no_import_cycles() -> None:
    graph = grimp.build_graph("pressgen", exclude_type_checking_imports=True)
    cycles = _cycles(graph)
    new = [c for c in cycles if not KNOWN_CYCLES & set(c)]
    assert new == []
    fixed = {m for m in KNOWN_CYCLES if not any(m in c for c in cycles)}
    assert fixed == set(), "remove the fixed cycles from KNOWN_CYCLES"


def test_no_module_over_500_lines() -> None:
    big = {
        str(p.relative_to(PACKAGE)): n
        for p in sorted(PACKAGE.rglob("*.py"))
        if (n := len(p.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert set(big) - KNOWN_BIG == set()
    assert KNOWN_BIG - set(big) == set(), "remove the split modules from KNOWN_BIG"
