"""XLSX cells that calamine cannot hand over as the workbook stores them.

calamine reads every number as a 64-bit float and prints it back as text, so a cell
stored as `1E+30` arrives as '1000000000000000019884624838656', 123456789012345678
loses its last digits and 0.30000000000000004 (what Excel stores for =0.1+0.2) reads
'0.3'. Such cells (an exponent, or more digits than a float holds) are read from the
sheet's XML instead, as the text stored there: they are then typed by the same rule as
a CSV cell, so an exponent is no whole number and a long integer is exact.

Dates: a date-formatted number arrives as 'YYYY-MM-DD HH:MM:SS'. In a date column a
midnight time is dropped, so Excel's date cells read as dates. Serial 60 is Excel's
29 February 1900, a day that never was (Excel keeps Lotus 1-2-3's leap-year bug), which
calamine shows as 1900-02-28; serials below 1 are Excel's "0 January 1900" and earlier.
Both are refused with the cell's reference: no date is shown that Excel does not show.
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pressgen.errors import PressgenError
from pressgen.sources.manifest import Manifest

# A stored number calamine may not print back as stored: exponent form or 16+ digits.
_INEXACT = re.compile(rb"<v>\s*([-+]?(?:[\d.]*[Ee][-+]?\d+|[\d.]{16,}))\s*</v>")
_VALUED_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})\d+"[^>/]*>\s*(?:<f\b|<v>\s*[^<\s]|<is>)')
_TYPE = re.compile(rb'\bt="([^"]*)"')
_VALUE = re.compile(rb"<v>\s*([^<]*?)\s*</v>")
# A date (or date and time) as calamine prints a date-formatted number.
_STAMP = r"^[+-]?\d{4,}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?$"
_MIDNIGHT = r"^(\d{4}-\d{2}-\d{2})[ T]00:00:00(?:\.0+)?$"


@dataclass
class Sheet:
    """What read_xlsx needs from the checked sheet: its name, the sheet row of the
    frame's first row, whether any number is stored inexactly (found while checking),
    and where to read its XML again in the rare case a cell must be looked up."""

    name: str
    first_row: int
    inexact: bool
    path: Path
    part: str
    _xml: bytes | None = None

    @property
    def xml(self) -> bytes:
        if self._xml is None:
            with zipfile.ZipFile(self.path) as zf:
                self._xml = zf.read(self.part)
        return self._xml


def has_inexact(xml: bytes) -> bool:
    return _INEXACT.search(xml) is not None


def letters(n: int) -> str:
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def _number(letters_: bytes) -> int:
    n = 0
    for ch in letters_:
        n = n * 26 + (ch - 64)
    return n


def first_valued_row(xml: bytes) -> int | None:
    """The sheet row calamine starts from: the first with a cell that holds something."""
    for m in re.finditer(rb'<row\b[^>]*?\br="(\d{1,9})"[^>]*?(/?)>', xml):
        if m.group(2):
            continue
        end = xml.find(b"</row>", m.end())
        body = xml[m.end() : end if end >= 0 else len(xml)]
        if re.search(rb"<v>\s*[^<\s]|<is>|<f\b", body):
            return int(m.group(1))
    return None


def _first_column(xml: bytes) -> int:
    """The sheet column calamine's frame starts from: the leftmost cell with a value."""
    cols = {m.group(1) for m in _VALUED_CELL.finditer(xml)}
    return min((_number(c) for c in cols), default=1)


def _stored(xml: bytes, ref: str) -> tuple[str | None, str] | None:
    """A cell's type attribute and stored value text, found by its reference."""
    m = re.search(rb'<c\b[^>]*?\br="%s"' % ref.encode(), xml)
    if m is None:
        return None
    end = xml.find(b">", m.end())
    attrs = xml[m.start() : end]
    kind = _TYPE.search(attrs)
    stop = xml.find(b"</c>", end)
    value = _VALUE.search(xml, end, stop if stop >= 0 else len(xml)) if attrs[-1:] != b"/" else None
    return (
        kind.group(1).decode() if kind else None,
        value.group(1).decode("utf-8", "replace") if value else "",
    )


class _Cells:
    """Finds a frame position's cell in the sheet XML (the column origin is found once,
    and only when a cell is looked up)."""

    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self._origin: int | None = None

    @property
    def origin(self) -> int:
        if self._origin is None:
            self._origin = _first_column(self.sheet.xml)
        return self._origin

    def ref(self, row_i: int, col_i: int) -> str:
        return f"{letters(self.origin + col_i)}{self.sheet.first_row + row_i}"

    def number(self, ref: str) -> str | None:
        """The stored text of a numeric cell; None for a string, boolean or error."""
        stored = _stored(self.sheet.xml, ref)
        if stored is None or stored[0] not in (None, "n"):
            return None
        return stored[1]


def faithful(
    frame: pl.DataFrame, header: list[str], wanted: list[str], manifest: Manifest, sheet: Sheet,
    path: Path,
) -> pl.DataFrame:  # fmt: skip
    """The wanted columns of the sheet frame (header row included), with the cells above
    read as stored, date columns' midnight times dropped, and phantom dates refused."""
    index = {name: i for i, name in enumerate(header)}
    cells = _Cells(sheet)
    wanted_at = {index[name]: name for name in wanted}
    fixes = _exact_numbers(frame, wanted_at, cells, path) if sheet.inexact else {}
    out = []
    for name in wanted:
        col_i = index[name]
        col = frame.get_column(frame.columns[col_i])
        if col_i in fixes:
            _refuse_exponents(fixes[col_i], manifest.columns[name].type, cells, col_i, path)
            col = col.scatter(list(fixes[col_i]), list(fixes[col_i].values()))
        _refuse_phantoms(col, col_i, cells, path, f"sheet {sheet.name!r}, column {name!r}")
        if manifest.columns[name].type == "date":
            col = col.str.replace(_MIDNIGHT, "$1")
        out.append(col.alias(name))
    return pl.DataFrame(out)


def _rows(mask: pl.Series) -> list[int]:
    return [i for i in mask.fill_null(False).arg_true().to_list() if i > 0]  # 0: the header


def _exact_numbers(
    frame: pl.DataFrame, wanted: dict[int, str], cells: _Cells, path: Path
) -> dict[int, dict[int, str]]:
    """The wanted cells whose stored number calamine cannot print back as stored
    (exponent form, 16 or more digits): their stored text, by frame column and row."""
    xml = cells.sheet.xml
    found: dict[int, dict[int, str]] = {}
    for m in _INEXACT.finditer(xml):
        start = xml.rfind(b"<c ", 0, m.start())
        attrs = xml[start : xml.find(b">", start)]
        ref_m = re.search(rb'\br="([A-Z]{1,3})(\d{1,7})"', attrs)
        kind = _TYPE.search(attrs)
        if start < 0 or ref_m is None or (kind is not None and kind.group(1) != b"n"):
            continue  # a string: calamine hands text over unchanged
        col_i = _number(ref_m.group(1)) - cells.origin
        row_i = int(ref_m.group(2)) - cells.sheet.first_row
        if col_i not in wanted or not 0 < row_i < frame.height:
            continue
        ref = ref_m.group(0)[3:-1].decode()
        text = m.group(1).decode()
        shown = frame[row_i, col_i]
        try:
            # calamine rounds to about 15 significant digits (0.30000000000000004 reads
            # '0.3'), so the two agree that far when this is the cell it read.
            same = shown is not None and math.isclose(float(shown), float(text), rel_tol=1e-13)
        except ValueError:
            same = False
        if not same:  # the cell found is not the one calamine read: never guess
            raise PressgenError(
                f"cell {ref} holds {text!r}, which cannot be read exactly",
                path=path,
                where=f"sheet {cells.sheet.name!r}, column {wanted[col_i]!r}",
            )
        found.setdefault(col_i, {})[row_i] = text.lstrip("+")
    return found


def _refuse_exponents(
    fixes: dict[int, str], kind: str, cells: _Cells, col_i: int, path: Path
) -> None:
    """A number column refuses scientific notation, as it does in a CSV file; the error
    names the cell, since the spreadsheet shows it written out."""
    if kind not in ("int", "decimal"):
        return
    for row_i, text in sorted(fixes.items()):
        if "e" in text.lower():
            expect = "a whole number" if kind == "int" else "a number written out"
            raise PressgenError(
                f"cell {cells.ref(row_i, col_i)} is stored as {text!r}, which is not "
                f"{expect}: scientific notation is refused in number columns, as in a CSV "
                "file (format the cells as text to keep the digits as typed)",
                path=path,
                where=f"sheet {cells.sheet.name!r}",
            )


def _refuse_phantoms(col: pl.Series, col_i: int, cells: _Cells, path: Path, where: str) -> None:
    # Prefix tests first: cheaper than a pattern over every cell of every column.
    maybe = col.str.starts_with("1900-02-28") | col.str.starts_with("1899-")
    for row_i in _rows(maybe | col.str.starts_with("-")):
        if not re.match(_STAMP, col[row_i]):
            continue
        ref = cells.ref(row_i, col_i)
        text = cells.number(ref)
        try:
            serial = float(text) if text is not None else None
        except ValueError:
            serial = None
        if serial is None:
            continue  # typed as text: shown as typed
        if 60 <= serial < 61:
            shown = "29 February 1900, a day that never was (an old Excel leap-year bug)"
        elif serial < 1:
            shown = "no real day (dates begin at serial 1, 1 January 1900)"
        else:
            continue
        raise PressgenError(
            f"cell {ref} holds date serial {text}: Excel shows {shown}, which would read "
            f"here as {col[row_i][:10]}; enter the date meant",
            path=path,
            where=where,
        )
