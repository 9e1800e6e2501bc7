"""Batch runs end to end on real files: names, index, reruns, resuming, overwriting,
errors in one group, and the CLI's exit statuses."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pressgen.batch import BatchProgress, run_batch
from pressgen.cli import main
from pressgen.errors import PressgenError

GOOD = 7  # groups in the small campaign whose figures compute ("Zero" cannot)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_one_release_per_group_and_an_index(small_campaign: Path, tmp_path: Path) -> None:
    seen: list[BatchProgress] = []
    result = run_batch(small_campaign, tmp_path / "out", jobs=1, progress=seen.append)
    assert result.written == GOOD
    assert [r.group for r in result.failed] == ["Zero"]
    assert seen[-1].done == seen[-1].total == GOOD + 1
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "index.csv" in names and "index.json" in names
    assert all("/" not in n and not n.startswith(".") for n in names)
    assert (tmp_path / "out" / "etc.md").is_file()  # "../../etc" stays inside the folder
    assert not (tmp_path / "etc.md").exists()
    north = (tmp_path / "out" / "north.md").read_text(encoding="utf-8")
    assert "Total 40, share 25 per cent." in north
    # North and East tie on 40: joint first of seven.
    assert "North is =1 of 7 with" in north
    east = (tmp_path / "out" / "east.md").read_text(encoding="utf-8")
    assert "East is =1 of 7" in east
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert index["groups"] == GOOD + 1
    assert index["national"]["total"] == 141
    north_row = next(r for r in index["releases"] if r["group"] == "North")
    assert north_row["figures"]["total"]["rank"] == 1
    assert north_row["figures"]["total"]["joint"] is True


def test_collisions_get_distinct_stable_names(small_campaign: Path, tmp_path: Path) -> None:
    result = run_batch(small_campaign, tmp_path / "out", jobs=1)
    files = {r.group: r.file for r in result.results}
    assert files["A/B"] != files["A-B"]
    assert files["A/B"].startswith("a-b-") and files["A-B"].startswith("a-b-")
    assert len(set(files.values())) == len(files)


def test_same_input_gives_byte_identical_output(small_campaign: Path, tmp_path: Path) -> None:
    run_batch(small_campaign, tmp_path / "one", jobs=1)
    run_batch(small_campaign, tmp_path / "two", jobs=2)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


def test_existing_files_are_refused_then_forced(small_campaign: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(small_campaign, out, jobs=1)
    (out / "north.md").write_text("edited by hand", encoding="utf-8")
    with pytest.raises(PressgenError, match="--skip-existing"):
        run_batch(small_campaign, out, jobs=1)
    assert (out / "north.md").read_text(encoding="utf-8") == "edited by hand"
    run_batch(small_campaign, out, jobs=1, force=True)
    assert "Total 40" in (out / "north.md").read_text(encoding="utf-8")


def test_skip_existing_resumes(small_campaign: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(small_campaign, out, jobs=1)
    before = _files(out)
    (out / "south.md").unlink()
    (out / "index.json").unlink()
    (out / "north.md").write_text("kept", encoding="utf-8")
    result = run_batch(small_campaign, out, jobs=1, skip_existing=True)
    assert result.written == 1 and result.skipped == GOOD - 1
    assert (out / "north.md").read_text(encoding="utf-8") == "kept"
    after = _files(out)
    assert after["south.md"] == before["south.md"]
    assert after["index.json"] != before["index.json"]  # statuses say 'skipped' now


def test_index_csv_neutralises_formulas(small_campaign: Path, tmp_path: Path) -> None:
    run_batch(small_campaign, tmp_path / "out", jobs=1)
    with (tmp_path / "out" / "index.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    cells = [c for row in rows for c in row]
    assert not any(c and c[0] in "=+@" for c in cells)
    assert '\'=HYPERLINK("http://x")' in cells
    assert not any(
        c.startswith("-") and not c.lstrip("-").replace(".", "").isdigit() for c in cells
    )


def test_error_in_one_group_names_it_and_keeps_the_others(
    small_campaign: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["batch", str(small_campaign), "-o", str(tmp_path / "out"), "-j", "2"])
    assert code == 2
    err = capsys.readouterr().err
    assert "group 'Zero'" in err and "share of a whole that is zero" in err
    assert len(list((tmp_path / "out").glob("*.md"))) == GOOD
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    zero = next(r for r in index["releases"] if r["group"] == "Zero")
    assert zero["status"] == "error" and "Zero" in zero["error"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--each", "nope"], "no column 'nope'"),
        (["-f", "pdf"], "unknown format 'pdf'"),
        (["-j", "0"], "--jobs must be at least 1"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    small_campaign: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    code = main(["batch", str(small_campaign), "-o", str(tmp_path / "out"), *args])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert message in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_force_and_skip_existing_together_is_a_usage_error(
    small_campaign: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["batch", str(small_campaign), "-o", str(tmp_path / "o"), "--force", "--skip-existing"]
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "not allowed with" in capsys.readouterr().err
    with pytest.raises(PressgenError, match="choose one"):
        run_batch(small_campaign, tmp_path / "o", force=True, skip_existing=True)


def test_existing_output_exits_2(
    small_campaign: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = str(tmp_path / "out")
    run_batch(small_campaign, out, jobs=1)
    capsys.readouterr()
    assert main(["batch", str(small_campaign), "-o", out, "-j", "1"]) == 2
    assert "already exist" in capsys.readouterr().err
    assert main(["batch", str(small_campaign), "-o", out, "-j", "1", "--skip-existing"]) == 2


def test_campaign_without_each_needs_the_option(tmp_path: Path) -> None:
    from tests.conftest import EXAMPLE

    with pytest.raises(PressgenError, match="--each"):
        run_batch(EXAMPLE, tmp_path / "out", jobs=1)
