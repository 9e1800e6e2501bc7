"""The angle finder on real files: inference, the values against the engine, JSON shape,
`new` through validate, render and check, and the one-line refusals of bad input."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal, localcontext
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressgen.angles.api import angles_for, profile_of
from pressgen.cli import main
from pressgen.figures.engine import DECIMAL_CONTEXT
from tests.angles.conftest import REPO, engine_value, write_csv

BUNDLED = [
    REPO / "datasets" / "forces-cyber-training.toml",
    REPO / "datasets" / "met-cyber-training.toml",
]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_angle_equals_the_engine(path: Path) -> None:
    prof = profile_of(path)
    found = angles_for(prof)
    assert {a.kind for a in found} >= {"total", "change", "rise", "fall", "top", "share"}
    for a in found:
        assert engine_value(a, prof) == a.value, a.name


def test_inferred_csv_without_manifest(tmp_path: Path) -> None:
    bare = tmp_path / "training.csv"
    shutil.copy(REPO / "datasets" / "forces-cyber-training.csv", bare)
    prof = profile_of(bare)
    assert prof.inferred
    assert prof.manifest.columns["attendees"].type == "int"
    assert prof.period == "financial_year"
    assert prof.periods == ("2017/18", "2018/19")
    assert prof.group == "force"
    # The file has suppressed cells: nothing from them is presented as exact.
    total = next(a for a in angles_for(prof) if a.kind == "total")
    assert not total.exact
    assert "at least" in total.sentence
    assert any("suppressed" in f for f in total.flags)


def _areas(tmp_path: Path, with_total: bool) -> Path:
    rows: list[list[object]] = []
    data = {"Kent": (100, 130), "Essex": (80, 70), "Surrey": (50, 55), "Devon": (3, 4)}
    for area, (a, b) in data.items():
        rows += [[area, "2019", a], [area, "2020", b]]
    if with_total:
        rows += [["England", "2019", 233], ["England", "2020", 259]]
    rows += [["Dorset", "2020", 9]]  # missing 2019: left out of changes, and counted
    return write_csv(tmp_path / "areas.csv", ["area", "year", "cases"], rows)


def test_total_rows_are_never_added_in_twice(tmp_path: Path) -> None:
    prof = profile_of(_areas(tmp_path, with_total=True))
    assert prof.totals == {"area": ("England",)}
    assert any("'England'" in d and "totals" in d for d in prof.decisions)
    found = {a.name: a for a in angles_for(prof)}
    # England's own total (259) leaves out Dorset (9, new in 2020): the groups do not add
    # up to it, so the file's total is the whole, said so, and never added to the rest.
    total = found["total_cases"]
    assert total.value == 259 == 130 + 70 + 55 + 4
    assert total.facts["published_total"]
    assert any("own total row" in r for r in total.reasons)
    change = found["change_cases"]
    with localcontext(DECIMAL_CONTEXT):
        assert change.value == Decimal(259 - 233) / Decimal(233)
    # The groups' own changes still compare like with like: Dorset has no 2019.
    rise = (
        found["rise_cases"]
        if "rise_cases" in found
        else next(a for a in found.values() if a.kind == "rise")
    )
    assert "Dorset" in rise.facts["left_out"] and rise.row != "Dorset"
    for a in found.values():
        assert engine_value(a, prof) == a.value, a.name
    small = found["bottom_area_cases"]
    assert any("identify" in f for f in small.flags)


def test_json_shape(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["angles", str(_areas(tmp_path, False)), "--json", "-n", "4"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert len(out) == 4
    assert [a["score"] for a in out] == sorted((a["score"] for a in out), reverse=True)
    for a in out:
        assert {"value", "sentence", "score", "reasons", "spec"} <= set(a)
        assert isinstance(a["value"], str)
        Decimal(a["value"])
        assert a["spec"]["method"] in {"sum", "share", "change", "group", "count_groups"}


def _new_render_check(data: Path, out: Path, *extra: str) -> None:
    assert main(["new", str(data), "-o", str(out), *extra]) == 0
    campaign = next((out / "campaigns").glob("*.toml"))
    assert (
        main(
            [
                "validate",
                str(out / "campaigns"),
                str(out / "templates"),
                str(out / "quotes"),
                str(out / "datasets"),
            ]
        )
        == 0
    )
    draft = out / "draft.md"
    assert main(["render", str(campaign), "-o", str(draft)]) == 0
    text = draft.read_text(encoding="utf-8")
    for part in ("ENDS", "Notes to editors", "About", "Media contact"):
        assert part in text
    assert main(["check", str(campaign), str(draft)]) == 0
    # Lint flags the text a person must still write, and nothing pressgen wrote itself.
    from pressgen.check import lint_text
    from pressgen.release.campaign import load_campaign

    loaded = load_campaign(campaign)
    findings = lint_text(text, locale=loaded.campaign.locale, style=loaded.style)
    assert findings and {f.code for f in findings} == {"placeholder"}, findings


def test_new_renders_and_checks(tmp_path: Path) -> None:
    _new_render_check(_areas(tmp_path, True), tmp_path / "proj")
    quotes = next((tmp_path / "proj" / "quotes").glob("*.toml")).read_text()
    assert "approved = false" in quotes


def test_new_from_a_manifest_and_as_a_batch(tmp_path: Path) -> None:
    _new_render_check(BUNDLED[0], tmp_path / "proj", "--each", "force")
    camp = (tmp_path / "proj" / "campaigns" / "forces-cyber-training.toml").read_text()
    assert 'each = "force"' in camp
    assert 'by = "force"' not in camp  # a per-force release cannot rank the forces


def test_new_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _areas(tmp_path, False)
    assert main(["new", str(data), "-o", str(tmp_path / "p")]) == 0
    capsys.readouterr()
    assert main(["new", str(data), "-o", str(tmp_path / "p")]) == 2
    err = capsys.readouterr().err
    assert "would overwrite" in err and "areas" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("header", "rows", "says"),
    [
        (
            ["area", "year", "name"],
            [["Kent", "2019", "x"], ["Essex", "2020", "y"]],
            "no numeric column",
        ),
        (["area", "year", "cases"], [["Kent", "2019", "4"]], "only 1 data row"),
        (["area", "year", "cases"], [["Kent", "2019", "<5"], ["Essex", "2020", "*"]], "suppressed"),
        (["cases", "other"], [["4", "5"], ["6", "7"]], "no period column"),
    ],
    ids=["no-numeric", "one-row", "all-suppressed", "no-period-no-groups"],
)
def test_bad_input_is_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    header: list[str],
    rows: list[list[object]],
    says: str,
) -> None:
    data = write_csv(tmp_path / "bad.csv", header, rows)
    for cmd in (["angles", str(data)], ["new", str(data), "-o", str(tmp_path / "p")]):
        assert main(cmd) == 2
        err = capsys.readouterr().err.strip()
        assert says in err and len(err.splitlines()) == 1 and "bad.csv" in err
    assert not (tmp_path / "p").exists()


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 5000)), min_size=2, max_size=8),
    st.booleans(),
)
def test_generated_datasets_render_and_check(
    tmp_path_factory: pytest.TempPathFactory, values: list[tuple[int, int]], total: bool
) -> None:
    tmp = tmp_path_factory.mktemp("gen")
    rows: list[list[object]] = []
    for i, (a, b) in enumerate(values):
        rows += [[f"Area {chr(65 + i)}", "2021/22", a], [f"Area {chr(65 + i)}", "2022/23", b]]
    if total:
        rows += [
            ["Total", "2021/22", sum(a for a, _ in values)],
            ["Total", "2022/23", sum(b for _, b in values)],
        ]
    data = write_csv(tmp / "gen.csv", ["council", "financial_year", "claims"], rows)
    prof = profile_of(data)
    for a in angles_for(prof):
        assert engine_value(a, prof) == a.value, a.name
    _new_render_check(data, tmp / "proj")


def test_long_table_never_adds_measures_together(tmp_path: Path) -> None:
    rows: list[list[object]] = []
    for area, base in (("Leeds", 40), ("York", 25), ("Hull", 30)):
        for i, year in enumerate(("2020", "2021", "2022")):
            rows += [
                [area, year, "claims made", base + 10 * i],
                [area, year, "claims paid", base // 2 + i],
            ]
    rows += [["York", "2022", "claims made", 90]]  # York's record year
    data = write_csv(tmp_path / "claims.csv", ["region", "year", "indicator", "value"], rows)
    prof = profile_of(data)
    assert prof.split == "indicator"
    assert any("never added" in d for d in prof.decisions)
    found = angles_for(prof)
    totals = {a.facts["noun"]: a.value for a in found if a.kind == "total"}
    assert totals == {"claims made": 60 + 45 + 90 + 50, "claims paid": 22 + 14 + 17}
    record = next(a for a in found if a.kind == "record" and a.facts["noun"] == "claims made")
    assert record.facts["group"] == "York" and record.value == 135
    assert "its highest" in record.sentence
    for a in found:
        assert engine_value(a, prof) == a.value, a.name
    _new_render_check(data, tmp_path / "proj")


def test_locale_and_style(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _areas(tmp_path, False)
    assert main(["angles", str(data), "-l", "de_DE", "-s", "de-presse", "-n", "3"]) == 0
    out = capsys.readouterr().out
    assert "# 'year' is the period" in out
    assert " 1. [" in out and "value " in out
    prof = profile_of(data)
    de = {a.name: a.sentence for a in angles_for(prof, locale="de_DE", style="de-presse")}
    en = {a.name: a.sentence for a in angles_for(prof)}
    assert "Prozent" in de["change_cases"] and "per cent" in en["change_cases"]


def test_pivoted_table_is_read_long(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Leeds", 120, 150, "<5"],
        ["York", 80, 60, 75],
        ["Hull", 40, 45, 52],
        ["All councils", 240, 255, 127],
    ]
    data = write_csv(tmp_path / "pivot.csv", ["council", "2019", "2020", "2021"], rows)
    prof = profile_of(data)
    assert prof.period == "period" and prof.periods == ("2019", "2020", "2021")
    assert prof.totals == {"council": ("All councils",)}
    assert any("pivoted" in d for d in prof.decisions)
    found = {a.name: a for a in angles_for(prof)}
    assert found["total_value"].value == 75 + 52 and not found["total_value"].exact
    # Leeds has no exact figure for 2021, but a row: it stays in the change, flagged.
    for a in found.values():
        assert engine_value(a, prof) == a.value, a.name
    _new_render_check(data, tmp_path / "proj")
    assert (tmp_path / "proj" / "datasets" / "pivot-long.csv").read_text().count("<5") == 1


def test_xlsx_without_a_manifest_asks_for_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"PK")
    assert main(["angles", str(book)]) == 2
    err = capsys.readouterr().err.strip()
    assert "write a manifest" in err and "book.xlsx" in err and len(err.splitlines()) == 1


def test_a_year_typed_int_by_its_manifest_is_the_period() -> None:
    manifest = REPO / "examples" / "rac-vehicle-thefts" / "datasets" / "vehicle-thefts.toml"
    if not manifest.is_file():
        pytest.skip("the examples corpus is not here")
    prof = profile_of(manifest)
    assert prof.period == "year" and prof.period_int
    assert "year" not in prof.measures
    found = angles_for(prof)
    assert any(a.kind == "change" for a in found)
    for a in found:
        assert engine_value(a, prof) == a.value, a.name


def _long_table(tmp_path: Path) -> Path:
    """A long table as statistics offices publish it: one column names the measure, a
    'total' row per measure and year, and groups that overlap (mothers by nationality
    and by country of birth), so the groups never add up to the total. Deaths stop a
    year before births."""
    rows: list[list[object]] = []
    births = {"2021": 337_000, "2022": 329_251, "2023": 320_656}
    for year, n in births.items():
        rows += [
            [year, "births", "total", n],
            [year, "births", "mother national", n * 3 // 4],
            [year, "births", "mother foreign", n // 4],
            [year, "births", "mother born here", n * 2 // 3],
        ]
    for year, n in {"2021": 450_000, "2022": 464_417}.items():
        rows += [[year, "deaths", "total", n], [year, "deaths", "mother national", n // 2]]
    return write_csv(tmp_path / "mnp.csv", ["year", "indicator", "group", "value"], rows)


def test_a_long_table_reads_each_measure_in_its_own_periods(tmp_path: Path) -> None:
    prof = profile_of(_long_table(tmp_path))
    assert prof.split == "indicator"
    assert prof.split_values == ("births", "deaths")  # the file's order, not the alphabet
    found = {a.name: a for a in angles_for(prof)}
    # Deaths have no 2023 rows: their latest year is 2022, never "0 deaths in 2023" or
    # "down 100 per cent, from 464,417 to 0".
    deaths = found["total_value_deaths"]
    assert deaths.value == 464_417 and deaths.facts["period"] == "2022"
    assert all(a.value != -1 for a in found.values() if a.kind == "change")
    assert not any(" to 0" in a.sentence or " 0 deaths" in a.sentence for a in found.values())
    for a in found.values():
        assert engine_value(a, prof) == a.value, a.name


def test_groups_that_never_add_up_to_the_total_row_leave_it_the_whole(tmp_path: Path) -> None:
    prof = profile_of(_long_table(tmp_path))
    found = {a.name: a for a in angles_for(prof)}
    births = found["total_value_births"]
    # The published total, not the sum of overlapping groups (which counts each birth
    # more than once), and no share of a whole the parts are not parts of.
    assert births.value == 320_656 and births.facts.get("published_total")
    assert births.spec["where"]["group"] == "total"
    assert "320,656" in births.sentence
    change = found["change_value_births"]
    with localcontext(DECIMAL_CONTEXT):
        assert change.value == Decimal(320_656 - 329_251) / Decimal(329_251)
    assert not [a for a in found.values() if a.kind == "share" and "births" in a.name]
    assert engine_value(births, prof) == births.value
    assert engine_value(change, prof) == change.value


def test_each_category_has_its_share_of_the_published_total(tmp_path: Path) -> None:
    """As in a union membership release: the total rows, then the same workers again by
    sex and by sector (groups that overlap). The membership rate is the smaller
    category's share of the total rows, not of the overlapping groups' sum."""
    rows: list[list[object]] = []
    for year, (m, n) in {"2022": (14_285, 127_215), "2023": (14_424, 129_796)}.items():
        rows += [[year, "total", "All workers", "member", m]]
        rows += [[year, "total", "All workers", "nonmember", n]]
        for group, part in (("Men", 0.52), ("Women", 0.48), ("Public", 0.15), ("Private", 0.85)):
            rows += [[year, "split", group, "member", int(m * part)]]
            rows += [[year, "split", group, "nonmember", int(n * part)]]
    path = write_csv(
        tmp_path / "union.csv", ["year", "breakdown", "group", "status", "workers"], rows
    )
    prof = profile_of(path)
    assert prof.category == "status"
    found = angles_for(prof)
    member = next(a for a in found if a.kind == "share" and a.facts["category"] == "member")
    with localcontext(DECIMAL_CONTEXT):
        assert member.value == Decimal(14_424) / Decimal(14_424 + 129_796)
    assert "10 per cent of the 144,220" in member.sentence and "largest" not in member.sentence
    assert engine_value(member, prof) == member.value


@pytest.mark.parametrize(
    ("locale", "number", "words"),
    [
        ("de_DE", "88.246", ("Prozent", "zwischen", "gab es mindestens")),
        ("fr_FR", "88\u202f246", ("\u00a0%", "entre", "on compte au moins")),
        ("es_ES", "88.246", ("\u00a0%", "entre", "hubo al menos")),
    ],
)
def test_sentences_are_written_in_the_locale_and_its_style(
    locale: str, number: str, words: tuple[str, ...]
) -> None:
    prof = profile_of(BUNDLED[0])
    found = angles_for(prof, locale=locale)
    text = "\n".join(a.sentence for a in found)
    assert number in text or number.replace("\u202f", "\u00a0") in text, text
    for w in words:
        assert w in text, (w, text)
    # Written in the language, not English with its numbers localised.
    for english in ("There were", " between ", "per cent", "accounted for", "followed by"):
        assert english not in text, (english, text)
    kinds = {a.kind for a in found}
    assert {"total", "change", "rise", "fall", "top", "share"} <= kinds


def test_every_language_words_every_sentence() -> None:
    from pressgen.angles.wording import WORDINGS
    from pressgen.angles.wording_more import PLURALS
    from pressgen.text.placeholders import compile_placeholders

    english = WORDINGS["en"]
    for language, words in WORDINGS.items():
        assert set(words) == set(english), language
        for pattern in words.values():
            # Each pattern is in the placeholder language and names only known fields.
            compile_placeholders(pattern, tuple(_SENTENCE_FIELDS))
    for forms in PLURALS.values():
        for by_category in forms.values():
            for pattern in by_category.values():
                compile_placeholders(pattern, tuple(_SENTENCE_FIELDS))


_SENTENCE_FIELDS = [
    "noun",
    "Noun",
    "de_noun",
    "period",
    "Period",
    "when",
    "at_least",
    "groups",
    "row",
    "joint",
    "start",
    "end",
    "n",
    "way",
    "before",
    "after",
    "pct",
    "k",
    "K",
    "g",
    "others",
    "ratio",
    "mean",
    "best",
    "part_name",
    "whole",
    "which",
    "part",
    "column",
    "parents",
    "per",
    "population",
    "group",
    "diff",
    "value",
    "rank",
    "of",
    "share",
    "national",
]


def test_a_total_split_again_by_a_totalled_column_is_counted_once(tmp_path: Path) -> None:
    """Totals in two directions (an "England" row for each crime type and an "All
    crimes" row): the whole is England's "All crimes" row alone, never England's rows
    added up (which would count every crime twice)."""
    rows: list[list[object]] = []
    for year, k in (("2022", 1), ("2023", 2)):
        cells = {("Kent", "burglary"): 10 * k, ("Kent", "theft"): 30 * k}
        cells |= {("Essex", "burglary"): 5 * k, ("Essex", "theft"): 15 * k}
        for (area, crime), n in cells.items():
            rows.append([year, area, crime, n])
        for area in ("Kent", "Essex"):
            rows.append(
                [year, area, "All crimes", sum(v for (a, _), v in cells.items() if a == area)]
            )
        # England also counts areas not listed, so the parts never add up to it.
        rows += [[year, "England", "burglary", 100 * k], [year, "England", "theft", 300 * k]]
        rows += [[year, "England", "All crimes", 400 * k]]
    prof = profile_of(write_csv(tmp_path / "crime.csv", ["year", "area", "crime", "n"], rows))
    assert set(prof.totals) == {"area", "crime"}
    total = next(a for a in angles_for(prof) if a.kind == "total")
    assert total.value == 800 and total.facts.get("published_total")
    assert total.spec["where"] == {"area": "England", "crime": "All crimes", "year": 2023} or (
        total.spec["where"] == {"area": "England", "crime": "All crimes", "year": "2023"}
    )
    assert engine_value(total, prof) == total.value
