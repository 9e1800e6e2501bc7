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
Target: >= 3,000 releases/s on a 2-core machine.
"""

from __future__ import annotations

import os
import random
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


BARE = """# {{ name }} sent {{ n1 }} officers on cyber crime training

**LONDON, 3 December 2019** – Figures show that {{ n1 }} officers and staff took the course.
Student officers made up {{ p1 }} of them; {{ n2 }} Detective Chief Inspectors and {{ n3 }}
Detective Inspectors completed it. A companion course was taken {{ n4 }} times, and student
officers made up {{ p2 }}. The social media course recorded {{ n5 }} enrolments, {{ p3 }} of
them ({{ n6 }}) from student officers; police staff accounted for {{ n7 }}.

How {{ name }} compares: its {{ n1 }} attendances were {{ rank }} of {{ of }}, {{ p4 }} of the
{{ n8 }} across England and Wales. The average was {{ avg }}.
{% for q in quotes %}
> “{{ q }}”
{% endfor %}
**ENDS**
"""


def bare_renders(groups: int) -> float:
    env = Environment(trim_blocks=True, lstrip_blocks=True)
    tmpl = env.from_string(BARE)
    loc = Locale.parse("en_GB")
    rng = random.Random(3)
    quotes = ["Officers who understand how people live online are better placed." * 3] * 2
    start = time.perf_counter()
    for g in range(groups):

        def n() -> str:
            return format_decimal(rng.randint(1, 9000), locale=loc)

        def p() -> str:
            return format_percent(rng.random(), locale=loc)

        tmpl.render(
            name=f"Area {g:05d}",
            n1=n(), n2=n(), n3=n(), n4=n(), n5=n(), n6=n(), n7=n(), n8=n(),
            p1=p(), p2=p(), p3=p(), p4=p(),
            rank=g % 43 + 1, of=43, avg=format_decimal(1458.5, locale=loc), quotes=quotes,
        )  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    groups = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    jobs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with tempfile.TemporaryDirectory(prefix="pressgen-bench-") as tmp:
        campaign = make_project(Path(tmp) / "project", groups)
        out = Path(tmp) / "out"
        start = time.perf_counter()
        result = run_batch(campaign, out, jobs=jobs)
        t_batch = time.perf_counter() - start
        assert result.written == groups and not result.failed, result.failed[:3]
        size = sum(p.stat().st_size for p in out.iterdir()) / groups
    t_bare = bare_renders(groups)
    ours = groups / t_batch
    ref = groups / t_bare
    print(f"batch: {groups:,} groups to Markdown, -j {jobs} on {os.cpu_count()} cores")
    print(f"  pressgen batch (end to end, files written) {ours:9,.0f} releases/s  ({t_batch:.2f} s, {size:,.0f} bytes each)")
    print(f"  bare Jinja + Babel, 1 process, in memory   {ref:9,.0f} releases/s  ({t_bare:.2f} s)")
    print(f"  ratio {ours / ref:.2f}x the bare single-process renders; target >= {TARGET:,.0f}/s: "
          f"{'met' if ours >= TARGET else 'MISSED'}")  # fmt: skip


if __name__ == "__main__":
    main()
