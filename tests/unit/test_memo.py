"""storage.memo: the one owner of in-memory caches, with one lock and one clear()."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from pressgen.storage.filecache import cached
from pressgen.storage.memo import MEMO, Memo, memoize
from tests.conftest import EXAMPLE


def test_a_table_keeps_its_size_and_drops_the_least_recently_used() -> None:
    memo = Memo()
    table = memo.table("t", 2)
    table.put("a", 1)
    table.put("b", 2)
    assert table.get("a") == 1  # a is now the most recent
    table.put("c", 3)
    assert table.get("b") is None and table.get("a") == 1 and table.get("c") == 3
    assert memo.table("t", 99) is table  # one table per name
    assert memo.sizes() == {"t": 2}


def test_clear_drops_every_table() -> None:
    memo = Memo()
    memo.table("one", 4).put(1, "x")
    memo.table("two", 4).put(2, "y")
    memo.clear()
    assert memo.sizes() == {"one": 0, "two": 0}


def test_memoize_caches_in_memo_and_is_cleared_with_it() -> None:
    calls: list[int] = []

    @memoize("test squares", 8)
    def square(n: int) -> int:
        calls.append(n)
        return n * n

    assert square(3) == 9 and square(3) == 9
    assert calls == [3]
    MEMO.clear()
    assert square(3) == 9
    assert calls == [3, 3]


def test_the_pipelines_caches_are_memos(tmp_path: Path) -> None:
    """prepare() reuses its work until MEMO.clear(): then it is done again."""
    from pressgen.release.pipeline import prepare, render_release

    first = prepare(EXAMPLE)
    render_release(first)
    assert prepare(EXAMPLE) is first
    filled = MEMO.sizes()
    for table in ("parsed files", "prepared campaigns", "campaign figures", "render setups"):
        assert filled[table] > 0, table
    MEMO.clear()
    assert all(n == 0 for n in MEMO.sizes().values())
    again = prepare(EXAMPLE)
    assert again is not first and again.figures == first.figures


def test_parsed_files_are_reread_when_changed(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("one", encoding="utf-8")
    reads: list[str] = []

    def load(p: Path) -> str:
        reads.append(p.read_text(encoding="utf-8"))
        return reads[-1]

    assert cached("test", path, load) == "one"
    assert cached("test", path, load) == "one" and len(reads) == 1
    path.write_text("two!", encoding="utf-8")
    assert cached("test", path, load) == "two!"


def test_threads_share_a_table_safely() -> None:
    memo = Memo()
    table = memo.table("shared", 64)
    errors: list[BaseException] = []

    def hammer(k: int) -> None:
        try:
            for i in range(2000):
                table.put((k, i % 100), i)
                table.get((k, (i * 7) % 100))
                if i % 500 == 0:
                    memo.clear()
        except BaseException as exc:  # pragma: no cover - what the test is looking for
            errors.append(exc)

    threads = [threading.Thread(target=hammer, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors and not any(t.is_alive() for t in threads)
    assert len(table) <= 64


def test_a_forked_child_does_not_inherit_a_held_lock() -> None:
    """A thread holds MEMO's lock while the process forks (a TUI thread while a batch
    starts its workers): the child must still be able to use every cache."""
    if not hasattr(os, "fork"):
        return
    code = (
        "import os, sys, threading\n"
        "from pressgen.storage.memo import MEMO\n"
        "held = threading.Event(); release = threading.Event()\n"
        "def hold():\n"
        "    with MEMO.lock:\n"
        "        held.set(); release.wait(30)\n"
        "threading.Thread(target=hold, daemon=True).start()\n"
        "held.wait(30)\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    MEMO.table('child', 4).put(1, 2)\n"
        "    os._exit(0 if MEMO.table('child', 4).get(1) == 2 else 3)\n"
        "release.set()\n"
        "_, status = os.waitpid(pid, 0)\n"
        "sys.exit(os.waitstatus_to_exitcode(status))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], timeout=60, capture_output=True)
    assert done.returncode == 0, done.stderr
