"""`pressgen lint` speaks the release's own house style (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
MET = ROOT / "campaigns" / "met-cyber-training.toml"


def _lint(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    main(["lint", *argv, "--json"])
    out: dict[str, object] = json.loads(capsys.readouterr().out)
    return out


def test_a_german_release_is_never_told_to_write_per_cent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = tmp_path / "de.md"
    assert main(["render", str(MET), "-l", "de_DE", "-o", str(draft)]) == 0
    capsys.readouterr()
    doc = _lint(capsys, str(draft), "-l", "de_DE")
    assert doc["style"] == "de-presse"
    messages = [f["message"] for f in doc["findings"]]  # type: ignore[attr-defined]
    assert not [m for m in messages if "per cent" in m]


def test_lint_with_a_campaign_uses_its_style_and_overrides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p"
    for folder in ("campaigns", "datasets", "templates", "quotes"):
        src = ROOT / folder
        (project / folder).mkdir(parents=True)
        for f in src.iterdir():
            if f.is_file():
                (project / folder / f.name).write_bytes(f.read_bytes())
    camp = project / "campaigns" / "met-cyber-training.toml"
    text = camp.read_text("utf-8")
    assert "[style_overrides]" not in text
    camp.write_text(text + '\n[style_overrides]\npercent_word = "%"\n', "utf-8")
    draft = tmp_path / "draft.md"
    draft.write_text("Officers: 52 per cent of them took it.\n", "utf-8")
    plain = _lint(capsys, str(draft))
    assert plain["style"] == "uk-press"
    assert not plain["findings"]
    styled = _lint(capsys, str(draft), "--campaign", str(camp))
    assert any("52%" in f["message"] or "52 %" in f["message"] for f in styled["findings"])  # type: ignore[attr-defined]


def test_table_cells_are_not_sentence_starts() -> None:
    from pressgen.check import lint_text
    from pressgen.text.style import resolve_style

    # a DOCX or HTML draft gives each table cell a line of its own
    cells = "Place\nArea\nCases\n1\nSouthby\n3,100\n=2\nEastvale\n480\n"
    found = lint_text(cells, locale="en_GB", style=resolve_style("uk-press"))
    assert [f.code for f in found if f.code == "sentence-numeral"] == []
    sentence = "3,100 cases were recorded in Southby last year.\n"
    found = lint_text(sentence, locale="en_GB", style=resolve_style("uk-press"))
    assert [f.code for f in found] == ["sentence-numeral"]
