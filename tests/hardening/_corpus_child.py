"""Run by test_corpus in a child process: `pressgen` commands one after another, each
result written as a JSON line as soon as it is known.

    python _corpus_child.py RESULTS.jsonl COMMAND TARGET [COMMAND TARGET ...]

A line "started" is written before each command, so a command that hangs or crashes the
process is named by the last line. Peak memory is the process's (ru_maxrss), which only
grows: a command is within the limit when the peak after it is.
"""

from __future__ import annotations

import contextlib
import io
import json
import resource
import sys
import time
import traceback


def main(argv: list[str]) -> int:
    from pressgen.cli import main as pressgen

    results, pairs = argv[0], argv[1:]
    with open(results, "a", encoding="utf-8") as log:
        for command, target in zip(pairs[::2], pairs[1::2], strict=True):
            log.write(json.dumps({"started": [command, target]}) + "\n")
            log.flush()
            err = io.StringIO()
            start = time.monotonic()
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
                try:
                    status = pressgen([command, target])
                except SystemExit as exc:
                    status = exc.code if isinstance(exc.code, int) else 1
                except BaseException:
                    traceback.print_exc()
                    status = 1
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            done = {
                "command": [command, target],
                "status": status,
                "stderr": err.getvalue(),
                "seconds": time.monotonic() - start,
                "max_rss_mb": peak,
            }
            log.write(json.dumps(done) + "\n")
            log.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
