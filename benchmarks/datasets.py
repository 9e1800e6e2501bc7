"""Large datasets: pressgen's loader and figures beside bare engines, in one run.

    .venv/bin/python benchmarks/datasets.py [ROWS] [XLSX_ROWS]

Data is generated into a temporary folder (never committed): ROWS rows (default
1,000,000) in the Met example's columns (course, financial_year, rank, attendees, plus
two columns no figure reads), written as CSV and Parquet, and XLSX_ROWS rows (default
50,000) as XLSX. Each measurement runs in a fresh process so its peak memory (ru_maxrss)
is its own.
  * CSV and Parquet: `load_dataset` + `compute_figures` with the Met campaign's eleven
    figures, beside a bare polars script (lazy scan, typed columns, the same filtered sums
    in one `select`). Target: within 1.3x of the script's time and under 400 MB peak.
  * XLSX: `load_dataset` (calamine through fastexcel) beside openpyxl in read-only mode
    reading the same cells. Target: at least 8x faster.
Every side's clock starts after its libraries are imported (polars for the bare script,
openpyxl for openpyxl, polars and fastexcel for pressgen): the figures are the cost of
loading and computing, not of starting Python.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAMPAIGN = ROOT / "campaigns" / "met-cyber-training.toml"
COURSES = (
    "Cyber Crime and Digital Policing - First Responder",
    "Cyber Crime and Digital Policing - Introduction",
    "Digital Communications, Social Media, Cyber Crime and Policing",
    "Cyber Crime Investigation",
)
RANKS = (
    "Student Officer",
    "Police Constable",
    "Detective Inspector",
    "Detective Chief Inspector",
    "Police Staff",
    "Sergeant",
)
MANIFEST = """title = "Benchmark data"
file = "{file}"
[source]
publisher = "benchmark"
[columns.course]
type = "text"
[columns.financial_year]
type = "text"
[columns.rank]
type = "text"
[columns.attendees]
type = "int"
[columns.borough]
type = "text"
[columns.note]
type = "text"
"""


def generate(folder: Path, rows: int, xlsx_rows: int) -> None:
    import polars as pl

    rng = random.Random(11)
    n_c, n_r = len(COURSES), len(RANKS)
    frame = pl.DataFrame(
        {
            "course": [COURSES[rng.randrange(n_c)] for _ in range(rows)],
            "financial_year": ["2017/18" if i % 2 else "2018/19" for i in range(rows)],
            "rank": [RANKS[rng.randrange(n_r)] for _ in range(rows)],
            "attendees": [str(rng.randint(0, 50)) if i % 997 else "<5" for i in range(rows)],
            "borough": [f"Borough {i % 32}" for i in range(rows)],
            "note": ["free text that no figure reads"] * rows,
        }
    )
    frame.write_csv(folder / "big.csv")
    frame.write_parquet(folder / "big.parquet")
    for ext in ("csv", "parquet", "xlsx"):
        (folder / f"big-{ext}.toml").write_text(
            MANIFEST.format(file=f"big.{ext}"), encoding="utf-8"
        )
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sheet1")
    ws.append(frame.columns)
    for row in frame.head(xlsx_rows).iter_rows():
        ws.append(list(row))
    wb.save(folder / "big.xlsx")


# -- one measurement per process ----------------------------------------------------------


def _import_engines() -> None:
    """Import what the timed code would import on first use. The references import their
    library before their clocks start, so pressgen's clock starts after its imports too:
    both sides time the loading and computing, not Python's start-up (which the render
    benchmark measures, whole-process)."""
    import fastexcel  # noqa: F401
    import polars  # noqa: F401

    import pressgen.figures.aggregates
    import pressgen.sources.loaders  # noqa: F401


def run_pressgen(manifest: Path) -> dict[str, object]:
    from pressgen.figures.engine import compute_figures, required_columns
    from pressgen.release.campaign import load_campaign
    from pressgen.sources.dataset import load_dataset

    specs = load_campaign(CAMPAIGN).campaign.figures
    _import_engines()
    start = time.perf_counter()
    need = required_columns(specs, "main")["main"]
    ds = load_dataset(manifest, need)
    figs = compute_figures(specs, {"main": ds}, "main")
    took = time.perf_counter() - start
    return {"seconds": took, "total": str(figs["three_courses_total"].value)}


def run_polars(path: Path) -> dict[str, object]:
    import polars as pl

    start = time.perf_counter()
    if path.suffix == ".csv":
        lf = pl.scan_csv(path, schema_overrides={"attendees": pl.String})
    else:
        lf = pl.scan_parquet(path)
    n = pl.col("attendees").cast(pl.Int64, strict=False)
    course, rank = pl.col("course"), pl.col("rank")
    fr, intro, social = COURSES[0], COURSES[1], COURSES[2]
    out = (
        lf.select("course", "rank", "attendees")
        .select(
            n.filter(course == fr).sum().alias("fr"),
            n.filter((course == fr) & (rank == "Student Officer")).sum().alias("fr_s"),
            n.filter((course == fr) & (rank == "Detective Chief Inspector")).sum().alias("dci"),
            n.filter((course == fr) & (rank == "Detective Inspector")).sum().alias("di"),
            n.filter(course == intro).sum().alias("in"),
            n.filter((course == intro) & (rank == "Student Officer")).sum().alias("in_s"),
            n.filter(course == social).sum().alias("so"),
            n.filter((course == social) & (rank == "Student Officer")).sum().alias("so_s"),
            n.filter((course == social) & (rank == "Police Staff")).sum().alias("staff"),
        )
        .collect()
    )
    took = time.perf_counter() - start
    row = out.row(0, named=True)
    return {"seconds": took, "total": str(row["fr"] + row["in"] + row["so"])}


def run_openpyxl(path: Path) -> dict[str, object]:
    from openpyxl import load_workbook  # type: ignore[import-untyped,unused-ignore]

    start = time.perf_counter()
    wb = load_workbook(path, read_only=True, data_only=True)
    rows = list(wb.active.iter_rows(values_only=True))
    wb.close()
    return {"seconds": time.perf_counter() - start, "rows": len(rows) - 1}


def run_calamine(manifest: Path) -> dict[str, object]:
    from pressgen.sources.dataset import load_dataset

    _import_engines()
    start = time.perf_counter()
    ds = load_dataset(manifest)
    return {"seconds": time.perf_counter() - start, "rows": ds.frame.height}


def child(kind: str, path: str) -> None:
    funcs = {
        "pressgen": run_pressgen,
        "polars": run_polars,
        "openpyxl": run_openpyxl,
        "calamine": run_calamine,
    }
    result = funcs[kind](Path(path))
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def measure(kind: str, path: Path) -> dict[str, float | str]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def best(kind: str, path: Path, runs: int = 3) -> dict[str, float | str]:
    results = [measure(kind, path) for _ in range(runs)]
    return min(results, key=lambda r: float(r["seconds"]))


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    xlsx_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
    with tempfile.TemporaryDirectory(prefix="pressgen-data-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        # In a child process: ru_maxrss survives fork and exec, so the parent must never
        # hold the generated frame or every later measurement would report its size.
        subprocess.run(
            [sys.executable, __file__, "--generate", str(folder), str(rows), str(xlsx_rows)],
            check=True,
        )
        print(f"datasets: generated {rows:,} rows (CSV, Parquet) and {xlsx_rows:,} (XLSX) "
              f"in {time.perf_counter() - t:.1f} s; best of 3 fresh processes each")  # fmt: skip
        ratios: dict[str, float] = {}
        for ext in ("csv", "parquet"):
            ours = best("pressgen", folder / f"big-{ext}.toml")
            ref = best("polars", folder / f"big.{ext}")
            assert ours["total"] == ref["total"], (ours, ref)
            ratio = float(ours["seconds"]) / float(ref["seconds"])
            ratios[ext] = ratio
            t_ok = "met" if ratio <= 1.3 else "MISSED"
            m_ok = "met" if float(ours["peak_mb"]) < 400 else "MISSED"
            print(
                f"  {ext.upper():8} pressgen load + 11 figures {float(ours['seconds']):6.2f} s "
                f"{float(ours['peak_mb']):6.0f} MB peak | bare polars lazy "
                f"{float(ref['seconds']):6.2f} s {float(ref['peak_mb']):6.0f} MB | "
                f"{ratio:.2f}x (time <= 1.3x: {t_ok}; peak < 400 MB: {m_ok})"
            )
        ours = best("calamine", folder / "big-xlsx.toml")
        ref = best("openpyxl", folder / "big.xlsx")
        speed = float(ref["seconds"]) / float(ours["seconds"])
        print(f"  XLSX     pressgen load (calamine) {float(ours['seconds']):6.2f} s "
              f"{float(ours['peak_mb']):6.0f} MB | openpyxl read-only {float(ref['seconds']):6.2f} s "
              f"| {speed:.1f}x faster (target >= 8x: {'met' if speed >= 8 else 'MISSED'})")  # fmt: skip

        if max(ratios.values()) > 1.3:
            print(GAP)


GAP = """  Why pressgen is slower than the bare script: the bare script scans three columns
  straight into nine sums and never materialises a frame. pressgen keeps its promises on
  every file: it reads each used column as text with a row-number column (provenance),
  checks in one pass whether any cell needs cleaning (suppression markers such as '<5'
  stay 'suppressed', bad cells are reported with their line), types the columns (no
  copy when nothing needs cleaning), and then computes every figure from one cube (a
  group_by on the filter columns) with its provenance. On CSV it also reads the last
  column to catch short rows. Fusing loading, typing and the cube into one lazy query
  would close most of the gap (see docs/scale.md)."""


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    elif len(sys.argv) > 1 and sys.argv[1] == "--generate":
        generate(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
    else:
        main()
