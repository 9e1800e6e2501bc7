"""Reading an edited draft back to text: Markdown, plain text, HTML or DOCX.

A DOCX draft becomes one line per paragraph (tables' paragraphs after the body's), so a
finding's line is the paragraph number in Word's order; an HTML draft becomes one line
per block. `draft_form` names the form a file is in, so the check can read the untouched
release in the same form and compare like with like.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from pressgen.errors import PressgenError

DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm", ".docx")
_FORMS = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".docx": "docx"}


def draft_form(path: str | Path) -> str:
    """The export format a draft file is in: md, txt, html or docx."""
    return _FORMS.get(Path(path).suffix.lower(), "md")


def read_draft(path: str | Path) -> str:
    """The text of a draft; an unreadable or unknown file is a PressgenError."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in DRAFT_SUFFIXES:
        raise PressgenError(
            f"cannot read a {suffix or 'suffix-less'} draft: give .md, .txt, .html or .docx", path=p
        )
    if not p.is_file():
        raise PressgenError("no such file", path=p)
    if suffix == ".docx":
        return docx_text(p)
    try:
        text = p.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
        return html_text(text) if suffix in (".html", ".htm") else text
    except UnicodeDecodeError as exc:
        raise PressgenError(f"not UTF-8 text (byte {exc.start})", path=p) from None
    except OSError as exc:
        raise PressgenError(f"cannot read: {exc.strerror}", path=p) from None


def flatten(data: bytes, form: str) -> str:
    """An exported release (`form` txt, html or docx) read back as a draft would be."""
    if form == "docx":
        import io

        return docx_text(io.BytesIO(data))
    text = data.decode("utf-8")
    return html_text(text) if form == "html" else text


def html_text(markup: str) -> str:
    """The text of an HTML draft, one line per block (paragraph, heading, list item,
    table cell); the head, styles and scripts are left out."""
    from html.parser import HTMLParser

    blocks = {
        "p",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "td",
        "th",
        "tr",
        "div",
        "blockquote",
        "br",
        "hr",
        "table",
        "ul",
        "ol",
        "section",
        "header",
        "footer",
    }

    class _Reader(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag in ("head", "style", "script", "title"):
                self.skip += 1
            elif tag == "h1":  # the headline, marked as Markdown marks it
                self.parts.append("\n# ")
            elif tag in blocks:
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("head", "style", "script", "title"):
                self.skip = max(0, self.skip - 1)
            elif tag in blocks or tag == "h1":
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(" ".join(data.split("\n")))

    reader = _Reader()
    reader.feed(markup)
    reader.close()
    lines = (" ".join(ln.split()) for ln in "".join(reader.parts).split("\n"))
    return "\n".join(ln for ln in lines if ln) + "\n"


def docx_text(path: Path | IO[bytes]) -> str:
    """Paragraph texts of a DOCX file, one per line; the headline (a paragraph in Word's
    Title or Heading 1 style) marked '# ', as Markdown marks it."""
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        doc = Document(str(path) if isinstance(path, Path) else path)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        where = path if isinstance(path, Path) else None
        raise PressgenError(
            f"not a readable DOCX file ({exc.__class__.__name__})", path=where
        ) from None
    lines = [
        ("# " if _is_headline(par) else "") + " ".join(par.text.replace("\n", " ").split("\v"))
        for par in doc.paragraphs
    ]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(par.text for par in cell.paragraphs)
    return "\n".join(lines) + "\n"


def _is_headline(par: Any) -> bool:
    style = par.style
    return style is not None and style.name in ("Title", "Heading 1") and bool(par.text.strip())
