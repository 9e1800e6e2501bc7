"""XLSX numbers as the workbook stores them, Excel's date cells, and the phantom
29 February 1900 (issue 12, item 12). The workbooks are written part by part, so each
cell holds exactly the text Excel (or openpyxl) would store."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.sources.dataset import load_dataset
from tests.bad_inputs.make_corpus import GOOD_ROWS, cell, number, row, xlsx

from .helpers import write_dataset


def _sheet(tmp_path: Path, *cells: str, ntype: str = "int", styles: bool = False) -> Path:
    rows = [*GOOD_ROWS, *(row(3 + i, cell(f"A{3 + i}", f"r{i}"), c) for i, c in enumerate(cells))]
    return write_dataset(tmp_path, xlsx(rows, styles=styles), suffix="xlsx", ntype=ntype)


def test_an_exponent_in_a_whole_number_column_is_refused_with_its_cell(tmp_path: Path) -> None:
    m = _sheet(tmp_path, number("B3", "1E+30"))
    with pytest.raises(PressgenError, match=r"cell B3 is stored as '1E\+30', which is not a whole"):
        load_dataset(m)


def test_an_exponent_in_a_decimal_column_is_refused_as_in_csv(tmp_path: Path) -> None:
    with pytest.raises(PressgenError, match=r"cell B4 is stored as '2\.5E-7'"):
        load_dataset(
            _sheet(tmp_path, number("B3", "0.25"), number("B4", "2.5E-7"), ntype="decimal")
        )
    csv = write_dataset(tmp_path, b"area,n\nNorth,2.5E-7\n", ntype="decimal")
    with pytest.raises(PressgenError, match="is not a number"):
        load_dataset(csv)


def test_long_integers_are_read_exactly_not_through_a_float(tmp_path: Path) -> None:
    ds = load_dataset(
        _sheet(tmp_path, number("B3", "123456789012345678"), number("B4", "-9007199254740993"))
    )
    assert ds.frame["n"].to_list() == [5, 123456789012345678, -9007199254740993]


def test_an_exponent_in_a_text_column_reads_as_stored(tmp_path: Path) -> None:
    m = write_dataset(
        tmp_path,
        xlsx([row(1, cell("A1", "area"), cell("B1", "n")), row(2, number("A2", "1E+30"), cell("B2", 1))]),
        suffix="xlsx",
    )  # fmt: skip
    assert load_dataset(m).frame["area"].to_list() == ["1E+30"]


def test_a_shifted_sheet_finds_its_cells(tmp_path: Path) -> None:
    rows = [
        row(2, '<c r="A2" s="0"/>'),  # an empty, styled cell left of and above the table
        row(4, cell("C4", "area"), cell("D4", "n")),
        row(5, cell("C5", "x"), number("D5", "12345678901234567")),
        row(6, cell("C6", "y"), number("D6", "1e3")),
    ]
    m = write_dataset(tmp_path, xlsx(rows), suffix="xlsx")
    with pytest.raises(PressgenError, match=r"cell D6 is stored as '1e3'"):
        load_dataset(m)


def test_row_numbers_survive_an_empty_row(tmp_path: Path) -> None:
    rows = [*GOOD_ROWS, row(3, cell("A3", "")), row(5, cell("A5", "South"), cell("B5", "bad"))]
    m = write_dataset(tmp_path, xlsx(rows), suffix="xlsx")
    with pytest.raises(PressgenError, match=r"row 5, column 'n'"):
        load_dataset(m)


def test_excel_date_cells_fill_a_date_column(tmp_path: Path) -> None:
    cells = [
        number("B2", "45000", date=True),  # 15 March 2023, as Excel stores a date
        '<c r="B3" t="d"><v>2024-05-01T00:00:00</v></c>',  # an ISO date cell
        cell("B4", "2024-06-30"),  # typed as text
        number("B5", "59", date=True),  # 28 February 1900 is a real day
        number("B6", "61", date=True),  # and so is 1 March 1900
    ]
    rows = [row(1, cell("A1", "area"), cell("B1", "n"))]
    rows += [row(i, cell(f"A{i}", f"r{i}"), c) for i, c in enumerate(cells, start=2)]
    m = write_dataset(tmp_path, xlsx(rows, styles=True), suffix="xlsx", ntype="date")
    assert load_dataset(m).frame["n"].to_list() == [
        dt.date(2023, 3, 15),
        dt.date(2024, 5, 1),
        dt.date(2024, 6, 30),
        dt.date(1900, 2, 28),
        dt.date(1900, 3, 1),
    ]


def test_a_date_with_a_time_is_not_a_date(tmp_path: Path) -> None:
    rows = [
        row(1, cell("A1", "area"), cell("B1", "n")),
        row(2, cell("A2", "x"), number("B2", "45000.5", date=True)),
    ]
    m = write_dataset(tmp_path, xlsx(rows, styles=True), suffix="xlsx", ntype="date")
    with pytest.raises(PressgenError, match=r"'2023-03-15 12:00:00' is not a date"):
        load_dataset(m)


@pytest.mark.parametrize("ntype", ["date", "text", "int"])
@pytest.mark.parametrize(
    ("serial", "shown"),
    [("60", "29 February 1900"), ("60.25", "29 February 1900"), ("0", "no real day")],
)
def test_phantom_serials_are_refused_never_shown_as_another_day(
    tmp_path: Path, ntype: str, serial: str, shown: str
) -> None:
    rows = [
        row(1, cell("A1", "area"), cell("B1", "n")),
        row(2, cell("A2", "x"), number("B2", serial, date=True)),
    ]
    m = write_dataset(tmp_path, xlsx(rows, styles=True), suffix="xlsx", ntype=ntype)
    with pytest.raises(
        PressgenError, match=rf"cell B2 holds date serial {serial}: Excel shows {shown}"
    ):
        load_dataset(m)


def test_sixty_as_a_plain_number_is_sixty(tmp_path: Path) -> None:
    assert load_dataset(_sheet(tmp_path, number("B3", "60"))).frame["n"].to_list() == [5, 60]


def test_a_text_cell_reading_1900_02_28_is_kept(tmp_path: Path) -> None:
    m = _sheet(tmp_path, cell("B3", "1900-02-28 00:00:00"), ntype="text")
    assert load_dataset(m).frame["n"].to_list() == ["5", "1900-02-28 00:00:00"]


def test_decimals_keep_their_digits(tmp_path: Path) -> None:
    ds = load_dataset(_sheet(tmp_path, number("B3", "0.30000000000000004"), ntype="decimal"))
    assert ds.frame["n"].to_list()[1] == Decimal("0.30000000000000004")


def test_reading_a_workbook_never_loads_pyarrow(tmp_path: Path) -> None:
    """polars' read_excel hands a sheet over through pyarrow whenever pyarrow is
    installed, and pyarrow's bundled allocator has crashed processes whose first use of
    it was on a short-lived thread (a TUI worker). pressgen reads through fastexcel's
    Arrow interface instead; run in a fresh interpreter, so no other test's imports count."""
    m = _sheet(tmp_path, number("B3", "7"))
    code = (
        "import sys\nfrom pathlib import Path\nfrom pressgen.sources.dataset import load_dataset\n"
        f"assert load_dataset(Path({str(m)!r})).frame['n'].to_list() == [5, 7]\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pyarrow'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("ref", "limit", "message"),
    [
        ("B99999999", None, "beyond Excel's last"),
        ("B999999", "100000", "spans 999,999 rows by 2 columns"),
        ("C2000", "1000", "spans 2,000 rows by 3 columns"),
    ],
)
def test_a_cell_placed_below_its_row_counts_where_it_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ref: str, limit: str | None, message: str
) -> None:
    """calamine places a cell by its own reference, not by the row element around it."""
    if limit:
        monkeypatch.setenv("PRESSGEN_MAX_SHEET_CELLS", limit)
    data = xlsx([*GOOD_ROWS, row(3, cell("A3", "x"), cell(ref, 1))])
    with pytest.raises(PressgenError, match=message):
        load_dataset(write_dataset(tmp_path, data, suffix="xlsx"))


def test_a_large_honest_sheet_is_not_refused_by_a_loose_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1,999 rows by 2 columns is within a limit of 4,000 cells, though a bound on the
    # rows from their digits alone (up to 1,999 here) times the columns is not far off.
    monkeypatch.setenv("PRESSGEN_MAX_SHEET_CELLS", "4000")
    rows = [row(1, cell("A1", "area"), cell("B1", "n"))]
    rows += [row(i, cell(f"A{i}", "x"), cell(f"B{i}", 1)) for i in range(2, 2000)]
    assert load_dataset(write_dataset(tmp_path, xlsx(rows), suffix="xlsx")).frame.height == 1998
