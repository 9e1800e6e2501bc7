"""Releases per second: `pressgen batch` over 10,000 groups to Markdown with -j 2, beside
the same number of bare Jinja + Babel renders in one process.

    .venv/bin/python benchmarks/batch.py [GROUPS] [JOBS]

The data is generated (not committed): GROUPS invented areas x 3 courses x 4 ranks, in
the columns of the forces example, so the batch uses the real forces campaign and the
shared cyber-training template (headline, body, local-angle comparisons, quotes, notes).
  * pressgen: `run_batch(..., jobs=JOBS)` end to end: load the CSV, compute every
    group's figures, compare the groups, render and write every release, write the index.
  * reference: a bare `jinja2.Environment` template of similar length printing ten
    numbers through `babel.numbers` (cached Locale), rendered GROUPS times in one process,
    strings kept in memory (no files).
Targets (issue 13): `batch -j 2` at >= 1.6x the bare single-process rate, measured in
the same run, and >= 3,000 releases/s on a quiet 2-core machine. On a shared machine the
wall-clock rates swing with the load, so the CPU time each side spends per release is
printed beside them (the batch's counts its workers too), with the best rates those CPU
times allow on idle cores (a bound, labelled as such), and the load average before and
after. The files go to a temporary folder (TMPDIR; see the note on the kernel's share in
main).
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from babel import Locale
from babel.numbers import format_decimal, format_percent
from jinja2 import Environment

from pressgen.batch import run_batch

ROOT = Path(__file__).resolve().parent.parent
TARGET = 3000.0
RATIO_TARGET = 1.6
COURSES = (
    "Cyber Crime and Digital Policing - First Responder",
    "Cyber Crime and Digital Policing - Introduction",
    "Digital Communications, Social Media, Cyber Crime and Policing",
)
RANKS = ("Student Officer", "Police Staff", "Detective Inspector", "Detective Chief Inspector")


def make_project(root: Path, groups: int) -> Path:
    for folder in ("campaigns", "quotes", "templates"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "datasets").mkdir()
    manifest = (ROOT / "datasets" / "forces-cyber-training.toml").read_text(encoding="utf-8")
    (root / "datasets" / "forces-cyber-training.toml").write_text(manifest, encoding="utf-8")
    rng = random.Random(7)
    lines = ["force,course,financial_year,rank,attendees"]
    for g in range(groups):
        name = f"Area {g:05d}"
        for course in COURSES:
            for rank in RANKS:
                lines.append(f'{name},"{course}",2018/19,{rank},{rng.randint(1, 900)}')
    (root / "datasets" / "forces-cyber-training.csv").write_text(
        "\n".join(lines) + "\n", encoding="utf-8"
    )
    return root / "campaigns" / "forces-cyber-training.toml"


# About as long as a real release (~6.5 kB) and printing as many values (about 40) as the
# forces release does, every one through Babel.
BARE = """**EMBARGOED UNTIL 00:01 GMT ON {{ day | d }}**

# {{ name }} sent {{ v[0] | n }} officers and staff on cyber crime training

## Illustrative figures for the {{ 43 | n }} territorial police forces of England and Wales

**LONDON, {{ day | d }}** – Figures show that {{ v[0] | n }} officers and staff took the
“Cyber Crime and Digital Policing – First Responder” e-learning course over two years.
Student officers made up {{ p[0] | pc }} of them. The course also drew senior detectives:
{{ v[1] | n }} Detective Chief Inspectors and {{ v[2] | n }} Detective Inspectors completed it.

A companion course was taken {{ v[3] | n }} times in the same period, and student officers
again made up {{ p[1] | pc }} of the total. The social media course recorded {{ v[4] | n }}
enrolments, {{ p[2] | pc }} of them ({{ v[5] | n }}) from student officers. Police staff
accounted for {{ v[6] | n }} enrolments.

How {{ name }} compares: its {{ v[0] | n }} attendances ranked {{ rank | n }} of {{ 43 | n }},
{{ p[3] | pc }} of the {{ v[7] | n }} across England and Wales. The average force recorded
{{ avg | n }}, so {{ name }} was {{ v[8] | n }} away from the average. Its share of student
officers, {{ p[0] | pc }}, compares with {{ p[4] | pc }} nationally.
{% for q in quotes %}

{{ q.name }}, {{ q.role | lower }} of {{ q.org }}, said:

> “{{ q.text }}”
>
> — {{ q.name }}, {{ q.role }}, {{ q.org }}
{% endfor %}

**ENDS**

## Notes to editors

{% for note in notes %}
1. {{ note }} ({{ v[loop.index] | n }} rows, {{ p[loop.index % 5] | pc }} of the total, {{ day | d }})
{% endfor %}

## About Harbourline Hosting

{{ about }}

## Media contact

Sam Whitfield, Press Office, Harbourline Hosting\\
Email: press@harbourline.example\\
Telephone: 020 7946 0000
"""


def bare_renders(groups: int) -> float:
    import datetime as dt

    from babel.dates import format_date

    loc = Locale.parse("en_GB")
    env = Environment(trim_blocks=True, lstrip_blocks=True)
    env.filters["n"] = lambda x: format_decimal(x, locale=loc)
    env.filters["pc"] = lambda x: format_percent(x, locale=loc)
    env.filters["d"] = lambda x: format_date(x, "EEEE d MMMM y", locale=loc)
    tmpl = env.from_string(BARE)
    rng = random.Random(3)
    text = "Officers who understand how people live online are better placed to help. " * 5
    quotes = [
        {"name": "Priya Okafor", "role": "Head of Research", "org": "Digital Policing Watch",
         "text": text},
        {"name": "Tom Lindqvist", "role": "Chief Technology Officer",
         "org": "Harbourline Hosting", "text": text},
    ]  # fmt: skip
    notes = [f"Note {i}: " + "the figures are invented for illustration. " * 4 for i in range(8)]
    about = "Harbourline Hosting is a fictional UK web hosting company. " * 4
    day = dt.date(2019, 12, 3)
    start = time.perf_counter()
    for g in range(groups):
        tmpl.render(
            name=f"Area {g:05d}",
            v=[rng.randint(1, 90000) for _ in range(12)],
            p=[rng.random() for _ in range(5)],
            rank=g % 43 + 1,
            avg=rng.random() * 2000,
            quotes=quotes,
            notes=notes,
            about=about,
            day=day,
        )
    return time.perf_counter() - start


def _cpu() -> tuple[float, float]:
    """CPU seconds (user, system) of this process and its finished children (workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + kids.ru_utime, own.ru_stime + kids.ru_stime


def main() -> None:
    groups = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    import polars  # noqa: F401  (imported before either clock starts, as for the bare side)

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="pressgen-bench-") as tmp:
        campaign = make_project(Path(tmp) / "project", groups)
        out = Path(tmp) / "out"
        cpu = _cpu()
        start = time.perf_counter()
        result = run_batch(campaign, out, jobs=jobs)
        t_batch = time.perf_counter() - start
        user, system = (after - before for after, before in zip(_cpu(), cpu, strict=True))
        cpu_batch = user + system
        assert result.written == groups and not result.failed, result.failed[:3]
        size = sum(p.stat().st_size for p in out.iterdir() if p.suffix == ".md") / groups
    cpu = time.process_time()
    t_bare = bare_renders(groups)
    cpu_bare = time.process_time() - cpu
    ours = groups / t_batch
    ref = groups / t_bare
    ratio = ours / ref
    print(f"batch: {groups:,} groups to Markdown, -j {jobs} on {os.cpu_count()} cores")
    print(
        f"  pressgen batch (end to end, files written) {ours:9,.0f} releases/s  ({t_batch:.2f} s, {size:,.0f} bytes each)"
    )
    print(f"    of which prepare (load, grouped aggregations, national figures) "
          f"{result.prepare_seconds:.2f} s; figures, ranking, render, write and index "
          f"{result.render_seconds:.2f} s")  # fmt: skip
    print(f"  bare Jinja + Babel, 1 process, in memory   {ref:9,.0f} releases/s  ({t_bare:.2f} s)")
    print(f"  ratio {ratio:.2f}x the bare single-process rate (target >= {RATIO_TARGET}x: "
          f"{'met' if ratio >= RATIO_TARGET else 'MISSED'}); "
          f"{ours:,.0f}/s against >= {TARGET:,.0f}/s: {'met' if ours >= TARGET else 'MISSED'}")  # fmt: skip
    print(f"  CPU per release: pressgen {cpu_batch / groups * 1e3:.2f} ms (all processes; "
          f"{system / groups * 1e3:.2f} ms of it in the kernel, creating files), "
          f"bare {cpu_bare / groups * 1e3:.2f} ms; load average "
          f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after, "
          f"on {os.cpu_count()} cores")  # fmt: skip
    # What the CPU times allow, for a machine shared with other work (where the rates
    # above swing with the load): a bound, not a measurement. The batch's serial steps
    # (prepare, ranking, index) keep the real rate below it even on idle cores.
    # The kernel's share is creating the files, and on this machine it swings from ~0.05
    # to ~1 ms a file: the root file system is ext4 without a journal, whose inode
    # allocator passes over every inode freed in the last ~30 s, one buffer look-up each,
    # before it takes a free one (perf: two thirds of the kernel's time in
    # find_inode_bit/recently_deleted). Whatever anyone deleted on the disk in the half
    # minute before (other helpers' tests, this benchmark's own previous run, which
    # deletes its files as it ends) is paid again for every file. Run it 40 s after the
    # last, or with TMPDIR=/dev/shm (tmpfs) to see pressgen's costs without the disk's;
    # what pressgen's own code spends is the user time.
    print(f"  user CPU per release (without the kernel's file creation): pressgen "
          f"{user / groups * 1e3:.2f} ms, bare {cpu_bare / groups * 1e3:.2f} ms")  # fmt: skip
    cores = min(jobs, os.cpu_count() or 1)
    bound = cores * groups / cpu_batch
    bound_ref = groups / cpu_bare
    print(f"  CPU-bound at best: pressgen {bound:,.0f}/s on {cores} idle cores, bare "
          f"{bound_ref:,.0f}/s in one; ratio at most {bound / bound_ref:.2f}x "
          f"(target >= {RATIO_TARGET}x: {'met' if bound / bound_ref >= RATIO_TARGET else 'MISSED'}); "
          f"{bound:,.0f}/s against >= {TARGET:,.0f}/s: "
          f"{'met' if bound >= TARGET else 'MISSED'}")  # fmt: skip


if __name__ == "__main__":
    main()
