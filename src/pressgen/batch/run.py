"""Running a batch: prepare once, compute every group's figures in one pass, then render
and write the releases in worker processes, a chunk of groups per task.

Figures are computed in the calling process (one grouped aggregation, see `groups`),
so workers only render and write: they never touch polars, and the same input gives the
same bytes whatever the number of workers.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import json
import multiprocessing as mp
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from pressgen.batch.groups import Comparison, GroupFigures, compare_groups, compute_group_figures
from pressgen.batch.names import file_names
from pressgen.batch.views import CompareMap
from pressgen.errors import PressgenError
from pressgen.figures.engine import (
    Figure,
    compute_figures,
    json_value,
    required_columns,
    suppressed_cells,
    suppressed_cells_expr,
)
from pressgen.figures.specs import FigureSpec
from pressgen.release.campaign import LoadedCampaign, load_campaign
from pressgen.release.pipeline import (
    Prepared,
    Rendered,
    _check_needs,
    _quote_views,
    build_context,
    choose_style,
    template_search_path,
    translation_warnings,
)
from pressgen.release.quotes import load_quotes
from pressgen.release.render import TemplateInfo, environment, render_template, resolve_template
from pressgen.release.views import FigureMap, QuoteView
from pressgen.sources.dataset import Dataset, load_dataset
from pressgen.storage.atomic import atomic_write, sync_folder
from pressgen.text.formatting import Formatter, normalise_locale
from pressgen.text.style import HouseStyle

FORMATS = {"md": ".md", "txt": ".txt", "html": ".html", "docx": ".docx"}
INDEX_FILES = ("index.csv", "index.json")
_NUMERIC = re.compile(r"-?\d+(\.\d+)?")


@dataclass(frozen=True)
class BatchProgress:
    """Where a batch has got to; passed to the progress callback after each chunk."""

    done: int
    total: int
    written: int
    skipped: int
    failed: int
    last_group: str | None = None


@dataclass(frozen=True)
class GroupResult:
    """What happened to one group: `status` is 'written', 'skipped' or 'error'."""

    group: str
    file: str
    status: str
    error: str | None = None
    warnings: tuple[str, ...] = ()
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class BatchResult:
    out_dir: Path
    column: str
    results: tuple[GroupResult, ...]
    index_files: tuple[Path, ...]
    cancelled: bool = False
    prepare_seconds: float = 0.0
    render_seconds: float = 0.0
    warnings: tuple[str, ...] = ()
    """About every release alike (an untranslated text, a draft quote), said once."""

    @property
    def failed(self) -> tuple[GroupResult, ...]:
        return tuple(r for r in self.results if r.status == "error")

    @property
    def written(self) -> int:
        return sum(1 for r in self.results if r.status == "written")

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.results if r.status == "skipped")


def run_batch(
    campaign: str | Path | LoadedCampaign,
    out_dir: str | Path,
    *,
    each: str | None = None,
    fmt: str = "md",
    jobs: int | None = None,
    locale: str | None = None,
    style: str | None = None,
    drafts: bool = False,
    skip_existing: bool = False,
    force: bool = False,
    progress: Callable[[BatchProgress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> BatchResult:
    """Render one release per distinct value of column `each` into `out_dir`.

    Each release has the campaign's figures computed within its group, and its template
    sees `group` (the value), `each` (the column), `national` (the figures over the whole
    dataset, like `f`) and `compare.<figure>` (rank, of, joint, national, average,
    share_of_total, diff_from_average, diff_from_national, gap_from_average).
    `out_dir` also gets `index.csv` and `index.json`, listing every group's file, status
    and key figures.

    `each` defaults to the campaign's `each`. `jobs` worker processes (default: all
    cores; 1 renders in this process). Existing files are refused before anything is
    written unless `skip_existing` (keep them, write the rest: resumes an interrupted
    batch) or `force` (overwrite). A group whose figures or template fail is reported in
    its `GroupResult` (status 'error', one-line message) and the others are still
    written; a problem with the campaign as a whole raises `PressgenError`.

    `progress` is called in the calling thread after every chunk of groups with a
    `BatchProgress`; `should_stop` is polled between chunks and, when it returns True,
    stops the workers and returns with `cancelled` set and no index written. Safe to
    call from a worker thread (the TUI's), where workers are started with 'spawn'.
    """
    if fmt not in FORMATS:
        raise PressgenError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    with _no_cycle_collection():
        return _run_batch(
            campaign,
            out_dir,
            each,
            fmt,
            jobs,
            locale,
            style,
            drafts,
            skip_existing,
            force,
            progress,
            should_stop,
        )


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """A batch builds hundreds of thousands of small objects (figures, views, results)
    and no reference cycles worth collecting; left on, the cyclic collector walks all of
    them again and again (a fifth of the parent's time at 10,000 groups). Workers turn
    it back on for what they create, with what they inherit frozen (_init_worker)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _run_batch(
    campaign: str | Path | LoadedCampaign,
    out_dir: str | Path,
    each: str | None,
    fmt: str,
    jobs: int | None,
    locale: str | None,
    style: str | None,
    drafts: bool,
    skip_existing: bool,
    force: bool,
    progress: Callable[[BatchProgress], None] | None,
    should_stop: Callable[[], bool] | None,
) -> BatchResult:
    if skip_existing and force:
        raise PressgenError("choose one of --skip-existing and --force")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise PressgenError("is a file, not a folder", path=out)
    started = time.perf_counter()
    job = _prepare_job(campaign, out, each, fmt, locale, style, drafts, skip_existing, force)
    prepared_at = time.perf_counter()
    _refuse_existing(job)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PressgenError(f"cannot create folder: {exc.strerror}", path=out) from None
    n = len(job.groups)
    workers = max(1, min(jobs or os.cpu_count() or 1, n or 1))
    size = max(1, min(256, -(-n // (workers * 4)))) if n else 1
    chunks = [list(range(i, min(i + size, n))) for i in range(0, n, size)]
    results: list[GroupResult | None] = [None] * n
    counts = {"written": 0, "skipped": 0, "error": 0}
    done = 0
    cancelled = False
    for chunk_results in _execute(job, chunks, workers, should_stop):
        if chunk_results is None:
            cancelled = True
            break
        for i, res in chunk_results:
            results[i] = res
            counts[res.status] += 1
        done += len(chunk_results)
        if progress is not None:
            last = chunk_results[-1][1].group if chunk_results else None
            progress(
                BatchProgress(done, n, counts["written"], counts["skipped"], counts["error"], last)
            )
    final = tuple(r for r in results if r is not None)
    index: tuple[Path, ...] = ()
    if not cancelled:
        sync_folder(out)
        index = write_index(job, final)
    return BatchResult(
        out,
        job.column,
        final,
        index,
        cancelled,
        prepared_at - started,
        time.perf_counter() - prepared_at,
        job.warnings,
    )


# -- preparing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    """Everything a worker needs, computed once in the calling process."""

    loaded: LoadedCampaign
    prepared: Prepared  # datasets emptied: workers need manifests, not rows
    out: Path
    column: str
    fmt: str
    tag: str
    house: HouseStyle
    drafts: bool
    skip_existing: bool
    force: bool
    info: TemplateInfo
    search: tuple[Path, ...]
    quotes: dict[str, QuoteView]
    groups: tuple[str, ...]
    files: dict[str, str]
    figures: dict[str, GroupFigures]
    comparisons: dict[str, dict[str, Comparison]]
    national: dict[str, Figure]
    key_figures: tuple[str, ...]
    warnings: tuple[str, ...]
    suppressed: dict[str, int]


def _prepare_job(
    ref: str | Path | LoadedCampaign,
    out: Path,
    each: str | None,
    fmt: str,
    locale: str | None,
    style: str | None,
    drafts: bool,
    skip_existing: bool,
    force: bool,
    include: dict[str, bool] | None = None,
) -> _Job:
    loaded = ref if isinstance(ref, LoadedCampaign) else load_campaign(ref)
    camp = loaded.campaign
    column = each or camp.each
    if not column:
        raise PressgenError(
            "no column to batch by: give --each COLUMN or set `each` in the campaign",
            path=loaded.path,
        )
    need = required_columns(camp.figures, "main")
    need.setdefault("main", set()).add(column)
    main_manifest = loaded.dataset_paths["main"]
    datasets: dict[str, Dataset] = {}
    for name, path in loaded.dataset_paths.items():
        datasets[name] = load_dataset(path, need.get(name, set()))
    main = datasets["main"]
    try:
        main.column(column, where="--each")
    except PressgenError as exc:
        raise PressgenError(exc.message, path=main_manifest, where=exc.where) from None
    try:
        national = compute_figures(camp.figures, datasets, "main", small_count=camp.small_numbers)
        per_group = compute_group_figures(
            camp.figures, datasets, "main", column, small_count=camp.small_numbers
        )
    except PressgenError as exc:
        raise PressgenError(exc.message, path=loaded.path, where=exc.where) from None
    if not per_group:
        raise PressgenError(f"column {column!r} has no values to batch by", path=main_manifest)
    comparisons = compare_groups(camp.figures, national, per_group)
    light = {k: replace(v, frame=v.frame.clear()) for k, v in datasets.items()}
    prepared = Prepared(
        loaded,
        light,
        national,
        load_quotes(loaded.quotes_path),
        suppressed_cells=suppressed_cells(camp.figures, datasets, "main"),
    )
    tag = normalise_locale(locale or camp.locale)
    house = choose_style(loaded, style, tag)
    search = tuple(template_search_path(loaded))
    info = resolve_template(loaded.template_ref, list(search), tag)
    _check_needs(info, prepared, include)
    warnings: list[str] = []
    quotes = _quote_views(prepared, info, drafts, include, None, warnings, tag)
    warnings.extend(translation_warnings(prepared, quotes, tag))
    groups = tuple(per_group)
    key = info.figures or tuple(n for n, f in national.items() if _single(f.value))
    return _Job(
        loaded=loaded,
        prepared=prepared,
        out=out,
        column=column,
        fmt=fmt,
        tag=tag,
        house=house,
        drafts=drafts,
        skip_existing=skip_existing,
        force=force,
        info=info,
        search=search,
        quotes=quotes,
        groups=groups,
        files=file_names(groups, FORMATS[fmt]),
        figures=per_group,
        comparisons=comparisons,
        national=national,
        key_figures=tuple(key),
        warnings=tuple(warnings),
        suppressed=_suppressed_by_group(camp.figures, main, column),
    )


def _suppressed_by_group(
    specs: Mapping[str, FigureSpec], main: Dataset, column: str
) -> dict[str, int]:
    """Each group's suppressed cells that its figures leave out, each counted once."""
    import polars as pl

    from pressgen.batch.groups import GROUP

    expr = suppressed_cells_expr(specs, main, "main", "main")
    if expr is None:
        return {}
    table = (
        main.frame.filter(pl.col(column).is_not_null())
        .group_by(pl.col(column).cast(pl.String).alias(GROUP))
        .agg(expr.alias("n"))
    )
    return dict(zip(table[GROUP].to_list(), (int(n or 0) for n in table["n"]), strict=True))


def _refuse_existing(job: _Job) -> None:
    if job.force:
        return
    names = INDEX_FILES if job.skip_existing else (*INDEX_FILES, *job.files.values())
    if job.skip_existing:
        return
    existing = [n for n in names if (job.out / n).exists()]
    if existing:
        raise PressgenError(
            f"{len(existing)} of the files to write already exist (first: {existing[0]}); "
            "use --skip-existing to resume or --force to overwrite",
            path=job.out,
        )


# -- running --------------------------------------------------------------------------------

_STATE: dict[str, Any] = {}


def _execute(
    job: _Job,
    chunks: list[list[int]],
    workers: int,
    should_stop: Callable[[], bool] | None,
) -> Iterator[list[tuple[int, GroupResult]] | None]:
    if workers == 1 or len(chunks) == 1:
        _init_worker(job)
        try:
            for chunk in chunks:
                if should_stop is not None and should_stop():
                    yield None
                    return
                yield _run_chunk(chunk)
        finally:
            writer = _STATE.get("writer")
            if writer is not None:
                writer.shutdown(wait=True)
            _STATE.clear()
        return
    main_thread = threading.current_thread() is threading.main_thread()
    method = "fork" if main_thread and "fork" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    pool = ctx.Pool(workers, initializer=_init_worker, initargs=(job,))
    try:
        for res in pool.imap_unordered(_run_chunk, chunks):
            if should_stop is not None and should_stop():
                yield None
                return
            yield res
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _init_worker(job: _Job) -> None:
    _STATE.update(_render_state(job))
    if mp.parent_process() is not None:
        # A worker process: what it was given lives as long as it does, so the cyclic
        # collector leaves it alone and watches only what each render creates.
        gc.freeze()
        gc.enable()
        # It lives for one batch: templates are not edited under it, so they need not
        # be checked for changes (a stat of each file) on every render.
        environment(list(job.search)).auto_reload = False


def _run_chunk(chunk: Sequence[int]) -> list[tuple[int, GroupResult]]:
    """Render a chunk's groups; their files are written by a helper thread meanwhile
    (file creation costs about as much as a render here, and releases the GIL)."""
    job: _Job = _STATE["job"]
    writer: ThreadPoolExecutor | None = _STATE.get("writer")
    if writer is None:
        writer = _STATE["writer"] = ThreadPoolExecutor(1, thread_name_prefix="pressgen-write")
    pending: list[tuple[int, GroupResult, Future[None] | None]] = []
    for i in chunk:
        result, write = _run_group(job, job.groups[i])
        future = writer.submit(_write, *write) if write is not None else None
        pending.append((i, result, future))
    out: list[tuple[int, GroupResult]] = []
    for i, result, future in pending:
        if future is not None:
            try:
                future.result()
            except PressgenError as exc:
                msg = f"group {result.group!r}: {exc.line()}"
                result = replace(result, status="error", error=msg)
        out.append((i, result))
    return out


def _render_state(job: _Job) -> dict[str, Any]:
    """What every group's render shares: the formatter and the common context."""
    fmt = Formatter(job.tag, job.house)
    return {
        "job": job,
        "fmt": fmt,
        "base": build_context(job.prepared, fmt, job.quotes, job.drafts),
        "national": FigureMap(fmt, job.national),
    }


def _group_markdown(
    job: _Job, state: dict[str, Any], group: str, view: FigureMap, comps: dict[str, Comparison]
) -> str:
    ctx = dict(state["base"])
    ctx.update(
        f=view,
        figures=view,
        national=state["national"],
        group=group,
        each=job.column,
        compare=CompareMap(state["fmt"], comps),
        groups_count=len(job.groups),
        suppressed_cells=job.suppressed.get(group, 0),
    )
    return render_template(job.info, list(job.search), ctx)


def group_release(
    campaign: str | Path | LoadedCampaign,
    group: str,
    *,
    each: str | None = None,
    locale: str | None = None,
    style: str | None = None,
    drafts: bool = False,
    include: dict[str, bool] | None = None,
) -> tuple[Prepared, Rendered]:
    """One group's figures (as a Prepared: for `check`, for export options) and its
    release exactly as the batch renders it, with the warnings a render gives.
    `include` leaves quote slots out, as for `render_release` (the TUI's toggles)."""
    job, figures = _group_job(campaign, group, each, locale, style, drafts, include)
    state = _render_state(job)
    view = FigureMap(state["fmt"], figures)
    markdown = _group_markdown(job, state, group, view, job.comparisons.get(group, {}))
    warnings = (*job.warnings, *(f"{f.name}: {w}" for f in figures.values() for w in f.warnings))
    rendered = Rendered(markdown, job.tag, job.house, job.info, warnings)
    return _group_prepared(job, group, figures), rendered


def group_figures(
    campaign: str | Path | LoadedCampaign, group: str, *, each: str | None = None
) -> Prepared:
    """One group's figures, with their provenance, as a batch computes them."""
    job, figures = _group_job(campaign, group, each, None, None, True, None)
    return _group_prepared(job, group, figures)


def _group_job(
    campaign: str | Path | LoadedCampaign,
    group: str,
    each: str | None,
    locale: str | None,
    style: str | None,
    drafts: bool,
    include: dict[str, bool] | None,
) -> tuple[_Job, Mapping[str, Figure]]:
    job = _prepare_job(campaign, Path("."), each, "md", locale, style, drafts, False, True, include)
    gf = job.figures.get(group)
    if gf is None:
        import difflib

        near = difflib.get_close_matches(group, job.groups, n=3, cutoff=0.5)
        near += [g for g in job.groups if group.casefold() in g.casefold() and g not in near]
        hint = (
            f"did you mean {' or '.join(repr(g) for g in near[:3])}?"
            if near
            else f"groups include {', '.join(repr(g) for g in job.groups[:3])}"
        )
        raise PressgenError(f"no group {group!r} in column {job.column!r}; {hint}", where="--group")
    if gf.figures is None:
        raise PressgenError(f"group {group!r}: {gf.error}")
    return job, gf.figures


def _group_prepared(job: _Job, group: str, figures: Mapping[str, Figure]) -> Prepared:
    return replace(
        job.prepared, figures=dict(figures), suppressed_cells=job.suppressed.get(group, 0)
    )


def _run_group(job: _Job, group: str) -> tuple[GroupResult, tuple[Path, bytes] | None]:
    """A group's result, and the file to write for it (None when nothing is written)."""
    fmt: Formatter = _STATE["fmt"]
    name = job.files[group]
    gf = job.figures[group]
    if gf.figures is None:
        return GroupResult(group, name, "error", f"group {group!r}: {gf.error}"), None
    figures = gf.figures
    comps = job.comparisons.get(group, {})
    # One view per figure for the render and the index alike: each formats once.
    view = FigureMap(fmt, figures)
    key = _key_figures(view, job, figures, comps)
    warnings = tuple(f"{f.name}: {w}" for f in figures.values() for w in f.warnings)
    target = job.out / name
    if job.skip_existing and target.exists():
        return GroupResult(group, name, "skipped", None, warnings, key), None
    try:
        markdown = _group_markdown(job, _STATE, group, view, comps)
        data = markdown.encode("utf-8") if job.fmt == "md" else _export(job, markdown)
    except PressgenError as exc:
        error = f"group {group!r}: {exc.line()}"
        return GroupResult(group, name, "error", error, warnings, key), None
    except Exception as exc:  # one group's bug must not lose the others
        msg = f"group {group!r}: {type(exc).__name__}: {exc}".replace("\n", " ")
        return GroupResult(group, name, "error", msg, warnings, key), None
    return GroupResult(group, name, "written", None, warnings, key), (target, data)


def _export(job: _Job, markdown: str) -> bytes:
    from pressgen.export import export_release
    from pressgen.release.pipeline import export_options

    opts = export_options(job.prepared, job.tag)
    data = export_release(markdown, job.fmt, opts).data
    return data.encode("utf-8") if isinstance(data, str) else data


def _key_figures(
    view: FigureMap, job: _Job, figures: Any, comps: dict[str, Comparison]
) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name in job.key_figures:
        fig = figures.get(name)
        if fig is None:
            continue
        c = comps.get(name)
        out[name] = {
            "value": json_value(fig.value),
            "text": str(view[name]),
            "rank": c.rank if c else None,
            "joint": c.joint if c else None,
            "of": c.of if c else None,
            "share_of_total": json_value(c.share_of_total) if c else None,
        }
    return out


def _write(target: Path, data: bytes) -> None:
    """Atomic (a temporary file renamed over the target) but not fsynced per file: at
    thousands of releases a second, one fsync of the folder at the end is what is
    affordable; a release lost to a power cut is re-made by `--skip-existing`."""
    atomic_write(target, data, force=True, durable=False)


# -- the index --------------------------------------------------------------------------------


def write_index(job: _Job, results: Sequence[GroupResult]) -> tuple[Path, ...]:
    """`index.csv` and `index.json`: one entry per group, in group order."""
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
    camp = job.loaded.campaign
    doc = {
        "campaign": job.loaded.name,
        "title": camp.title,
        "column": job.column,
        "format": job.fmt,
        "locale": job.tag,
        "groups": len(results),
        "warnings": list(job.warnings),
        "national": {n: json_value(job.national[n].value) for n in names if n in job.national},
        "releases": [
            {
                "group": r.group,
                "file": r.file,
                "status": r.status,
                "error": r.error,
                "figures": r.figures,
                "warnings": list(r.warnings),
            }
            for r in results
        ],
    }
    csv_path = atomic_write(job.out / "index.csv", buf.getvalue(), force=True)
    json_text = _index_json(doc)
    json_path = atomic_write(job.out / "index.json", json_text, force=True)
    return (csv_path, json_path)


def _index_json(doc: dict[str, Any]) -> str:
    """The index as JSON: indented, with one line per release. (Indenting every release
    runs json's pure-Python encoder, about a second for 10,000 releases; one line each is
    the C encoder's and still reads and diffs a release to a line.)"""
    head = {k: v for k, v in doc.items() if k != "releases"}
    text = json.dumps(head, ensure_ascii=False, indent=2)
    lines = ",\n    ".join(json.dumps(r, ensure_ascii=False) for r in doc["releases"])
    body = f"[\n    {lines}\n  ]" if lines else "[]"
    return f'{text[:-2]},\n  "releases": {body}\n}}\n'


def neutralise_cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run: text starting with = + - @ (or a tab or
    carriage return) gets a leading apostrophe; plain numbers such as -12 stay numbers."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMERIC.fullmatch(text):
        return "'" + text
    return text


def _single(v: Any) -> bool:
    return isinstance(v, int | Decimal) and not isinstance(v, bool)
