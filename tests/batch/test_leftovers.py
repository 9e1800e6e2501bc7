"""What a batch leaves behind and says: an edited index is never lost, a killed batch's
temporaries are cleaned and its workers stop, DOCX output is the same from run to run,
the command says what it did, and a full disk is reported file by file."""

from __future__ import annotations

import contextlib
import io
import os
import resource
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pressgen.batch import run_batch
from pressgen.cli import main

from .conftest import ROWS, write_project

GOOD_ROWS = [r for r in ROWS if r[0] != "Zero"]  # every group's figures compute


def test_skip_existing_keeps_an_edited_index_beside_the_new_one(
    small_campaign: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    run_batch(small_campaign, out, jobs=1)
    edited = (out / "index.csv").read_text(encoding="utf-8") + "my notes,,,\n"
    (out / "index.csv").write_text(edited, encoding="utf-8")
    (out / "north.md").unlink()
    result = run_batch(small_campaign, out, jobs=1, skip_existing=True)
    assert (out / "index.previous.csv").read_text(encoding="utf-8") == edited
    assert "my notes" not in (out / "index.csv").read_text(encoding="utf-8")
    assert out / "index.previous.csv" in result.kept
    # The json index changed too (statuses say 'skipped'): the earlier one is kept.
    assert (out / "index.previous.json").is_file()
    # Resuming again: north.md is now 'skipped' too, so the index changes once more and
    # the one before is kept as well, never over the first copy.
    again = run_batch(small_campaign, out, jobs=1, skip_existing=True)
    assert out / "index.previous-2.csv" in again.kept
    assert (out / "index.previous.csv").read_text(encoding="utf-8") == edited
    # Nothing changed since: no further copies.
    assert run_batch(small_campaign, out, jobs=1, skip_existing=True).kept == ()
    assert not (out / "index.previous-3.csv").exists()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(timeout=60)
    return child.pid


def test_temporaries_of_a_killed_batch_are_cleaned(small_campaign: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dead = _dead_pid()
    stale = [out / f".north.md.{dead}.0.tmp", out / f".index.csv.{dead}.3.tmp"]
    for path in stale:
        path.write_bytes(b"")
    others = [
        out / f".notes.txt.{dead}.0.tmp",  # not a file this batch writes
        out / f".south.md.{os.getpid()}.0.tmp",  # a live process's
    ]
    for path in others:
        path.write_bytes(b"keep")
    result = run_batch(small_campaign, out, jobs=1, force=True)
    assert result.cleaned == 2
    assert not any(p.exists() for p in stale)
    assert all(p.read_bytes() == b"keep" for p in others)
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp") and p not in others]


def _running(pid: int) -> bool:
    """Whether a process exists and is not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8")
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_workers_stop_when_the_parent_is_killed(tmp_path: Path) -> None:
    """SIGKILL to `pressgen batch` alone: its workers notice and stop writing."""
    rows = [(f"Area {i:04d}", k, i % 7 + 1) for i in range(3000) for k in ("a", "b")]
    campaign = write_project(tmp_path / "project", rows)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pressgen.cli", "batch", str(campaign), "-o", str(out), "-j", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 120
    workers: list[int] = []
    try:
        while not (out.is_dir() and any(out.glob("*.md"))):
            assert proc.poll() is None, "the batch ended before it could be killed"
            assert time.monotonic() < deadline, "no release was written"
            time.sleep(0.002)
        workers = [int(p) for p in children.read_text(encoding="utf-8").split()]
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        at_kill = len(list(out.glob("*.md")))
        assert len(workers) == 2
        while any(_running(w) for w in workers):
            assert time.monotonic() < deadline, "workers kept running after the parent died"
            time.sleep(0.01)
    finally:
        for pid in [proc.pid, *workers]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    written = len(list(out.glob("*.md")))
    assert written < 3000
    # Each worker finishes at most the release it was writing.
    assert written - at_kill <= 20, (at_kill, written)


def _docx_stamps(data: bytes) -> set[tuple[int, ...]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.date_time for i in z.infolist()}


def test_docx_output_is_dated_by_the_release_and_identical_between_runs(
    small_campaign: Path, tmp_path: Path
) -> None:
    run_batch(small_campaign, tmp_path / "one", fmt="docx", jobs=1)
    run_batch(small_campaign, tmp_path / "two", fmt="docx", jobs=2)
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").glob("*.docx")}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").glob("*.docx")}
    assert one and one == two
    north = one["north.docx"]
    assert _docx_stamps(north) == {(2020, 1, 2, 0, 0, 0)}  # the campaign's release date
    core = zipfile.ZipFile(io.BytesIO(north)).read("docProps/core.xml").decode("utf-8")
    assert "2020-01-02T00:00:00Z" in core


def test_the_command_says_what_it_did(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    campaign = write_project(tmp_path / "project", GOOD_ROWS)
    out = tmp_path / "out"
    assert main(["batch", str(campaign), "-o", str(out), "-j", "1"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("pressgen: 7 written, 0 skipped, 0 failed of 7 groups by 'area'")
    assert str(out) in err[0] and "index.csv" in err[0]
    (out / "north.md").unlink()
    assert main(["batch", str(campaign), "-o", str(out), "-j", "1", "--skip-existing"]) == 0
    assert "1 written, 6 skipped, 0 failed" in capsys.readouterr().err


def test_a_full_disk_is_reported_file_by_file(tmp_path: Path) -> None:
    """Every write fails (a file-size limit stands in for a full disk): each release and
    the index are named with the reason, not only the index."""
    campaign = write_project(tmp_path / "project", GOOD_ROWS)
    # The template's compiled form is cached first: writing that cache on a full disk
    # fails inside Jinja (release.render's to handle), which is not what this tests.
    run_batch(campaign, tmp_path / "first", jobs=1)
    out = tmp_path / "out"
    out.mkdir()

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))

    done = subprocess.run(
        [sys.executable, "-m", "pressgen.cli", "batch", str(campaign), "-o", str(out), "-j", "1"],
        preexec_fn=limit,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    err = done.stderr
    assert "Traceback" not in err
    assert f"group 'North': {out / 'north.md'}: cannot write: File too large" in err
    assert err.count("cannot write: File too large") == 7 + 1  # every release, and the index
    assert f"the index was not written: {out / 'index.csv'}: cannot write" in err
    assert "0 written, 0 skipped, 7 failed of 7 groups" in err
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_batch_from_another_thread_spawns_its_workers(
    small_campaign: Path, tmp_path: Path
) -> None:
    """The TUI runs a batch on a worker thread, where workers are spawned, not forked:
    the job crosses to them pickled, and the files are the same."""
    import threading

    run_batch(small_campaign, tmp_path / "one", jobs=1)
    done: list[object] = []
    thread = threading.Thread(
        target=lambda: done.append(run_batch(small_campaign, tmp_path / "two", jobs=2))
    )
    thread.start()
    thread.join(timeout=300)
    assert not thread.is_alive() and len(done) == 1
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").iterdir()}
    assert one == two


def test_the_writer_creates_and_replaces_whole_files(tmp_path: Path) -> None:
    from pressgen.batch.files import ReleaseWriter

    (tmp_path / "old.md").write_bytes(b"old")
    with ReleaseWriter(tmp_path, frozenset({"old.md"})) as writer:
        # On Linux a new release is made whole before it is named (O_TMPFILE).
        assert writer._unnamed == (sys.platform == "linux")
        writer.write("new.md", b"new " * 5000)
        writer.write("old.md", b"replaced")
        writer.write("new.md", b"again")  # made by this batch: replaced too
    assert (tmp_path / "new.md").read_bytes() == b"again"
    assert (tmp_path / "old.md").read_bytes() == b"replaced"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.md", "old.md"]
    (tmp_path / "folder.md").mkdir()
    with ReleaseWriter(tmp_path) as writer, pytest.raises(Exception, match="is a folder"):
        writer.write("folder.md", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.md", "new.md", "old.md"]


def test_what_renders_leave_in_cycles_is_collected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers render with the cyclic collector off (left on, it walked each render's
    objects again and again) and collect every COLLECT_EVERY releases: the German
    template's macros leave cycles behind each render, and they must not pile up."""
    import gc

    import pressgen.batch.workers as workers
    from pressgen.batch.files import ReleaseWriter
    from pressgen.batch.groups import rank_groups
    from pressgen.batch.job import prepare_job
    from tests.conftest import ROOT

    forces = ROOT / "campaigns" / "forces-cyber-training.toml"
    out = tmp_path / "out"
    out.mkdir()
    job = prepare_job(forces, out, None, "md", "de_DE", None, False, False, False)
    share = workers.Share(job, range(len(job.groups)))
    values = share.build(lambda: True)
    assert values is not None
    ranking = rank_groups(job.loaded.campaign.figures, job.national, values)
    enabled = gc.isenabled()
    gc.disable()
    try:
        for every, left in ((10_000, True), (1, False)):
            monkeypatch.setattr(workers, "COLLECT_EVERY", every)
            gc.collect()
            with ReleaseWriter(out) as writer:
                chunks = share.render(ranking, frozenset(), writer, lambda: True)
                assert sum(len(c) for c in chunks) == 43
            assert (gc.collect() > 0) == left  # cycles, left until collected
    finally:
        if enabled:
            gc.enable()
