"""Running a batch's groups: each group's figures built, every group ranked, then each
release rendered and written; in this process, or in worker processes that each own a
contiguous share of the groups.

A worker builds its groups' figures (pure Python, from the aggregations the parent
computed: workers never touch polars, so `fork` is safe) and sends back only what the
ranking needs. The parent ranks the groups and sends each worker its groups' places
(meanwhile the worker makes what rendering needs first: each group's figure views, key
figures formatted); the worker renders and writes its releases, reporting each chunk.
The same input gives the same bytes whatever the number of workers. A worker stops when
told to (the TUI's Cancel) and when its parent is gone (a killed `pressgen batch`): it
looks before every group (at the pipe every few), so a killed batch stops writing at once.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import threading
import traceback
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

from pressgen.batch.files import ReleaseWriter
from pressgen.batch.groups import (
    Columns,
    Comparable,
    GroupFigures,
    Ranking,
    build_group,
    comparable,
    join_columns,
    rank_columns,
    rank_groups,
    value_columns,
)
from pressgen.batch.index import IndexRows, share_columns
from pressgen.batch.job import Job
from pressgen.batch.release import RenderState, figure_view, render_state, run_group
from pressgen.batch.results import GroupResult
from pressgen.errors import PressgenError
from pressgen.release.render import environment
from pressgen.release.views import FigureMap

#: Groups per progress report, at most; a small batch reports about eight times a worker.
CHUNK = 64
#: Groups between two looks at the parent's pipe for a stop (the parent's death is
#: looked for before every group).
POLL_EVERY = 8
#: Releases between two runs of the cyclic collector while rendering.
COLLECT_EVERY = 256
#: Each group's index, result and lines of the index (csv, json).
Chunk = list[tuple[int, GroupResult, tuple[str, str]]]


class Share:
    """Some of a batch's groups (`indices` into job.groups), in one process."""

    def __init__(self, job: Job, indices: range) -> None:
        self.job = job
        self.indices = indices
        self.figures: dict[int, GroupFigures] = {}
        self.values: dict[str, Comparable] = {}
        self.views: dict[int, FigureMap] = {}
        self._state: RenderState | None = None

    @property
    def state(self) -> RenderState:
        """What every render of this share shares (made once)."""
        if self._state is None:
            self._state = render_state(self.job)
        return self._state

    def build(self, keep_going: Callable[[], bool]) -> dict[str, Comparable] | None:
        """Every group's figures; what the ranking needs of them (None: stopped)."""
        inputs = self.job.inputs
        for i in self.indices:
            if not keep_going():
                return None
            group = self.job.groups[i]
            try:
                gf = build_group(inputs, group)
            except Exception as exc:  # one group's bug must not lose the others
                gf = GroupFigures(group, None, f"{type(exc).__name__}: {exc}".replace("\n", " "))
            self.figures[i] = gf
            if gf.figures is not None:
                self.values[group] = comparable(gf.figures)
        return self.values

    def make_views(self, until: Callable[[], bool]) -> int:
        """The groups' figure views, key figures formatted, in order until `until()`
        says to stop (looked at every POLL_EVERY groups): what rendering would make
        first, made while the ranking is not there yet. How many were made."""
        job, state = self.job, self.state
        for n, i in enumerate(self.indices):
            if n % POLL_EVERY == 0 and until():
                return n
            figures = self.figures[i].figures
            if figures is not None:
                self.views[i] = figure_view(job, state, figures)
        return len(self.indices)

    def render(
        self,
        ranking: Ranking,
        with_share: frozenset[str],
        writer: ReleaseWriter,
        keep_going: Callable[[], bool],
    ) -> Iterator[Chunk]:
        """Render and write every group, a chunk at a time, while `keep_going()`."""
        job = self.job
        state = self.state
        views = self.views
        rows = IndexRows(job, with_share)
        size = max(1, min(CHUNK, -(-len(self.indices) // 8)))
        chunk: Chunk = []
        for n, i in enumerate(self.indices, start=1):
            if not keep_going():
                return
            gf = self.figures[i]
            comps = ranking.comparisons(gf.group, self.values.get(gf.group, {}))
            result = run_group(job, state, gf, comps, writer.write, views.pop(i, None))
            chunk.append((i, result, rows.lines(result)))
            if n % COLLECT_EVERY == 0:
                # The youngest generation only: the last few hundred renders' leftovers.
                # A full collection would walk every group's figures each time (in this
                # process, where nothing is frozen, a sixth of the batch's time).
                gc.collect(0)
            if len(chunk) >= size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk


def execute(
    job: Job,
    workers: int,
    should_stop: Callable[[], bool] | None,
    ranked: Callable[[frozenset[str]], None],
) -> Iterator[Chunk | None]:
    """Every group's result, a chunk at a time; None (then nothing more) when
    `should_stop()` said to stop. `ranked` is told, once every group is ranked, which
    key figures the index lists a share of the total for."""
    stop = should_stop or (lambda: False)
    if workers <= 1:
        return _in_process(job, stop, ranked)
    return _in_processes(job, workers, stop, ranked)


def _in_process(
    job: Job, stop: Callable[[], bool], ranked: Callable[[frozenset[str]], None]
) -> Iterator[Chunk | None]:
    share = Share(job, range(len(job.groups)))
    values = share.build(lambda: not stop())
    if values is None:
        yield None
        return
    ranking = rank_groups(job.loaded.campaign.figures, job.national, values)
    with_share = share_columns(job, ranking)
    ranked(with_share)
    with ReleaseWriter(job.out, job.existing) as writer:
        chunks = share.render(ranking, with_share, writer, lambda: True)
        while True:
            if stop():
                yield None
                return
            chunk = next(chunks, None)
            if chunk is None:
                return
            yield chunk


def _in_processes(
    job: Job, n: int, stop: Callable[[], bool], ranked: Callable[[frozenset[str]], None]
) -> Iterator[Chunk | None]:
    # fork shares the prepared job without copying it; a process started from another
    # thread (the TUI's) must not fork a process whose other threads hold locks.
    main = threading.current_thread() is threading.main_thread()
    fork = main and "fork" in mp.get_all_start_methods()
    ctx: Any = mp.get_context("fork" if fork else "spawn")
    total = len(job.groups)
    conns: list[Connection] = []
    procs: list[Any] = []
    try:
        for k in range(n):
            mine, theirs = ctx.Pipe()
            start, end = k * total // n, (k + 1) * total // n
            # A forked worker closes its copies of the parent's ends (its own and the
            # earlier workers'), so that once the parent is gone its pipe is broken.
            ours = [*conns, mine] if fork else []
            proc = ctx.Process(
                target=_worker, args=(theirs, job, start, end, os.getpid(), ours), daemon=True
            )
            proc.start()
            theirs.close()
            conns.append(mine)
            procs.append(proc)
        parts: dict[int, Columns] = {}
        for k, payload in _messages(conns, procs, stop, until="built"):
            if payload is None:
                yield None
                return
            parts[k] = payload
        # In the workers' order, which is the groups' (as in one process, whatever
        # order they finished in).
        columns = join_columns(parts[k] for k in sorted(parts))
        ranking = rank_columns(job.loaded.campaign.figures, job.national, columns)
        with_share = share_columns(job, ranking)
        ranked(with_share)
        for k, conn in enumerate(conns):
            start, end = k * total // n, (k + 1) * total // n
            conn.send(("rank", (ranking.only(job.groups[start:end]), with_share)))
        for _, payload in _messages(conns, procs, stop, until="done"):
            yield payload
            if payload is None:
                return
    finally:
        for conn in conns:
            with contextlib.suppress(OSError):  # gone already
                conn.send(("stop", None))
        for proc in procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
        for conn in conns:
            conn.close()


def _messages(
    conns: list[Connection], procs: list[Any], stop: Callable[[], bool], until: str
) -> Iterator[tuple[int, Any]]:
    """(worker, payload) for every message until each worker has sent `until`; a
    payload of None when `stop()` says so (the caller then stops the workers)."""
    waiting = set(range(len(conns)))
    while waiting:
        if stop():
            yield -1, None
            return
        ready = wait([conns[k] for k in waiting] + [procs[k].sentinel for k in waiting], 0.1)
        for k in sorted(waiting):
            conn = conns[k]
            while k in waiting and conn.poll():
                try:
                    kind, payload = conn.recv()
                except EOFError:
                    break
                if kind == "crash":
                    raise RuntimeError(f"a batch worker failed:\n{payload}")
                if kind == until:
                    waiting.discard(k)
                    if until == "done":
                        continue
                yield k, payload
            if k in waiting and procs[k].sentinel in ready and not conn.poll():
                code = procs[k].exitcode
                raise PressgenError(f"a batch worker stopped unexpectedly (exit status {code})")


def _worker(
    conn: Connection, job: Job, start: int, end: int, parent: int, ours: list[Connection]
) -> None:
    """A worker process: build, wait for the ranking, render; stop when told to or
    when the parent is gone."""
    for c in ours:
        c.close()
    # It lives for one batch: templates are not edited under it, so they need not be
    # checked for changes (a stat of each file) on every render.
    environment(list(job.search)).auto_reload = False
    stopped = False
    calls = 0

    def keep_going() -> bool:
        nonlocal stopped, calls
        if stopped or os.getppid() != parent:
            return False
        calls += 1
        # The pipe is looked at every few groups (a poll is a system call, a tenth of
        # a release's time): a Cancel lands within milliseconds all the same.
        if calls % POLL_EVERY == 0 and conn.poll():
            try:
                stopped = conn.recv()[0] == "stop"
            except EOFError:
                stopped = True
        return not stopped

    try:
        share = Share(job, range(start, end))
        values = share.build(keep_going)
        if values is None:
            return
        # What the worker was given and has built lives as long as it does: frozen, the
        # collector never walks it again. The collector stays off while rendering, as in
        # the parent (left on, it walks each render's live objects hundreds of times),
        # and runs once every COLLECT_EVERY releases: a template's macros can leave a few
        # reference cycles behind each render.
        gc.freeze()
        conn.send(("built", value_columns(values)))
        # Until the ranking comes (every worker built and the parent ranked them all), the
        # first thing rendering will need is made: the groups' views, key figures
        # formatted. Whatever is left when it comes is made as each group is rendered.
        share.make_views(lambda: conn.poll() or os.getppid() != parent)
        gc.freeze()  # the views too: each is dropped once its group is rendered
        while not conn.poll(0.2):
            if os.getppid() != parent:
                return
        kind, payload = conn.recv()
        if kind != "rank":
            return
        ranking, with_share = payload
        with ReleaseWriter(job.out, job.existing) as writer:
            for chunk in share.render(ranking, with_share, writer, keep_going):
                conn.send(("chunk", chunk))
        if not stopped:
            conn.send(("done", None))
    except (BrokenPipeError, EOFError, ConnectionResetError):
        return  # the parent is gone: nothing to report to
    except BaseException:
        with contextlib.suppress(OSError):
            conn.send(("crash", traceback.format_exc()))
