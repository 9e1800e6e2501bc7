"""Property-based fuzzing: whatever bytes a loader is given, nothing but PressgenError
escapes, and a number either parses to what its text says or is refused."""

from __future__ import annotations

import io
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressgen.errors import PressgenError
from pressgen.sources.dataset import load_dataset
from pressgen.storage.tomlfile import read_toml
from tests.bad_inputs.make_corpus import GOOD_ROWS, xlsx

from .helpers import write_dataset

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load(data: bytes, suffix: str, ntype: str = "int", extra: str = "") -> None:
    with tempfile.TemporaryDirectory() as folder:
        manifest = write_dataset(Path(folder), data, suffix=suffix, ntype=ntype, extra=extra)
        try:
            load_dataset(manifest)
        except PressgenError as exc:
            assert "\n" not in str(exc)


csv_text = st.lists(
    st.lists(st.text(alphabet='ab1,;"\t\n\r\x00é\u00a0<5.-', max_size=6), max_size=4),
    max_size=6,
).map(lambda rows: "area,n\n" + "\n".join(",".join(r) for r in rows))


@FUZZ
@given(csv_text, st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_csv_text(text: str, encoding: str) -> None:
    _load(text.encode(encoding, errors="replace"), "csv")


@FUZZ
@given(st.binary(max_size=300))
def test_csv_bytes(data: bytes) -> None:
    _load(b"area,n\n" + data, "csv")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=10,
)


@FUZZ
@given(json_values)
def test_json_structures(value: object) -> None:
    import json

    _load(json.dumps(value).encode(), "json")


@FUZZ
@given(st.binary(max_size=200))
def test_json_bytes(data: bytes) -> None:
    _load(data, "json")


_GOOD_XLSX = xlsx(GOOD_ROWS)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(_GOOD_XLSX) - 1), st.integers(0, 255)), max_size=6))
def test_xlsx_mutations(flips: list[tuple[int, int]]) -> None:
    data = bytearray(_GOOD_XLSX)
    for at, byte in flips:
        data[at] = byte
    _load(bytes(data), "xlsx")


@FUZZ
@given(st.text(alphabet='<>/="rcvfA1B2X9 ', max_size=80))
def test_xlsx_sheet_xml(fragment: str) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_GOOD_XLSX)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.endswith("sheet1.xml"):
                body = body.replace(b"</sheetData>", fragment.encode() + b"</sheetData>")
            dst.writestr(info, body)
    _load(buf.getvalue(), "xlsx")


def _parquet() -> bytes:
    buf = io.BytesIO()
    pl.DataFrame({"area": ["A", "B"], "n": [1, 2]}).write_parquet(buf)
    return buf.getvalue()


_GOOD_PARQUET = _parquet()


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(_GOOD_PARQUET) - 1), st.integers(0, 255)), max_size=4))
def test_parquet_mutations(flips: list[tuple[int, int]]) -> None:
    data = bytearray(_GOOD_PARQUET)
    for at, byte in flips:
        data[at] = byte
    _load(bytes(data), "parquet")


@FUZZ
@given(st.text(max_size=200))
def test_toml(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.toml"
        path.write_text(text, "utf-8", errors="replace")
        try:
            read_toml(path)
        except PressgenError as exc:
            assert "\n" not in str(exc)


number_text = st.one_of(
    st.text(alphabet="0123456789,. -+\u2212\u00a0_e", max_size=12),
    st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    st.integers().map(str),
    st.integers(0, 10**12).map(lambda i: f"{i:,}"),
)


@FUZZ
@given(number_text, st.sampled_from([".", ","]), st.sampled_from(["int", "decimal"]))
def test_number_parser(cell: str, mark: str, ntype: str) -> None:
    """A number cell reads as exactly the number its text writes, or is refused."""
    with tempfile.TemporaryDirectory() as folder:
        quoted = '"' + cell.replace('"', '""') + '"'
        manifest = write_dataset(
            Path(folder), f"area;n\nx;{quoted}\n".encode(), ntype=ntype,
            extra=f'delimiter = ";"\ndecimal_mark = "{mark}"',
        )  # fmt: skip
        try:
            frame = load_dataset(manifest).frame
        except PressgenError:
            return
    value = frame["n"][0]
    if value is None:
        return  # a missing-value marker such as "-"
    group = "," if mark == "." else "."
    plain = "".join(ch for ch in cell if ch not in f"{group} \u00a0_").replace("\u2212", "-")
    assert Decimal(plain.replace(",", ".")) == Decimal(value)
