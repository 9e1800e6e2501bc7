"""Mutation tests: every number of the rendered example altered by one digit, every
percentage changed, every count swapped for another, is caught where it was made."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from docx import Document

from pressgen.check import Checker, read_draft
from pressgen.check.numbers import NumberToken
from pressgen.export import ExportOptions, export_release
from pressgen.release.pipeline import Prepared

_WORD_SWAPS = {"three": "two", "four": "five", "drei": "zwei", "vier": "fünf"}


def figure_tokens(checker: Checker) -> list[NumberToken]:
    """The baseline's numbers that the template printed from a figure."""
    return [t for t, keys in zip(checker.base_tokens, checker.base_keys, strict=True) if keys]


_APPROX_SWAP = {"en": "almost a third", "de": "knapp ein Drittel", "fr": "environ un quart"}


def digit_mutations(text: str, tok: NumberToken, lang: str = "en") -> Iterator[tuple[str, str]]:
    """Each digit of `tok` bumped by one (9 -> 8), or a spelled number replaced."""
    if tok.form == "words":
        low = tok.text.lower()
        yield f"{tok.text}->{_WORD_SWAPS[low]}", _replace(text, tok, _WORD_SWAPS[low])
        return
    if tok.form == "approx":
        new = _APPROX_SWAP[lang]
        yield f"{tok.text}->{new}", _replace(text, tok, new)
        return
    for i, ch in enumerate(tok.text):
        if ch.isdigit():
            new = str(int(ch) + 1) if ch != "9" else "8"
            if i == 0 and new == "0":
                continue
            changed = tok.text[:i] + new + tok.text[i + 1 :]
            yield f"{tok.text}->{changed}", _replace(text, tok, changed)


def _replace(text: str, tok: NumberToken, new: str) -> str:
    return text[: tok.start] + new + text[tok.end :]


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


@pytest.mark.parametrize(
    ("locale", "style"), [("en_GB", None), ("de_DE", "de-presse"), ("en_US", "ap")]
)
def test_every_one_digit_change_is_caught(
    prepared: Prepared, locale: str, style: str | None
) -> None:
    checker = Checker(prepared, locale=locale, style=style)
    base = checker.baseline
    assert checker.check(base).ok
    toks = figure_tokens(checker)
    assert len(toks) >= 11
    missed = []
    for tok in toks:
        for label, mutated in digit_mutations(base, tok, checker.reader.language):
            report = checker.check(mutated)
            lines = {f.line for f in report.problems}
            if report.ok or _line_of(base, tok.start) not in lines:
                missed.append(label)
    assert not missed


def test_every_percentage_change_is_caught(prepared: Prepared) -> None:
    checker = Checker(prepared)
    base = checker.baseline
    pct = [t for t in figure_tokens(checker) if t.unit == "percent"]
    assert len(pct) == 3
    for tok in pct:
        assert tok.value is not None
        for delta in (-1, 1, 10):
            new = tok.text.replace(str(int(tok.value)), str(int(tok.value) + delta), 1)
            report = checker.check(_replace(base, tok, new))
            assert not report.ok, new
            assert any(f.offset == tok.start for f in report.problems), new


def test_every_count_swapped_for_another_is_caught(prepared: Prepared) -> None:
    checker = Checker(prepared)
    base = checker.baseline
    toks = [t for t in figure_tokens(checker) if t.unit == "plain"]
    assert len(toks) == 7  # four totals, two rank counts, one part
    for a in toks:
        for b in toks:
            if a.text == b.text:
                continue
            # put b's text where a was: a different figure's count in a's place
            report = checker.check(_replace(base, a, b.text))
            assert not report.ok, (a.text, b.text)
            codes = {f.code for f in report.problems if f.offset == a.start}
            assert codes & {"swapped", "unmatched"}, (a.text, b.text, codes)


def test_a_dropped_figure_is_a_note_not_a_problem(prepared: Prepared) -> None:
    # Leaving a figure out is the writer's right (issue 14): it is reported as
    # information, and the check still passes.
    checker = Checker(prepared)
    base = checker.baseline
    cut = re.sub(r" Police staff, rather than.*?2,182 enrolments\.", "", base)
    report = checker.check(cut)
    notes = [f for f in report.findings if f.code == "dropped"]
    assert [f.figure for f in notes] == ["social_media_staff"]
    assert {f.severity for f in notes} == {"note"}
    assert report.ok


def test_numbers_inside_quotes_are_checked(prepared: Prepared, release: str) -> None:
    checker = Checker(prepared)
    text = release.replace(
        "placed to earn the trust", "placed, as 4,600 new officers show, to earn the trust"
    )
    report = checker.check(text)
    found = [f for f in report.problems if f.text == "4,600"]
    assert found and found[0].in_quote and found[0].nearest == "first_responder_total"


def test_approximation_outside_its_band_is_caught(prepared: Prepared, release: str) -> None:
    report = Checker(prepared).check(release.replace("around half", "almost half"))
    assert [f.code for f in report.problems] == ["approximation"]
    assert "almost half" in report.problems[0].message


def test_a_share_that_no_longer_matches_its_count(prepared: Prepared, release: str) -> None:
    report = Checker(prepared).check(release.replace("42 per cent of them", "45 per cent of them"))
    codes = {f.code for f in report.problems}
    assert {"unmatched", "share-mismatch"} <= codes


def test_per_cent_for_a_points_figure_is_reported() -> None:
    from decimal import Decimal

    from pressgen.check.match import FigureIndex
    from pressgen.check.numbers import number_reader
    from pressgen.figures.engine import Figure, Provenance
    from pressgen.text.formatting import Formatter
    from pressgen.text.style import resolve_style

    style = resolve_style(None)
    prov = Provenance("x.csv", "main", "difference", "", 2)
    fig = Figure("gap", "points", Decimal("0.03"), prov)
    index = FigureIndex({"gap": fig}, Formatter("en_GB", style))
    reader = number_reader("en_GB", style)
    (pts,) = [t for t in reader.read("a gap of 3 percentage points") if t.checked]
    (pct,) = [t for t in reader.read("a gap of 3 per cent") if t.checked]
    assert index.matches(pts) and not index.matches(pct)
    assert index.nearest(pct) is not None and index.nearest(pct).unit == "points"  # type: ignore[union-attr]


# -- through DOCX -------------------------------------------------------------------------


def _docx(markdown: str) -> bytes:
    data = export_release(markdown, "docx", ExportOptions(title="t")).data
    assert isinstance(data, bytes)
    return data


def test_untouched_docx_export_passes(prepared: Prepared, release: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "release.docx"
    path.write_bytes(_docx(release))
    report = Checker(prepared).check(read_draft(path))
    assert report.ok, [f.format() for f in report.problems]


def test_docx_mutations_are_caught(prepared: Prepared, release: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    checker = Checker(prepared)
    original = _docx(release)
    targets = ["4,534", "52 per cent", "three", "4,444", "51 per cent", "5,804", "2,450", "2,182"]
    for target in targets:
        doc = Document(io.BytesIO(original))
        changed = False
        for par in doc.paragraphs:
            for run in par.runs:
                if target in run.text and not changed:
                    new = (
                        "two"
                        if target == "three"
                        else target.replace(target[0], str((int(target[0]) + 1) % 10), 1)
                    )
                    run.text = run.text.replace(target, new, 1)
                    changed = True
        assert changed, target
        path = tmp_path / "edited.docx"
        doc.save(str(path))
        report = checker.check(read_draft(path))
        assert not report.ok, target
