"""The one owner of pressgen's in-memory caches: named tables, one lock, one `clear()`.

Every cache a module keeps between calls (parsed files, computed figures, formatters,
render setups...) is a `MemoTable` of the process-wide `MEMO`, instead of a dict or an
`lru_cache` of its own. So there is one answer to "how do I drop everything cached"
(`MEMO.clear()`: a test, the TUI after the user edits a file), every table is safe to
use from the TUI's worker threads, and each has an explicit size.

Lifetime: the process. A forked batch worker inherits the tables (read-only use is
free, copy-on-write) with a fresh lock, never one a parent thread held at the fork.

    _SPECS = MEMO.table("campaign specs", 64)
    text = _SPECS.get_or_make(key, lambda: compute(...))

    @memoize("number words", 4096)
    def spell(n: int, lang: str) -> str: ...

A value is computed outside the lock (it may take seconds: figures over a large file),
so two threads may compute the same entry once each; the later one is kept. A table at
its size drops its oldest entry (least recently used first).
"""

from __future__ import annotations

import functools
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, ParamSpec, TypeVar, cast

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
P = ParamSpec("P")
R = TypeVar("R")
_MISSING: Any = object()


class MemoTable(Generic[K, V]):
    """One named cache of at most `size` entries, least recently used dropped first."""

    def __init__(self, owner: Memo, name: str, size: int) -> None:
        self.name = name
        self.size = size
        self._owner = owner
        self._data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, default: V | None = None) -> V | None:
        with self._owner.lock:
            try:
                value = self._data[key]
            except KeyError:
                return default
            self._data.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> V:
        with self._owner.lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        hit = self.get(key, _MISSING)
        if hit is not _MISSING:
            return cast(V, hit)
        return self.put(key, make())

    def pop(self, key: K) -> None:
        with self._owner.lock:
            self._data.pop(key, None)

    def clear(self) -> None:
        with self._owner.lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


class Memo:
    """The process's caches, by name."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self._tables: dict[str, MemoTable[Any, Any]] = {}

    def table(self, name: str, size: int) -> MemoTable[Any, Any]:
        """The table called `name` (made on first use; one per name)."""
        with self.lock:
            table = self._tables.get(name)
            if table is None:
                table = self._tables[name] = MemoTable(self, name, size)
            return table

    def clear(self) -> None:
        """Drop every cached entry of every table (the tables themselves stay)."""
        with self.lock:
            for table in self._tables.values():
                table.clear()

    def sizes(self) -> dict[str, int]:
        """How many entries each table holds (for tests and diagnostics)."""
        with self.lock:
            return {name: len(t) for name, t in self._tables.items()}

    def _after_fork(self) -> None:
        self.lock = threading.RLock()


MEMO = Memo()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=MEMO._after_fork)


def memoize(name: str, size: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """`functools.lru_cache(maxsize=size)` with its entries in MEMO's table `name`.
    The arguments must be hashable, as for lru_cache."""

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        table: MemoTable[Any, R] = MEMO.table(name, size)

        @functools.wraps(fn)
        def cached(*args: P.args, **kwargs: P.kwargs) -> R:
            key = (args, tuple(sorted(kwargs.items()))) if kwargs else args
            hit = table.get(key, _MISSING)
            if hit is not _MISSING:
                return cast(R, hit)
            return table.put(key, fn(*args, **kwargs))

        return cached

    return wrap
