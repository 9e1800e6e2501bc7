"""The document's language beyond w:lang (issue 16 item 13): hyphenation by language, the
title from the rendered headline, and `--ascii` that writes German as Germans do."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from pressgen.export import ExportOptions, export_release
from pressgen.export.transliterate import to_ascii
from pressgen.release.pipeline import export_options, prepare, render_release

ROOT = Path(__file__).resolve().parents[2]
MET = ROOT / "campaigns" / "met-cyber-training.toml"


def _doc(md: str, options: ExportOptions):  # type: ignore[no-untyped-def]
    return Document(io.BytesIO(export_release(md, "docx", options).data))


@pytest.mark.parametrize(
    ("locale", "on"),
    [("de_DE", True), ("de_CH", True), ("fr_FR", True), ("es_ES", True), ("en_GB", False),
     ("en_US", False)],
)  # fmt: skip
def test_hyphenation_follows_the_language(sample_md: str, locale: str, on: bool) -> None:
    doc = _doc(sample_md, ExportOptions(locale=locale))
    settings = doc.settings.element
    hyphenation = settings.findall(qn("w:autoHyphenation"))
    assert len(hyphenation) == (1 if on else 0)
    if on:
        # In schema order (Word refuses a settings part out of order): after defaultTabStop.
        assert hyphenation[0].getprevious().tag == qn("w:defaultTabStop")
        title = doc.styles["Title"].element.pPr
        assert title.find(qn("w:suppressAutoHyphens")) is not None  # headlines never split


def test_a_letterhead_that_hyphenates_is_overruled_for_english(
    sample_md: str, tmp_path: Path
) -> None:
    letterhead = Document()
    settings = letterhead.settings.element
    el = settings.makeelement(qn("w:autoHyphenation"), {})
    settings.find(qn("w:defaultTabStop")).addnext(el)
    path = tmp_path / "hyphenating.docx"
    letterhead.save(str(path))
    english = _doc(sample_md, ExportOptions(locale="en_GB", reference_docx=path))
    assert english.settings.element.find(qn("w:autoHyphenation")) is None
    german = _doc(sample_md, ExportOptions(locale="de_DE", reference_docx=path))
    assert len(german.settings.element.findall(qn("w:autoHyphenation"))) == 1


def test_title_is_the_rendered_headline_when_none_is_given() -> None:
    md = "# Gesundheitsämter beschäftigen mehr Personal\n\nText.\n"
    doc = _doc(md, ExportOptions(locale="de_DE"))
    assert doc.core_properties.title == "Gesundheitsämter beschäftigen mehr Personal"
    html = export_release(md, "html", ExportOptions(locale="de_DE")).data.decode()
    assert "<title>Gesundheitsämter beschäftigen mehr Personal</title>" in html
    given = _doc(md, ExportOptions(title="Eigener Titel"))
    assert given.core_properties.title == "Eigener Titel"


def test_german_release_is_titled_in_german() -> None:
    prepared = prepare(MET)
    rendered = render_release(prepared, locale="de_DE")
    opts = export_options(prepared, "de_DE")
    doc = _doc(rendered.markdown, opts)
    first_heading = next(p.text for p in doc.paragraphs if p.style.style_id == "Title")
    assert doc.core_properties.title == first_heading
    assert first_heading.startswith("Tausende neue Met-Rekruten")
    assert doc.core_properties.language == "de-DE"


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        ("Größere Übungen für Ärzte, Öffentlichkeit und Straße", "de_DE",
         "Groessere Uebungen fuer Aerzte, Oeffentlichkeit und Strasse"),
        ("ÜBER DIE GRÜNEN ÄMTER: SCHLIEẞEN", "de_DE", "UEBER DIE GRUENEN AEMTER: SCHLIESSEN"),
        ("Herr Müller sagte „Danke“ – café", "en_GB", 'Herr Mueller sagte "Danke" - cafe'),
        ("Noël, déjà vu, pingüino, año", "es_ES", "Noel, deja vu, pinguino, ano"),
        ("Malmö och Göteborg", "sv_SE", "Malmo och Goteborg"),
        ("Œuvre, Łódź, Søren", "fr_FR", "Oeuvre, Lodz, Soren"),
    ],
)  # fmt: skip
def test_ascii_transliterates(text: str, locale: str, expected: str) -> None:
    assert to_ascii(text, locale) == expected


def test_ascii_text_export_of_the_german_release() -> None:
    prepared = prepare(MET)
    rendered = render_release(prepared, locale="de_DE")
    opts = replace(export_options(prepared, "de_DE"), ascii=True)
    result = export_release(rendered.markdown, "txt", opts)
    text = result.data.decode()
    assert text.isascii(), sorted({c for c in text if ord(c) > 127})
    assert result.warnings == ()
    assert "Hinweise fuer Redaktionen" in text and "Polizeianwaerter" in text
    assert "gross war in diesem Kurs" in text
    assert "ENDE" in text and "pressgen:" not in text
