"""The Textual front end. `run()` is what bare `pressgen [CAMPAIGN]` calls.

Data loading starts on a thread before Textual is imported, so the two overlap and the
first preview paints sooner.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


def run(campaign: str | Path) -> int:
    from .session import Picks, build

    path = Path(campaign)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pressgen-first-build")
    first = pool.submit(build, Picks(campaign=path))
    pool.shutdown(wait=False)
    from .app import PressgenApp, bench_exit_requested

    bench = bench_exit_requested()
    app = PressgenApp(path, first=first, bench_exit=bench)
    result = app.run(headless=bench)
    if app.return_code:  # a crash inside Textual (it has printed the traceback)
        return app.return_code
    return 0 if result is None else result
