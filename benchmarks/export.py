"""Median ms per DOCX export of the example: pressgen in-process against pandoc, in one run.

    .venv/bin/python benchmarks/export.py [N]

The bundled example (campaigns/met-cyber-training.toml) is rendered once to Markdown; then
  * pressgen: `export_release(markdown, "docx", options)` in this process, N times, and
  * pandoc (pypandoc-binary, the `bench` extra): the same Markdown, the same reference
    document (templates/docx/default.docx), `-f commonmark_x -t docx`, N times,
and the median of each is printed with the ratio. pandoc is timed as a user runs it, as
a process per document; its start-up is part of its cost per document. Target: pressgen at
least 3x faster per document.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pressgen.export import ExportOptions, export_release
from pressgen.export.reference import default_reference_path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "campaigns" / "met-cyber-training.toml"


def example() -> tuple[str, ExportOptions]:
    from pressgen.release.pipeline import prepare, render_release

    prepared = prepare(EXAMPLE)
    rendered = render_release(prepared)
    camp = prepared.loaded.campaign
    letterhead = None
    if camp.letterhead:
        letterhead = (prepared.loaded.path.parent / camp.letterhead).resolve()
    options = ExportOptions(
        title=camp.release.headline,
        subject=camp.title,
        author=camp.release.organisation,
        keywords=tuple(camp.release.keywords),
        locale=rendered.locale,
        reference_docx=letterhead,
    )
    return rendered.markdown, options


def time_pressgen(markdown: str, options: ExportOptions, n: int) -> list[float]:
    for _ in range(3):  # warm: imports, the cached reference document
        export_release(markdown, "docx", options)
    out = []
    for _ in range(n):
        start = time.perf_counter()
        export_release(markdown, "docx", options)
        out.append((time.perf_counter() - start) * 1000)
    return out


def time_pandoc(markdown: str, reference: Path, n: int) -> list[float]:
    import pypandoc

    pandoc = pypandoc.get_pandoc_path()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "release.md"
        source.write_text(markdown, encoding="utf-8")
        target = Path(tmp) / "release.docx"
        args = [
            pandoc,
            str(source),
            "-f",
            "commonmark_x",
            "-t",
            "docx",
            f"--reference-doc={reference}",
            "-o",
            str(target),
        ]
        subprocess.run(args, check=True)  # warm the page cache
        out = []
        for _ in range(n):
            start = time.perf_counter()
            subprocess.run(args, check=True)
            out.append((time.perf_counter() - start) * 1000)
    return out


def main(argv: list[str]) -> int:
    n = int(argv[1]) if len(argv) > 1 else 40
    markdown, options = example()
    reference = options.reference_docx or default_reference_path()
    ours = statistics.median(time_pressgen(markdown, options, n))
    theirs = statistics.median(time_pandoc(markdown, reference, n))
    print(f"example: {EXAMPLE.relative_to(ROOT)}, {len(markdown):,} chars of Markdown")
    print(
        f"reference: {reference.relative_to(ROOT) if reference.is_relative_to(ROOT) else reference}"
    )
    print(f"pressgen (in-process): {ours:7.1f} ms per document (median of {n})")
    print(f"pandoc   (subprocess): {theirs:7.1f} ms per document (median of {n})")
    ratio = theirs / ours
    print(f"pressgen is {ratio:.1f}x faster than pandoc (target: >= 3x)")
    return 0 if ratio >= 3 else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
