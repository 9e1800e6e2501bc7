"""Fixtures for export tests: the sample release, options, and a small letterhead .docx."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest

from pressgen.export import ExportOptions

DATA = Path(__file__).parent / "data"


@pytest.fixture
def sample_md() -> str:
    return (DATA / "sample_release.md").read_text(encoding="utf-8")


@pytest.fixture
def options() -> ExportOptions:
    return ExportOptions(
        title="Met sends thousands of new recruits on cyber crime courses",
        subject="Met Police cyber crime training (FoI)",
        author="Example Hosting",
        keywords=("Metropolitan Police", "cyber crime"),
        locale="en_GB",
    )


def tiny_png(width: int = 8, height: int = 8, rgb: tuple[int, int, int] = (11, 110, 105)) -> bytes:
    """A solid-colour PNG written by hand, so the tests need no imaging library."""
    row = b"\x00" + bytes(rgb) * width
    raw = row * height

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def letterhead(tmp_path: Path) -> Path:
    """A third-party letterhead: logo and name in the header, address in the footer,
    its own Normal font and Title colour, and none of pressgen's custom styles."""
    from docx import Document
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Liberation Serif"
    normal.font.size = Pt(10.5)
    doc.styles["Title"].font.color.rgb = RGBColor(0x0B, 0x6E, 0x69)
    section = doc.sections[0]
    header = section.header
    p = header.paragraphs[0]
    p.add_run().add_picture(io.BytesIO(tiny_png()), width=Cm(1.2))
    p.add_run("  ACME LETTERHEAD LTD").bold = True
    footer = section.footer
    footer.paragraphs[0].text = "Acme Letterhead Ltd · 1 Example Quay · London"
    doc.add_paragraph("Placeholder body text that must not survive export.")
    path = tmp_path / "letterhead.docx"
    doc.save(str(path))
    return path
