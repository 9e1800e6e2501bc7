"""An export confirmed despite problems is marked as a draft, in its own language
(issue 16 item 5): the DOCX page header of every page, an HTML banner, the first line of
the text."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from pressgen.export import ExportOptions, export_release
from pressgen.export.reference import RED
from pressgen.text.locales import supported_locales
from pressgen.text.phrases import DRAFT_WORDS, draft_word
from tests.cli import Outcome, run_cli

ROOT = Path(__file__).resolve().parents[2]
MET = ROOT / "campaigns" / "met-cyber-training.toml"

WORDS = [("en_GB", "DRAFT"), ("de_DE", "ENTWURF"), ("fr_FR", "BROUILLON"), ("es_ES", "BORRADOR")]


def test_every_supported_locale_has_its_own_draft_word() -> None:
    for locale in supported_locales():
        language = locale.split("_")[0]
        assert language in DRAFT_WORDS, locale
        assert draft_word(locale) == DRAFT_WORDS[language]
    assert draft_word("de-AT") == "ENTWURF"
    assert len(set(DRAFT_WORDS.values())) == len(DRAFT_WORDS)


def _draft_runs(header: object) -> list[tuple[str, bool, str | None]]:
    out = []
    for p in header.paragraphs:  # type: ignore[attr-defined]
        for run in p.runs:
            rpr = run._r.rPr
            color = rpr.find(qn("w:color")) if rpr is not None else None
            out.append(
                (run.text, bool(run.bold), color.get(qn("w:val")) if color is not None else None)
            )
    return out


@pytest.mark.parametrize(("locale", "word"), WORDS)
def test_docx_header_carries_the_draft_word(
    sample_md: str, options: ExportOptions, letterhead: Path, locale: str, word: str
) -> None:
    for reference in (None, letterhead):
        opts = replace(options, locale=locale, draft=True, reference_docx=reference)
        doc = Document(io.BytesIO(export_release(sample_md, "docx", opts).data))
        header = doc.sections[0].header
        assert header.paragraphs[0].text == word  # the first line of the header
        assert (word, True, RED) in _draft_runs(header)
        # The release line is still there, below it.
        assert "EMBARGOED UNTIL" in "\n".join(p.text for p in header.paragraphs)
        assert word not in "\n".join(p.text for p in doc.paragraphs)  # the body is the release


def test_docx_without_draft_has_no_stamp(sample_md: str, options: ExportOptions) -> None:
    doc = Document(io.BytesIO(export_release(sample_md, "docx", options).data))
    assert "DRAFT" not in "\n".join(p.text for p in doc.sections[0].header.paragraphs)


def test_every_header_of_a_letterhead_gets_the_stamp(
    sample_md: str, options: ExportOptions, tmp_path: Path
) -> None:
    """A letterhead with its own first-page and even-page headers: all three stamped."""
    doc = Document()
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    doc.settings.odd_and_even_pages_header_footer = True
    section.header.paragraphs[0].text = "Odd pages"
    section.first_page_header.paragraphs[0].text = "First page"
    section.even_page_header.paragraphs[0].text = "Even pages"
    path = tmp_path / "three-headers.docx"
    doc.save(str(path))
    opts = replace(options, locale="de_DE", draft=True, reference_docx=path)
    out = Document(io.BytesIO(export_release(sample_md, "docx", opts).data))
    sec = out.sections[0]
    for header, own in (
        (sec.header, "Odd pages"),
        (sec.first_page_header, "First page"),
        (sec.even_page_header, "Even pages"),
    ):
        texts = [p.text for p in header.paragraphs]
        assert texts[0] == "ENTWURF" and own in texts, texts


@pytest.mark.parametrize(("locale", "word"), WORDS)
def test_html_banner_and_text_first_line(
    sample_md: str, options: ExportOptions, locale: str, word: str
) -> None:
    opts = replace(options, locale=locale, draft=True)
    html = export_release(sample_md, "html", opts).data.decode()
    body = html[html.index("<body") :]
    banner = '<p class="draft-banner" role="note" style="'
    assert banner in body
    assert body.index(banner) < body.index(options.author) < body.index("EMBARGOED")
    assert f">{word}</p>" in body
    text = export_release(sample_md, "txt", opts).data.decode()
    lines = text.splitlines()
    assert lines[0] == word and lines[1] == "" and lines[2].startswith("EMBARGOED")
    plain = export_release(sample_md, "txt", replace(opts, draft=False)).data.decode()
    assert plain.splitlines()[0].startswith("EMBARGOED")
    assert (
        'class="draft-banner"'
        not in export_release(sample_md, "html", replace(opts, draft=False)).data.decode()
    )


def test_draft_word_in_ascii_text() -> None:
    opts = ExportOptions(locale="hi_IN", draft=True, ascii=True)
    result = export_release("# H\n\nText.\n", "txt", opts)
    assert result.data.decode().splitlines()[0] == "मसौदा"
    assert any("non-ASCII" in w for w in result.warnings)  # said, not silently dropped


def _cli(*args: str) -> Outcome:
    return run_cli(list(args), cwd=ROOT)


def test_cli_render_draft(tmp_path: Path) -> None:
    out = tmp_path / "entwurf.docx"
    done = _cli("render", str(MET), "-l", "de_DE", "-f", "docx", "--draft", "-o", str(out))
    assert done.status == 0, done.stderr
    doc = Document(str(out))
    assert doc.sections[0].header.paragraphs[0].text == "ENTWURF"
    text = _cli("render", str(MET), "-f", "txt", "--draft")
    assert text.status == 0 and text.stdout.splitlines()[0] == "DRAFT"
    md = _cli("render", str(MET), "--draft")
    assert md.status == 2
    assert md.stderr.strip().splitlines()[-1] == (
        "pressgen: -f: --draft marks docx, html and txt exports, not Markdown"
    )
