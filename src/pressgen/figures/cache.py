"""Computed figures kept on disk between runs.

Figures are computed once per dataset and spec (DESIGN.md). Within a process the
pipeline keeps them in memory; this keeps them across processes, so a one-shot
`pressgen render` of an unchanged campaign neither imports polars nor reads its data.

An entry is found by a key over the figure specs, the threshold for small numbers, the
modification time and size of every manifest and data file the campaign uses, and the
same for pressgen's own engine source files: change any of them and the figures are
computed again. Entries are JSON (never pickle: the cache folder is not trusted to run
code) with exact values: ints as JSON integers, Decimals as strings.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from pressgen import __version__
from pressgen.errors import PressgenError
from pressgen.figures.model import Figure, GroupRow, Provenance, TableRow
from pressgen.storage.filecache import file_stamp

FORMAT = 3  # 3: a group row keeps its display label
# The folders whose sources can change a computed figure, relative to the package root:
# every module of the engine and its methods, and of the loaders.
_ENGINE = ("figures", "sources", "sources/loaders")


def cache_key(specs_json: str, stamps: tuple[Any, ...], small_numbers: int) -> str:
    package = Path(__file__).resolve().parent.parent
    engine = [file_stamp(p) for folder in _ENGINE for p in sorted((package / folder).glob("*.py"))]
    blob = json.dumps([FORMAT, __version__, specs_json, stamps, small_numbers, engine])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def load(key: str) -> tuple[dict[str, Figure], int] | None:
    """The figures stored under `key` and the suppressed cells they leave out, or None
    (missing, unreadable or not ours)."""
    path = _path(key)
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("key") != key:
            return None
        suppressed = data["suppressed_cells"]
        if not isinstance(suppressed, int) or isinstance(suppressed, bool) or suppressed < 0:
            return None
        return {name: _figure(item) for name, item in data["figures"].items()}, suppressed
    except (OSError, ValueError, KeyError, TypeError, InvalidOperation, AttributeError):
        return None  # a damaged entry is recomputed, never trusted


def store(key: str, figures: Mapping[str, Figure], suppressed_cells: int) -> None:
    """Keep `figures` under `key`; a cache that cannot be written is silently skipped."""
    path = _path(key)
    if path is None:
        return
    from pressgen.storage.atomic import atomic_write

    data = {
        "format": FORMAT,
        "key": key,
        "figures": {name: _encode_figure(fig) for name, fig in figures.items()},
        "suppressed_cells": suppressed_cells,
    }
    with contextlib.suppress(PressgenError):
        atomic_write(path, json.dumps(data, ensure_ascii=False), force=True, durable=False)


def _path(key: str) -> Path | None:
    from pressgen.storage.locations import cache_directory

    try:
        folder = cache_directory() / "figures"
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder / f"{key}.json"


# -- exact encoding ----------------------------------------------------------------------


def _enc(v: Any) -> Any:
    if v is None or isinstance(v, bool | int):
        return v
    if isinstance(v, str):
        return {"s": v}
    if isinstance(v, Decimal):
        return {"d": str(v)}
    if isinstance(v, GroupRow):
        return {"g": [_enc(getattr(v, f)) for f in _ROW_FIELDS]}
    if isinstance(v, TableRow):
        return {"r": [_enc(getattr(v, f)) for f in _TABLE_ROW_FIELDS]}
    if isinstance(v, tuple | list):
        return {"t": [_enc(x) for x in v]}
    raise TypeError(f"cannot cache a {type(v).__name__}")


def _dec(v: Any) -> Any:
    if v is None or isinstance(v, bool | int):
        return v
    if isinstance(v, dict):
        if "s" in v:
            return str(v["s"])
        if "d" in v:
            return Decimal(v["d"])
        if "g" in v:
            return GroupRow(*[_dec(x) for x in v["g"]])
        if "r" in v:
            return TableRow(*[_dec(x) for x in v["r"]])
        if "t" in v:
            return tuple(_dec(x) for x in v["t"])
    raise TypeError(f"not a cached value: {v!r}")


_ROW_FIELDS = (
    "group", "value", "rank", "joint", "rows", "suppressed", "base", "target", "label",
)  # fmt: skip
_TABLE_ROW_FIELDS = (
    "group",
    "cells",
    "total",
    "rank",
    "joint",
    "rows",
    "suppressed",
    "counts",
    "shares",
    "total_share",
)


def _encode_figure(fig: Figure) -> dict[str, Any]:
    prov = fig.provenance
    return {
        "name": fig.name,
        "kind": fig.kind,
        "value": _enc(fig.value),
        "label": fig.label,
        "warnings": list(fig.warnings),
        "extra": {k: _enc(v) for k, v in fig.extra.items()},
        "provenance": {
            "source": prov.source,
            "dataset": prov.dataset,
            "method": prov.method,
            "filter": prov.filter,
            "rows": prov.rows,
            "row_numbers": list(prov.row_numbers),
            "suppressed": prov.suppressed,
            "inputs": list(prov.inputs),
        },
    }


def _figure(item: dict[str, Any]) -> Figure:
    p = item["provenance"]
    prov = Provenance(
        source=str(p["source"]),
        dataset=str(p["dataset"]),
        method=str(p["method"]),
        filter=str(p["filter"]),
        rows=int(p["rows"]),
        row_numbers=tuple(int(r) for r in p["row_numbers"]),
        suppressed=int(p["suppressed"]),
        inputs=tuple(str(i) for i in p["inputs"]),
    )
    return Figure(
        name=str(item["name"]),
        kind=str(item["kind"]),
        value=_dec(item["value"]),
        provenance=prov,
        label=item["label"],
        warnings=tuple(str(w) for w in item["warnings"]),
        extra={str(k): _dec(v) for k, v in item["extra"].items()},
    )
