"""Reading an edited draft back to text: Markdown, plain text or DOCX.

A DOCX draft becomes one line per paragraph (tables' paragraphs after the body's), so a
finding's line is the paragraph number in Word's order.
"""

from __future__ import annotations

from pathlib import Path

from pressgen.errors import PressgenError

DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".docx")


def read_draft(path: str | Path) -> str:
    """The text of a draft; an unreadable or unknown file is a PressgenError."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in DRAFT_SUFFIXES:
        raise PressgenError(
            f"cannot read a {suffix or 'suffix-less'} draft: give .md, .txt or .docx", path=p
        )
    if not p.is_file():
        raise PressgenError("no such file", path=p)
    if suffix == ".docx":
        return docx_text(p)
    try:
        return p.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as exc:
        raise PressgenError(f"not UTF-8 text (byte {exc.start})", path=p) from None
    except OSError as exc:
        raise PressgenError(f"cannot read: {exc.strerror}", path=p) from None


def docx_text(path: Path) -> str:
    """Paragraph texts of a DOCX file, one per line."""
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise PressgenError(
            f"not a readable DOCX file ({exc.__class__.__name__})", path=path
        ) from None
    lines = [" ".join(par.text.replace("\n", " ").split("\v")) for par in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(par.text for par in cell.paragraphs)
    return "\n".join(lines) + "\n"
