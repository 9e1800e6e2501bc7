"""Writing the TOML that `new` produces: scalars, inline tables and lists, by hand (no
writer library is a dependency). JSON strings are valid TOML basic strings."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def key(k: str) -> str:
    return k if _BARE.match(k) else json.dumps(k, ensure_ascii=False)


def value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | Decimal):
        return str(v)
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list | tuple):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{key(k)} = {value(x)}" for k, x in v.items()) + " }"
    raise TypeError(f"cannot write {v!r} as TOML")


def table(name: str, items: dict[str, Any]) -> str:
    lines = [f"[{name}]"] + [f"{key(k)} = {value(v)}" for k, v in items.items() if v is not None]
    return "\n".join(lines) + "\n"
