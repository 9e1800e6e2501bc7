"""The shortcuts batch speed rests on give what the long way gives: blank-line tidying
in one pass, whole counts formatted once per formatter."""

from __future__ import annotations

import random
import re
from pathlib import Path

from pressgen.release.render import _tidy
from pressgen.text.formatting import Formatter
from pressgen.text.style import HouseStyle


def _tidy_by_regex(text: str) -> str:
    if " \n" in text or "\t\n" in text:
        text = "\n".join([line.rstrip(" \t") for line in text.split("\n")])
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def test_tidy_collapses_blank_runs_as_the_regex_did() -> None:
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(["a", "\n", "\n\n\n\n", " ", "\t"]) for _ in range(40))
        assert _tidy(text) == _tidy_by_regex(text), repr(text)


def test_remembered_counts_are_the_counts() -> None:
    for tag in ("en_GB", "de_DE", "fr_FR"):
        fast = Formatter(tag, HouseStyle())
        for n in [*range(0, 40), 999, 1000, 12345, 10**7, -3, -1200]:
            want = Formatter(tag, HouseStyle()).count(n)
            assert fast.count(n) == want and fast.count(n) == want  # the second is remembered
            assert fast.count(n, sentence_start=True) == Formatter(tag, HouseStyle()).count(
                n, sentence_start=True
            )


def test_english_ordinal_figures_are_num2words() -> None:
    from num2words import num2words

    from pressgen.text.words import ordinal_figures

    values = [*range(1, 1200), *range(9990, 10125), 100011, 1000001, 123456789]
    for n in values:
        assert ordinal_figures(n, "en") == num2words(n, lang="en", to="ordinal_num"), n


def test_index_lines_without_the_csv_writer_are_what_it_writes() -> None:
    import csv
    import io

    from pressgen.batch.index import IndexRows

    rows = IndexRows.__new__(IndexRows)  # only its line writer: no job needed
    rows._buf = io.StringIO()
    rows._csv = csv.writer(rows._buf, lineterminator="\n")
    rng = random.Random(5)
    pieces = ["a", "Área 1", ",", '"', "\n", "\r", " ", "", "=1", "12", "x;y", "\t"]
    for _ in range(3000):
        cells = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))]
        cells += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))] * rng.randint(0, 4)
        want = io.StringIO()
        csv.writer(want, lineterminator="\n").writerow(cells)
        assert rows._line(cells) == want.getvalue(), cells


def test_remembered_escapes_are_the_escapes() -> None:
    from pressgen.release.escape import MarkdownText, escape_inline, finalize

    rng = random.Random(3)
    pieces = ["a", "*", "_", "#", "- ", "1.", "\n", "  ", "<b>", "&amp;", "|", "[x]", " "]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        assert finalize(text) == escape_inline(text)
        assert finalize(text) == escape_inline(text)  # the second is remembered
        assert (
            finalize(MarkdownText(text)) is not None and str(finalize(MarkdownText(text))) == text
        )


def test_comparisons_made_without_init_are_the_dataclass() -> None:
    from decimal import Decimal

    from pressgen.batch.groups import Comparison, Ranking, Standing

    standing = Standing("total", 100, Decimal(20), 5, True)
    ranking = Ranking({"total": standing}, {"A": {"total": (2, True)}})
    got = ranking.comparisons("A", {"total": (30, "count")})["total"]
    assert got == Comparison("count", 30, 2, True, standing)
    assert got.share_of_total == Decimal("0.3") and got.diff_from_average == 10


def test_ranking_from_workers_columns_is_the_ranking_from_every_group() -> None:
    """Workers send their groups' values by figure; joined in the workers' order they
    rank exactly as the groups' own values do in one process."""
    from decimal import Decimal

    from pressgen.batch.groups import join_columns, rank_columns, rank_groups, value_columns
    from pressgen.figures.model import Figure

    national = {
        n: Figure(name=n, kind="count", value=1, provenance=None)  # type: ignore[arg-type]
        for n in ("total", "share")
    }
    rng = random.Random(2)
    values: dict[str, dict[str, tuple[int | Decimal, str]]] = {}
    for i in range(40):
        got: dict[str, tuple[int | Decimal, str]] = {"total": (rng.randint(0, 5), "count")}
        if i % 3:  # some groups have no share
            got["share"] = (Decimal(rng.randint(0, 9)) / 7, "share")
        values[f"g{i}"] = got
    groups = list(values)
    halves = [{g: values[g] for g in groups[:17]}, {g: values[g] for g in groups[17:]}]
    joined = join_columns(value_columns(h) for h in halves)
    assert joined == value_columns(values)
    assert rank_columns({}, national, joined) == rank_groups({}, national, values)


def test_a_specs_kind_changes_only_the_kind() -> None:
    """with_kind builds the figure field by field: every other field must come through
    (and a field added to Figure must be added there too)."""
    from dataclasses import fields, replace
    from decimal import Decimal

    from pressgen.figures.model import Figure, Provenance
    from pressgen.figures.plan import with_kind
    from pressgen.figures.specs import FormulaSpec

    prov = Provenance("data.csv", "Data", "formula", "force = 'Kent'", 12, (3, 4), 1, ("a",))
    fig = Figure("x", "number", Decimal("0.25"), prov, "a label", ("w",), {"part": 1})
    spec = FormulaSpec(method="formula", expr="a / b", kind="share")
    got = with_kind(fig, spec)
    assert got == replace(fig, kind="share")
    assert all(
        getattr(got, f.name) is getattr(fig, f.name) for f in fields(fig) if f.name != "kind"
    )
    assert with_kind(fig, FormulaSpec(method="formula", expr="a / b")) is fig


def test_views_made_while_waiting_for_the_ranking_render_the_same(tmp_path: Path) -> None:
    """A worker makes its groups' views while the ranking is not there yet, and stops
    when told (at every POLL_EVERY groups); its releases and index lines are the same
    bytes as those of a share that made every view as it rendered."""
    import pressgen.batch.workers as workers
    from pressgen.batch.files import ReleaseWriter
    from pressgen.batch.groups import rank_groups
    from pressgen.batch.index import share_columns
    from pressgen.batch.job import prepare_job
    from tests.conftest import ROOT

    forces = ROOT / "campaigns" / "forces-cyber-training.toml"
    got: dict[str, tuple[dict[str, bytes], list[tuple[str, str]]]] = {}
    for side in ("ahead", "as rendered"):
        out = tmp_path / side.replace(" ", "-")
        out.mkdir()
        job = prepare_job(forces, out, None, "md", None, None, False, False, False)
        share = workers.Share(job, range(len(job.groups)))
        assert share.build(lambda: True) is not None
        if side == "ahead":
            asked = iter([False, False, True])
            made = share.make_views(asked.__next__)
            assert made == 2 * workers.POLL_EVERY and len(share.views) == made
            view = share.views[0]
            assert all(view[n]._text is not None for n in job.key_figures)  # formatted
        ranking = rank_groups(job.loaded.campaign.figures, job.national, share.values)
        with ReleaseWriter(out) as writer:
            chunks = list(share.render(ranking, share_columns(job, ranking), writer, lambda: True))
        assert share.views == {}
        lines = [line for chunk in chunks for _, _, line in chunk]
        got[side] = ({p.name: p.read_bytes() for p in out.iterdir()}, lines)
    assert len(got["ahead"][0]) == 43
    assert got["ahead"] == got["as rendered"]
