"""Reading a CSV file as text columns, whatever a records office exported.

Only a preview (the first 64 KB) is examined in Python: the encoding from its byte-order
mark or its bytes, the delimiter from how consistently each candidate splits its lines,
and the header. polars then reads the whole file. When polars refuses the file, a
slower Python pass finds the first bad line and says what is wrong with it.
"""

from __future__ import annotations

import codecs
import csv
import io
import mmap
from pathlib import Path

import polars as pl
from polars.exceptions import PanicException

from pressgen.errors import PressgenError
from pressgen.sources.loaders.common import (
    MAX_FIELD_CHARS,
    MB,
    PREVIEW_BYTES,
    ROW,
    first_line,
    max_data_mb,
    too_big,
)
from pressgen.sources.loaders.headers import check_header
from pressgen.sources.manifest import Manifest

_CANDIDATES = (",", ";", "\t", "|")
FULL_CHECK_BYTES = 16 * MB
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


def read_csv(manifest: Manifest, path: Path, wanted: list[str]) -> pl.DataFrame:
    size = path.stat().st_size
    if size > max_data_mb() * MB:
        raise too_big(path, size)
    with path.open("rb") as fh:
        head = fh.read(PREVIEW_BYTES)
    if not head.strip(b" \t\r\n\xef\xbb\xbf"):
        raise PressgenError("file is empty", path=path)
    encoding = _encoding(head, manifest.encoding)
    source: Path | io.BytesIO
    if encoding == "utf-8":
        text_head = _utf8_preview(head, path, complete=size <= PREVIEW_BYTES)
        _refuse_nul(path)
        source = path
    else:
        text = _decode_whole(path, encoding)
        text_head = text[:PREVIEW_BYTES]
        source = io.BytesIO(text.encode("utf-8"))
    delimiter = manifest.delimiter or sniff_delimiter(text_head, path)
    header = _header(text_head, delimiter, path)
    try:
        check_header(header, list(manifest.columns), path, where="line 1")
    except PressgenError as exc:
        if len(header) == 1 and manifest.delimiter is None and len(manifest.columns) > 1:
            exc = PressgenError(
                f"{exc.message} (only one column when split on the detected "
                f"{_NAMES.get(delimiter, repr(delimiter))}; set delimiter in the manifest)",
                path=path,
                where=exc.where,
            )
        raise exc from None
    try:
        lf = pl.scan_csv(
            source,
            infer_schema=False,
            separator=delimiter,
            encoding="utf8",
            truncate_ragged_lines=False,
            raise_if_empty=True,
        )
        names = lf.collect_schema().names()
        last = names[-1]
        # Reading every column lets polars refuse rows with extra fields; on big files
        # only the columns in use (and the last, whose nulls reveal short rows) are read.
        if size > FULL_CHECK_BYTES:
            lf = lf.select(wanted if last in wanted else [*wanted, last])
        frame = lf.with_row_index(ROW, offset=2).collect()
    except (pl.exceptions.PolarsError, OSError, ValueError, PanicException) as exc:
        raise _diagnose(path, encoding, delimiter, len(header)) or PressgenError(
            f"cannot read CSV data: {first_line(exc)}", path=path
        ) from None
    if frame[last].null_count():
        _check_short_rows(path, encoding, frame, last, delimiter, len(header))
    _check_field_sizes(frame, [c for c in frame.columns if c != ROW], path)
    return frame.select(ROW, *wanted)


def sniff_delimiter(text: str, path: Path) -> str:
    """The delimiter that splits the preview's lines most consistently.

    Python's `csv.Sniffer` guesses comma for a semicolon file whose numbers use decimal
    commas; counting per line outside quotes and requiring the header to agree does not.
    """
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(text.encode("utf-8")) >= PREVIEW_BYTES - 4 and len(lines) > 1:
        lines = lines[:-1]  # the preview may end mid-line
    lines = lines[:50]
    counts = {d: [_count_outside_quotes(ln, d) for ln in lines] for d in _CANDIDATES}
    consistent = [d for d, c in counts.items() if c and c[0] > 0 and len(set(c)) == 1]
    if len(consistent) == 1:
        return consistent[0]
    if len(consistent) > 1:
        names = " and ".join(_NAMES[d] for d in consistent)
        raise PressgenError(
            f"cannot tell the delimiter: {names} both split every line evenly; "
            'set delimiter in the manifest (e.g. delimiter = ";")',
            path=path,
        )
    in_header = [d for d in _CANDIDATES if counts[d] and counts[d][0] > 0]
    if not in_header:
        return ","
    return max(in_header, key=lambda d: sum(1 for c in counts[d] if c == counts[d][0]))


def _count_outside_quotes(line: str, delimiter: str) -> int:
    if '"' not in line:
        return line.count(delimiter)
    n = 0
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            n += 1
    return n


def _encoding(head: bytes, declared: str) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8"
    return {"utf-16": "utf-16", "cp1252": "cp1252", "latin-1": "latin-1"}.get(declared, "utf-8")


def _position(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return f"line {line}, column {col}"


def _utf8_preview(head: bytes, path: Path, *, complete: bool) -> str:
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if not complete and exc.start >= len(head) - 3 and "end of data" in exc.reason:
            text = head[: exc.start].decode("utf-8-sig")
        else:
            raise _not_utf8(head, exc.start, path) from None
    if "\x00" in text:
        raise _nul(head, head.index(b"\x00"), path)
    return text


def _not_utf8(data: bytes, offset: int, path: Path) -> PressgenError:
    byte = data[offset]
    if data.count(b"\x00") > len(data) // 4:
        hint = 'it looks like UTF-16 without a byte-order mark; set encoding = "utf-16"'
    else:
        ch = bytes([byte]).decode("cp1252", errors="replace")
        hint = (
            f'in Windows-1252 it would read {ch!r}; if so, set encoding = "cp1252" '
            "in the manifest (or save the file as UTF-8)"
        )
    return PressgenError(
        f"not UTF-8 (byte 0x{byte:02X}); {hint}", path=path, where=_position(data, offset)
    )


def _nul(data: bytes, offset: int, path: Path) -> PressgenError:
    return PressgenError(
        "contains a NUL byte, which no text file has (a binary file, or UTF-16 without a "
        "byte-order mark?)",
        path=path,
        where=_position(data, offset),
    )


def _refuse_nul(path: Path) -> None:
    with path.open("rb") as fh:
        try:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # empty file
            return
        with mm:
            at = mm.find(b"\x00")
            if at >= 0:
                raise _nul(mm[: at + 1], at, path)


def _decode_whole(path: Path, encoding: str) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise PressgenError(
            f"not valid {encoding} (byte 0x{raw[exc.start]:02X})",
            path=path,
            where=_position(raw, exc.start),
        ) from None
    text = text.removeprefix("\ufeff")
    if "\x00" in text:
        at = text.index("\x00")
        line = text.count("\n", 0, at) + 1
        raise PressgenError("contains a NUL character", path=path, where=f"line {line}")
    return text


def _header(text: str, delimiter: str, path: Path) -> list[str]:
    first = text.split("\n", 1)[0].rstrip("\r")
    if first.count('"') % 2:
        raise PressgenError("the header has an unterminated quote", path=path, where="line 1")
    try:
        row = next(csv.reader([first], delimiter=delimiter, strict=True), [])
    except csv.Error as exc:
        raise PressgenError(f"malformed header: {exc}", path=path, where="line 1") from None
    if not any(h.strip() for h in row):
        raise PressgenError("the first line is empty; it should name the columns", path=path)
    return row


def _text_of(path: Path, encoding: str) -> str | PressgenError:
    raw = path.read_bytes()
    try:
        return raw.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        if encoding == "utf-8":
            return _not_utf8(raw, exc.start, path)
        return PressgenError(f"not valid {encoding}", path=path, where=_position(raw, exc.start))


def _diagnose(path: Path, encoding: str, delimiter: str, ncols: int) -> PressgenError | None:
    """Find the first line polars could not read, with a Python pass over the file."""
    text = _text_of(path, encoding)
    if isinstance(text, PressgenError):
        return text
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for row in reader:
            line = reader.line_num
            if row and len(row) != ncols:
                return PressgenError(
                    f"has {len(row)} field{'s' if len(row) != 1 else ''}, the header has {ncols}",
                    path=path,
                    where=f"line {line}",
                )
            for col, cell in enumerate(row, start=1):
                if '"' in cell and f'"{cell.replace(chr(34), chr(34) * 2)}"' not in text:
                    return PressgenError(
                        'a quote (") inside an unquoted field; quote the field and double '
                        "the quote",
                        path=path,
                        where=f"line {line}, column {col}",
                    )
            start = line + 1
    except csv.Error as exc:
        msg = str(exc)
        if "field limit" in msg:
            msg = "a field is too long (an unterminated quote?)"
        elif "end of data" in msg or "EOF" in msg:
            msg = "a quoted field is never closed (unterminated quote)"
        return PressgenError(f"malformed CSV: {msg}", path=path, where=f"line {start}")
    return None


def _check_short_rows(
    path: Path, encoding: str, frame: pl.DataFrame, last: str, delimiter: str, ncols: int
) -> None:
    lines = set(frame.filter(pl.col(last).is_null())[ROW].head(10_000).to_list())
    text = _text_of(path, encoding)
    if isinstance(text, PressgenError):
        raise text
    stop = max(lines, default=0)
    for number, raw in enumerate(io.StringIO(text, newline=None), start=1):
        if number > stop:
            break
        if number not in lines or '"' in raw:
            continue
        fields = raw.rstrip("\r\n").split(delimiter)
        if len(fields) < ncols:
            raise PressgenError(
                f"has {len(fields)} field{'s' if len(fields) != 1 else ''}, the header has "
                f"{ncols} (a ragged row)",
                path=path,
                where=f"line {number}",
            )


def _check_field_sizes(frame: pl.DataFrame, wanted: list[str], path: Path) -> None:
    # Byte lengths are stored, character counts are not: only a column with a field of
    # more bytes than the limit can have one of more characters, so only that is counted.
    sizes = frame.select(pl.col(n).str.len_bytes().max() for n in wanted).row(0)
    for name, size in zip(wanted, sizes, strict=True):
        if size is None or size <= MAX_FIELD_CHARS:
            continue
        longest = frame.select(pl.col(name).str.len_chars().max())[0, 0]
        if longest is not None and longest > MAX_FIELD_CHARS:
            row = frame.filter(pl.col(name).str.len_chars() > MAX_FIELD_CHARS)[ROW][0]
            raise PressgenError(
                f"a field of {longest:,} characters, longer than the limit of "
                f"{MAX_FIELD_CHARS:,} (an unterminated quote?)",
                path=path,
                where=f"line {row}, column {name!r}",
            )
