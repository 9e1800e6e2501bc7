"""Reading an XLSX sheet as text columns, after checking the file is safe to hand over.

calamine (through fastexcel) is fast but trusts the file: a 1.5 KB workbook whose cells
sit at A1 and XFD1048576 makes it allocate the whole 17-billion-cell rectangle and abort
the process. So the zip is examined first, in Python and without expanding anything:
what it is (encrypted workbooks and old .xls files are OLE files, not zips), its
unzipped size and compression ratios, any DTD (entity expansion) in its XML parts, the
sheet's declared and actual extent, and formula cells that carry no saved value.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import IO

import polars as pl
from polars.exceptions import PanicException

from pressgen.errors import PressgenError
from pressgen.sources.loaders.common import MB, ROW, first_line, max_cells, max_data_mb, too_big
from pressgen.sources.loaders.headers import check_header
from pressgen.sources.loaders.xlsxcells import Sheet, faithful, first_valued_row, has_inexact
from pressgen.sources.manifest import Manifest

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DTD = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"))
_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"', re.S)
_REL = re.compile(rb"<Relationship\b([^>]*)>", re.S)
_ATTR = re.compile(rb'\b(Id|Target)="([^"]*)"')
_DIMENSION = re.compile(rb'<dimension\b[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_ROW_REF = re.compile(rb'<row\b[^>]*?\br="(\d{1,12})"')
_CELL_ROW = re.compile(rb'<c\b[^>]*?\br="[A-Z]{1,3}(\d{1,12})"')
_HUGE_REF = re.compile(rb'\br="[A-Z]{0,3}\d{13,}"')
_CELL_COL = re.compile(rb'<c\b[^>]*?\br="([A-Z]+)\d')
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_REF = re.compile(rb'\br="([A-Z]+\d+)"')
_MAX_ROWS, _MAX_COLS = 1_048_576, 16_384


def read_xlsx(manifest: Manifest, path: Path, wanted: list[str]) -> pl.DataFrame:
    sheet = check_workbook(path, manifest.sheet)
    part = sheet.name
    try:
        import fastexcel

        # Called directly, not through pl.read_excel: that one, when pyarrow is
        # installed, hands the sheet over through pyarrow, whose bundled allocator can
        # crash the process when a short-lived thread (a TUI worker) loaded it first.
        # All cells as text; empty rows are kept here, so row numbers stay the sheet's.
        frame = (
            fastexcel.read_excel(path).load_sheet(part, header_row=None, dtypes="string")
        ).to_polars()
    except (PressgenError, KeyboardInterrupt):
        raise
    except (Exception, PanicException) as exc:  # calamine raises its own types, and panics
        raise PressgenError(f"cannot read XLSX data: {first_line(exc)}", path=path) from None
    if frame.height == 0:
        raise PressgenError(f"sheet {part!r} is empty", path=path)
    header = ["" if v is None else str(v) for v in frame.row(0)]
    check_header(
        header, list(manifest.columns), path, where=f"sheet {part!r}, row {sheet.first_row}"
    )
    # A row with nothing in any cell is no record (as spreadsheets are read elsewhere);
    # its number is dropped with it, so the rows below keep theirs.
    empty = pl.all_horizontal(pl.all().is_null())
    keep = frame.select(~empty).to_series()
    body = faithful(frame, header, wanted, manifest, sheet, path)
    body = body.with_row_index(ROW, offset=sheet.first_row).filter(keep)
    return body.slice(1)


def check_workbook(path: Path, sheet: str | None) -> Sheet:
    """Check the workbook is safe to read; return what reading its sheet needs."""
    size = path.stat().st_size
    if size > max_data_mb() * MB:
        raise too_big(path, size)
    with path.open("rb") as fh:
        magic = fh.read(8)
    if magic.startswith(_OLE):
        raise PressgenError(
            "is password-protected (encrypted) or an old .xls workbook; save it from Excel "
            "as an unprotected .xlsx",
            path=path,
        )
    if not magic.startswith(b"PK"):
        raise PressgenError("is not an XLSX workbook (not a zip archive)", path=path)
    try:
        with zipfile.ZipFile(path) as zf:
            return _check_zip(zf, path, sheet)
    except PressgenError:
        raise
    except Exception as exc:  # zipfile, zlib and struct each raise their own kinds
        raise PressgenError(
            f"is damaged or truncated (not a readable zip archive: {first_line(exc)})", path=path
        ) from None


def _check_zip(zf: zipfile.ZipFile, path: Path, sheet: str | None) -> Sheet:
    infos = zf.infolist()
    if len(infos) > 10_000:
        raise PressgenError(f"holds {len(infos):,} parts; a workbook has dozens", path=path)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise PressgenError("is encrypted; save it without a password", path=path)
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 10 * MB and ratio > 500:
            raise PressgenError(
                f"part {info.filename!r} unzips {ratio:,.0f} times larger than it is "
                "stored (a zip bomb?)",
                path=path,
            )
    if total > max_data_mb() * MB:
        raise PressgenError(
            f"unzips to {total / MB:,.0f} MB, larger than the limit of {max_data_mb():,} MB "
            "(set PRESSGEN_MAX_DATA_MB to raise it)",
            path=path,
        )
    for info in infos:
        if info.filename.endswith((".xml", ".rels", ".vml")):
            with zf.open(info) as fh:
                _refuse_dtd(fh, info.filename, path)
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise PressgenError("is not an XLSX workbook (no xl/workbook.xml)", path=path)
    sheets = _sheets(zf)
    if not sheets:
        raise PressgenError("has no worksheets", path=path)
    if sheet is None:
        name, part = sheets[0]
    else:
        found = [s for s in sheets if s[0] == sheet]
        if not found:
            known = ", ".join(repr(s[0]) for s in sheets)
            raise PressgenError(f"no sheet {sheet!r} (sheets: {known})", path=path, where="sheet")
        name, part = found[0]
    if part not in names:
        raise PressgenError(f"sheet {name!r} is missing from the archive", path=path)
    data = zf.read(part)
    first_row = _check_extent(data, name, path)
    _check_cells(data, name, path)
    # calamine starts at the first row holding a value, not at an empty (styled) row.
    first_row = first_valued_row(data) or first_row
    return Sheet(name, first_row, has_inexact(data), path, part)


def _refuse_dtd(fh: IO[bytes], part: str, path: Path) -> None:
    head = fh.read(4096)
    upper = head.upper()
    if any(marker.upper() in upper for marker in _DTD):
        raise PressgenError(
            f"part {part!r} declares a DTD or entities, which workbooks never need; "
            "refused (entity expansion)",
            path=path,
        )


def _sheets(zf: zipfile.ZipFile) -> list[tuple[str, str]]:
    import html

    workbook = zf.read("xl/workbook.xml")
    try:
        rels_xml = zf.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        rels_xml = b""
    rels: dict[bytes, bytes] = {}
    for m in _REL.finditer(rels_xml):
        attrs = dict(_ATTR.findall(m.group(1)))
        if b"Id" in attrs and b"Target" in attrs:
            rels[attrs[b"Id"]] = attrs[b"Target"]
    out = []
    for m in _SHEET.finditer(workbook):
        target = rels.get(m.group(2), b"").decode("utf-8", "replace")
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        out.append((html.unescape(m.group(1).decode("utf-8", "replace")), part))
    return out


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


def _check_extent(data: bytes, sheet: str, path: Path) -> int:
    if _HUGE_REF.search(data):
        raise PressgenError(
            f"sheet {sheet!r} refers to cells beyond Excel's last (XFD1048576)", path=path
        )
    rows = [int(r) for r in _ROW_REF.findall(data)]
    elements = max(rows, default=0)
    max_row, max_col = _extent(data, _row_bound(data, elements))
    if max_row > _MAX_ROWS or max_row * max_col > max_cells():
        # A bound may be loose: judge by the exact last row before refusing.
        exact = max([elements, *(int(r) for r in _CELL_ROW.findall(data))])
        max_row, max_col = _extent(data, exact)
    if max_row > _MAX_ROWS or max_col > _MAX_COLS:
        raise PressgenError(
            f"sheet {sheet!r} refers to cells beyond Excel's last (XFD1048576)", path=path
        )
    if max_row * max_col > max_cells():
        raise PressgenError(
            f"sheet {sheet!r} spans {max_row:,} rows by {max_col:,} columns "
            f"({max_row * max_col:,} cells), more than the limit of {max_cells():,}; "
            "delete stray cells far from the data (or set PRESSGEN_MAX_SHEET_CELLS)",
            path=path,
        )
    return min(rows, default=1)


def _extent(data: bytes, max_row: int) -> tuple[int, int]:
    """Rows and columns the sheet spans, given its last row: its cells and its (possibly
    lying) dimension element both count."""
    max_col = _widest_column(data, max_row)
    dim = _DIMENSION.search(data, 0, 4096)
    if dim:
        end_col, end_row = (dim.group(3), dim.group(4)) if dim.group(3) else dim.group(1, 2)
        max_row = max(max_row, int(end_row))
        max_col = max(max_col, _col_number(end_col))
    return max_row, max_col


def _row_bound(data: bytes, row_elements: int) -> int:
    """A bound on the last row any cell names, found without listing every cell.

    A cell's own reference places it, whatever row element holds it: `<c r="B99999999">`
    inside row 2 makes calamine allocate a hundred million rows (10 GB and minutes, or an
    abort). If no reference has more digits than the last row element, or as many with
    a larger first digit, every cell is above the next power of ten's first step."""
    text = str(row_elements) if row_elements else "0"
    digits, lead = len(text), int(text[0])
    longer = rb"\d{%d,}" % (digits + 1)
    if lead < 9:
        longer += rb"|[%d-9]\d{%d}" % (lead + 1, digits - 1)
    if re.search(rb'<c\b[^>]*?\br="[A-Z]{1,3}(?:%s)"' % longer, data) is None:
        return max(row_elements, (lead + 1) * 10 ** (digits - 1) - 1) if row_elements else 0
    return max([row_elements, *(int(r) for r in _CELL_ROW.findall(data))])


def _widest_column(data: bytes, max_row: int) -> int:
    """The sheet's last column, or a bound on it when that is enough to judge its size.

    Listing every cell's column costs more than the rest of these checks together, so
    the longest column name decides first: no cell reference with two letters means at
    most column Z, none with three at most ZZ; only when such a bound could exceed the
    cell limit are the columns counted exactly."""
    for letters, bound in ((2, 26), (3, 702)):
        # 'r="' is searched as a literal (fast); other attributes ending in r, such as
        # mergeCell's ref, can only make the bound looser, never tighter.
        if not re.search(rb'r="[A-Z]{%d}' % letters, data):
            if max_row * bound <= max_cells():
                return bound if re.search(rb'r="[A-Z]', data) else 0
            break
    cols = set(_CELL_COL.findall(data))
    return max((_col_number(c[:4]) for c in cols), default=0)


def _check_cells(data: bytes, sheet: str, path: Path) -> None:
    if b"<f" not in data and b't="e"' not in data:
        return
    for m in _CELL.finditer(data):
        attrs, inner = m.group(1), m.group(2) or b""
        ref_m = _REF.search(attrs)
        ref = ref_m.group(1).decode() if ref_m else "?"
        if b't="e"' in attrs:
            value = re.search(rb"<v>(.*?)</v>", inner, re.S)
            shown = value.group(1).decode("utf-8", "replace") if value else "an error"
            raise PressgenError(
                f"cell {ref} holds the spreadsheet error {shown}",
                path=path,
                where=f"sheet {sheet!r}",
            )
        if b"<f" in inner and not re.search(rb"<v>[^<]+</v>|<is>", inner):
            formula = re.search(rb"<f[^>]*>(.*?)</f>", inner, re.S)
            text = f" (={formula.group(1).decode('utf-8', 'replace')[:60]})" if formula else ""
            raise PressgenError(
                f"cell {ref} has a formula{text} with no saved value; open the file in "
                "Excel or LibreOffice and save it, or paste the values",
                path=path,
                where=f"sheet {sheet!r}",
            )
