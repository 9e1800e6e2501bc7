"""The check's alignment of an untouched draft with its baseline takes a short cut; it
must say exactly what the full diff says."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest

from pressgen.check.findings import LineIndex
from pressgen.check.match import align


@pytest.mark.parametrize(
    "atoms",
    [[], ["x"], ["the", "met", "trained", "4534", "officers", "4534", "the"], ["a"] * 50],
)
def test_an_untouched_draft_aligns_as_the_full_diff_does(atoms: list[str]) -> None:
    owner = [-1] * len(atoms)  # words only: no number tokens to pair
    pairs, where, opcodes = align(atoms, owner, list(atoms), list(owner), (), ())
    assert opcodes == SequenceMatcher(None, atoms, list(atoms), autojunk=False).get_opcodes()
    assert pairs == {} and where == {}


@pytest.mark.parametrize("text", ["", "one line", "a\nb\n", "\n\n", "x\r\ny\nzz"])
def test_line_index_positions(text: str) -> None:
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        before = text[:offset]
        line = before.count("\n") + 1
        column = offset - (before.rfind("\n") + 1) + 1
        assert index.position(offset) == (line, column)
