"""The Textual front end. `run()` is what bare `pressgen [CAMPAIGN]` calls.

The first preview is the last one rendered from the very same files, if nothing changed
(preview_cache); otherwise it is rendered by `pressgen render` in a second process
started before Textual is imported: loading the data (polars, pydantic, Babel, Jinja) and starting
Textual then run on two cores instead of one after the other, and the release is on
screen about as soon as an empty Textual app would be. The app's own full build (figures,
quotes) follows on a worker thread once that preview is painted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pressgen.tui.app import PressgenApp

_FIRST_RENDER = (
    "import sys\nfrom pressgen.cli import main\nraise SystemExit(main(['render', sys.argv[1]]))\n"
)


def run(campaign: str | Path) -> int:
    from pressgen.tui.preview_cache import load_preview, preview_key

    path = Path(campaign)
    key = preview_key(path)
    cached = load_preview(key)
    first: Future[str | None] | None
    proc = None
    if cached is not None:
        first = Future()
        first.set_result(cached)
    else:
        proc = _start_first_render(path)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pressgen-first-render")
        first = pool.submit(_first_markdown, proc) if proc else None
        pool.shutdown(wait=False)
    from pressgen.tui.app import PressgenApp

    # The start-up benchmark (benchmarks/tui.py): no recovery question, and the time of
    # the first painted release printed before exiting.
    bench = os.environ.get("PRESSGEN_TUI_BENCH") == "1"
    hook = _report_painted if bench else _painted
    app = PressgenApp(path, first=first, preview_key=key, recover=not bench, on_first_paint=hook)
    try:
        result = app.run(headless=bench)
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            proc.wait()
    if app.return_code:  # a crash inside Textual (it has printed the traceback)
        return app.return_code
    return 0 if result is None else result


def _painted(app: PressgenApp) -> None:
    """The first preview is on screen; typing is what matters from now on. A keystroke
    arriving while a worker thread computes (a check, a preview block, an autosave)
    waits for the GIL up to the switch interval, several times on its way to the
    screen: 1 ms rather than Python's 5 keeps that short (issue 16). Not before: while
    starting, the extra switching cost more CPU time to the first paint (0.72 s against
    0.50 s)."""
    sys.setswitchinterval(0.001)


def _report_painted(app: PressgenApp) -> None:
    """The wall clock and the CPU seconds spent so far (with the children waited for:
    the first-render process), for benchmarks/tui.py."""
    t = os.times()
    cpu = t.user + t.system + t.children_user + t.children_system
    sys.stdout.write(f"PAINTED {time.time():.6f} {cpu:.6f}\n")
    sys.stdout.flush()
    app.exit(0)


def _start_first_render(path: Path) -> subprocess.Popen[bytes] | None:
    try:
        return subprocess.Popen(
            [sys.executable, "-c", _FIRST_RENDER, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        return None  # the app's own build still shows the release, a little later


def _first_markdown(proc: subprocess.Popen[bytes]) -> str | None:
    out, _ = proc.communicate()
    if proc.returncode != 0:
        return None  # the app's build reports the problem in its error panel
    return out.decode("utf-8")
