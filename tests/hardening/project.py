"""A small pressgen project written to a temporary folder for the hardening tests, with a
folder beside it (`outside/`) holding files a hostile campaign should never reach."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

SECRET = "TOPSECRET-7f3a"
PRESSGEN = Path(sys.executable).with_name("pressgen")

MANIFEST = """title = "Test data"
file = "{file}"
[source]
publisher = "Tests"
[columns.area]
type = "text"
[columns.n]
type = "int"
"""

POPULATION = """title = "People"
file = "{file}"
[source]
publisher = "Tests"
[columns.area]
type = "text"
[columns.people]
type = "int"
"""

QUOTES = """title = "Quotes"
[speakers.sam]
name = "Sam Example"
role = "Director"
organisation = "Example Org"

[[quotes]]
id = "q1"
speaker = "sam"
text = "{text}"
approved = true
approved_by = "Sam Example"
approved_on = 2020-01-01
"""

TEMPLATE = """{#- pressgen
figures = ["total"]
-#}
{% extends "base.md.j2" %}
{% block body %}Total {{ f.total }} across {{ f.areas }}.{% endblock %}
"""

CAMPAIGN_HEAD = """title = "Hardening"
dataset = "{dataset}"
quotes = "{quotes}"
template = "{template}"
{extra}
"""

CAMPAIGN_TAIL = """
[release]
headline = "A headline"
dateline = "LONDON"
date = 2020-01-02
organisation = "Example Org"
boilerplate = "About us."
[release.contact]
name = "Press Office"

[slots]
first = "q1"

[figures.total]
method = "sum"
column = "n"

[figures.areas]
method = "group"
by = "area"
column = "n"
"""


@dataclass(frozen=True)
class Project:
    root: Path
    outside: Path

    @property
    def campaign(self) -> Path:
        return self.root / "campaigns" / "c.toml"

    def write_campaign(
        self,
        *,
        dataset: str = "d",
        quotes: str = "q",
        template: str = "t",
        extra: str = "",
        tail: str = "",
    ) -> Path:
        head = CAMPAIGN_HEAD.format(dataset=dataset, quotes=quotes, template=template, extra=extra)
        self.campaign.write_text(head + CAMPAIGN_TAIL + tail, encoding="utf-8")
        return self.campaign


def make_project(base: Path) -> Project:
    """`base/project` (campaigns, datasets, quotes, templates) and `base/outside`, which
    holds a dataset, a quote set, a template and a plain file, each carrying SECRET."""
    root = base / "project"
    outside = base / "outside"
    for folder in ("campaigns", "datasets", "quotes", "templates"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    (root / "templates" / "base.md.j2").write_bytes(
        (ROOT / "templates" / "base.md.j2").read_bytes()
    )
    (root / "templates" / "t.md.j2").write_text(TEMPLATE, encoding="utf-8")
    write_dataset(root / "datasets", "d", "area,n\nNorth,30\nSouth,40\n")
    write_dataset(root / "datasets", "pop", "area,people\nNorth,100\nSouth,200\n", POPULATION)
    (root / "quotes" / "q.toml").write_text(QUOTES.format(text="We welcome this."), "utf-8")
    # The hostile side: everything here carries the secret.
    (outside / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    write_dataset(outside, "d", f"area,n\n{SECRET},3\n")
    write_dataset(outside, "pop", f"area,people\n{SECRET},100\n", POPULATION)
    (outside / "q.toml").write_text(QUOTES.format(text=f"The code is {SECRET}."), "utf-8")
    (outside / "x.md.j2").write_text(
        '{% extends "base.md.j2" %}{% block body %}{% include "secret.txt" %}{% endblock %}\n',
        encoding="utf-8",
    )
    (outside / "base.md.j2").write_text("{% block body %}{% endblock %}\n", encoding="utf-8")
    return Project(root, outside)


def write_dataset(folder: Path, name: str, csv: str, manifest: str = MANIFEST) -> Path:
    (folder / f"{name}.csv").write_text(csv, encoding="utf-8")
    path = folder / f"{name}.toml"
    path.write_text(manifest.format(file=f"{name}.csv"), encoding="utf-8")
    return path


def letterhead_docx(path: Path, header_text: str) -> Path:
    """A real letterhead: a .docx whose page header says `header_text`."""
    from docx import Document

    doc = Document()
    doc.sections[0].header.paragraphs[0].text = header_text
    doc.save(str(path))
    return path


@dataclass(frozen=True)
class Run:
    status: int | None
    stdout: str
    stderr: str
    max_rss_mb: float
    cpu_seconds: float = float("nan")
    """The child's user and system CPU time (wait4): unlike the wall clock, it does not
    grow when other processes share the machine."""


def run_here(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """`pressgen ARGS` in this process (cli.main, output captured): what a user sees of
    a command but its peak memory, at a tenth of a child process's cost. Not safe to
    call from several threads at once (it changes the working folder)."""
    from tests.hardening.helpers import run_cli

    saved = {k: os.environ.get(k) for k in (env or {})}
    os.environ.update(env or {})
    try:
        done = run_cli(list(args), cwd)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return Run(done.status, done.stdout, done.stderr, float("nan"))


def run_pressgen(
    *args: str, cwd: Path, timeout: float = 60.0, env: dict[str, str] | None = None
) -> Run:
    """The real `pressgen` command, with a deadline, its peak memory from wait4: for the
    tests whose point is a child process (memory, the exit status the shell sees)."""
    env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    out_path = cwd / f".pressgen-{os.getpid()}-{threading.get_ident()}.out"
    err_path = out_path.with_suffix(".err")
    with open(out_path, "w+b") as out, open(err_path, "w+b") as err:
        proc = subprocess.Popen(
            [str(PRESSGEN), *args], cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
            env=env,
        )  # fmt: skip
        waited: list[tuple[int, int, object]] = []
        reaper = threading.Thread(target=lambda: waited.append(os.wait4(proc.pid, 0)))
        reaper.start()
        reaper.join(timeout)
        timed_out = reaper.is_alive()
        if timed_out:
            proc.kill()
            reaper.join()
        _, code, usage = waited[0]
        status = None if timed_out else os.waitstatus_to_exitcode(code)
        proc.returncode = os.waitstatus_to_exitcode(code)  # reaped here, not by Popen
        rss = float(getattr(usage, "ru_maxrss", 0)) / 1024
        cpu = float(getattr(usage, "ru_utime", 0.0)) + float(getattr(usage, "ru_stime", 0.0))
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    out_path.unlink()
    err_path.unlink()
    return Run(status, stdout, stderr, rss, cpu)
