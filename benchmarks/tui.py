"""TUI benchmark: typing lag in a real terminal, and start-up to the first preview.

    .venv/bin/python benchmarks/tui.py [--keys 150] [--runs 5] [--size 120x36]
                                       [--no-load] [--skip-typing] [--skip-startup]

Every figure is printed beside a reference measured in the same run, with the ratio and
the load average. The machine may be shared: figures measured while other work runs are
noisy; run it a few times.

1. Typing lag (issue 16): keystroke to updated screen. pressgen (edit mode, on the
   bundled example) and a bare Textual app holding only a TextArea with the same text
   (Markdown highlighting and soft wrap, as pressgen's editor) each run in a pseudo-
   terminal of their own, as in a real terminal. One key at a time is written to the
   terminal, a character typed nowhere else in the session, and the time is taken when
   that character shows up in what the app writes back. Keys come at a typist's
   irregular pace (pauses long enough for pressgen's debounced preview and check to run
   between them), in rounds that alternate between the two apps so that drift in the
   machine's load hits both alike. By default one core is kept busy by a spinning
   subprocess, as under load. Targets: p95 <= 1.3x the bare app, and <= 50 ms on a
   quiet machine (--no-load).
2. Start-up: whole-process time from spawn to the first painted preview, headless, for
   pressgen and for a minimal Textual app (Header, ListView, Markdown of the same
   release, Footer), interleaved. Wall time and CPU time (the process and the children
   it waited for, so pressgen's first-render process counts) are both given: wall time
   is noisy on a shared machine, CPU time much less. Target: <= 1.3x the minimal app.
   pressgen is timed warm (the preview cached by the previous start, files unchanged)
   and cold (no cache: the preview is rendered by a second process while Textual
   starts).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "campaigns" / "met-cyber-training.toml"

BARE_APP = """
import sys
from textual.app import App
from textual.widgets import TextArea

TEXT = open(sys.argv[1], encoding="utf-8").read()

class Bare(App[None]):
    def compose(self):
        yield TextArea(TEXT, language="markdown", soft_wrap=True, show_line_numbers=False)

Bare().run()
"""

PRESSGEN_APP = "import sys\nfrom pressgen.tui import run\nraise SystemExit(run(sys.argv[1]))\n"
"""pressgen as `pressgen CAMPAIGN` starts it: in a terminal, or headless with
PRESSGEN_TUI_BENCH=1 (no recovery question; prints PAINTED at the first preview)."""

FLOOR_APP = """
import os, sys
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
        t = os.times()
        cpu = t.user + t.system + t.children_user + t.children_system
        sys.stdout.write(f"PAINTED {time.time():.6f} {cpu:.6f}\\n")
        sys.stdout.flush()
        self.exit()

import time
TEXT = open(sys.argv[1], encoding="utf-8").read()
Floor().run(headless=True)
"""

# Keys (escape sequences as an xterm sends them)
F2 = b"\x1bOQ"
DOWN = b"\x1b[B"
END = b"\x1b[F"
GAPS = (0.06, 0.09, 0.12, 0.07, 0.3, 0.08, 0.11, 0.6, 0.07, 0.1, 0.15, 0.4)
"""Seconds between keys, cycled: a typist's pace with pauses between words and phrases,
some longer than pressgen's debounce, so its preview and check run while keys come."""


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f}/{five:.2f}"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def release_markdown() -> str:
    from pressgen.release.pipeline import prepare, render_release

    return render_release(prepare(EXAMPLE)).markdown


# -- typing lag, in a pseudo-terminal -------------------------------------------------------


class Terminal:
    """An app running in a pseudo-terminal of its own; what it writes is read on a thread
    and searched for the text awaited."""

    def __init__(self, argv: list[str], env: dict[str, str], cols: int, rows: int) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.proc = subprocess.Popen(
            argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            start_new_session=True,
            close_fds=True,
        )
        os.close(slave)
        self.fd = master
        self.buf = bytearray()
        self._lock = threading.Lock()
        self._target: tuple[bytes, int] | None = None
        self._hit = threading.Event()
        self._hit_at = 0.0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            now = time.perf_counter()
            with self._lock:
                self.buf += chunk
                target = self._target
                if target is not None and self.buf.find(target[0], target[1]) >= 0:
                    self._target = None
                    self._hit_at = now
                    self._hit.set()

    def expect(self, text: bytes, timeout: float, send: bytes = b"") -> float | None:
        """Send `send`, then wait until `text` is written after it; the seconds taken."""
        with self._lock:
            self._hit.clear()
            self._target = (text, max(0, len(self.buf) - len(text)))
        t0 = time.perf_counter()
        if send:
            os.write(self.fd, send)
        if not self._hit.wait(timeout):
            with self._lock:
                self._target = None
            return None
        return self._hit_at - t0

    def cpu(self) -> float:
        """CPU seconds the app has used so far, all its threads (Linux /proc)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        os.close(self.fd)


def typed_characters(markdown: str) -> list[str]:
    """Characters to type, each once: Latin Extended letters the release does not hold."""
    return [chr(c) for c in range(0x100, 0x250) if chr(c) not in markdown]


def typing(
    keys: int, cols: int, rows: int, busy: bool
) -> tuple[dict[str, list[float]], dict[str, float]]:
    """Milliseconds from each key to its echo, and CPU milliseconds per key, by app."""
    markdown = release_markdown()
    chars = typed_characters(markdown)
    if keys > len(chars):
        raise SystemExit(f"at most {len(chars)} keys")
    # A word of the release the apps show once started, to know they are up: the longest
    # (a word is never split by wrapping nor by styling).
    marker = max(markdown.split(), key=lambda w: (w.isalpha(), len(w))).encode()
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if busy else None
    terms: dict[str, Terminal] = {}
    lag: dict[str, list[float]] = {"bare": [], "pressgen": []}
    missed = {"bare": 0, "pressgen": 0}
    cpu = {"bare": 0.0, "pressgen": 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        md = Path(tmp) / "release.md"
        md.write_text(markdown, encoding="utf-8")
        bare_py = Path(tmp) / "bare.py"
        bare_py.write_text(BARE_APP, encoding="utf-8")
        env = os.environ | {
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "PRESSGEN_DATA_DIR": str(Path(tmp) / "data"),  # no earlier draft to recover
            "PRESSGEN_CACHE_DIR": str(Path(tmp) / "cache"),
        }
        env.pop("PRESSGEN_TUI_BENCH", None)
        env.pop("TEXTUAL", None)
        try:
            terms["bare"] = Terminal([sys.executable, str(bare_py), str(md)], env, cols, rows)
            terms["pressgen"] = Terminal(
                [sys.executable, "-c", PRESSGEN_APP, str(EXAMPLE)], env, cols, rows
            )
            for name, term in terms.items():
                if term.expect(marker, 60) is None:
                    raise SystemExit(f"{name} never showed the release")
            # pressgen: the build is in once the status line counts words; then edit mode.
            if terms["pressgen"].expect(b"words", 60) is None:
                raise SystemExit("pressgen never finished its build")
            time.sleep(1.0)
            terms["pressgen"].send(F2)
            time.sleep(1.5)
            for term in terms.values():  # into the body, the same keys for both
                for _ in range(8):
                    term.send(DOWN)
                    time.sleep(0.05)
                term.send(END)
            time.sleep(1.0)
            per_round = 25
            counts = {"bare": 0, "pressgen": 0}
            n = 0
            while min(counts.values()) < keys:
                for name in ("bare", "pressgen"):
                    term = terms[name]
                    cpu0 = term.cpu()
                    for _ in range(min(per_round, keys - counts[name])):
                        i = counts[name]
                        if i and i % 8 == 0:
                            term.send(b" ")  # words, not one long run of letters
                            time.sleep(GAPS[n % len(GAPS)])
                            n += 1
                        ch = chars[i].encode()
                        took = term.expect(ch, 5.0, send=ch)
                        if took is None:
                            missed[name] += 1
                            took = 5.0
                        lag[name].append(took * 1000)
                        counts[name] += 1
                        time.sleep(GAPS[n % len(GAPS)])
                        n += 1
                    time.sleep(1.0)  # the last pause's preview and check are done
                    cpu[name] += term.cpu() - cpu0
        finally:
            for term in terms.values():
                term.close()
            if spinner is not None:
                spinner.kill()
                spinner.wait()
    for name, count in missed.items():
        if count:
            print(f"  ({name}: {count} keys never echoed within 5 s, counted as 5 s)")
    return lag, {name: cpu[name] * 1000 / max(1, len(v)) for name, v in lag.items()}


def report_typing(keys: int, cols: int, rows: int, busy: bool) -> None:
    before = load()
    lag, cpu = typing(keys, cols, rows, busy)
    after = load()
    where = "one core kept busy" if busy else "no added load"
    print(
        f"keystroke to updated screen, {keys} keys each, real pty {cols}x{rows}, {where}"
        f" ({before} before, {after} after):"
    )
    print(f"  {'':10} {'pressgen':>9} {'bare':>9} {'ratio':>7}")
    for label, q in (("p50", 0.5), ("p90", 0.9), ("p95", 0.95), ("max", 1.0)):
        ours, ref = pct(lag["pressgen"], q), pct(lag["bare"], q)
        print(f"  {label:10} {ours:7.1f}ms {ref:7.1f}ms {ours / ref:6.2f}x")
    print(
        f"  {'CPU per key':10} {cpu['pressgen']:7.1f}ms {cpu['bare']:7.1f}ms"
        f" {cpu['pressgen'] / cpu['bare']:6.2f}x   (the app's every thread: less noisy)"
    )
    target = "p95 <= 1.3x bare" + ("" if busy else " and <= 50 ms")
    print(f"  target: {target}")


# -- start-up, headless ---------------------------------------------------------------------


def time_to_paint(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds from spawn to the first painted preview, and CPU seconds until then."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert proc.stdout is not None
    for raw in proc.stdout:
        if raw.startswith(b"PAINTED"):
            elapsed = time.perf_counter() - t0
            cpu = float(raw.split()[2])
            break
    else:
        err = proc.stderr.read().decode() if proc.stderr else ""
        raise SystemExit(f"never painted: {' '.join(argv)}\n{err}")
    proc.wait()
    return elapsed, cpu


def startup(runs: int) -> dict[str, list[tuple[float, float]]]:
    markdown = release_markdown()
    out: dict[str, list[tuple[float, float]]] = {"floor": [], "cold": [], "warm": []}
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
        for _ in range(runs):  # interleaved, so drift in machine load hits all alike
            out["floor"].append(time_to_paint(floor_argv, env))
            shutil.rmtree(cache / "previews", ignore_errors=True)
            out["cold"].append(time_to_paint(ours, env))
            time.sleep(0.3)  # the cold run's build writes the preview after the paint
            out["warm"].append(time_to_paint(ours, env))
    return out


def report_startup(runs: int) -> None:
    before = load()
    got = startup(runs)
    after = load()
    wall = {k: statistics.median(w for w, _ in v) for k, v in got.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in got.items()}
    print(
        f"start to first painted preview, median of {runs}, headless ({before} before,"
        f" {after} after):"
    )
    print(f"  {'':50} {'wall':>8} {'ratio':>6}  {'CPU':>8} {'ratio':>6}")
    rows = (
        ("minimal app (Header, ListView, Markdown, Footer)", "floor"),
        ("pressgen, preview cached from the last start", "warm"),
        ("pressgen, first start (rendered meanwhile)", "cold"),
    )
    for label, key in rows:
        print(
            f"  {label:50} {wall[key] * 1000:6.0f}ms {wall[key] / wall['floor']:5.2f}x"
            f"  {cpu[key] * 1000:6.0f}ms {cpu[key] / cpu['floor']:5.2f}x"
        )
    print("  target: pressgen <= 1.30x the minimal app")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=150, help="keys typed into each app")
    parser.add_argument("--runs", type=int, default=5, help="start-ups of each kind")
    parser.add_argument("--size", default="120x36", help="terminal COLSxROWS")
    parser.add_argument("--no-load", action="store_true", help="no busy background core")
    parser.add_argument("--skip-typing", action="store_true")
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()
    cols, rows = (int(v) for v in args.size.split("x"))
    if not args.skip_typing:
        report_typing(args.keys, cols, rows, busy=not args.no_load)
    if not args.skip_startup:
        report_startup(args.runs)


if __name__ == "__main__":
    main()
