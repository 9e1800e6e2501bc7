"""Arithmetic within a draft: rounding, compact numbers, shares and parts of a total."""

from __future__ import annotations

from pressgen.check import Checker
from pressgen.check.consistency import draft_arithmetic, figure_arithmetic
from pressgen.check.findings import LineIndex
from pressgen.check.numbers import number_reader
from pressgen.release.pipeline import Prepared
from pressgen.text.formatting import Formatter
from pressgen.text.style import resolve_style


def test_more_precise_or_compact_forms_of_a_figure_pass(prepared: Prepared, release: str) -> None:
    checker = Checker(prepared)
    for old, new in [
        ("52 per cent", "52.1 per cent"),
        ("4,534", "4.5 thousand"),
        ("around half", "more than half"),
    ]:
        report = checker.check(release.replace(old, new, 1))
        assert report.ok, (new, [f.format() for f in report.problems])
    # 52.07 % is 52.1 at one decimal under half-up rounding, never 52.0
    assert not checker.check(release.replace("52 per cent", "52.0 per cent", 1)).ok


def _arith(text: str) -> list[str]:
    style = resolve_style(None)
    toks = number_reader("en_GB", style).read(text)
    return [
        f.code for f in draft_arithmetic(text, toks, Formatter("en_GB", style), LineIndex(text))
    ]


def test_parts_must_add_up_to_their_total() -> None:
    assert _arith("Of 4,534 officers, 2,361 were students and 2,174 were not.") == ["parts-sum"]
    assert _arith("Of 4,534 officers, 2,361 were students and 2,173 were not.") == []


def test_a_share_must_match_its_part_and_whole() -> None:
    assert _arith("It recorded 5,804 enrolments, 45 per cent of them (2,450).") == [
        "share-mismatch"
    ]
    assert _arith("It recorded 5,804 enrolments, 42 per cent of them (2,450).") == []
    assert _arith("Of 5,804 enrolments, 90 per cent came in 2,450 hours.") == []  # not near


def test_the_example_figures_are_consistent(prepared: Prepared) -> None:
    assert figure_arithmetic(prepared.figures) == []
