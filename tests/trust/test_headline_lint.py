"""The headline-length rule finds the headline by the release's structure in every form
and language: the heading in Markdown, DOCX and HTML; in plain text the first paragraph
after the release line (wrapped lines joined), whatever words that line is written in."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.check.draft import flatten
from pressgen.check.lint import lint_text
from pressgen.export import export_release
from pressgen.release.pipeline import export_options, prepare, render_release

ROOT = Path(__file__).resolve().parents[2]
LONG_EN = "Thousands of new Met recruits were sent on cyber crime courses in three years, " + (
    "freedom of information figures released to a hosting firm show"
)
LONG_DE = "Tausende neue Rekruten der Londoner Polizei wurden in drei Jahren in Cybercrime-" + (
    "Kurse geschickt, wie Zahlen nach dem Informationsfreiheitsgesetz zeigen"
)
FORMS = ("md", "txt", "docx", "html")


def _draft(campaign: Path, locale: str, form: str) -> str:
    prepared = prepare(campaign)
    text = render_release(prepared, locale=locale).markdown
    if form != "md":
        text = flatten(export_release(text, form, export_options(prepared, locale)).data, form)
    return text


def _headline_findings(text: str, locale: str) -> list[str]:
    return [f.message for f in lint_text(text, locale=locale) if f.code == "headline-length"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("locale", "headline"), [("en_GB", LONG_EN), ("de_DE", LONG_DE), ("es_ES", LONG_EN)]
)
def test_a_long_headline_is_measured_whole_in_every_form(
    project: Path, locale: str, headline: str, form: str
) -> None:
    campaign = project / "campaigns" / "met-cyber-training.toml"
    toml = campaign.read_text(encoding="utf-8")
    toml = toml.replace(
        '"Thousands of new Met recruits sent on cyber crime training, FoI figures show"',
        f'"{LONG_EN}"',
    ).replace(
        '"Tausende neue Met-Rekruten in Cybercrime-Kursen geschult, wie Zahlen nach dem IFG zeigen"',
        f'"{LONG_DE}"',
    )
    campaign.write_text(toml, encoding="utf-8")
    found = _headline_findings(_draft(campaign, locale, form), locale)
    assert found == [f"headline is {len(headline)} characters; the wire limit is 100"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("locale", ["en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "ja_JP"])
def test_the_bundled_release_has_a_wire_length_headline(locale: str, form: str) -> None:
    """Neither the release line (in the release's own words) nor a letterhead line is
    taken for the headline, and the example's headlines fit the wire in every language."""
    text = _draft(ROOT / "campaigns" / "met-cyber-training.toml", locale, form)
    assert _headline_findings(text, locale) == []
