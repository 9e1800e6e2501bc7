"""Build the reference documents DOCX export starts from.

    .venv/bin/python scripts/build_reference_docx.py

writes two generated files, never edited by hand:

- templates/docx/default.docx — the clean default: pressgen's styles, A4 page, list
  numbering. Its styles live in src/pressgen/export/reference.py; change them there.
- templates/docx/harbourline-letterhead.docx — an example campaign letterhead for the
  fictional Harbourline Hosting: its own brand colour, a logo and name in the header, an
  address line in the footer. A campaign names it with `letterhead = "..."`.

Both are byte-for-byte reproducible (fixed timestamps), so a rebuild shows in git only
when something really changed.
"""

from __future__ import annotations

import io
import math
import struct
import sys
import zlib
from pathlib import Path

from pressgen.export.reference import (
    NAVY,
    build_reference_docx,
    default_reference_path,
    reproducible_zip,
)

BRAND = "0B5563"  # Harbourline's deep teal
BRAND_LIGHT = (0x3F, 0xA7, 0xA0)


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else default_reference_path().parent
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in (
        ("default.docx", build_reference_docx()),
        ("harbourline-letterhead.docx", build_example_letterhead()),
    ):
        (folder / name).write_bytes(data)
        print(f"wrote {folder / name} ({len(data):,} bytes)")
    return 0


def build_example_letterhead() -> bytes:
    """A letterhead as a design team would hand it over, built from the default's styles."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    doc = Document(io.BytesIO(build_reference_docx()))
    # The brand colour replaces the default navy in every style.
    for el in doc.styles.element.iter():
        for attr in (qn("w:color"), qn("w:val"), qn("w:fill")):
            if el.get(attr) == NAVY:
                el.set(attr, BRAND)

    section = doc.sections[0]
    section.top_margin = Cm(4.2)  # room for the logo line and the release line under it
    section.header_distance = Cm(1.0)
    header = section.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.style = doc.styles["Header"]
    p.paragraph_format.space_after = Pt(6)
    logo = p.add_run()
    logo.add_picture(io.BytesIO(logo_png(192)), height=Cm(1.25))
    p.add_run("\u2002")
    name = p.add_run("Harbourline")
    name.bold = True
    name.font.size = Pt(20)
    name.font.color.rgb = RGBColor.from_string(BRAND)
    rest = p.add_run(" Hosting")
    rest.font.size = Pt(20)
    rest.font.color.rgb = RGBColor.from_string("3FA7A0")
    contact = p.add_run("\tpress@harbourline.example  ·  020 7946 0000")
    contact.font.size = Pt(8)
    tabs = p._p.get_or_add_pPr().get_or_add_tabs()
    for value, pos in (("clear", "4513"), ("clear", "9026"), ("right", "9070")):
        tab = OxmlElement("w:tab")
        tab.set(qn("w:val"), value)
        tab.set(qn("w:pos"), pos)
        tabs.append(tab)

    footer = section.footer
    footer.is_linked_to_previous = False
    f = footer.paragraphs[0]
    f.style = doc.styles["Footer"]
    f.alignment = WD_ALIGN_PARAGRAPH.CENTER
    f.text = "Harbourline Hosting Ltd  ·  1 Example Quay, London E14 0AA  ·  harbourline.example"
    border = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "4"), ("space", "6"), ("color", BRAND)):
        top.set(qn(f"w:{key}"), value)
    border.append(top)
    f._p.get_or_add_pPr().insert_element_before(border, "w:shd", "w:tabs", "w:spacing", "w:jc")
    f.paragraph_format.space_after = Pt(2)

    props = doc.core_properties
    props.title = "Harbourline Hosting letterhead"
    props.comments = "Example letterhead; rebuild with scripts/build_reference_docx.py"
    out = io.BytesIO()
    doc.save(out)
    return reproducible_zip(out.getvalue())


def logo_png(size: int) -> bytes:
    """Harbourline's mark: a teal rounded square with three white waves, as an RGBA PNG."""
    brand = tuple(int(BRAND[i : i + 2], 16) for i in (0, 2, 4))
    radius = size * 0.22
    rows = []
    for y in range(size):
        row = bytearray(b"\x00")
        for x in range(size):
            alpha = _rounded_square(x + 0.5, y + 0.5, size, radius)
            colour = brand
            wave = _wave(x + 0.5, y + 0.5, size)
            if wave > 0:
                colour = _mix(brand, (255, 255, 255) if wave > 1 else BRAND_LIGHT, min(wave, 1))
            row += bytes((*colour, int(255 * alpha)))
        rows.append(bytes(row))
    return _png(size, size, b"".join(rows))


def _rounded_square(x: float, y: float, size: int, r: float) -> float:
    dx = max(r - x, 0, x - (size - r))
    dy = max(r - y, 0, y - (size - r))
    dist = math.hypot(dx, dy)
    return max(0.0, min(1.0, r - dist + 0.5))


def _wave(x: float, y: float, size: int) -> float:
    """Coverage of the three waves at (x, y): >1 on the white lines."""
    best = 0.0
    for i, base in enumerate((0.36, 0.54, 0.72)):
        centre = size * base + size * 0.045 * math.sin(x / size * 2 * math.pi * 1.5 + i)
        half = size * 0.035
        d = abs(y - centre)
        cover = max(0.0, min(1.0, half - d + 0.5))
        margin = size * 0.16
        edge = max(0.0, min(1.0, (x - margin) / 2, (size - margin - x) / 2))
        best = max(best, cover * edge * 2)
    return best


def _mix(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, ...]:
    return tuple(round(p + (q - p) * t) for p, q in zip(a, b, strict=True))


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
