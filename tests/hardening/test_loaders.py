"""What messy-but-honest files read as: the explicit, documented handling of each."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from pressgen.errors import PressgenError
from pressgen.sources.dataset import load_dataset, suppressed_col
from pressgen.sources.loaders.csvfile import sniff_delimiter
from tests.bad_inputs.make_corpus import GOOD_ROWS, cell, row, xlsx

from .helpers import write_dataset


def _values(manifest: Path) -> list[tuple[object, ...]]:
    frame = load_dataset(manifest).frame
    return list(zip(frame["area"].to_list(), frame["n"].to_list(), strict=True))


def test_utf8_with_bom(tmp_path: Path) -> None:
    m = write_dataset(tmp_path, b"\xef\xbb\xbfarea,n\nNorth,5\n")
    assert _values(m) == [("North", 5)]


def test_utf16_with_bom(tmp_path: Path) -> None:
    m = write_dataset(tmp_path, "area,n\nSaint-Étienne,5\n".encode("utf-16"))
    assert _values(m) == [("Saint-Étienne", 5)]


def test_cp1252_when_the_manifest_says_so(tmp_path: Path) -> None:
    m = write_dataset(
        tmp_path, "area,n\nSaint-Étienne,5\n".encode("cp1252"), extra='encoding = "cp1252"'
    )
    assert _values(m) == [("Saint-Étienne", 5)]


def test_cp1252_undeclared_is_reported_never_mojibake(tmp_path: Path) -> None:
    m = write_dataset(tmp_path, "area,n\nSaint-Étienne,5\n".encode("cp1252"))
    with pytest.raises(PressgenError, match=r"line 2, column 7: not UTF-8 .*'É'.*cp1252"):
        load_dataset(m)


def test_semicolon_file_with_decimal_commas(tmp_path: Path) -> None:
    m = write_dataset(
        tmp_path,
        b"area;n\nNorth;1,5\nSouth;1.234,25\n",
        extra='decimal_mark = ","',
        ntype="decimal",
    )
    assert _values(m) == [("North", Decimal("1.50")), ("South", Decimal("1234.25"))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("area;n\nNorth;1,5\nSouth;2,25\n", ";"),  # csv.Sniffer picks ',' here
        ("area\tn\nNorth\t1,5\n", "\t"),
        ('area,n\n"North, East",5\n', ","),
        ("area|n\nNorth|5\n", "|"),
        ("area\nNorth\n", ","),
    ],
)
def test_sniff_delimiter(text: str, expected: str) -> None:
    assert sniff_delimiter(text, Path("x.csv")) == expected


def test_missing_and_suppressed_markers(tmp_path: Path) -> None:
    m = write_dataset(tmp_path, b"area,n\nA,N/A\nB,..\nC,:\nD,-\nE,<5\nF,12\n")
    frame = load_dataset(m).frame
    assert frame["n"].to_list() == [None, None, None, None, None, 12]
    assert frame[suppressed_col("n")].to_list() == [False, True, False, False, True, False]


def test_grouped_numbers_and_unicode_minus(tmp_path: Path) -> None:
    m = write_dataset(tmp_path, 'area,n\nA,"1,234"\nB,1\u00a0234\nC,\u22125\n'.encode())
    assert [v for _, v in _values(m)] == [1234, 1234, -5]


def test_xlsx_reads_cached_formula_values(tmp_path: Path) -> None:
    formula = '<c r="B3"><f>B2*2</f><v>10</v></c>'
    data = xlsx([*GOOD_ROWS, row(3, cell("A3", "Double"))[:-6] + formula + "</row>"])
    m = write_dataset(tmp_path, data, suffix="xlsx")
    assert _values(m) == [("North", 5), ("Double", 10)]


def test_xlsx_row_numbers_follow_the_sheet(tmp_path: Path) -> None:
    rows = [row(3, cell("A3", "area"), cell("B3", "n")), row(4, cell("A4", "x"), cell("B4", "bad"))]
    m = write_dataset(tmp_path, xlsx(rows), suffix="xlsx")
    with pytest.raises(PressgenError, match="row 4"):
        load_dataset(m)


def test_json_keeps_exact_numbers(tmp_path: Path) -> None:
    m = write_dataset(
        tmp_path, b'[{"area": "A", "n": 0.1}, {"area": "B", "n": 12345678901234567.25}]',
        suffix="json", ntype="decimal",
    )  # fmt: skip
    assert [v for _, v in _values(m)] == [Decimal("0.10"), Decimal("12345678901234567.25")]


def test_parquet(tmp_path: Path) -> None:
    buf = io.BytesIO()
    pl.DataFrame({"area": ["A"], "n": [7]}).write_parquet(buf)
    m = write_dataset(tmp_path, buf.getvalue(), suffix="parquet")
    assert _values(m) == [("A", 7)]


def test_large_csv_reads_only_needed_columns(tmp_path: Path) -> None:
    body = b"area,n\n" + b"North,5\n" * 2_500_000  # past the 16 MB full-check size
    m = write_dataset(tmp_path, body)
    ds = load_dataset(m, ["n"])
    assert ds.frame.height == 2_500_000
    assert ds.frame["n"][0] == 5


@pytest.mark.parametrize(
    ("cells", "rows", "widest"),
    [
        ([b"A1", b"F1", b"C2"], 2, 26),  # one-letter columns: bounded, not counted
        ([b"A1", b"AB1"], 2, 702),  # two letters: bounded by ZZ
        ([b"A1", b"XFD1"], 2, 16384),  # three letters: counted exactly
        ([b"A1", b"F1"], 1_000_000, 6),  # a bound too loose for the cell limit: counted
        ([], 0, 0),
    ],
)
def test_xlsx_widest_column_is_never_underestimated(
    cells: list[bytes], rows: int, widest: int
) -> None:
    from pressgen.sources.loaders.xlsxfile import _widest_column

    data = b"".join(b'<c r="%s" t="n"><v>1</v></c>' % c for c in cells)
    assert _widest_column(b"<sheetData>" + data + b"</sheetData>", rows) == widest
