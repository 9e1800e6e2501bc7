"""The batch's fast path writes exactly the bytes the single-release path renders.

`group_release` (what `pressgen render --group` calls) renders one group on its own,
through the plain render path; `run_batch` renders every group with what it shares
between releases (cached blocks, shared views, worker processes). Every group's file
must be byte for byte what the single-release path gives, in Markdown and plain text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.batch import group_release, run_batch
from pressgen.errors import PressgenError
from pressgen.export import export_release
from pressgen.release.campaign import LoadedCampaign, load_campaign
from pressgen.release.pipeline import export_options
from tests.batch.conftest import write_project
from tests.conftest import ROOT

FORCES = ROOT / "campaigns" / "forces-cyber-training.toml"
THEFTS = ROOT / "examples" / "rac-vehicle-thefts" / "campaigns" / "vehicle-thefts.toml"


def _single(
    loaded: LoadedCampaign, group: str, each: str | None, locale: str | None
) -> dict[str, bytes]:
    """One group's file as `pressgen render --group G -f md|txt` makes it."""
    prepared, rendered = group_release(loaded, group, each=each, locale=locale)
    opts = export_options(prepared, rendered.locale)
    txt = export_release(rendered.markdown, "txt", opts).data
    txt_bytes = txt.encode("utf-8") if isinstance(txt, str) else txt
    return {"md": rendered.markdown.encode("utf-8"), "txt": txt_bytes}


def _assert_same(
    campaign: Path,
    out: Path,
    jobs: int,
    each: str | None = None,
    locale: str | None = None,
    only: int | None = None,
) -> int:
    """Batch in md and txt; every group's files (or the first `only`) against the
    single-release path's. How many groups were compared."""
    files = {}
    for fmt in ("md", "txt"):
        result = run_batch(campaign, out / fmt, fmt=fmt, jobs=jobs, each=each, locale=locale)
        assert not result.failed, result.failed[:1]
        files[fmt] = {r.group: out / fmt / r.file for r in result.results}
    assert files["md"].keys() == files["txt"].keys()
    loaded = load_campaign(campaign)
    groups = list(files["md"])[:only]
    for group in groups:
        want = _single(loaded, group, each, locale)
        for fmt in ("md", "txt"):
            assert files[fmt][group].read_bytes() == want[fmt], (group, fmt)
    return len(groups)


def test_forces_every_group_same_bytes_as_render_group(tmp_path: Path) -> None:
    assert _assert_same(FORCES, tmp_path / "out", jobs=2) == 43


def test_forces_in_german_same_bytes(tmp_path: Path) -> None:
    # Another template variant (cyber-training.de), translations and a German formatter;
    # in this process (-j 1), and a dozen groups are enough for what differs from English.
    assert _assert_same(FORCES, tmp_path / "out", jobs=1, locale="de_DE", only=12) == 12


def test_hostile_groups_same_bytes(tmp_path: Path) -> None:
    """The batch tests' campaign (path-like and formula-like names, a tie), minus the
    group whose figures cannot be computed (it has no file to compare)."""
    from tests.batch.conftest import ROWS

    rows = [r for r in ROWS if r[0] != "Zero"]
    campaign = write_project(tmp_path / "project", rows)
    assert _assert_same(campaign, tmp_path / "out", jobs=2) == 7


def test_example_that_fails_per_group_fails_alike(tmp_path: Path) -> None:
    """No bundled example batches cleanly (their templates assume the whole dataset):
    batched by force, the vehicle-thefts example fails in every group, and the batch
    must report the very error the single-release path raises, and write nothing."""
    out = tmp_path / "out"
    result = run_batch(THEFTS, out, each="force", jobs=2)
    assert result.results and len(result.failed) == len(result.results)
    loaded = load_campaign(THEFTS)
    for r in result.results[:5]:
        with pytest.raises(PressgenError) as exc:
            group_release(loaded, r.group, each="force")
        assert r.error == f"group {r.group!r}: {exc.value.line()}"
        assert not (out / r.file).exists()


def test_index_lines_are_the_plain_csv_and_json_of_each_result(tmp_path: Path) -> None:
    """Each index line is exactly csv + neutralise_cell and json.dumps of the group's
    result, whatever shortcuts make it (hostile names, a failed group, a tie)."""
    import csv
    import io
    import json

    from pressgen.batch import neutralise_cell

    campaign = write_project(tmp_path / "project")
    out = tmp_path / "out"
    result = run_batch(campaign, out, jobs=2)
    csv_lines = (out / "index.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    header = csv_lines[0].strip().split(",")
    names = [h for h in header if f"{h}_rank" in header]
    text = (out / "index.json").read_text(encoding="utf-8")
    for r, line in zip(result.results, csv_lines[1:], strict=True):
        row = [r.group, r.file, r.status, r.error or ""]
        for n in names:
            k = r.figures.get(n, {})
            row += [k.get("value"), k.get("rank"), "yes" if k.get("joint") else ""]
            if f"{n}_share_of_total" in header:
                row.append(k.get("share_of_total"))
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow([neutralise_cell(c) for c in row])
        assert line == buf.getvalue()
        want = json.dumps(
            {
                "group": r.group,
                "file": r.file,
                "status": r.status,
                "error": r.error,
                "figures": r.figures,
                "warnings": list(r.warnings),
            },
            ensure_ascii=False,
        )
        assert want in text
