"""Reading a JSON data file (a list of records) as text columns.

Parsed with the standard library so every number keeps its exact text (no float
rounding, no 4,300-digit integer conversions) and the things JSON allows but data must
not have are refused: duplicate keys, NaN and Infinity, nested values, deep nesting.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl

from pressgen.errors import PressgenError
from pressgen.sources.loaders.common import MAX_JSON_DIGITS, MB, ROW, max_data_mb, too_big
from pressgen.sources.loaders.headers import check_header
from pressgen.sources.manifest import Manifest


class _Number(str):
    """A JSON number, kept as the text it was written as."""

    __slots__ = ()


class _Refused(Exception):
    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.where = where


def read_json(manifest: Manifest, path: Path, wanted: list[str]) -> pl.DataFrame:
    records = load_records(path)
    header: list[str] = []
    seen: set[str] = set()
    for rec in records:
        for key in rec:
            if key not in seen:
                seen.add(key)
                header.append(key)
    check_header(header, list(manifest.columns), path, where="record keys")
    columns: dict[str, list[str | None]] = {w: [] for w in wanted}
    for i, rec in enumerate(records, start=1):
        for name in wanted:
            columns[name].append(_text(rec.get(name), path, i, name))
    frame = pl.DataFrame(columns, schema=dict.fromkeys(wanted, pl.String))
    return frame.with_row_index(ROW, offset=1)


def load_records(path: Path) -> list[dict[str, Any]]:
    size = path.stat().st_size
    if size > max_data_mb() * MB:
        raise too_big(path, size)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise PressgenError("not valid UTF-8", path=path, where=f"line {line}") from None
    objects = 0

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal objects
        objects += 1
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise _Refused(f"duplicate key {key!r}", f"record {objects}")
            out[key] = value
        return out

    def constant(name: str) -> Any:
        raise _Refused(f"{name} is not a number JSON data may hold")

    def number(s: str) -> _Number:
        digits = sum(ch.isdigit() for ch in s)
        if digits > MAX_JSON_DIGITS:
            raise _Refused(f"a number with {digits:,} digits (the limit is {MAX_JSON_DIGITS})")
        return _Number(s)

    try:
        data = json.loads(
            text,
            object_pairs_hook=pairs,
            parse_constant=constant,
            parse_int=number,
            parse_float=number,
        )
    except json.JSONDecodeError as exc:
        raise PressgenError(
            f"invalid JSON: {exc.msg}", path=path, where=f"line {exc.lineno}, column {exc.colno}"
        ) from None
    except _Refused as exc:
        raise PressgenError(str(exc), path=path, where=exc.where) from None
    except RecursionError:
        raise PressgenError("invalid JSON: nested too deeply", path=path) from None
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise PressgenError(
            'expected a list of records, e.g. [{"area": "Leeds", "count": 12}, …]', path=path
        )
    if not data:
        raise PressgenError("holds no records", path=path)
    return data


def _text(value: Any, path: Path, row: int, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    kind = "a list" if isinstance(value, list) else "an object"
    raise PressgenError(
        f"holds {kind}; only plain values (text, numbers, true/false, null) are read",
        path=path,
        where=f"record {row}, field {name!r}",
    )
