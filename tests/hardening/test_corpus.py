"""Every file in the adversarial corpus, through the real `pressgen` command.

Each case must end with exit status 2 and one line on standard error that names the file
and says what `cases.toml` expects — no traceback, no hang, no memory blow-up. The
commands run in parallel (each is a separate process) so the corpus stays quick.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
CASES = tomllib.loads((CORPUS / "cases.toml").read_text("utf-8"))["case"]
PRESSGEN = Path(sys.executable).with_name("pressgen")
TIMEOUT = 20.0  # wall clock for one command on a loaded machine; a case itself takes < 2 s
MAX_RSS_MB = 1500


@dataclass(frozen=True)
class Outcome:
    status: int | None
    stderr: str
    seconds: float
    max_rss_mb: float


def _run(args: list[str]) -> Outcome:
    env = {**os.environ, "PRESSGEN_RENDER_TIMEOUT": "1", "NO_COLOR": "1"}
    env.pop("PRESSGEN_MAX_DATA_MB", None)
    err_path = CORPUS.parent / ".pytest_cache"
    err_path.mkdir(exist_ok=True)
    start = time.monotonic()
    with (
        open(os.devnull, "wb") as out,
        open(err_path / f"corpus-{os.getpid()}-{abs(hash(tuple(args)))}.err", "w+b") as err,
    ):
        proc = subprocess.Popen(args, cwd=CORPUS, stdout=out, stderr=err, env=env)
        status: int | None = None
        rss = 0.0
        while True:
            pid, code, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(code)
                rss = usage.ru_maxrss / 1024
                proc.returncode = status
                break
            if time.monotonic() - start > TIMEOUT:
                proc.kill()
                proc.wait()
                break
            time.sleep(0.01)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    os.unlink(err.name)
    return Outcome(status, text, time.monotonic() - start, rss)


def _commands() -> list[tuple[str, str, list[str]]]:
    out = []
    for case in CASES:
        for command in case["commands"]:
            target = case["target"] if command == "validate" else case["campaign"]
            out.append((case["name"], command, [str(PRESSGEN), command, target]))
    return out


COMMANDS = _commands()


@pytest.fixture(scope="session")
def outcomes() -> dict[tuple[str, str], Outcome]:
    with ThreadPoolExecutor(max_workers=max(2, (os.cpu_count() or 2))) as pool:
        results = pool.map(_run, [args for _, _, args in COMMANDS])
        return {(name, cmd): r for (name, cmd, _), r in zip(COMMANDS, results, strict=True)}


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40
    kinds = {c["name"].split("_")[0] for c in CASES}
    assert {"csv", "xlsx", "json", "parquet", "toml", "tpl"} <= kinds


@pytest.mark.parametrize(("name", "command"), [(n, c) for n, c, _ in COMMANDS])
def test_case(name: str, command: str, outcomes: dict[tuple[str, str], Outcome]) -> None:
    case = next(c for c in CASES if c["name"] == name)
    result = outcomes[(name, command)]
    assert result.status is not None, f"{name}: `pressgen {command}` did not finish"
    assert "Traceback" not in result.stderr, result.stderr
    assert result.status == 2, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if not ln.startswith("pressgen: warning:")]
    assert len(lines) == 1, result.stderr
    assert name in lines[0] or "nowhere" in lines[0], f"file not named: {lines[0]}"
    assert case["expect"] in lines[0], lines[0]
    assert result.max_rss_mb < MAX_RSS_MB, f"{name}: {result.max_rss_mb:.0f} MB"
