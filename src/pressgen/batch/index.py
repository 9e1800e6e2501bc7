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

from pressgen.batch.groups import Ranking
from pressgen.batch.job import Job
from pressgen.batch.results import GroupResult
from pressgen.errors import PressgenError
from pressgen.figures.model import json_value
from pressgen.storage.atomic import atomic_write

INDEX_FILES = ("index.csv", "index.json")
# One encoder for every release line: json.dumps with options builds one per call.
_JSON = json.JSONEncoder(ensure_ascii=False)
_NUMERIC = re.compile(r"-?\d+(\.\d+)?")


def share_columns(job: Job, ranking: Ranking) -> frozenset[str]:
    """The key figures whose share of the national total the CSV lists: totals that add
    up across groups, of a national total that is not zero (known once ranked)."""
    out = set()
    for name in job.key_figures:
        st = ranking.standings.get(name)
        if st is not None and st.additive and st.national != 0:
            out.add(name)
    return frozenset(out)


class IndexRows:
    """Each group's line of `index.csv` and of `index.json`, made where the group is
    rendered (a batch's workers), so the index is only joined at the end."""

    def __init__(self, job: Job, with_share: frozenset[str]) -> None:
        self._names = job.key_figures
        self._share = with_share
        self._buf = io.StringIO()
        self._csv = csv.writer(self._buf, lineterminator="\n")

    def header(self) -> str:
        header = ["group", "file", "status", "error"]
        for n in self._names:
            header += [n, f"{n}_rank", f"{n}_joint"]
            if n in self._share:
                header.append(f"{n}_share_of_total")
        return self._line(header)

    def lines(self, r: GroupResult) -> tuple[str, str]:
        cells = [neutralise_cell(r.group), neutralise_cell(r.file), r.status]
        cells.append(neutralise_cell(r.error) if r.error else "")
        share = self._share
        figures = r.figures
        for n in self._names:
            k = figures.get(n)
            if k is None:
                cells += ("", "", "")
                if n in share:
                    cells.append("")
                continue
            cells += (_cell(k["value"]), _cell(k["rank"]), "yes" if k["joint"] else "")
            if n in share:
                cells.append(_cell(k["share_of_total"]))
        release = {
            "group": r.group,
            "file": r.file,
            "status": r.status,
            "error": r.error,
            "figures": figures,
            "warnings": list(r.warnings),
        }
        return self._line(cells), _JSON.encode(release)

    def _line(self, cells: list[str]) -> str:
        # What csv.writer writes, without it, when no cell needs quoting (no comma, quote
        # or line break): the cells joined. The writer's buffer round trip was most of a
        # line's cost.
        line = ",".join(cells)
        if (
            len(cells) > 1
            and line.count(",") == len(cells) - 1
            and '"' not in line
            and "\n" not in line
            and "\r" not in line
        ):
            return line + "\n"
        self._csv.writerow(cells)
        text = self._buf.getvalue()
        self._buf.seek(0)
        self._buf.truncate()
        return text


def write_index(
    job: Job,
    results: Sequence[GroupResult],
    lines: Sequence[tuple[str, str]],
    with_share: frozenset[str],
    *,
    keep_previous: bool,
) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Write both files from the groups' lines (in group order); with `keep_previous`,
    first copy aside an existing index that differs from the new one. The files
    written, and the copies kept."""
    head = IndexRows(job, with_share).header()
    texts = {
        "index.csv": head + "".join(c for c, _ in lines),
        "index.json": _index_json(job, len(results), [j for _, j in lines]),
    }
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


def _index_json(job: Job, groups: int, releases: list[str]) -> str:
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
        "groups": groups,
        "warnings": list(job.warnings),
        "national": {n: json_value(job.national[n].value) for n in names if n in job.national},
    }
    text = json.dumps(head, ensure_ascii=False, indent=2)
    lines = ",\n    ".join(releases)
    body = f"[\n    {lines}\n  ]" if lines else "[]"
    return f'{text[:-2]},\n  "releases": {body}\n}}\n'


def _cell(value: Any) -> str:
    """neutralise_cell, with the common cases first: a whole number's text is a plain
    number (never neutralised) and a missing value is empty."""
    if type(value) is int:
        return str(value)
    if value is None:
        return ""
    return neutralise_cell(value)


def neutralise_cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ (or a tab or
    carriage return) gets a leading apostrophe; plain numbers such as -12 stay numbers."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMERIC.fullmatch(text):
        return "'" + text
    return text
