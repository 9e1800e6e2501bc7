"""Running a batch: prepare once (`job`), refuse what would overwrite the user's files,
run the groups (`workers`), then write the index (`index`)."""

from __future__ import annotations

import contextlib
import gc
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from pressgen.batch.files import clean_temporaries
from pressgen.batch.index import INDEX_FILES, previous_names, write_index
from pressgen.batch.job import FORMATS, Job, prepare_job
from pressgen.batch.results import BatchProgress, BatchResult, GroupResult
from pressgen.batch.workers import execute
from pressgen.errors import PressgenError
from pressgen.release.campaign import LoadedCampaign
from pressgen.storage.atomic import sync_folder


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
    cores; 1 renders in this process). Existing files, the index included, are refused
    before anything is written unless `skip_existing` (keep them, write the rest:
    resumes an interrupted batch; a previous index that differs is kept beside the new
    one, see `index`) or `force` (overwrite). A group whose figures or template fail is
    reported in its `GroupResult` (status 'error', one-line message) and the others are
    still written; an index that cannot be written is reported in `index_error`; a
    problem with the campaign as a whole raises `PressgenError`. Temporary files a
    killed batch left in `out_dir` are removed first (`cleaned` says how many).

    `progress` is called in the calling thread after every chunk of groups with a
    `BatchProgress`; `should_stop` is polled between chunks and, when it returns True,
    stops the workers and returns with `cancelled` set and no index written. Safe to
    call from a worker thread (the TUI's), where workers are started with 'spawn'.
    """
    if fmt not in FORMATS:
        raise PressgenError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if skip_existing and force:
        raise PressgenError("choose one of --skip-existing and --force")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise PressgenError("is a file, not a folder", path=out)
    with _no_cycle_collection():
        started = time.perf_counter()
        job = prepare_job(campaign, out, each, fmt, locale, style, drafts, skip_existing, force)
        prepared_at = time.perf_counter()
        job = replace(job, existing=_names_in(out))
        refuse_existing(job)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise PressgenError(f"cannot create folder: {exc.strerror}", path=out) from None
        ours = [*job.files.values(), *INDEX_FILES]
        ours += [n for name in INDEX_FILES for n in previous_names(name)]
        cleaned = clean_temporaries(out, ours)
        return _run(job, jobs, progress, should_stop, started, prepared_at, cleaned)


def _run(
    job: Job,
    jobs: int | None,
    progress: Callable[[BatchProgress], None] | None,
    should_stop: Callable[[], bool] | None,
    started: float,
    prepared_at: float,
    cleaned: int,
) -> BatchResult:
    n = len(job.groups)
    workers = max(1, min(jobs or os.cpu_count() or 1, n or 1))
    results: list[GroupResult | None] = [None] * n
    lines: list[tuple[str, str]] = [("", "")] * n
    counts = {"written": 0, "skipped": 0, "error": 0}
    done = 0
    cancelled = False
    shares: set[str] = set()
    for chunk in execute(job, workers, should_stop, shares.update):
        if chunk is None:
            cancelled = True
            break
        for i, res, line in chunk:
            results[i] = res
            lines[i] = line
            counts[res.status] += 1
        done += len(chunk)
        if progress is not None:
            last = chunk[-1][1].group if chunk else None
            progress(
                BatchProgress(done, n, counts["written"], counts["skipped"], counts["error"], last)
            )
    final = tuple(r for r in results if r is not None)
    index: tuple[Path, ...] = ()
    kept: tuple[Path, ...] = ()
    index_error = None
    if not cancelled:
        sync_folder(job.out)
        try:
            with_share = frozenset(n for n in job.key_figures if n in shares)
            index, kept = write_index(
                job, final, lines, with_share, keep_previous=job.skip_existing
            )
        except PressgenError as exc:
            index_error = exc.line()  # the releases are written: say so, and why not this
    return BatchResult(
        job.out,
        job.column,
        final,
        index,
        cancelled,
        prepared_at - started,
        time.perf_counter() - prepared_at,
        job.warnings,
        index_error,
        kept,
        cleaned,
    )


def refuse_existing(job: Job) -> None:
    """Nothing the user has is overwritten without --force (--skip-existing keeps the
    releases there and the previous index beside the new one)."""
    if job.force or job.skip_existing:
        return
    existing = [n for n in (*INDEX_FILES, *job.files.values()) if n in job.existing]
    if existing:
        raise PressgenError(
            f"{len(existing)} of the files to write already exist (first: {existing[0]}); "
            "use --skip-existing to resume or --force to overwrite",
            path=job.out,
        )


def _names_in(folder: Path) -> frozenset[str]:
    """What the folder holds (one listing, not a look-up per file)."""
    try:
        return frozenset(os.listdir(folder))
    except FileNotFoundError:
        return frozenset()
    except OSError as exc:
        raise PressgenError(f"cannot read folder: {exc.strerror}", path=folder) from None


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """A batch builds hundreds of thousands of small objects (figures, views, results)
    and no reference cycles worth collecting; left on, the cyclic collector walks all of
    them again and again (a fifth of the parent's time at 10,000 groups). Workers turn
    it back on for what they create, with what they inherit frozen (workers._worker)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
