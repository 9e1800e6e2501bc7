"""The bundled batch example: 43 forces, 43 releases, figures equal to the engine's."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import polars as pl
import pytest

from pressgen.batch import compare_groups, compute_group_figures, run_batch
from pressgen.figures.engine import compute_figures, required_columns
from pressgen.release.campaign import load_campaign
from pressgen.release.views import FigureView
from pressgen.sources.dataset import load_dataset
from tests.conftest import ROOT

FORCES = ROOT / "campaigns" / "forces-cyber-training.toml"


def test_forty_three_releases_and_an_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    import gc

    result = run_batch(FORCES, out, jobs=2)
    assert result.written == 43 and not result.failed
    assert gc.isenabled()  # the batch runs without the cyclic collector, then restores it
    releases = sorted(out.glob("*.md"))
    assert len(releases) == 43
    texts = {p.read_text(encoding="utf-8") for p in releases}
    assert len(texts) == 43
    with (out / "index.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 43
    ranks = sorted(int(r["first_responder_total_rank"]) for r in rows)
    assert ranks[0] == 1 and ranks[-1] <= 43
    kent = next(r for r in rows if r["group"] == "Kent Police")
    text = (out / kent["file"]).read_text(encoding="utf-8")
    assert text.startswith(
        "[//]: # (pressgen:embargo)\n**EMBARGOED UNTIL 00:01 GMT ON TUESDAY 3 DECEMBER 2019**"
    )
    assert "# Kent Police recorded 1,292 attendances" in text
    assert "How Kent Police compares" in text
    assert "invented" in text  # the illustrative notes
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    kent_json = next(r for r in index["releases"] if r["group"] == "Kent Police")
    assert kent_json["figures"]["first_responder_total"]["text"] in text


def test_grouped_figures_equal_the_engine_on_each_group() -> None:
    loaded = load_campaign(FORCES)
    specs = loaded.campaign.figures
    need = required_columns(specs, "main")["main"] | {"force"}
    ds = load_dataset(loaded.dataset_paths["main"], need)
    grouped = compute_group_figures(specs, {"main": ds}, "main", "force", small_count=5)
    assert len(grouped) == 43
    for group, res in grouped.items():
        assert res.figures is not None
        sub = replace(ds, frame=ds.frame.filter(pl.col("force") == group))
        ref = compute_figures(specs, {"main": sub}, "main", small_count=5)
        for name, fig in ref.items():
            got = res.figures[name].as_dict()
            want = fig.as_dict()
            if specs[name].method != "formula":
                assert got["provenance"]["filter"].startswith(f"force = {group!r}")
            got["provenance"]["filter"] = want["provenance"]["filter"]
            assert got == want, (group, name)


def test_comparisons_add_up() -> None:
    loaded = load_campaign(FORCES)
    specs = loaded.campaign.figures
    ds = load_dataset(loaded.dataset_paths["main"], None)
    national = compute_figures(specs, {"main": ds}, "main", small_count=5)
    grouped = compute_group_figures(specs, {"main": ds}, "main", "force", small_count=5)
    comps = compare_groups(specs, national, grouped)
    total = sum(comps[g]["first_responder_total"].value for g in comps)
    assert total == national["first_responder_total"].value
    shares = sum(
        (comps[g]["three_courses_total"].share_of_total or Decimal(0) for g in comps), Decimal(0)
    )
    assert abs(shares - 1) < Decimal("1e-20")
    assert all(comps[g]["first_responder_students"].share_of_total is None for g in comps)
    ranks = sorted(
        (c["first_responder_dci"].rank or 0, c["first_responder_dci"].joint) for c in comps.values()
    )
    assert any(joint for _, joint in ranks)  # small counts tie: joint places


def test_share_of_total_refused_for_a_share(tmp_path: Path) -> None:
    from pressgen.batch.views import CompareView
    from pressgen.errors import PressgenError
    from pressgen.text.formatting import Formatter
    from pressgen.text.style import resolve_style

    loaded = load_campaign(FORCES)
    specs = loaded.campaign.figures
    ds = load_dataset(loaded.dataset_paths["main"], None)
    national = compute_figures(specs, {"main": ds}, "main", small_count=5)
    grouped = compute_group_figures(specs, {"main": ds}, "main", "force", small_count=5)
    comps = compare_groups(specs, national, grouped)
    fmt = Formatter("en_GB", resolve_style("uk-press", {}))
    view = CompareView(fmt, comps["Kent Police"]["first_responder_students"])
    with pytest.raises(PressgenError, match="no share of the national total"):
        _ = view.share_of_total
    assert "percentage point" in str(view.diff_from_national)
    assert str(FigureView(fmt, national["first_responder_total"])) == "62,714"


def test_german_batch_speaks_of_each_force_and_compares_it(tmp_path: Path) -> None:
    out = tmp_path / "de"
    result = run_batch(FORCES, out, jobs=1, locale="de_DE")
    assert result.written == 43 and not result.failed
    kent = (out / "kent-police.md").read_text(encoding="utf-8")
    assert kent.startswith(
        "[//]: # (pressgen:embargo)\n**SPERRFRIST: Dienstag, 3. Dezember 2019, 00:01 Uhr GMT**"
    )
    assert "# Kent Police: 1.292 Teilnahmen an Cybercrime-Schulungen" in kent
    assert "der Polizeibehörde Kent Police" in kent
    assert "Londoner" not in kent and "Informationsfreiheitsgesetz" not in kent  # the Met's words
    assert "für dieses Beispiel erfunden" in kent  # the dataset is illustrative
    assert "Im Vergleich: Mit 1.292 Teilnahmen" in kent and "von 43 Polizeibehörden" in kent
    assert "## Beispielzahlen für die 43 Polizeibehörden" in kent  # the campaign's translation
    # The quotes have no German translation: said once, for the whole batch, and indexed.
    assert len(result.warnings) == 2
    assert all("has no 'de' translation" in w for w in result.warnings)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert index["warnings"] == list(result.warnings)


def test_translation_warnings_name_what_stays_as_written() -> None:
    from pressgen.release.pipeline import prepare, render_release

    met = render_release(prepare(ROOT / "campaigns" / "met-cyber-training.toml"), locale="de_DE")
    assert not [w for w in met.warnings if "translation" in w]  # text and quotes translated
    french = render_release(prepare(FORCES), locale="fr_FR")
    texts = [w for w in french.warnings if "translation" in w]
    assert texts[0].startswith("the campaign's release text") and "'fr'" in texts[0]
    assert sum("quote" in w for w in texts) == 2
    english = render_release(prepare(FORCES), locale="en_US")
    assert not [w for w in english.warnings if "translation" in w]  # the campaign's language


@pytest.mark.parametrize(
    ("locale", "most", "third", "no_detectives"),
    [
        (
            "en_GB",
            "The most popular course",
            "A third course",
            "No Detective Chief Inspectors or Detective Inspectors completed it.",
        ),
        (
            "de_DE",
            "Am stärksten gefragt",
            "Ein dritter Kurs",
            "Detective Chief Inspectors oder Detective Inspectors schlossen den Kurs nicht ab.",
        ),
    ],
)
def test_claims_in_each_release_hold_for_its_own_figures(
    tmp_path: Path, locale: str, most: str, third: str, no_detectives: str
) -> None:
    """The template's comparative words follow each group's figures: 'the most popular
    course' only where it is, and no 'senior detectives: 0 and 0'."""
    out = tmp_path / locale
    run_batch(FORCES, out, jobs=1, locale=locale)
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    seen_most = seen_third = 0
    for entry in index["releases"]:
        text = (out / entry["file"]).read_text(encoding="utf-8")
        v = {k: f["value"] for k, f in entry["figures"].items()}
        is_most = v["social_media_total"] >= max(
            v["first_responder_total"], v["introduction_total"]
        )
        assert (most in text) == is_most and (third in text) != is_most, entry["group"]
        seen_most += is_most
        seen_third += not is_most
        no_dets = v["first_responder_dci"] == 0 and v["first_responder_di"] == 0
        assert (no_detectives in text) == no_dets, entry["group"]
        assert " 0 Detective" not in text  # a count of nobody is said in words
        assert " eins Detective" not in text  # German: "ein Detective Inspector"
        assert "unusually large" not in text and "Ungewöhnlich groß" not in text  # the Met's
    assert seen_most and seen_third  # both wordings are exercised by the example data


def test_notes_count_each_suppressed_cell_once(tmp_path: Path) -> None:
    """A suppressed cell read by a total and by a share of it is one cell, not two."""
    import csv as csv_module

    from pressgen.release.pipeline import prepare, render_release

    with (ROOT / "datasets" / "forces-cyber-training.csv").open(encoding="utf-8") as fh:
        rows = list(csv_module.DictReader(fh))
    courses = {
        "Cyber Crime and Digital Policing - First Responder",
        "Cyber Crime and Digital Policing - Introduction",
        "Digital Communications, Social Media, Cyber Crime and Policing",
    }

    def hidden(force: str | None = None) -> int:
        return sum(
            1
            for r in rows
            if r["course"] in courses
            and r["attendees"] in ("<5", "*", "[c]", "..")
            and force in (None, r["force"])
        )

    national = render_release(prepare(FORCES)).markdown
    assert f"{hidden()} cells were suppressed" in national.replace("Twenty-five", "25")
    out = tmp_path / "out"
    run_batch(FORCES, out, jobs=1)
    surrey = (out / "surrey-police.md").read_text(encoding="utf-8")
    assert hidden("Surrey Police") == 1 and "One cell was suppressed in the source" in surrey
    midlands = (out / "west-midlands-police.md").read_text(encoding="utf-8")
    assert hidden("West Midlands Police") == 3 and "Three cells were suppressed" in midlands
    kent = (out / "kent-police.md").read_text(encoding="utf-8")
    assert hidden("Kent Police") == 0 and "No figure in this release uses a cell" in kent


def test_render_one_group_gives_the_batch_release(tmp_path: Path) -> None:
    """`render --group` makes one force's release without the whole batch, identical."""
    from pressgen.cli import main

    out = tmp_path / "out"
    run_batch(FORCES, out, jobs=1, locale="de_DE")
    one = tmp_path / "kent.md"
    args = ["render", str(FORCES), "--group", "Kent Police", "-l", "de_DE", "-o", str(one)]
    assert main(args) == 0
    assert one.read_bytes() == (out / "kent-police.md").read_bytes()
    assert main([*args[:-2], "-o", str(tmp_path / "x.md"), "--each", "rank"]) == 2  # no such group


def test_places_in_the_bottom_half_count_from_the_bottom(tmp_path: Path) -> None:
    """'second-lowest of the 43 forces' rather than '42nd-highest': and it must be true,
    the number of forces with fewer attendances plus one."""
    from pressgen.text.formatting import Formatter
    from pressgen.text.phrases import rank
    from pressgen.text.style import resolve_style

    out = tmp_path / "out"
    run_batch(FORCES, out, jobs=1)
    fmt = Formatter("en_GB", resolve_style("uk-press", {}))
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    values = [r["figures"]["first_responder_total"]["value"] for r in index["releases"]]
    bottom = 0
    for entry in index["releases"]:
        fig = entry["figures"]["first_responder_total"]
        text = (out / entry["file"]).read_text(encoding="utf-8")
        if fig["joint"] or fig["rank"] * 2 <= fig["of"] + 1:
            phrase = rank(fmt, fig["rank"], "highest", joint=fig["joint"])
        else:
            below = sum(1 for v in values if v < fig["value"])
            phrase = rank(fmt, below + 1, "lowest")
            bottom += 1
        assert f"attendances were the {phrase} of the 43 forces" in text, entry["group"]
    assert bottom > 10
