"""A pinned sample of each kind of slip (tests/trust/slips.py) fails the check, and the
hand-written correct rewrites in tests/trust/rewrites/ pass it (issue 14).

benchmarks/check_slips.py measures the same over every slip; these keep a few of each
kind from regressing.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
from benchmarks.check_slips import rewrite_checker

from pressgen.check import Checker
from pressgen.release.pipeline import prepare
from pressgen.text import phrases
from tests.conftest import ROOT
from tests.trust.slips import KINDS, sample

REWRITES = sorted((ROOT / "tests" / "trust" / "rewrites").rglob("*.md"))


@pytest.fixture(scope="module")
def releases() -> list[Checker]:
    from pressgen.batch import group_release

    met = prepare(ROOT / "campaigns" / "met-cyber-training.toml")
    forces = ROOT / "campaigns" / "forces-cyber-training.toml"
    kent, rendered = group_release(forces, "Kent Police", each="force", locale=None, style=None)
    return [
        Checker(met),
        Checker(met, locale="de_DE"),
        Checker(kent, baseline=rendered.markdown),
    ]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_a_sample_of_each_kind_of_slip_fails(releases: list[Checker], kind: str) -> None:
    tried = 0
    for checker in releases:
        for slip in sample(checker, kind, 3):
            tried += 1
            report = checker.check(slip.draft)
            assert not report.ok, (kind, slip.what)
    if kind != "group":  # the bundled releases name no group beside a group's number
        assert tried > 0, kind


@pytest.mark.parametrize("draft", REWRITES, ids=lambda p: p.stem)
def test_a_correct_rewrite_passes(draft: Path) -> None:
    report = rewrite_checker(draft).check(draft.read_text("utf-8"))
    assert [f.format() for f in report.problems] == []
    assert report.numbers >= 8  # the rewrite states figures, it is not empty


def test_a_flipped_direction_word_names_the_figure() -> None:
    from pressgen.batch import group_release

    forces = ROOT / "campaigns" / "forces-cyber-training.toml"
    kent, rendered = group_release(forces, "Kent Police", each="force", locale=None, style=None)
    checker = Checker(kent, baseline=rendered.markdown)
    draft = checker.baseline.replace("were the 22nd-highest", "were the 22nd-lowest")
    assert draft != checker.baseline
    found = [f for f in checker.check(draft).problems if f.code == "rank-changed"]
    assert found and "“highest” became “lowest”" in found[0].message


def test_a_removed_joint_place_is_caught() -> None:
    checker = Checker(prepare(ROOT / "campaigns" / "met-cyber-training.toml"))
    base = checker.baseline
    words = ["joint", "third"]
    # the Met release has no ranks: put one in both texts, then take "joint" away
    release = base.replace("The most popular course", "The joint third course", 1)
    assert release != base
    edited = Checker(checker.prepared, baseline=release)
    report = edited.check(release.replace("joint third", "third", 1))
    assert any(f.code == "rank-changed" for f in report.problems), words


VEHICLE_THEFTS = ROOT / "examples" / "rac-vehicle-thefts" / "campaigns" / "vehicle-thefts.toml"


@pytest.mark.parametrize(
    "locale", ["es_ES", "it_IT", "nl_NL", "pl_PL", "sv_SE", "pt_BR", "ja_JP", "hi_IN"]
)
def test_a_flipped_change_word_is_caught_in_every_language(locale: str) -> None:
    """The change phrases of issue 15 item 5 ("un 4 % más", "in aumento del 4%", "een
    stijging van 4%") carry their direction in words: turning one round is an error."""
    checker = Checker(prepare(VEHICLE_THEFTS), locale=locale)
    assert checker.check(checker.baseline).ok
    slips = [
        s for s in KINDS["direction"](checker, random.Random(7)) if not s.what.startswith("sign")
    ]
    assert len(slips) >= 10, locale  # every change in the release is in words
    missed = [s.what for s in slips if checker.check(s.draft).ok]
    assert missed == []


@pytest.mark.parametrize(
    ("locale", "fall", "rise"),
    [
        ("es_ES", "menos", "más"),
        ("it_IT", "in calo del", "in aumento del"),
        ("nl_NL", "een daling van", "een stijging van"),
    ],
)
def test_a_fall_written_as_a_rise_names_the_change(locale: str, fall: str, rise: str) -> None:
    checker = Checker(prepare(VEHICLE_THEFTS), locale=locale)
    before = phrases.change(checker.fmt, Decimal("-0.19"))
    after = phrases.change(checker.fmt, Decimal("0.19"))
    assert fall in before and rise in after
    assert before in checker.baseline
    draft = checker.baseline.replace(before, after, 1)
    problems = checker.check(draft).problems
    assert any(f.code == "direction-flipped" for f in problems), [f.format() for f in problems]
