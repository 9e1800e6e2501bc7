"""File names from group values: safe, distinct and stable."""

from __future__ import annotations

import pytest

from pressgen.batch import file_names, neutralise_cell, slugify


@pytest.mark.parametrize(
    ("value", "slug"),
    [
        ("Avon and Somerset Constabulary", "avon-and-somerset-constabulary"),
        ("../../etc", "etc"),
        ("..", ""),
        ("/", ""),
        ("Ynys Môn", "ynys-mon"),
        ("CON", "con-group"),
        ("  Dyfed-Powys Police  ", "dyfed-powys-police"),
    ],
)
def test_slugify(value: str, slug: str) -> None:
    assert slugify(value) == slug


def test_names_never_leave_the_folder_or_collide() -> None:
    groups = ["A/B", "A-B", "a b", "..", "/", "東京", "C\\D", "x" * 500, "Kent Police"]
    names = file_names(groups, ".md")
    assert len(set(names.values())) == len(groups)
    for n in names.values():
        assert n.endswith(".md") and "/" not in n and "\\" not in n and not n.startswith(".")
        assert len(n) <= 120
    assert names["Kent Police"] == "kent-police.md"
    assert names[".."].startswith("group-")


def test_names_do_not_depend_on_order() -> None:
    groups = ["A/B", "A-B", "North", "South"]
    assert file_names(groups, ".md") == file_names(list(reversed(groups)), ".md")


def test_plain_slug_equal_to_a_hashed_name_still_differs() -> None:
    first = file_names(["A/B", "A-B"], "")
    tricky = first["A/B"]
    names = file_names(["A/B", "A-B", tricky], "")
    assert len(set(names.values())) == 3


@pytest.mark.parametrize(
    ("cell", "out"),
    [
        ("=1+2", "'=1+2"),
        ("+44 20", "'+44 20"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("-12", "-12"),
        ("-0.5", "-0.5"),
        ("Kent", "Kent"),
        (None, ""),
    ],
)
def test_neutralise_cell(cell: str | None, out: str) -> None:
    assert neutralise_cell(cell) == out
