"""An unknown locale is an error with the supported list, never a silent fallback.

Babel fills in what it does not know: `en_ZZ` becomes en_US and `C` becomes
en_US_POSIX, so a release would quietly be written for the wrong readers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.release.pipeline import prepare, render_release
from pressgen.text.locales import get_locale, normalise_locale
from tests.hardening.project import make_project, run_here

UNKNOWN = ["en_ZZ", "C", "xx", "de_DE_1901", "en-ZZ", "POSIX"]


@pytest.mark.parametrize("tag", UNKNOWN)
def test_unknown_locales_are_refused_with_the_supported_list(tag: str) -> None:
    with pytest.raises(PressgenError) as caught:
        get_locale(tag)
    assert caught.value.message.startswith(f"unknown locale {tag!r}")
    assert "en_GB, en_US" in caught.value.message


@pytest.mark.parametrize(
    ("tag", "canonical"),
    [("en-gb", "en_GB"), ("de_CH.UTF-8", "de_CH"), ("sr_Latn_RS", "sr_Latn_RS"), ("pt", "pt")],
)
def test_real_locales_are_still_accepted(tag: str, canonical: str) -> None:
    assert normalise_locale(tag) == canonical


@pytest.mark.parametrize(
    ("command", "tag"), [("render", "en_ZZ"), ("render", "C"), ("figures", "xx")]
)
def test_cli_option_exits_2(tmp_path: Path, command: str, tag: str) -> None:
    project = make_project(tmp_path)
    campaign = project.write_campaign()
    run = run_here(command, str(campaign), "-l", tag, cwd=project.root)
    assert run.status == 2
    assert run.stderr.strip() == (
        f"pressgen: unknown locale {tag!r}; supported locales: "
        "en_GB, en_US, en_IE, de_DE, de_AT, de_CH, fr_FR, fr_CA, es_ES, it_IT, nl_NL, "
        "pl_PL, sv_SE, pt_BR, ja_JP, hi_IN"
    )
    assert run.stdout == ""


def test_campaign_locale_is_checked_at_load_naming_the_field(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    campaign = project.write_campaign(extra='locale = "en_ZZ"\n')
    run = run_here("render", str(campaign), cwd=project.root)
    assert run.status == 2
    assert run.stderr.startswith(f"pressgen: {campaign}: locale: unknown locale 'en_ZZ'")
    with pytest.raises(PressgenError) as caught:
        prepare(campaign)
    assert caught.value.where == "locale"


def test_tui_pick_of_an_unknown_locale_is_an_error_not_en_us(tmp_path: Path) -> None:
    """A locale restored from an autosaved draft goes through the same build."""
    from pressgen.tui.session import Picks, build

    project = make_project(tmp_path)
    campaign = project.write_campaign()
    with pytest.raises(PressgenError, match="unknown locale 'en_ZZ'"):
        build(Picks(campaign=campaign, locale="en_ZZ"))
    with pytest.raises(PressgenError, match="unknown locale 'C'"):
        render_release(prepare(campaign), locale="C")
    assert build(Picks(campaign=campaign, locale="en_US")).rendered.locale == "en_US"
