"""Every subprocess interaction in the suite has a deadline (issue 12, item 15).

A test that waits for a child without a timeout hangs the whole run on a slow machine
(test_recovery once read a running child's stderr pipe, which ends only when the child
does). Read from the test sources, so a new test without a deadline fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
# subprocess functions that wait for the child, and methods of a Popen that do.
_WAITING = {"run", "call", "check_call", "check_output"}
_METHODS = {"wait", "communicate"}
_PIPES = {"stdout", "stderr"}


def _has_timeout(call: ast.Call, positional: int) -> bool:
    return any(k.arg == "timeout" for k in call.keywords) or len(call.args) > positional


def undeadlined(source: str) -> list[tuple[int, str]]:
    """(line, what) for each call in `source` that can wait for a child for ever."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        func, name = node.func, node.func.attr
        on = func.value
        if isinstance(on, ast.Name) and on.id == "subprocess" and name in _WAITING:
            if not _has_timeout(node, positional=99):
                found.append((node.lineno, f"subprocess.{name} without timeout"))
        elif name in _METHODS and not (isinstance(on, ast.Name) and on.id in ("asyncio",)):
            if not _has_timeout(node, positional=1 if name == "communicate" else 0):
                found.append((node.lineno, f".{name}() without timeout"))
        elif name in ("read", "readline", "readlines") and (
            isinstance(on, ast.Attribute) and on.attr in _PIPES
        ):
            found.append((node.lineno, f"reads a child's {on.attr} pipe while it may run"))
    return found


def test_the_scan_finds_what_hangs() -> None:
    hangs = (
        "import subprocess\nsubprocess.run(['x'])\np = subprocess.Popen(['x'])\n"
        "p.wait()\np.communicate()\np.stderr.read()\n"
    )
    assert [line for line, _ in undeadlined(hangs)] == [2, 4, 5, 6]
    fine = (
        "import subprocess\nsubprocess.run(['x'], timeout=5)\np = subprocess.Popen(['x'])\n"
        "p.wait(timeout=5)\np.wait(5)\np.communicate(None, 5)\np.communicate(timeout=5)\n"
    )
    assert undeadlined(fine) == []


def test_every_subprocess_interaction_in_the_suite_has_a_deadline() -> None:
    problems = [
        f"{path.relative_to(TESTS.parent)}:{line}: {what}"
        for path in sorted(TESTS.rglob("*.py"))
        for line, what in undeadlined(path.read_text("utf-8"))
    ]
    assert problems == [], "\n".join(problems)
