"""The examples corpus as the acceptance test of issue 15: each campaign reconstructed
from a published release renders through the real pipeline, prints every figure marked
native exactly as the original printed it, types none of the figures it cannot compute,
and passes `check` untouched."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pressgen.check import check_draft
from pressgen.release.pipeline import prepare, render_release
from pressgen.release.validate import validate_paths
from pressgen.storage.locations import PROJECT_FOLDERS
from tests.cli import run_cli
from tests.examples.corpus import Example, all_examples, occurrences, typed_text

EXAMPLES = all_examples()
IDS = [e.name for e in EXAMPLES]


_RENDERS: dict[str, str] = {}
_CLI_RENDERS: dict[str, Path] = {}


def _render(example: Example) -> str:
    """The campaign rendered in-process, once per run."""
    if example.name not in _RENDERS:
        _RENDERS[example.name] = render_release(prepare(example.campaign)).markdown
    return _RENDERS[example.name]


def _cli_render(example: Example, folder: Path) -> Path:
    """The campaign rendered by `pressgen render -o`, once per run."""
    if example.name not in _CLI_RENDERS:
        out = folder / f"{example.name}.md"
        proc = run_cli(["render", str(example.campaign), "-o", str(out)])
        assert proc.status == 0, proc.stderr
        assert "Traceback" not in proc.stderr
        _CLI_RENDERS[example.name] = out
    return _CLI_RENDERS[example.name]


def test_the_corpus_meets_the_acceptance_bar() -> None:
    """At least six campaigns, with German, French or Spanish, and US English among them."""
    assert len(EXAMPLES) >= 6
    locales = {e.meta["locale"] for e in EXAMPLES}
    assert "de_DE" in locales
    assert locales & {"fr_FR", "es_ES"}
    assert "en_US" in locales
    for example in EXAMPLES:
        assert example.url.startswith("https://")
        assert example.native, f"{example.name}: no figure is native"


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_expected_file_matches_the_campaign(example: Example) -> None:
    """Each native figure names a spec the campaign has; each gap says what is missing."""
    prepared = prepare(example.campaign)
    assert prepared.loaded.campaign.locale == example.meta["locale"]
    assert prepared.loaded.campaign.style == example.meta["style"]
    for e in example.figures:
        if e.native:
            assert e.figure in prepared.figures, f"{e.text!r}: no figure {e.figure!r}"
            assert e.gap is None, f"{e.text!r} is native and names a gap"
        else:
            assert e.gap and len(e.gap) > 20, f"{e.text!r} needs a gap that names the feature"


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_gap_figures_rest_on_the_data(example: Example) -> None:
    """A figure pressgen cannot print yet is still in the data: where the expected file
    names its spec, the spec's exact value is the one the original printed."""
    figures = prepare(example.campaign).figures
    for e in example.gaps:
        if e.value is not None:
            assert e.figure in figures, f"{e.text!r}: no figure {e.figure!r}"
            assert Decimal(figures[e.figure].value) == Decimal(e.value), e.text


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_native_figures_are_printed_as_the_original_printed_them(example: Example) -> None:
    text = _render(example)
    missing = [
        f"{e.text!r} (figure {e.figure}): found {occurrences(e.text, text)}, want {e.times}"
        for e in example.native
        if occurrences(e.text, text) < e.times
    ]
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_no_figure_is_typed_as_a_constant(example: Example) -> None:
    """Neither a gap nor a native figure may be typed where the render can pick it up: in
    a template, the campaign's release words, a manifest's notes or a quote."""
    typed = typed_text(example)
    found = [
        f"{e.text!r} typed in {where}"
        for e in example.figures
        for where, words in typed.items()
        if occurrences(e.text, words)
    ]
    assert not found, "\n".join(found)


def _with_check_findings() -> list[object]:
    """The examples, each marked strictly xfail where `check` has a recorded defect, so
    the mark flips to a failure (XPASS) once the defect is fixed."""
    return [
        pytest.param(e, id=e.name, marks=pytest.mark.xfail(reason=e.check_xfail, strict=True))
        if e.check_xfail
        else pytest.param(e, id=e.name)
        for e in EXAMPLES
    ]


@pytest.mark.parametrize("example", _with_check_findings())
def test_untouched_render_passes_check(example: Example) -> None:
    report = check_draft(prepare(example.campaign), _render(example))
    assert report.ok, "\n".join(f.format() for f in report.problems)


@pytest.fixture(scope="module")
def cli_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli-renders")


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_cli_renders_the_campaign(example: Example, cli_folder: Path) -> None:
    """The same through the command line, as a user would run it."""
    out = _cli_render(example, cli_folder)
    assert out.read_text(encoding="utf-8") == _render(example)


@pytest.mark.parametrize("example", _with_check_findings())
def test_cli_check_accepts_the_untouched_render(example: Example, cli_folder: Path) -> None:
    check = run_cli(["check", str(example.campaign), str(_cli_render(example, cli_folder))])
    assert "Traceback" not in check.stderr
    assert check.status == 0, check.stdout + check.stderr


@pytest.mark.parametrize("example", EXAMPLES, ids=IDS)
def test_validate_accepts_the_example_project(example: Example) -> None:
    """`pressgen validate` finds every file of the example project valid."""
    folders = [example.folder / name for name in PROJECT_FOLDERS]
    assert all(f.is_dir() for f in folders)
    assert validate_paths(folders) == []
