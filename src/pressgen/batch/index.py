"""A batch's index: `index.csv` and `index.json`, one entry per group, in group order.

The index is an output like every release: an existing one is refused unless `--force`
or `--skip-existing`. A resumed batch (`--skip-existing`) must rewrite it (the statuses
change), and an index may have been edited by hand (notes in a spreadsheet), so the
previous one, when it differs, is kept beside it as `index.previous.csv` (then
`index.previous-2.csv`, ...) rather than lost. With `--force` it is replaced.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pressgen.batch.job import Job
from pressgen.batch.results import GroupResult
from pressgen.errors import PressgenError
from pressgen.figures.model import json_value
from pressgen.storage.atomic import atomic_write

INDEX_FILES = ("index.csv", "index.json")
_NUMERIC = re.compile(r"-?\d+(\.\d+)?")


def write_index(
    job: Job, results: Sequence[GroupResult], *, keep_previous: bool
) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Write both files; with `keep_previous`, first copy aside an existing index that
    differs from the new one. The files written, and the copies kept."""
    texts = {"index.csv": _index_csv(job, results), "index.json": _index_json(job, results)}
    kept: list[Path] = []
    written: list[Path] = []
    for name, text in texts.items():
        path = job.out / name
        if keep_previous:
            copy = keep_copy(path, text.encode("utf-8"))
            if copy is not None:
                kept.append(copy)
        written.append(atomic_write(path, text, force=True))
    return tuple(written), tuple(kept)


def keep_copy(path: Path, new: bytes) -> Path | None:
    """Copy `path` to the first free `<stem>.previous[-N]<suffix>` beside it, unless it
    is missing or already holds `new`; the copy's path."""
    try:
        old = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:  # never replace what could not be kept
        raise PressgenError(f"cannot keep a copy: {exc.strerror}", path=path) from None
    if old == new:
        return None
    n = 1
    while True:
        tag = "previous" if n == 1 else f"previous-{n}"
        copy = path.with_name(f"{path.stem}.{tag}{path.suffix}")
        if not copy.exists():
            return atomic_write(copy, old)
        n += 1


def previous_names(name: str, upto: int = 50) -> list[str]:
    """The names keep_copy gives copies of `name` (for cleaning their temporaries)."""
    stem, dot, suffix = name.rpartition(".")
    return [
        f"{stem}.{'previous' if n == 1 else f'previous-{n}'}{dot}{suffix}" for n in range(1, upto)
    ]


def _index_csv(job: Job, results: Sequence[GroupResult]) -> str:
    names = job.key_figures
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    with_share = {
        n for n in names if any(r.figures.get(n, {}).get("share_of_total") for r in results)
    }
    header = ["group", "file", "status", "error"]
    for n in names:
        header += [n, f"{n}_rank", f"{n}_joint"]
        if n in with_share:
            header.append(f"{n}_share_of_total")
    w.writerow(header)
    for r in results:
        row: list[Any] = [r.group, r.file, r.status, r.error or ""]
        for n in names:
            k = r.figures.get(n, {})
            row += [k.get("value"), k.get("rank"), "yes" if k.get("joint") else ""]
            if n in with_share:
                row.append(k.get("share_of_total"))
        w.writerow([neutralise_cell(c) for c in row])
    return buf.getvalue()


def _index_json(job: Job, results: Sequence[GroupResult]) -> str:
    """The index as JSON: indented, with one line per release. (Indenting every release
    runs json's pure-Python encoder, about a second for 10,000 releases; one line each is
    the C encoder's and still reads and diffs a release to a line.)"""
    names = job.key_figures
    camp = job.loaded.campaign
    head = {
        "campaign": job.loaded.name,
        "title": camp.title,
        "column": job.column,
        "format": job.fmt,
        "locale": job.tag,
        "groups": len(results),
        "warnings": list(job.warnings),
        "national": {n: json_value(job.national[n].value) for n in names if n in job.national},
    }
    releases = [
        {
            "group": r.group,
            "file": r.file,
            "status": r.status,
            "error": r.error,
            "figures": r.figures,
            "warnings": list(r.warnings),
        }
        for r in results
    ]
    text = json.dumps(head, ensure_ascii=False, indent=2)
    lines = ",\n    ".join(json.dumps(r, ensure_ascii=False) for r in releases)
    body = f"[\n    {lines}\n  ]" if lines else "[]"
    return f'{text[:-2]},\n  "releases": {body}\n}}\n'


def neutralise_cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ (or a tab or
    carriage return) gets a leading apostrophe; plain numbers such as -12 stay numbers."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMERIC.fullmatch(text):
        return "'" + text
    return text
