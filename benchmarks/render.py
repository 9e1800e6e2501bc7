"""Render speed of the bundled example, side by side with its references, in one run.

1. In-process: median time of `render_release(prepare(example))` over >= 1,000 renders
   (figures computed once per dataset + spec and reused, as in the TUI and batch), and
   of `render_release` alone, beside a bare Jinja + Babel render of the same template
   with the same figures (Babel called per number, no caches of ours).
2. Whole process: `pressgen render` beside `python -c` importing only jinja2,
   babel.numbers, pydantic and polars.

Targets: in-process within 1.5x of the bare render; whole process within 1.3x of the
import line (issue 2), and the first run, with empty caches, within 1.4x (issue 13).

    python benchmarks/render.py [--renders N] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "campaigns" / "met-cyber-training.toml"


def median_seconds(fn: Callable[[], object], n: int) -> float:
    for _ in range(min(50, n)):
        fn()
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


class _Obj:
    """A plain attribute bag for the bare reference's context."""

    def __init__(self, _text: str = "", **kw: Any) -> None:
        self._text = _text
        self.__dict__.update(kw)

    def __str__(self) -> str:
        return self._text


def bare_renderer() -> Callable[[], str]:
    """The same template and figures through plain Jinja and Babel calls."""
    import jinja2
    from babel.dates import format_date
    from babel.lists import format_list
    from babel.numbers import format_decimal, format_percent

    from pressgen.release.pipeline import prepare

    prepared = prepare(EXAMPLE)
    loaded = prepared.loaded
    words = {
        1: "one",
        2: "two",
        3: "three",
        4: "four",
        5: "five",
        6: "six",
        7: "seven",
        8: "eight",
        9: "nine",
    }
    raw = {name: fig.value for name, fig in prepared.figures.items()}
    kinds = {name: fig.kind for name, fig in prepared.figures.items()}

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ROOT / "templates")),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    from pressgen.release.filters import FILTERS

    def val(v: Any) -> Any:
        return getattr(v, "value", v)

    def generic(v: Any, *args: Any, **kw: Any) -> str:
        v = val(v)
        return format_decimal(v, locale="en_GB") if isinstance(v, int | Decimal) else str(v)

    specific: dict[str, Callable[..., str]] = {
        "number": lambda v, d=None: format_decimal(val(v), locale="en_GB"),
        "count": lambda v, start=False: format_decimal(val(v), locale="en_GB"),
        "words": lambda v: words.get(int(val(v)), str(val(v))),
        "percent": lambda v, d=None: format_percent(val(v), locale="en_GB"),
        "date": lambda v, f=None: format_date(val(v), "d MMMM y", locale="en_GB"),
        "join_list": lambda items: format_list([str(i) for i in items], locale="en_GB"),
        "md": lambda v: v,
    }
    # Every filter pressgen offers gets a bare Babel equivalent, so the same template runs.
    env.filters.update({name: specific.get(name, generic) for name in [*FILTERS, "md"]})
    from pressgen.release.pipeline import build_context, formatter_for, quote_views

    template = env.get_template("cyber-training.md.j2")
    fmt = formatter_for("en_GB", loaded.style)
    # The same context pressgen builds (release facts, quotes, sources), computed once;
    # only the figures' text is made per render, by Babel directly.
    info = type("Info", (), {"quotes": ()})()
    base_context = build_context(
        prepared, fmt, quote_views(prepared, info, False, None, None, []), False
    )

    def figure_text(name: str) -> str:
        v = raw[name]
        if kinds[name] == "share":
            return format_percent(v, locale="en_GB").replace("%", " per cent")
        if isinstance(v, int) and 0 <= v < 10:
            return words[v]
        return format_decimal(v, locale="en_GB")

    def render() -> str:
        f = _Obj(**{name: _Obj(figure_text(name), value=raw[name]) for name in raw})
        return template.render({**base_context, "f": f, "figures": f})

    return render


_BREAKDOWN = """
import time
t0 = time.perf_counter()
import pressgen.cli, pressgen.release.pipeline as pp
t1 = time.perf_counter()
p = pp.prepare({example!r})
t2 = time.perf_counter()
pp.render_release(p)
t3 = time.perf_counter()
print(f"{{1e3 * (t1 - t0):.0f}} {{1e3 * (t2 - t1):.0f}} {{1e3 * (t3 - t2):.0f}}")
"""


def _env() -> dict[str, str]:
    # As installed for real: bytecode compiled and kept. Some shells set
    # PYTHONDONTWRITEBYTECODE, which would make pressgen recompile its own modules on
    # every run while the reference's libraries keep their .pyc files.
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def breakdown() -> str:
    code = _BREAKDOWN.format(example=str(EXAMPLE))
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(),
    ).stdout.split()
    return (
        f"imports {out[0]} ms, prepare (CSV, figures) {out[1]} ms, "
        f"first render (Babel locale data, template) {out[2]} ms"
    )


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system, all its threads) of one run of `cmd` in
    the project folder, output discarded. On a shared machine the wall time swings with
    the load; the CPU time much less."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(
        cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def _medians(times: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def whole_process(runs: int) -> tuple[tuple[float, float], tuple[float, float]]:
    pressgen = [sys.executable, "-m", "pressgen.cli", "render", str(EXAMPLE)]
    imports = [sys.executable, "-c", "import jinja2, babel.numbers, pydantic, polars"]
    compile_all = [sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "pressgen")]
    subprocess.run(compile_all, check=True, stdout=subprocess.DEVNULL, env=_env())

    def once(cmd: list[str]) -> tuple[float, float]:
        return _timed(cmd, _env())

    a: list[tuple[float, float]] = []
    b: list[tuple[float, float]] = []
    once(pressgen)
    once(imports)
    for _ in range(runs):  # interleaved, so load on the machine hits both alike
        a.append(once(pressgen))
        b.append(once(imports))
    return _medians(a), _medians(b)


def cold_process(runs: int) -> tuple[float, float]:
    """`pressgen render` with empty caches: figures computed, templates compiled."""
    import tempfile

    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            env = {**_env(), "PRESSGEN_CACHE_DIR": cache}
            cmd = [sys.executable, "-m", "pressgen.cli", "render", str(EXAMPLE)]
            times.append(_timed(cmd, env))
    return _medians(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--renders", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()

    from pressgen.release.pipeline import prepare, render_release

    prepared = prepare(EXAMPLE)
    full = median_seconds(lambda: render_release(prepare(EXAMPLE)), args.renders)
    only = median_seconds(lambda: render_release(prepared), args.renders)
    bare = median_seconds(bare_renderer(), args.renders)
    print(
        f"in-process render, prepare + render (figures cached): {full * 1e3:7.3f} ms median of {args.renders}"
    )
    print(f"in-process render, render_release only:               {only * 1e3:7.3f} ms")
    print(f"reference: bare Jinja + Babel, same template:         {bare * 1e3:7.3f} ms")
    print(
        f"  ratio prepare+render / bare = {full / bare:.2f}x   render only / bare = {only / bare:.2f}x   (target <= 1.5x)"
    )

    (proc, proc_cpu), (imp, imp_cpu) = whole_process(args.runs)
    print(
        f"whole process `pressgen render`:                      {proc * 1e3:7.1f} ms median of {args.runs}"
        f" (CPU {proc_cpu * 1e3:.0f} ms)"
    )
    print(
        f"reference: python -c 'import jinja2, babel.numbers, pydantic, polars': {imp * 1e3:7.1f} ms"
        f" (CPU {imp_cpu * 1e3:.0f} ms)"
    )
    print(
        f"  ratio = {proc / imp:.2f}x wall, {proc_cpu / imp_cpu:.2f}x CPU   (target <= 1.3x; figures"
        " from the disk cache, as on any run after the first)"
    )
    cold, cold_cpu = cold_process(max(3, args.runs // 3))
    print(
        f"  first run, empty caches (figures computed, polars imported): {cold * 1e3:.1f} ms = "
        f"{cold / imp:.2f}x wall; CPU {cold_cpu * 1e3:.0f} ms = {cold_cpu / imp_cpu:.2f}x"
        f"   (target <= 1.4x: {'met' if cold / imp <= 1.4 else 'MISSED'} by wall, "
        f"{'met' if cold_cpu / imp_cpu <= 1.4 else 'MISSED'} by CPU)"
    )
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  where pressgen's time goes, in one process: {breakdown()}")


if __name__ == "__main__":
    main()
