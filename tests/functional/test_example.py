"""The bundled example end to end: every seed figure computed, a golden copy, data edits."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.release.pipeline import prepare, render_release
from tests.conftest import EXAMPLE

GOLDEN = Path(__file__).parent / "golden" / "met-cyber-training.en_GB.md"

SEED_FIGURES = [
    "4,534",
    "52 per cent",
    "4,444",
    "51 per cent",
    "5,804",
    "42 per cent",
    "2,450",
    "three attendances by Detective Chief Inspectors",
    "four by Detective Inspectors",
]


def render(path: Path = EXAMPLE, **kw: object) -> str:
    return render_release(prepare(path), **kw).markdown  # type: ignore[arg-type]


def test_every_seed_figure_is_in_the_release() -> None:
    text = render()
    for figure in SEED_FIGURES:
        assert figure in text, figure


def test_no_seed_figure_is_typed_into_the_template() -> None:
    template = (EXAMPLE.parent.parent / "templates" / "cyber-training.md.j2").read_text()
    for number in ("4,534", "4534", "4,444", "5,804", "2,450", "52", "51", "42"):
        assert not re.search(rf"(?<![\w.]){re.escape(number)}(?![\w])", template), number


def test_golden_release() -> None:
    text = render()
    if os.environ.get("PRESSGEN_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_editing_the_dataset_changes_the_release(project: Path) -> None:
    csv = project / "datasets" / "met-cyber-training.csv"
    text = csv.read_text()
    # One more Detective Chief Inspector and 100 more student officers on First Responder.
    text = text.replace(
        "First Responder,2018/19,Detective Chief Inspector,1",
        "First Responder,2018/19,Detective Chief Inspector,2",
    )
    text = text.replace(
        "First Responder,2018/19,Student Officer,1259",
        "First Responder,2018/19,Student Officer,1359",
    )
    csv.write_text(text)
    out = render(project / "campaigns" / "met-cyber-training.toml")
    assert "4,635" in out  # 4,534 + 1 + 100
    assert "four attendances by Detective Chief Inspectors" in out
    assert "53 per cent" in out  # 2,461 / 4,635 = 53.1%
    assert "4,534" not in out


def test_suppressed_cell_in_a_used_figure_is_explained(project: Path) -> None:
    csv = project / "datasets" / "met-cyber-training.csv"
    csv.write_text(
        csv.read_text().replace(
            "First Responder,2018/19,Detective Inspector,3",
            "First Responder,2018/19,Detective Inspector,<5",
        )
    )
    rendered = render_release(prepare(project / "campaigns" / "met-cyber-training.toml"))
    assert "suppressed in the source" in rendered.markdown
    assert any("suppressed cell" in w for w in rendered.warnings)


def test_unapproved_quote_is_refused_unless_drafts(project: Path) -> None:
    camp = project / "campaigns" / "met-cyber-training.toml"
    camp.write_text(
        camp.read_text().replace('company = "adeyemi-frontline"', 'company = "adeyemi-investment"')
    )
    with pytest.raises(PressgenError, match="not approved; render with --drafts"):
        render(camp)
    text = render(camp, drafts=True)
    assert "[DRAFT – NOT APPROVED]" in text


def test_missing_figure_is_rejected_before_rendering(project: Path) -> None:
    camp = project / "campaigns" / "met-cyber-training.toml"
    text = camp.read_text()
    text = re.sub(r"\[figures\.first_responder_di\].*?(?=\n\[figures)", "", text, flags=re.S)
    camp.write_text(text)
    with pytest.raises(PressgenError, match="needs figure 'first_responder_di'"):
        render(camp)


def test_template_error_names_template_and_line(project: Path) -> None:
    tpl = project / "templates" / "cyber-training.md.j2"
    lines = tpl.read_text().splitlines()
    changed = set()
    for i, line in enumerate(lines):
        if "{{ f.first_responder_total }}" in line:
            lines[i] = line.replace("{{ f.first_responder_total }}", "{{ no_such_thing }}")
            changed.add(i + 1)
    assert changed
    tpl.write_text("\n".join(lines) + "\n")
    with pytest.raises(PressgenError) as info:
        render(project / "campaigns" / "met-cyber-training.toml")
    message = str(info.value)
    assert "cyber-training.md.j2" in message
    assert "'no_such_thing'" in message
    assert any(f"line {n}:" in message for n in changed), message


def test_data_values_cannot_inject_markdown(project: Path) -> None:
    camp = project / "campaigns" / "met-cyber-training.toml"
    camp.write_text(
        camp.read_text().replace(
            'dateline = "LONDON"', 'dateline = "LONDON ![x](http://evil.example/p.png) <script>"'
        )
    )
    text = render(camp)
    assert "![x](http" not in text
    assert "<script>" not in text
    assert r"!\[X\](HTTP://EVIL.EXAMPLE/P.PNG) \<SCRIPT\>" in text


def test_german_release_uses_translation_and_german_style() -> None:
    text = render(locale="de_DE")
    assert text.startswith("[//]: # (pressgen:embargo)\n**SPERRFRIST:")
    assert "# Tausende neue Met-Rekruten" in text
    assert "4.534" in text and "52 Prozent" in text
    assert "drei Teilnahmen von Detective Chief Inspectors" in text
    assert "Harbourline Hosting ist ein britisches" in text


def test_explicit_style_wins_over_locale_default() -> None:
    text = render(locale="de_DE", style="uk-press")
    assert "52 per cent" in text
    assert "4.534" in text


def test_locale_without_translation_keeps_campaign_words() -> None:
    text = render(locale="en_US")
    assert "# Thousands of new Met recruits" in text
    assert "4,534" in text


def test_german_release_quotes_in_german() -> None:
    text = render(locale="de_DE")
    assert "Cyberkriminalität ist längst kein Spezialgebiet" in text
    assert "Cyber crime is no longer a specialist corner" not in text


def test_editing_a_translation_after_approval_voids_it(project: Path) -> None:
    q = project / "quotes" / "met-cyber-training.toml"
    q.write_text(q.read_text().replace("längst kein Spezialgebiet", "kein Spezialgebiet"))
    with pytest.raises(PressgenError, match="text edited after approval"):
        render(project / "campaigns" / "met-cyber-training.toml")
