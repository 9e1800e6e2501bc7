"""TUI benchmark: start-up to the first painted preview, and keystroke-to-preview latency.

    .venv/bin/python benchmarks/tui.py [--runs 7] [--edits 200]

1. Whole-process time from spawn to the first painted preview, headless, for pressgen on
   the bundled example and for a minimal Textual app (Header, ListView, Markdown, Footer)
   as the floor. Target: pressgen within 1.3x of the floor. Measured twice: warm (the
   preview cached by the previous start, files unchanged) and cold (no cache: the
   preview is rendered by a second process while Textual starts).
2. Keystroke-to-updated-preview latency over N single-character edits of the example in
   edit mode (pilot key press -> preview updated -> screen refreshed). Target: p95 < 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "campaigns" / "met-cyber-training.toml"

FLOOR_APP = """
import sys, time
from textual.app import App
from textual.widgets import Footer, Header, ListItem, ListView, Label, Markdown

class Floor(App[None]):
    def compose(self):
        yield Header()
        yield ListView(*[ListItem(Label(f"item {i}")) for i in range(10)])
        yield Markdown(TEXT)
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.done)

    def done(self):
        sys.stdout.write(f"PAINTED {time.time():.6f}\\n")
        sys.stdout.flush()
        self.exit()

TEXT = open(sys.argv[1], encoding="utf-8").read()
Floor().run(headless=True)
"""

PRESSGEN_APP = "import sys\nfrom pressgen.tui import run\nraise SystemExit(run(sys.argv[1]))\n"


def time_to_paint(argv: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert proc.stdout is not None
    for raw in proc.stdout:
        if raw.startswith(b"PAINTED"):
            elapsed = time.perf_counter() - t0
            break
    else:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"never painted: {' '.join(argv)}\n{err}")
    proc.wait()
    return elapsed


def startup(runs: int) -> tuple[float, float, float]:
    """Medians: the floor, pressgen cold (no cached preview), pressgen warm."""
    import shutil

    from pressgen.release.pipeline import prepare, render_release

    markdown = render_release(prepare(EXAMPLE)).markdown
    with tempfile.TemporaryDirectory() as tmp:
        md = Path(tmp) / "release.md"
        md.write_text(markdown, encoding="utf-8")
        floor_py = Path(tmp) / "floor.py"
        floor_py.write_text(FLOOR_APP, encoding="utf-8")
        cache = Path(tmp) / "cache"
        env = os.environ | {
            "PRESSGEN_TUI_BENCH": "1",
            "PRESSGEN_DATA_DIR": str(Path(tmp) / "data"),
            "PRESSGEN_CACHE_DIR": str(cache),
        }
        # As installed for real: bytecode compiled and kept. A shell that sets
        # PYTHONDONTWRITEBYTECODE would make pressgen recompile its own modules on every
        # start while Textual's come precompiled from pip.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        ours = [sys.executable, "-c", PRESSGEN_APP, str(EXAMPLE)]
        floor_argv = [sys.executable, str(floor_py), str(md)]
        time_to_paint(floor_argv, env)  # untimed: compile and cache what needs it
        time_to_paint(ours, env)
        floor, cold, warm = [], [], []
        for _ in range(runs):  # interleaved, so drift in machine load hits all alike
            floor.append(time_to_paint(floor_argv, env))
            shutil.rmtree(cache / "previews", ignore_errors=True)
            cold.append(time_to_paint(ours, env))
            time.sleep(0.3)  # the cold run's build writes the preview after the paint
            warm.append(time_to_paint(ours, env))
    return statistics.median(floor), statistics.median(cold), statistics.median(warm)


async def latency(edits: int) -> tuple[list[float], list[float]]:
    from textual import events

    from pressgen.tui.app import PressgenApp
    from pressgen.tui.editor import DraftEditor
    from pressgen.tui.preview import Preview

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PRESSGEN_DATA_DIR"] = tmp
        app = PressgenApp(EXAMPLE)
        out: list[float] = []
        render_ms: list[float] = []
        async with app.run_test(size=(120, 40)) as pilot:
            while app.built is None:
                await pilot.pause(0.02)
            await pilot.press("f2")
            editor = app.query_one(DraftEditor)
            preview = app.query_one(Preview)
            lines = editor.text.split("\n")
            targets = [i for i, line in enumerate(lines) if len(line) > 20]
            for n in range(edits):
                row = targets[n % len(targets)]
                editor.move_cursor((row, 10))
                await pilot.pause()
                before = preview.generation
                key = events.Key("x", "x") if n % 2 == 0 else events.Key("backspace", None)
                key.set_sender(app)
                t0 = time.perf_counter()
                # As a terminal would: the driver posts the key; no pilot idle-waiting.
                assert app._driver is not None
                app._driver.send_message(key)
                while preview.generation == before:
                    await asyncio.sleep(0)
                painted: asyncio.Future[None] = asyncio.get_running_loop().create_future()
                app.call_after_refresh(painted.set_result, None)
                await painted  # the screen has been refreshed with the new preview
                out.append((time.perf_counter() - t0) * 1000)
                render_ms.append(preview.last_update_ms)
    return out, render_ms


def full_render_ms() -> tuple[float, float]:
    """For comparison: Rich Markdown of the whole release, as one Static would redo it."""
    from rich.console import Console
    from rich.markdown import Markdown

    from pressgen.release.pipeline import prepare, render_release

    text = render_release(prepare(EXAMPLE)).markdown
    console = Console(width=60, file=open(os.devnull, "w"), force_terminal=True)  # noqa: SIM115
    times = []
    for _ in range(20):
        t0 = time.perf_counter()
        list(console.render(Markdown(text), console.options))
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), float(len(text.split()))


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--edits", type=int, default=200)
    args = parser.parse_args()

    floor, cold, warm = startup(args.runs)
    print(f"start to first painted preview (median of {args.runs}, headless):")
    print(f"  floor (Header, ListView, Markdown, Footer)  {floor * 1000:7.0f} ms")
    print(
        f"  pressgen, preview cached from last start    {warm * 1000:7.0f} ms"
        f"   = {warm / floor:.2f}x floor (target <= 1.30x)"
    )
    print(
        f"  pressgen, first start (rendered meanwhile)  {cold * 1000:7.0f} ms"
        f"   = {cold / floor:.2f}x floor"
    )

    lat, render = asyncio.run(latency(args.edits))
    print(f"keystroke to updated preview over {len(lat)} edits (edit mode, 120x40):")
    print(
        f"  p50 {pct(lat, 0.5):6.1f} ms   p95 {pct(lat, 0.95):6.1f} ms   max {max(lat):6.1f} ms"
        "   (target p95 < 50 ms)"
    )
    print(
        f"  of which preview block re-render: p50 {pct(render, 0.5):.2f} ms,"
        f" p95 {pct(render, 0.95):.2f} ms"
    )
    full, words = full_render_ms()
    print(
        f"  reference: Rich Markdown of the whole {words:.0f}-word release {full:.1f} ms"
        " per render (what a single Static would redo per keystroke)"
    )


if __name__ == "__main__":
    main()
