"""The corpus report: after the run, what each example reproduces and what it lacks."""

from __future__ import annotations

import pytest

from tests.examples.corpus import all_examples


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    examples = all_examples()
    if not examples or not _ran_examples(terminalreporter):
        return
    tr = terminalreporter
    tr.section("examples corpus: figures reproduced natively")
    total = native = 0
    for e in examples:
        total += len(e.figures)
        native += len(e.native)
        tr.write_line(f"{e.name}: {len(e.native)} of {len(e.figures)} native")
        by_gap: dict[str, list[str]] = {}
        for gap in e.gaps:
            by_gap.setdefault(gap.gap or "", []).append(repr(gap.text))
        for why, texts in by_gap.items():
            tr.write_line(f"    not native: {', '.join(texts)}: {why}")
    tr.write_line(f"all: {native} of {total} ({100 * native // max(total, 1)} %) native")


def _ran_examples(tr: pytest.TerminalReporter) -> bool:
    return any(
        "tests/examples/" in getattr(r, "nodeid", "")
        for reports in tr.stats.values()
        for r in reports
    )
