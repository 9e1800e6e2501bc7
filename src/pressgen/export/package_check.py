"""Checking a Word package (.docx, .dotx) as a zip of XML parts, before and after use.

A letterhead is a file from someone else. Before python-docx unpacks it, `check_package`
reads only the zip's directory and refuses a member that would unpack to more than
`MAX_MEMBER_MB`, that unpacks more than `MAX_RATIO` times its packed size (a zip bomb:
1 MB on disk, 1 GiB in memory), too many members, or a total beyond the letterhead
limit. Then every XML part is parsed without fetching or expanding anything and refused
if it is not well-formed or declares a DTD (`<!DOCTYPE …>`: external entities, entity
expansion). After writing, `verify_docx` opens the result the same way, and with
python-docx, so a document that Word could not open is never reported as written.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

from pressgen.errors import PressgenError

MAX_MEMBERS = 2_000
MAX_MEMBER_MB = 64
MAX_RATIO = 200
#: Parts smaller than this unpack as they like: XML compresses 20-50 times, and a small
#: part cannot hurt.
RATIO_FROM = 1024 * 1024
DEFAULT_MAX_TOTAL_MB = 256
MAX_FILE_MB = 64


def max_total_bytes() -> int:
    """The most a letterhead may unpack to; `PRESSGEN_MAX_LETTERHEAD_MB` changes it."""
    raw = os.environ.get("PRESSGEN_MAX_LETTERHEAD_MB")
    if not raw:
        return DEFAULT_MAX_TOTAL_MB * 1024 * 1024
    try:
        value = float(raw)
    except ValueError:
        raise PressgenError(f"PRESSGEN_MAX_LETTERHEAD_MB must be a number, got {raw!r}") from None
    if value <= 0:
        raise PressgenError(f"PRESSGEN_MAX_LETTERHEAD_MB must be positive, got {raw!r}")
    return int(value * 1024 * 1024)


def check_package(data: bytes, path: Path) -> None:
    """Refuse a package that is not a sound zip of XML parts within the limits."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise PressgenError(
            "not a valid Word document (.docx): not a zip file", path=path
        ) from None
    with zf:
        members = zf.infolist()
        check_sizes(members, path)
        for info in members:
            if info.is_dir():
                continue
            body = _read(zf, info, path)
            if _looks_like_xml(body):
                check_xml(body, info.filename, path)


def check_sizes(members: list[zipfile.ZipInfo], path: Path) -> None:
    """The zip directory's claims, checked before any member is unpacked."""
    if len(members) > MAX_MEMBERS:
        raise PressgenError(
            f"letterhead has {len(members):,} parts, more than the limit of {MAX_MEMBERS:,}",
            path=path,
        )
    limit = MAX_MEMBER_MB * 1024 * 1024
    total_limit = max_total_bytes()
    total = 0
    for info in members:
        size = info.file_size
        if size > limit:
            raise PressgenError(
                f"letterhead part {info.filename!r} unpacks to {_mb(size)}, more than the "
                f"limit of {MAX_MEMBER_MB} MB per part",
                path=path,
            )
        if size > RATIO_FROM and size > MAX_RATIO * max(info.compress_size, 1):
            raise PressgenError(
                f"letterhead part {info.filename!r} unpacks {size // max(info.compress_size, 1):,}"
                f" times larger than it is packed (limit {MAX_RATIO}): a zip bomb?",
                path=path,
            )
        total += size
        if total > total_limit:
            raise PressgenError(
                f"letterhead unpacks to more than {_mb(total_limit)} (PRESSGEN_MAX_LETTERHEAD_MB)",
                path=path,
            )


class _DoctypeFound(Exception):
    pass


def check_xml(body: bytes, part: str, path: Path | None) -> None:
    """Refuse an XML part that is not well-formed or that declares a DTD.

    Parsed with the standard library's expat, which fetches nothing; the parse stops at
    a `<!DOCTYPE`, before any entity in it is declared, let alone expanded."""
    from xml.parsers import expat

    def refuse(*_: object) -> None:
        raise _DoctypeFound

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    try:
        parser.Parse(body, True)
    except _DoctypeFound:
        raise PressgenError(
            f"part {part!r} declares a DTD (<!DOCTYPE …>), which a Word document never "
            "needs: refused, as it can name outside files or expand without end",
            path=path,
        ) from None
    except expat.ExpatError as exc:
        reason = expat.ErrorString(exc.code) or "syntax error"
        raise PressgenError(
            f"part {part!r} is not well-formed XML: {reason} (line {exc.lineno})", path=path
        ) from None


def verify_docx(data: bytes) -> None:
    """Reopen a DOCX just written: a sound zip, well-formed XML parts without DTDs, and
    a document python-docx can open. A PressgenError says what is wrong."""
    where = Path("written document")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise PressgenError("the DOCX written is not a valid zip file", path=where) from None
    with zf:
        for info in zf.infolist():
            try:
                body = zf.read(info)  # checks the part's CRC
            except zipfile.BadZipFile:
                raise PressgenError(
                    f"the DOCX written has a damaged part {info.filename!r}", path=where
                ) from None
            if info.filename.endswith((".xml", ".rels")) or _looks_like_xml(body):
                check_xml(body, info.filename, where)
    from docx import Document

    try:
        Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, BadZipFile...
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise PressgenError(f"the DOCX written does not open: {reason}", path=where) from None


def _read(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    try:
        with zf.open(info) as fh:
            # zipfile stops at the size the directory declares, which check_sizes bounded.
            return fh.read(info.file_size + 1)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise PressgenError(
            f"letterhead part {info.filename!r} cannot be unpacked: {reason}", path=path
        ) from None


def _looks_like_xml(body: bytes) -> bool:
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark
        return True
    return body.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")[:1] == b"<"


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"
