"""The document a DOCX release starts from: the default reference or a campaign's letterhead.

A letterhead is a .docx (or .dotx) from someone else, so it is read as untrusted input:
its size is bounded before it is read, and `package_check` refuses zip bombs, oversized
parts and XML with a DTD before python-docx unpacks anything. What passes is cached by
the file's modification time and size, so a long TUI session checks it once.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.oxml.ns import qn

from pressgen.errors import PressgenError
from pressgen.export.package_check import MAX_FILE_MB, check_package
from pressgen.export.reference import reference_bytes

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument


def open_reference(path: Path | None) -> DocxDocument:
    """The default reference document, or the letterhead at `path`, opened for writing."""
    data = reference_bytes() if path is None else letterhead_bytes(path)
    try:
        return Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, BadZipFile...
        shown = path or Path("templates/docx/default.docx")
        raise PressgenError(
            f"not a valid Word document (.docx): {_reason(exc)}", path=shown
        ) from None


def letterhead_bytes(path: Path) -> bytes:
    """A letterhead's bytes once they have passed the package checks (a .dotx as .docx)."""
    try:
        stat = path.stat()
    except OSError:
        raise PressgenError("letterhead file not found", path=path) from None
    if stat.st_size > MAX_FILE_MB * 1024 * 1024:
        raise PressgenError(
            f"letterhead is {stat.st_size / 1024 / 1024:,.0f} MB, more than the limit of "
            f"{MAX_FILE_MB} MB",
            path=path,
        )
    return _read_letterhead(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _read_letterhead(path: Path, mtime_ns: int, size: int) -> bytes:
    # Keyed on mtime and size so an edited letterhead is read again in a long TUI session.
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PressgenError(f"cannot read letterhead: {exc.strerror}", path=path) from None
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise PressgenError("not a valid Word document (.docx): not a zip file", path=path)
    check_package(data, path)
    return _template_as_document(data)


def _template_as_document(data: bytes) -> bytes:
    """A Word template (.dotx) differs from a .docx only in its main part's content type."""
    template = b"wordprocessingml.template.main+xml"
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        try:
            types = src.read("[Content_Types].xml")
        except KeyError:
            return data
        if template not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                body = src.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    body = body.replace(template, b"wordprocessingml.document.main+xml")
                dst.writestr(info, body)
    return out.getvalue()


def _reason(exc: Exception) -> str:
    text = str(exc).strip().strip("'\"") or type(exc).__name__
    if isinstance(exc, zipfile.BadZipFile):
        return "not a zip file"
    if isinstance(exc, KeyError):
        return f"missing part {text}"
    return text.splitlines()[0][:160]


@lru_cache(maxsize=1)
def reference_styles() -> dict[str, Any]:
    """The default reference's style elements by id, to copy into a letterhead."""
    doc = Document(io.BytesIO(reference_bytes()))
    return {s.get(qn("w:styleId")): s for s in doc.styles.element.findall(qn("w:style"))}
