"""Running a `pressgen` command in this process, as a user would from a shell: the exit
status and what it printed. A subprocess is kept only where it is the point (exit status
seen by the shell, time and memory limits, the TUI in a terminal)."""

from __future__ import annotations

import contextlib
import io
import os
import traceback
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Outcome:
    """How a `pressgen` command ended: exit status and what it printed."""

    status: int
    stdout: str
    stderr: str


def run_cli(argv: list[str], cwd: Path | None = None) -> Outcome:
    """`pressgen ARGV` in this process, from `cwd`, with its output captured.

    What a user sees is the exit status and the lines printed, so that is what is kept;
    an exception escaping `main` is written to stderr as the traceback a user would see."""
    from pressgen.cli import main

    out, err = io.StringIO(), io.StringIO()
    before = os.getcwd()
    os.chdir(cwd or before)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as exc:  # argparse's own exit on bad usage
                status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            except Exception:
                traceback.print_exc()
                status = 1
    finally:
        os.chdir(before)
    return Outcome(status, out.getvalue(), err.getvalue())
