"""The bundled example, rendered by the pipeline, exported in every format."""

from __future__ import annotations

import io
import runpy
from pathlib import Path

import pytest
from docx import Document

from pressgen.export import ExportOptions, export_release

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "campaigns" / "met-cyber-training.toml"
LETTERHEAD = ROOT / "templates" / "docx" / "harbourline-letterhead.docx"

pytestmark = pytest.mark.skipif(not EXAMPLE.exists(), reason="bundled example not present")


@pytest.fixture(scope="module")
def example() -> tuple[str, ExportOptions]:
    from pressgen.release.pipeline import prepare, render_release

    prepared = prepare(EXAMPLE)
    rendered = render_release(prepared)
    camp = prepared.loaded.campaign
    return rendered.markdown, ExportOptions(
        title=camp.release.headline,
        subject=camp.title,
        author=camp.release.organisation,
        keywords=tuple(camp.release.keywords),
        locale=rendered.locale,
    )


@pytest.mark.parametrize("letterhead", [None, LETTERHEAD], ids=["default", "letterhead"])
def test_example_docx(example: tuple[str, ExportOptions], letterhead: Path | None) -> None:
    markdown, base = example
    opts = ExportOptions(
        title=base.title,
        subject=base.subject,
        author=base.author,
        keywords=base.keywords,
        locale=base.locale,
        reference_docx=letterhead,
    )
    result = export_release(markdown, "docx", opts)
    assert result.warnings == ()
    doc = Document(io.BytesIO(result.data))
    styles = [p.style.style_id for p in doc.paragraphs]
    assert styles[:4] == ["Embargo", "Title", "Subtitle", "Dateline"]
    assert doc.paragraphs[1].text == base.title
    assert styles.count("Quote") == 2 and styles.count("QuoteAttribution") == 2
    assert "Ends" in styles and styles.count("Heading2") >= 3
    assert doc.core_properties.language == "en-GB"
    header = "\n".join(p.text for p in doc.sections[0].header.paragraphs)
    assert "EMBARGOED UNTIL 00:01 GMT ON TUESDAY 3 DECEMBER 2019" in header
    if letterhead is not None:
        assert "Harbourline" in header
        assert doc.sections[0].header.part.rels  # the logo


def test_example_html_and_text(example: tuple[str, ExportOptions]) -> None:
    markdown, opts = example
    html = export_release(markdown, "html", opts).data.decode()
    assert "<script" not in html and 'src="' not in html
    assert f"<title>{opts.title}</title>" in html
    txt = export_release(markdown, "txt", opts)
    assert txt.warnings == ()
    lines = txt.data.decode().splitlines()
    assert max(map(len, lines)) <= 72
    assert lines[0] == "EMBARGOED UNTIL 00:01 GMT ON TUESDAY 3 DECEMBER 2019"
    ascii_txt = export_release(markdown, "txt", ExportOptions(ascii=True)).data.decode()
    assert "“" not in ascii_txt and "–" not in ascii_txt and "\u00a0" not in ascii_txt


def test_shipped_reference_documents_are_rebuilt_identically(tmp_path: Path) -> None:
    script = runpy.run_path(str(ROOT / "scripts" / "build_reference_docx.py"))
    script["main"](["build", str(tmp_path)])
    for name in ("default.docx", "harbourline-letterhead.docx"):
        shipped = ROOT / "templates" / "docx" / name
        assert (tmp_path / name).read_bytes() == shipped.read_bytes(), name
