"""How well `pressgen check` catches the slips editors make, and how quiet it is otherwise.

    .venv/bin/python benchmarks/check_slips.py [N]

For every campaign in campaigns/ and examples/*/campaigns/ (and each in German where it
has a translation), the untouched render gets up to N slips of each kind (default 40;
tests/trust/slips.py makes them). Printed:

  * recall per kind: the share of slipped drafts that fail the check (target >= 95 %);
  * false alarms on the untouched renders (target 0);
  * false errors per 100 numbers on the hand-written correct rewrites in
    tests/trust/rewrites/ (target <= 1);
  * the time to check the bundled example, in process (target <= 100 ms).
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.trust.slips import KINDS, sample  # noqa: E402

from pressgen.check import Checker  # noqa: E402
from pressgen.release.pipeline import prepare  # noqa: E402

REWRITES = ROOT / "tests" / "trust" / "rewrites"


def checkers() -> list[tuple[str, Checker]]:
    """One checker per release: every campaign, the Met example in German too, and three
    single-group releases of each batch campaign."""
    from pressgen.batch import group_release

    paths = sorted((ROOT / "campaigns").glob("*.toml")) + sorted(
        (ROOT / "examples").glob("*/campaigns/*.toml")
    )
    out: list[tuple[str, Checker]] = []
    for path in paths:
        prepared = prepare(path)
        out.append((path.stem, Checker(prepared)))
        if path.stem == "met-cyber-training":
            out.append((f"{path.stem} de_DE", Checker(prepared, locale="de_DE")))
        each = prepared.loaded.campaign.each
        if each:
            from pressgen.sources.dataset import load_dataset

            manifest = prepared.loaded.dataset_paths["main"]
            frame = load_dataset(manifest, [each]).frame
            groups = sorted({str(g) for g in frame[each].unique()})
            for group in groups[:: max(1, len(groups) // 3)][:3]:
                gp, rendered = group_release(path, group, each=each, locale=None, style=None)
                out.append((f"{path.stem} [{group}]", Checker(gp, baseline=rendered.markdown)))
    return out


def rewrite_checker(draft: Path) -> Checker:
    """The checker a rewrite is checked with: `CAMPAIGN.md`, `CAMPAIGN__LOCALE.md` or
    `CAMPAIGN@GROUP.md` (one release of a batch), or `examples/EXAMPLE/CAMPAIGN.md` for a
    campaign of the examples corpus."""
    from pressgen.batch import group_release

    stem, _, group = draft.stem.partition("@")
    campaign, _, locale = stem.partition("__")
    path = ROOT / "campaigns" / f"{campaign}.toml"
    if draft.parent.parent.name == "examples":  # rewrites/examples/EXAMPLE/CAMPAIGN.md
        path = ROOT / "examples" / draft.parent.name / "campaigns" / f"{campaign}.toml"
    if group:
        prepared = prepare(path)
        each = prepared.loaded.campaign.each
        gp, rendered = group_release(path, group, each=each, locale=locale or None, style=None)
        return Checker(gp, baseline=rendered.markdown)
    return Checker(prepare(path), locale=locale or None)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    caught: dict[str, int] = defaultdict(int)
    made: dict[str, int] = defaultdict(int)
    missed: dict[str, list[str]] = defaultdict(list)
    alarms = 0
    for name, checker in checkers():
        untouched = checker.check(checker.baseline)
        alarms += len(untouched.problems)
        for kind in KINDS:
            for slip in sample(checker, kind, n):
                made[kind] += 1
                if not checker.check(slip.draft).ok:
                    caught[kind] += 1
                else:
                    missed[kind].append(f"{name}: {slip.what}")
    print(f"{'kind':<16} {'caught':>7} {'of':>5} {'recall':>8}   (target >= 95 %)")
    for kind in KINDS:
        total = made[kind]
        recall = f"{100 * caught[kind] / total:.1f} %" if total else "–"
        print(f"{kind:<16} {caught[kind]:>7} {total:>5} {recall:>8}")
        for example in missed[kind][:3]:
            print(f"{'':<18}missed: {example}")
    print(f"false alarms on untouched renders: {alarms} (target 0)")

    numbers = errors = 0
    for draft in sorted(REWRITES.rglob("*.md")):
        checker = rewrite_checker(draft)
        report = checker.check(draft.read_text("utf-8"))
        numbers += report.numbers
        wrong = [f for f in report.problems if f.severity == "error"]
        errors += len(wrong)
        for f in wrong:
            print(f"  rewrite {draft.name}: {f.format()}")
    per100 = 100 * errors / numbers if numbers else 0.0
    print(
        f"correct rewrites: {errors} false errors in {numbers} numbers = {per100:.2f} per 100 "
        "(target <= 1)"
    )

    checker = Checker(prepare(ROOT / "campaigns" / "met-cyber-training.toml"))
    draft = sample(checker, "number", 1)[0].draft
    runs = []
    for _ in range(20):
        t = time.perf_counter()
        checker.check(draft)
        runs.append(time.perf_counter() - t)
    t = time.perf_counter()
    Checker(prepare(ROOT / "campaigns" / "met-cyber-training.toml")).check(draft)
    first = time.perf_counter() - t
    print(
        f"check time, bundled example: {1000 * min(runs):.1f} ms per draft "
        f"(first check with the render: {1000 * first:.0f} ms; target <= 100 ms)"
    )


if __name__ == "__main__":
    main()
