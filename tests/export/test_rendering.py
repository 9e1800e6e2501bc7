"""The DOCX as LibreOffice lays it out: converted to PDF and read back with pdftotext.

Skipped only where soffice or pdftotext is not installed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pressgen.export import ExportOptions, export_release

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext") and shutil.which("pdfinfo")),
    reason="LibreOffice (soffice) or poppler-utils not installed",
)


@pytest.fixture(scope="session")
def lo_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A LibreOffice user profile of our own, so conversions run beside any open
    LibreOffice. One per test process (pytest-xdist gives each worker its own temporary
    folder): setting up a fresh profile is most of a conversion's time, and two
    LibreOffice processes must not share one."""
    return tmp_path_factory.mktemp("lo-profile")


def docx_to_pdf(profile: Path, *docx: Path) -> list[Path]:
    """Each document converted to PDF beside it, in one LibreOffice run."""
    outdir = docx[0].parent
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdfs = [outdir / (d.stem + ".pdf") for d in docx]
    assert all(pdf.exists() for pdf in pdfs)
    return pdfs


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(
        ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True, timeout=60
    )
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def test_libreoffice_lays_out_the_release(
    tmp_path: Path, sample_md: str, options: ExportOptions, letterhead: Path, lo_profile: Path
) -> None:
    plain = tmp_path / "release.docx"
    plain.write_bytes(export_release(sample_md, "docx", options).data)
    on_letterhead = tmp_path / "letterhead-release.docx"
    opts = ExportOptions(author=options.author, reference_docx=letterhead)
    on_letterhead.write_bytes(export_release(sample_md, "docx", opts).data)
    for pdf in docx_to_pdf(lo_profile, plain, on_letterhead):
        text = pdf_text(pdf)
        pages = pdf_pages(pdf)
        assert 1 <= pages <= 3
        flat = " ".join(text.split())
        assert "Met sends thousands of new recruits" in flat
        assert "ENDS" in text and "Notes to editors" in text
        assert "First Responder 2,201 2,333 4,534 52%" in flat
        # The release line is in the page header of every page, and page numbers below.
        assert text.count("EMBARGOED UNTIL 00:01 GMT ON TUESDAY 3 DECEMBER 2019") >= pages
        assert re.search(rf"\b1 ?/ ?{pages}\b", text)
    assert "ACME LETTERHEAD LTD" in pdf_text(tmp_path / "letterhead-release.pdf")


def test_libreoffice_shows_a_german_draft_with_its_sperrfrist_on_every_page(
    tmp_path: Path, lo_profile: Path
) -> None:
    """Issue 16 items 5 and 12: the stamp and the red Sperrfrist in every page header."""
    from dataclasses import replace

    from pressgen.release.pipeline import export_options, prepare, render_release

    root = Path(__file__).resolve().parents[2]
    prepared = prepare(root / "campaigns" / "met-cyber-training.toml")
    rendered = render_release(prepared, locale="de_DE")
    opts = replace(export_options(prepared, "de_DE"), draft=True)
    docx = tmp_path / "entwurf.docx"
    docx.write_bytes(export_release(rendered.markdown, "docx", opts).data)
    (pdf,) = docx_to_pdf(lo_profile, docx)
    pages = pdf_pages(pdf)
    text = pdf_text(pdf)
    assert pages >= 2
    assert text.count("ENTWURF") >= pages
    # The release line styles set capitals (w:caps), so LibreOffice prints it in capitals.
    assert text.count("SPERRFRIST: DIENSTAG, 3. DEZEMBER 2019, 00:01 UHR GMT") >= pages + 1
    assert "ENDE" in text and "Hinweise für Redaktionen" in text
