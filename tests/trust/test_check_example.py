"""The untouched example passes `check` in every supported locale and style."""

from __future__ import annotations

import pytest

from pressgen.check import Checker, check_draft
from pressgen.release.pipeline import Prepared, render_release
from pressgen.text.locales import SUPPORTED_LOCALES
from pressgen.text.style import PRESETS


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_untouched_example_passes_in_every_locale(prepared: Prepared, locale: str) -> None:
    text = render_release(prepared, locale=locale).markdown
    report = check_draft(prepared, text, locale=locale)
    assert report.ok, [f.format() for f in report.problems]
    assert report.numbers >= 10
    assert report.matched == report.numbers
    # the two small counts are listed for a person to decide on, with their rows
    small = [f for f in report.findings if f.code == "small-number"]
    assert {f.figure for f in small} == {"first_responder_dci", "first_responder_di"}
    assert all(f.rows for f in small)


@pytest.mark.parametrize("style", sorted(PRESETS))
@pytest.mark.parametrize("locale", ["en_GB", "en_US", "de_DE", "fr_FR"])
def test_untouched_example_passes_in_every_style(
    prepared: Prepared, locale: str, style: str
) -> None:
    text = render_release(prepared, locale=locale, style=style).markdown
    report = check_draft(prepared, text, locale=locale, style=style)
    assert report.ok, [f.format() for f in report.problems]


def test_every_body_figure_is_matched(prepared: Prepared, release: str) -> None:
    report = check_draft(prepared, release)
    wanted = {n for n in prepared.figures if n != "three_courses_total"}
    assert wanted <= set(report.figures_used)


def test_check_draft_answers_edit_after_edit_like_a_fresh_checker(
    prepared: Prepared, release: str
) -> None:
    # The render to compare with is made once per campaign, locale and style; each check
    # after that reads only the draft. benchmarks/check_slips.py prints the time per
    # check (speed is measured there, not asserted here).
    from pressgen.check import check_draft

    first = check_draft(prepared, release)
    again = check_draft(prepared, release.replace("4,534", "4,535"))
    assert first.ok and not again.ok
    assert Checker(prepared).check(release) == first
