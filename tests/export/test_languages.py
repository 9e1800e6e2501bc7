"""Every language exports alike (issue 16 item 12): the release line, dateline, ENDS and
notes are known from the render's markers, so a German, French or Spanish release gets
the same DOCX styles, page header and HTML classes as an English one."""

from __future__ import annotations

import io
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from pressgen.export import ExportOptions, export_release
from pressgen.export.reference import RED
from pressgen.release.pipeline import export_options, prepare, render_release
from pressgen.text.layout_words import layout_words_for
from pressgen.text.locales import supported_locales

ROOT = Path(__file__).resolve().parents[2]
MET = ROOT / "campaigns" / "met-cyber-training.toml"
EXAMPLES = ROOT / "examples"
DESTATIS = EXAMPLES / "destatis-gesundheitsaemter" / "campaigns" / "gesundheitsaemter.toml"
INSEE = EXAMPLES / "insee-bilan-demographique" / "campaigns" / "bilan.toml"
INE = EXAMPLES / "ine-movimiento-natural" / "campaigns" / "mnp.toml"


def _render(path: Path, locale: str | None = None) -> tuple[str, ExportOptions]:
    prepared = prepare(path)
    rendered = render_release(prepared, locale=locale)
    return rendered.markdown, export_options(prepared, rendered.locale)


def _embargoed_copy(campaign: Path, tmp_path: Path, when: str, zone: str) -> Path:
    """The example project copied, with an embargo added to its campaign."""
    project = tmp_path / campaign.parents[1].name
    shutil.copytree(campaign.parents[1], project)
    target = project / "campaigns" / campaign.name
    text = target.read_text("utf-8")
    assert "\n[release]\n" in text and "embargo" not in text
    text = text.replace("\n[release]\n", f'\n[release]\nembargo = {when}\ntimezone = "{zone}"\n', 1)
    target.write_text(text, "utf-8")
    return target


def _docx(markdown: str, options: ExportOptions) -> DocxDocument:
    result = export_release(markdown, "docx", options)
    return Document(io.BytesIO(result.data))


def _header_text(doc: DocxDocument) -> str:
    return "\n".join(p.text for p in doc.sections[0].header.paragraphs)


def _header_is_red(doc: DocxDocument, line: str) -> bool:
    for p in doc.sections[0].header.paragraphs:
        for run in p.runs:
            if run.text == line:
                color = run._r.rPr.find(qn("w:color")) if run._r.rPr is not None else None
                return color is not None and color.get(qn("w:val")) == RED
    raise AssertionError(f"{line!r} not in the header")


def _styled(doc: DocxDocument) -> list[tuple[str, str]]:
    return [(p.style.style_id, p.text) for p in doc.paragraphs]


def test_german_met_release_has_its_sperrfrist_in_every_header_and_styled() -> None:
    markdown, options = _render(MET, "de_DE")
    english, en_options = _render(MET)
    sperrfrist = "SPERRFRIST: Dienstag, 3. Dezember 2019, 00:01 Uhr GMT"
    for letterhead in (None, options.reference_docx):
        doc = _docx(markdown, replace(options, reference_docx=letterhead))
        assert sperrfrist in _header_text(doc)
        assert _header_is_red(doc, sperrfrist)
        styled = _styled(doc)
        assert styled[0] == ("Embargo", sperrfrist)
        assert styled[3][0] == "Dateline" and styled[3][1].startswith("LONDON, 3. Dezember 2019 – ")
        assert ("Ends", "ENDE") in styled
        assert next(t for s, t in styled if s == "Heading2") == "Hinweise für Redaktionen"
        # The same parts get the same styles as in the English release.
        en_styles = [
            s for s, _ in _styled(_docx(english, replace(en_options, reference_docx=letterhead)))
        ]
        assert [s for s, _ in styled if s in ("Embargo", "Dateline", "Ends")] == [
            s for s in en_styles if s in ("Embargo", "Dateline", "Ends")
        ]


@pytest.mark.parametrize(
    ("campaign", "line", "ends", "notes"),
    [
        (DESTATIS, "ZUR SOFORTIGEN VERÖFFENTLICHUNG", "ENDE", "Hinweise für Redaktionen"),
        (INSEE, "POUR DIFFUSION IMMÉDIATE", "FIN", "Notes aux rédactions"),
        (INE, "PARA SU DIFUSIÓN INMEDIATA", "FIN", "Notas para la redacción"),
    ],
    ids=["de", "fr", "es"],
)
def test_examples_in_other_languages_export_their_structure(
    campaign: Path, line: str, ends: str, notes: str
) -> None:
    markdown, options = _render(campaign)
    doc = _docx(markdown, options)
    styled = _styled(doc)
    assert styled[0] == ("ReleaseLine", line)
    assert styled[1][0] == "Title" and styled[2][0] in ("Subtitle", "Dateline")
    assert "Dateline" in [s for s, _ in styled]
    assert ("Ends", ends) in styled
    assert line in _header_text(doc) and not _header_is_red(doc, line)
    html = export_release(markdown, "html", options).data.decode()
    assert re.search(rf'<p class="release-line" [^>]*>{re.escape(line)}</p>', html)
    assert re.search(rf'<p class="ends" [^>]*>{re.escape(ends)}</p>', html)
    assert re.search(rf'<h2 class="notes" [^>]*>{re.escape(notes)}</h2>', html)
    assert '<p class="dateline" ' in html
    for fmt in ("txt", "html"):
        assert "pressgen:" not in export_release(markdown, fmt, options).data.decode()
    assert "pressgen:" not in "\n".join(p.text for p in doc.paragraphs)


@pytest.mark.parametrize(
    ("campaign", "zone", "starts"),
    [
        (DESTATIS, "Europe/Berlin", "SPERRFRIST: "),
        (INSEE, "Europe/Paris", "EMBARGO : "),
        (INE, "Europe/Madrid", "EMBARGO: "),
    ],
    ids=["de", "fr", "es"],
)
def test_an_embargo_in_any_language_is_red_in_the_header(
    campaign: Path, zone: str, starts: str, tmp_path: Path
) -> None:
    path = _embargoed_copy(campaign, tmp_path, "2024-06-25T07:30:00", zone)
    markdown, options = _render(path)
    doc = _docx(markdown, options)
    first_style, line = _styled(doc)[0]
    assert first_style == "Embargo" and line.startswith(starts)
    assert _header_is_red(doc, line)
    html = export_release(markdown, "html", options).data.decode()
    assert '<p class="release-line embargo" ' in html
    text = export_release(markdown, "txt", options).data.decode()
    assert text.splitlines()[0] == line


def _immediate_copy(tmp_path: Path) -> Path:
    """The bundled example project copied, with its embargo taken out."""
    project = tmp_path / "project"
    for folder in ("campaigns", "datasets", "quotes", "templates"):
        shutil.copytree(ROOT / folder, project / folder)
    target = project / "campaigns" / MET.name
    text = target.read_text("utf-8")
    kept = [x for x in text.splitlines() if not x.startswith(("embargo =", "timezone ="))]
    assert len(kept) < len(text.splitlines())
    target.write_text("\n".join(kept) + "\n", "utf-8")
    return target


@pytest.mark.parametrize("embargo", [True, False], ids=["embargo", "immediate"])
@pytest.mark.parametrize("locale", supported_locales())
def test_the_example_exports_its_structure_in_every_language(
    locale: str, embargo: bool, tmp_path: Path
) -> None:
    """The release line and ENDS are the language's own words (text/layout_words.py), and
    the exporters still find them, by their markers, in DOCX, HTML and text."""
    words, own = layout_words_for(locale.split("_")[0])
    assert own
    markdown, options = _render(MET if embargo else _immediate_copy(tmp_path), locale)
    first = markdown.splitlines()[1]
    line = first.strip("*")
    label = (words.embargo.split("{when}")[0] if embargo else words.immediate).strip()
    assert line.startswith(label.upper() if words.caps else label), line
    doc = _docx(markdown, options)
    styled = _styled(doc)
    assert styled[0] == ("Embargo" if embargo else "ReleaseLine", line)
    assert ("Ends", words.ends) in styled
    assert line in _header_text(doc) and _header_is_red(doc, line) == embargo
    html = export_release(markdown, "html", options).data.decode()
    kind = "release-line embargo" if embargo else "release-line"
    assert re.search(rf'<p class="{kind}" [^>]*>{re.escape(line)}</p>', html)
    assert re.search(rf'<p class="ends" [^>]*>{re.escape(words.ends)}</p>', html)
    assert re.search(rf'<h2 class="notes" [^>]*>{re.escape(words.notes)}</h2>', html)
    text = export_release(markdown, "txt", options).data.decode()
    assert text.splitlines()[0] == line and words.ends in text.splitlines()
    for data in (html, text, "\n".join(p.text for p in doc.paragraphs)):
        assert "pressgen:" not in data
