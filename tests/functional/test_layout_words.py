"""A release's layout words are its language's own (the release line, ENDS, headings,
contact labels, standing notes), in the bundled example and in a batch release, for
every supported language; its parts keep their structure markers; a language without
words falls back to English with a warning; German output is lint clean; `pressgen new`
gives every language the one base layout."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pressgen.batch import group_release
from pressgen.check import lint_text
from pressgen.cli import main
from pressgen.release.layout import layout_view, suppressed_note
from pressgen.release.pipeline import prepare, render_release
from pressgen.storage.memo import MEMO
from pressgen.text.formatting import Formatter
from pressgen.text.layout_words import LAYOUT_WORDS, layout_words_for
from pressgen.text.locales import supported_locales
from pressgen.text.style import resolve_style

ROOT = Path(__file__).resolve().parents[2]
MET = ROOT / "campaigns" / "met-cyber-training.toml"
FORCES = ROOT / "campaigns" / "forces-cyber-training.toml"
LOCALES = supported_locales()
MARKERS = ("embargo", "dateline", "ends", "notes")
#: The English layout words that must not stand in a release in another language.
ENGLISH = (
    "EMBARGOED",
    "FOR IMMEDIATE RELEASE",
    "**ENDS**",
    "Notes to editors",
    "## About ",
    "Media contact",
    "Email:",
    "Telephone:",
    "Source:",
    "Percentages are",
    "cells were suppressed",
    "No figure in this release",
    "invented for illustration",
)


def _assert_layout(markdown: str, locale: str, organisation: str) -> None:
    words, own = layout_words_for(locale.split("_")[0])
    assert own, locale
    lines = markdown.splitlines()
    for role in MARKERS:
        assert f"[//]: # (pressgen:{role})" in lines, (locale, role)
    line = lines[lines.index("[//]: # (pressgen:embargo)") + 1]
    label = words.embargo.split("{when}")[0]
    assert line.startswith("**" + (label.upper() if words.caps else label)), (locale, line)
    assert lines[lines.index("[//]: # (pressgen:ends)") + 1] == f"**{words.ends}**"
    assert lines[lines.index("[//]: # (pressgen:notes)") + 1] == f"## {words.notes}"
    about = words.about.replace("{organisation}", organisation)
    assert f"## {about}" in lines and f"## {words.contact}" in lines
    assert any(x.startswith(words.email + " ") for x in lines), locale
    assert any(x.startswith("1. " + words.source.split("{source}")[0]) for x in lines)
    if not locale.startswith("en"):
        found = [w for w in ENGLISH if w in markdown]
        assert found == [], (locale, found)


@pytest.mark.parametrize("locale", LOCALES)
def test_the_example_has_its_languages_layout_words(locale: str) -> None:
    rendered = render_release(prepare(MET), locale=locale)
    _assert_layout(rendered.markdown, locale, "Harbourline Hosting")
    assert not [w for w in rendered.warnings if "layout words" in w]


@pytest.mark.parametrize("locale", LOCALES)
def test_a_batch_release_has_its_languages_layout_words(locale: str) -> None:
    _prepared, rendered = group_release(FORCES, "Surrey Police", each="force", locale=locale)
    _assert_layout(rendered.markdown, locale, "Harbourline Hosting")
    # Surrey's own suppressed cell, in the language's words (not the national count).
    words, _own = layout_words_for(locale.split("_")[0])
    note = next(x for x in rendered.markdown.splitlines() if "\\<5" in x)
    forms = words.suppressed
    pattern = forms.get("one", forms["other"])
    tail = pattern.split("{markers}")[-1].split("{")[0]
    assert tail.rstrip(".।。") in note, (locale, note)


def test_french_and_spanish_lines_read_as_their_press_does() -> None:
    fr = render_release(prepare(MET), locale="fr_FR", style="fr-presse").markdown
    assert "**SOUS EMBARGO JUSQU’AU MARDI 3 DÉCEMBRE 2019 À 00:01 (UTC)**" in fr
    assert "1. Source\u00a0: Metropolitan Police Service" in fr
    assert "Courriel\u00a0: press@harbourline.example" in fr
    es = render_release(prepare(MET), locale="es_ES").markdown
    assert "**EMBARGO HASTA EL MARTES, 3 DE DICIEMBRE DE 2019, 00:01 GMT**" in es
    assert "## Acerca de Harbourline Hosting" in es and "## Contacto de prensa" in es


def test_every_pattern_fills_in_every_locale_rounding_and_count() -> None:
    """No table entry names a field it is not given, in any rounding mode, number of
    decimal places or plural category."""
    manifest = prepare(FORCES).manifest("main")
    assert {tag.split("_")[0] for tag in LOCALES} <= set(LAYOUT_WORDS)
    for tag in LOCALES:
        for rounding in ("half_up", "half_even", "down", "up"):
            for places in (0, 1, 2):
                house = resolve_style(None).model_copy(
                    update={"rounding": rounding, "share_decimals": places}
                )
                fmt = Formatter(tag, house)
                for when in (None, "WHEN"):
                    view = layout_view(
                        fmt,
                        when=when,
                        organisation="A_B",
                        manifest=manifest,
                        data_language=True,
                    )
                    assert "{" not in view.release_line + view.rounding_note
                    assert view.about_heading.count("A\\_B") == 1  # escaped, once
                    assert all("{" not in n for n in view.notes)
                for n in (0, 1, 2, 3, 5, 22, 101):
                    note = suppressed_note(fmt, n, ["<5", "*"])
                    assert "{" not in note and (n == 0 or "\\<5" in note), (tag, n)


def test_one_is_written_with_the_nouns_gender() -> None:
    house = resolve_style("fr-presse")
    assert suppressed_note(Formatter("fr_FR", house), 1, ["*"]).startswith("Une valeur a")
    de = resolve_style("de-presse")
    assert suppressed_note(Formatter("de_DE", de), 1, ["*"]).startswith("Ein Wert wurde")
    places = de.model_copy(update={"share_decimals": 1})
    view = layout_view(
        Formatter("de_DE", places),
        when=None,
        organisation="X",
        manifest=prepare(MET).manifest("main"),
        data_language=False,
    )
    assert view.rounding_note.startswith("Anteile sind auf eine Nachkommastelle gerundet")


def test_a_language_without_words_is_english_with_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert layout_words_for("xx") == (LAYOUT_WORDS["en"], False)
    monkeypatch.delitem(LAYOUT_WORDS, "sv")  # type: ignore[attr-defined]
    MEMO.clear()  # renders made with the table as it was
    try:
        rendered = render_release(prepare(MET), locale="sv_SE")
    finally:
        MEMO.clear()
    assert "**ENDS**" in rendered.markdown and "## Notes to editors" in rendered.markdown
    assert any("no layout words for 'sv'" in w for w in rendered.warnings)


@pytest.mark.parametrize("style", ["de-presse", "plain"])
@pytest.mark.parametrize("locale", ["de_DE", "de_AT", "de_CH"])
def test_german_output_is_lint_clean(locale: str, style: str) -> None:
    """The rounding note once said 'ab 5 aufgerundet', a digit de-presse spells out.
    The campaign's German headline (its own text, not the layout's) is over the wire
    limit, so that one finding is set aside."""
    prepared = prepare(MET)
    rendered = render_release(prepared, locale=locale, style=style)
    assert "kaufmännisch" in rendered.markdown or style == "plain"
    findings = lint_text(rendered.markdown, locale=locale, style=rendered.style)
    assert [f for f in findings if f.code != "headline-length"] == [], findings
    assert all(f.line == 4 for f in findings)  # the headline's line only
    forces = render_release(prepare(FORCES), locale=locale, style=style)
    assert lint_text(forces.markdown, locale=locale, style=forces.style) == []


def test_english_keeps_its_words_and_german_extends_the_one_base() -> None:
    en = render_release(prepare(MET)).markdown
    assert en.startswith("[//]: # (pressgen:embargo)\n**EMBARGOED UNTIL 00:01 GMT ON TUESDAY")
    assert "\n**ENDS**\n" in en and "\n## Media contact\n" in en
    text = (ROOT / "templates" / "base.de.md.j2").read_text("utf-8")
    assert re.search(r'\{% extends "base.md.j2" %\}', text)
    assert "{% block" not in text  # its words come from the table, not a copy


@pytest.mark.parametrize("locale", ["fr_FR", "de_DE", "ja_JP"])
def test_new_gives_every_language_the_one_base(tmp_path: Path, locale: str) -> None:
    data = tmp_path / "areas.csv"
    rows = ["area,year,cases"] + [
        f"{a},{y},{n}"
        for a, counts in {"Kent": (100, 130), "Essex": (80, 70), "Surrey": (50, 55)}.items()
        for y, n in zip(("2019", "2020"), counts, strict=True)
    ]
    data.write_text("\n".join(rows) + "\n", "utf-8")
    out = tmp_path / "proj"
    assert main(["new", str(data), "-o", str(out), "-l", locale]) == 0
    assert sorted(p.name for p in (out / "templates").glob("base*")) == ["base.md.j2"]
    template = next(p for p in (out / "templates").glob("*.md.j2") if p.name != "base.md.j2")
    assert '{% extends "base.md.j2" %}' in template.read_text("utf-8")
    campaign = next((out / "campaigns").glob("*.toml"))
    rendered = render_release(prepare(campaign), locale=locale)
    words, _own = layout_words_for(locale.split("_")[0])
    assert f"\n**{words.ends}**\n" in rendered.markdown
    assert f"\n## {words.notes}\n" in rendered.markdown
