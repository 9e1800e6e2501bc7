"""Every file in the adversarial corpus, through the `pressgen` command.

Each case must end with exit status 2 and one line on standard error that names the file
and says what `cases.toml` expects — no traceback, no hang, no memory blow-up.

The commands run in this process (`pressgen.cli.main`, output captured), which is how
the TUI meets the same files. A child process is kept where it is the point: the cases
`cases.toml` marks `isolate` (time and memory limits, inputs that once crashed a reader
library), whose wall time and peak memory are measured and whose crash cannot take the
test run with it, and a few representative cases whose exit status is read from the
operating system, as a shell script sees it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from .helpers import Outcome, run_cli

CORPUS = Path(__file__).resolve().parents[1] / "bad_inputs"
CASES = {c["name"]: c for c in tomllib.loads((CORPUS / "cases.toml").read_text("utf-8"))["case"]}
PRESSGEN = Path(sys.executable).with_name("pressgen")
TIMEOUT = 20.0  # wall clock for one command on a loaded machine; a case itself takes < 2 s
MAX_RSS_MB = 1500
# One per kind of file: their exit status is also checked as a child process's.
REPRESENTATIVE = ("csv_cp1252", "xlsx_not_zip", "tpl_syntax", "quotes_yaml")


def _target(case: dict[str, str], command: str) -> str:
    return case["target"] if command == "validate" else case["campaign"]


def _pairs(*, isolated: bool) -> list[tuple[str, str]]:
    out = []
    for name, case in CASES.items():
        for i, command in enumerate(case["commands"]):
            child = case.get("isolate", False) and i == 0
            if child == isolated:
                out.append((name, command))
    return out


@pytest.fixture
def corpus_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSGEN_RENDER_TIMEOUT", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("PRESSGEN_MAX_DATA_MB", raising=False)


def assert_one_line_error(name: str, result: Outcome) -> None:
    case = CASES[name]
    assert "Traceback" not in result.stderr, result.stderr
    assert result.status == 2, result.stderr
    lines = [ln for ln in result.stderr.splitlines() if not ln.startswith("pressgen: warning:")]
    assert len(lines) == 1, result.stderr
    assert name in lines[0] or "nowhere" in lines[0], f"file not named: {lines[0]}"
    assert case["expect"] in lines[0], lines[0]


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40
    kinds = {name.split("_")[0] for name in CASES}
    assert {"csv", "xlsx", "json", "parquet", "toml", "tpl", "quotes"} <= kinds
    assert set(REPRESENTATIVE) <= set(CASES)
    assert _pairs(isolated=True), "no case runs in a child process"


@pytest.mark.usefixtures("corpus_env")
@pytest.mark.parametrize(("name", "command"), _pairs(isolated=False))
def test_case(name: str, command: str) -> None:
    result = run_cli([command, _target(CASES[name], command)], CORPUS)
    assert_one_line_error(name, result)


@dataclass(frozen=True)
class Measured:
    outcome: Outcome | None  # None: killed at the deadline
    seconds: float
    max_rss_mb: float


def run_child(args: list[str], folder: Path, *, deadline: float = TIMEOUT) -> Measured:
    """ARGS (after the Python interpreter) as a child process, killed at the deadline;
    its peak memory from the kernel's accounting of that one child (wait4)."""
    env = {**os.environ, "PRESSGEN_RENDER_TIMEOUT": "1", "NO_COLOR": "1"}
    env.pop("PRESSGEN_MAX_DATA_MB", None)
    err_path = folder / "stderr"
    start = time.monotonic()
    with open(os.devnull, "wb") as out, err_path.open("w+b") as err:
        proc = subprocess.Popen(args, cwd=CORPUS, stdout=out, stderr=err, env=env)
        waited: list[tuple[int, float]] = []

        def reap() -> None:
            _, code, usage = os.wait4(proc.pid, 0)
            waited.append((os.waitstatus_to_exitcode(code), usage.ru_maxrss / 1024))

        reaper = threading.Thread(target=reap, daemon=True)
        reaper.start()
        reaper.join(deadline)
        if reaper.is_alive():  # past the deadline: kill it, then collect what is left
            proc.kill()
            reaper.join(TIMEOUT)
        seconds = time.monotonic() - start
        if not waited:
            raise AssertionError(f"{args} could not be reaped")
        status, rss = waited[0]
        proc.returncode = status  # reaped here: Popen must not wait for it again
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    timed_out = seconds > deadline
    return Measured(None if timed_out else Outcome(status, "", text), seconds, rss)


def _chunks() -> dict[str, list[tuple[str, str]]]:
    """The isolated commands in a few child processes (one per kind of input): each
    child costs a second of imports, the commands themselves a fraction of that."""
    out: dict[str, list[tuple[str, str]]] = {}
    for name, command in _pairs(isolated=True):
        kind = {"tpl": "templates", "xlsx": "workbooks"}.get(name.split("_")[0], "other files")
        out.setdefault(kind, []).append((name, command))
    return out


CHUNKS = _chunks()
CHILD = Path(__file__).with_name("_corpus_child.py")


@pytest.mark.parametrize("kind", sorted(CHUNKS))
def test_limit_cases_in_a_child_process(kind: str, tmp_path: Path) -> None:
    pairs = CHUNKS[kind]
    results = tmp_path / "results.jsonl"
    args = [sys.executable, str(CHILD), str(results)]
    for name, command in pairs:
        args += [command, _target(CASES[name], command)]
    measured = run_child(args, tmp_path, deadline=TIMEOUT + 5 * len(pairs))
    lines = (
        [json.loads(ln) for ln in results.read_text("utf-8").splitlines()]
        if results.exists()
        else []
    )
    done = {tuple(r["command"]): r for r in lines if "command" in r}
    started = [tuple(r["started"]) for r in lines if "started" in r]
    problems = []
    for name, command in pairs:
        key = (command, _target(CASES[name], command))
        if key not in done:
            why = "hung or crashed the process" if started and started[-1] == key else "never ran"
            problems.append(
                f"{name} {command}: {why} ({measured.outcome and measured.outcome.stderr!r})"
            )
            continue
        r = done[key]
        try:
            assert_one_line_error(name, Outcome(r["status"], "", r["stderr"]))
            assert r["seconds"] < TIMEOUT, f"took {r['seconds']:.1f} s"
            assert r["max_rss_mb"] < MAX_RSS_MB, f"peak {r['max_rss_mb']:.0f} MB"
        except AssertionError as exc:
            problems.append(f"{name} {command}: {exc}")
    assert measured.max_rss_mb < MAX_RSS_MB, f"{kind}: {measured.max_rss_mb:.0f} MB"
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("name", REPRESENTATIVE)
def test_exit_status_seen_by_the_shell(name: str, tmp_path: Path) -> None:
    command = CASES[name]["commands"][-1]
    measured = run_child([str(PRESSGEN), command, _target(CASES[name], command)], tmp_path)
    assert measured.outcome is not None, f"{name}: `pressgen {command}` did not finish"
    assert_one_line_error(name, measured.outcome)
