"""Resource limits for rendering untrusted templates in this process.

Jinja's sandbox stops a template reaching Python internals, but not from exhausting the
machine: `'A' * 10**9`, `2 ** 40000000000`, `'x'|center(10**9)`, a nested range loop or
a recursive macro will eat memory or never finish. Rendering stays in-process (a child
process per render would cost more than the render itself), so the limits are enforced
by guards that cost next to nothing on an honest template:

- `*`, `**` and `%` are intercepted and refuse results bigger than `max_string` items or
  integers wider than `max_int_bits`; string methods and the size-taking built-in filters
  are checked the same way before they allocate;
- output is counted while it streams out of `generate()` and stops at `max_output`;
- a single watchdog thread interrupts a render that runs past `timeout` seconds, or whose
  process grows by more than `max_memory_mb` while it runs (Linux), by raising an
  exception in the rendering thread (no `sys.settrace`, so no per-line cost);
- `RecursionError` and `MemoryError` become a normal error naming the template line.

Limits come from the environment (`PRESSGEN_RENDER_TIMEOUT`, `PRESSGEN_RENDER_MAX_OUTPUT`,
`PRESSGEN_RENDER_MAX_MEMORY_MB`, `PRESSGEN_RENDER_MAX_STRING`) or their defaults, which
no honest release comes near. See SECURITY.md.
"""

from __future__ import annotations

import functools
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from jinja2.runtime import Context, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment

from pressgen.errors import PressgenError
from pressgen.release.codegen import LimitedCodeGenerator, MarkdownMacro, markdown_macro


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise PressgenError(f"{name} must be a number, got {raw!r}") from None
    if value <= 0:
        raise PressgenError(f"{name} must be positive, got {raw!r}")
    return value


#: What a template's `{% macro %}` is at run time: Jinja's Macro, made a MarkdownMacro by
#: the code generator (a subclass that only marks its output as Markdown).
_TEMPLATE_MACROS = frozenset({Macro, MarkdownMacro})


@dataclass(frozen=True)
class Limits:
    """How far one render may go. The defaults are far beyond any real release."""

    timeout: float = 5.0
    max_output: int = 1_000_000
    max_string: int = 2_000_000
    max_int_bits: int = 100_000
    max_memory_mb: int = 1024

    @classmethod
    def from_environment(cls) -> Limits:
        d = cls()
        return cls(
            timeout=_env_number("PRESSGEN_RENDER_TIMEOUT", d.timeout),
            max_output=int(_env_number("PRESSGEN_RENDER_MAX_OUTPUT", d.max_output)),
            max_string=int(_env_number("PRESSGEN_RENDER_MAX_STRING", d.max_string)),
            max_int_bits=d.max_int_bits,
            max_memory_mb=int(_env_number("PRESSGEN_RENDER_MAX_MEMORY_MB", d.max_memory_mb)),
        )


class LimitError(PressgenError):
    """A template went past one of the render limits."""


class LimitReached(PressgenError):
    """A render stopped at a limit; already names the template and line."""


class RenderInterrupted(BaseException):
    """Raised inside the rendering thread by the watchdog. A BaseException, so no
    `except Exception` in Jinja or a filter can swallow it."""


# --- operand and call guards -------------------------------------------------------

_SIZED = (str, list, tuple, bytes)
_WIDE_SPEC = re.compile(
    r"%(?:\([^)]*\))?[-+ #0]*(?:\d{7,}|\*|\d*\.(?:\d{7,}|\*))"  # printf width or precision
    r"|\{[^{}]*:[^{}]*?\d{7,}|\{[^{}]*:[^{}]*\{"  # str.format width, or a nested one
)


def _too_big(what: str, limit: int) -> LimitError:
    return LimitError(f"template builds {what} larger than the limit of {limit:,}")


def check_binop(limits: Limits, operator: str, left: Any, right: Any) -> None:
    """Refuse an operator whose result would be too large, before computing it."""
    if operator == "*":
        for seq, n in ((left, right), (right, left)):
            if isinstance(seq, _SIZED) and isinstance(n, int) and len(seq) * n > limits.max_string:
                raise _too_big("a repeated string or list", limits.max_string)
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and left.bit_length() + right.bit_length() > limits.max_int_bits
        ):
            raise _too_big("a number (bits)", limits.max_int_bits)
    elif operator == "**":
        if (
            isinstance(left, int)
            and isinstance(right, int)
            and abs(left) > 1
            and left.bit_length() * right > limits.max_int_bits
        ):
            raise _too_big("a power (bits)", limits.max_int_bits)
    elif operator == "%" and isinstance(left, str):
        _check_format(limits, left, right if isinstance(right, tuple) else (right,))


def _check_format(limits: Limits, spec: str, args: tuple[Any, ...]) -> None:
    if _WIDE_SPEC.search(spec) or any(
        isinstance(a, int) and abs(a) > limits.max_string for a in args
    ):
        raise LimitError("template formats with a width larger than the limit")


def _check_ints(limits: Limits, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for a in (*args, *kwargs.values()):
        if isinstance(a, int) and not isinstance(a, bool) and abs(a) > limits.max_string:
            raise LimitError(
                f"template passes {a:,}, larger than the limit of {limits.max_string:,}"
            )


def _check_replace(limits: Limits, s: Any, args: tuple[Any, ...]) -> None:
    if not isinstance(s, str) or len(args) < 2:
        return
    old, new = str(args[0]), str(args[1])
    hits = s.count(old) if old else len(s) + 1
    if len(args) > 2 and isinstance(args[2], int) and args[2] >= 0:
        hits = min(hits, args[2])
    if len(s) + hits * max(0, len(new) - len(old)) > limits.max_string:
        raise _too_big("a replaced string", limits.max_string)


def _check_join(limits: Limits, sep: Any, items: Any) -> None:
    if (
        isinstance(sep, str)
        and hasattr(items, "__len__")
        and len(sep) * len(items) > limits.max_string
    ):
        raise _too_big("a joined string", limits.max_string)


def _check_join_total(limits: Limits, sep: Any, items: Any) -> None:
    if isinstance(sep, str) and isinstance(items, list | tuple):
        total = sum(len(i) for i in items if isinstance(i, str))
        if total + len(sep) * len(items) > limits.max_string:
            raise _too_big("a joined string", limits.max_string)


def _check_result(limits: Limits, result: Any) -> Any:
    if isinstance(result, _SIZED) and len(result) > limits.max_string:
        raise _too_big("a value", limits.max_string)
    return result


def check_call(
    limits: Limits, obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """Guard a method call from a template (`s.center(n)`, `s.replace(a, b)`, `sep.join(x)`);
    return the arguments to call it with."""
    obj = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
    owner = getattr(obj, "__self__", None)
    if not isinstance(owner, _SIZED):
        return args
    name = getattr(obj, "__name__", "")
    _check_ints(limits, args, kwargs)
    if name == "replace":
        _check_replace(limits, owner, args)
    elif name == "join" and args:
        items = args[0] if hasattr(args[0], "__len__") else list(args[0])
        _check_join(limits, owner, items)
        _check_join_total(limits, owner, items)
        args = (items, *args[1:])
    elif name == "expandtabs" and isinstance(owner, str):
        size = args[0] if args and isinstance(args[0], int) else 8
        if owner.count("\t") * size > limits.max_string:
            raise _too_big("an expanded string", limits.max_string)
    elif name in ("format", "format_map") and isinstance(owner, str):
        _check_format(limits, owner, args)
    return args


_GUARDED_FILTERS = (
    "batch", "center", "format", "indent", "join", "list", "map", "replace", "reject",
    "select", "slice", "sort", "string", "sum", "truncate", "unique", "urlize", "wordwrap",
)  # fmt: skip


def _guard_filter(limits: Limits, name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    skip = 2 if hasattr(func, "jinja_pass_arg") else 1

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_ints(limits, args[skip:], kwargs)
        if name == "replace":
            _check_replace(limits, args[skip - 1], args[skip:])
        elif name == "join":
            value = args[skip - 1]
            if not hasattr(value, "__len__"):
                value = list(value)
                args = (*args[: skip - 1], value, *args[skip:])
            if args[skip:]:
                _check_join(limits, args[skip], value)
        elif name == "format" and isinstance(args[skip - 1], str):
            _check_format(limits, args[skip - 1], args[skip:])
        return _check_result(limits, func(*args, **kwargs))

    return guarded


#: What `trusted` holds for a type it does not list (None there means "any attribute").
_UNTRUSTED: frozenset[str] = frozenset()


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with size guards on operators, method calls and filters."""

    intercepted_binops = frozenset({"*", "**", "%"})
    code_generator_class = LimitedCodeGenerator
    markdown_macro = staticmethod(markdown_macro)

    def __init__(self, *args: Any, limits: Limits | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limits = limits or Limits.from_environment()
        # Types pressgen itself hands to templates, mapped to the attributes that may be
        # read without the sandbox's general checks (None: any public attribute). They
        # hold no callables that reach Python internals; see `trust_attributes`.
        self.trusted: dict[type, frozenset[str] | None] = {}
        for unused in ("lipsum", "cycler", "joiner", "namespace"):
            self.globals.pop(unused, None)
        for name in _GUARDED_FILTERS:
            if name in self.filters:
                self.filters[name] = _guard_filter(self.limits, name, self.filters[name])

    def trust_attributes(self, types: dict[type, frozenset[str] | None]) -> None:
        """Let templates read these types' public attributes on a fast path. The general
        check costs ~3 µs a lookup and a release does ~100; for pressgen's own view and
        model types it can only ever say yes."""
        self.trusted.update(types)

    def getattr(self, obj: Any, attribute: str) -> Any:
        allowed = self.trusted.get(type(obj), _UNTRUSTED)
        if (
            allowed is not _UNTRUSTED
            and attribute[:1] != "_"
            and (allowed is None or attribute in allowed)
        ):
            try:
                return getattr(obj, attribute)
            except AttributeError:
                pass
        return super().getattr(obj, attribute)

    def limited_concat(self, join: Callable[[Any], str], parts: tuple[Any, ...]) -> str:
        """`a ~ b`: refuse a concatenation bigger than the limit before building it."""
        if sum(len(p) for p in parts if isinstance(p, str)) > self.limits.max_string:
            raise _too_big("a joined string", self.limits.max_string)
        return join(parts)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        check_binop(self.limits, operator, left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        if type(__obj) in _TEMPLATE_MACROS:
            # A template's own macro: what the general path below does for one (it is
            # safely callable, is no sized type's method, and takes the evaluation
            # context first), without its half-dozen failed attribute look-ups.
            # tests/hardening/test_sandbox.py checks that Jinja's Macro is still so, and
            # that the macros templates compile to (MarkdownMacro) come this way.
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            try:
                result = __obj(__context.eval_ctx, *args, **kwargs)
            except StopIteration:
                return __context.environment.undefined(
                    "value was undefined because a callable raised a StopIteration exception"
                )
            return _check_result(__self.limits, result)
        args = check_call(__self.limits, __obj, args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)
        return _check_result(__self.limits, result)


# --- time and memory watchdog --------------------------------------------------------


@dataclass(eq=False)
class _Job:
    thread_id: int
    deadline: float
    max_growth: int
    rss0: int | None = None
    reason: str | None = None
    done: bool = field(default=False)


def _rss() -> int | None:
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_POLL = 0.05


class _Watchdog:
    """One daemon thread that polls the running renders.

    The lock is a plain C-level `threading.Lock`, never a `Condition`: an interrupt can
    land in the rendering thread at any Python-level call, and one landing inside
    `Condition.__enter__` after it acquired its lock would leave the lock held for ever
    (and the watchdog blind). `with` on a C lock has no such window."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: list[_Job] = []
        self._thread: threading.Thread | None = None

    def start(self, limits: Limits) -> _Job:
        job = _Job(
            threading.get_ident(),
            time.monotonic() + limits.timeout,
            limits.max_memory_mb * 1024 * 1024,
        )
        with self._lock:
            self._jobs.append(job)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="pressgen-render-watchdog", daemon=True
                )
                self._thread.start()
        # No wake-up: signalling the watchdog on every render would cost a GIL hand-off
        # (a fifth of a render); it polls instead, so a limit is seen within one poll.
        return job

    def end(self, job: _Job) -> None:
        with self._lock:
            if job.done:
                return
            job.done = True
            self._jobs.remove(job)
            if job.reason is not None:
                _async_raise(job.thread_id, None)  # clear an interrupt not yet delivered

    def _run(self) -> None:
        while True:
            time.sleep(_POLL)
            if not self._jobs:
                continue
            rss = _rss()
            with self._lock:
                now = time.monotonic()
                for job in self._jobs:
                    if job.reason is not None:
                        continue
                    if rss is not None and job.rss0 is None:
                        job.rss0 = rss
                    if now >= job.deadline:
                        job.reason = "time"
                    elif (
                        rss is not None and job.rss0 is not None and rss - job.rss0 > job.max_growth
                    ):
                        job.reason = "memory"
                    if job.reason is not None:
                        _async_raise(job.thread_id, RenderInterrupted)


def _async_raise(thread_id: int, exc: type[BaseException] | None) -> None:
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc is not None else None
    )


_WATCHDOG = _Watchdog()


def render_limited(
    generate: Callable[[], Iterator[str]],
    limits: Limits,
    describe: Callable[[str, BaseException | None], LimitReached],
) -> str:
    """Run a template's `generate()` under the limits; join and return its output.

    `describe(message, exc)` turns a limit that was hit into an error naming the template
    (and, from the exception's traceback, the line)."""
    job = _WATCHDOG.start(limits)
    try:
        try:
            parts: list[str] = []
            total = 0
            cap = limits.max_output
            chunks = generate()
            # Joined in small batches: a check per chunk would cost a quarter of the render.
            while batch := list(islice(chunks, 64)):
                piece = "".join(batch)
                total += len(piece)
                if total > cap:
                    raise describe(
                        f"rendered release is longer than the limit of {cap:,} characters", None
                    )
                parts.append(piece)
            return "".join(parts)
        finally:
            _WATCHDOG.end(job)
    except RenderInterrupted as exc:
        _WATCHDOG.end(job)
        if job.reason == "memory":
            msg = f"rendering used more than the limit of {limits.max_memory_mb:,} MB of memory"
        else:
            msg = f"rendering took longer than the limit of {limits.timeout:g} seconds"
        raise describe(msg, exc) from None
    except RecursionError as exc:
        raise describe("template recursion is too deep (a macro calling itself?)", exc) from None
    except MemoryError as exc:
        raise describe("rendering ran out of memory", exc) from None
