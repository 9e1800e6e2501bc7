"""The bundled example rendered for a German reader: the German template variant."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.cli import main

ROOT = Path(__file__).resolve().parents[2]
CAMPAIGN = ROOT / "campaigns" / "met-cyber-training.toml"


def render(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["render", str(CAMPAIGN), *args]) == 0
    return capsys.readouterr().out


def test_german_variant_is_chosen_by_locale(capsys: pytest.CaptureFixture[str]) -> None:
    out = render(capsys, "-l", "de_DE")
    assert "insgesamt 4.534 Teilnahmen von Beamtinnen, Beamten und Angestellten" in out
    assert "drei Teilnahmen von Detective Chief Inspectors und vier Teilnahmen" in out
    assert "Haushaltsjahren 2017–18 und 2018–19" in out
    assert "SPERRFRIST:" in out and "00:01 Uhr GMT" in out
    assert "**ENDE**" in out and "Pressekontakt" in out
    assert "stellten mehr als die Hälfte der Teilnahmen" in out


def test_german_variant_in_german_house_style(capsys: pytest.CaptureFixture[str]) -> None:
    out = render(capsys, "-l", "de-DE", "-s", "de-presse")
    assert "(52 Prozent)" in out
    assert "Dienstag, 3. Dezember 2019, 00:01 Uhr GMT" in out


def test_austrian_reader_falls_back_to_german(capsys: pytest.CaptureFixture[str]) -> None:
    out = render(capsys, "-l", "de_AT", "-s", "de-presse")
    assert "4.534 Teilnahmen" in out  # CLDR 48: de_AT groups with '.'


def test_english_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    out = render(capsys)
    assert "4,534" in out and "three attendances by Detective Chief Inspectors" in out
    assert "52 per cent" in out


def test_styles_and_locales_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["styles"]) == 0
    out = capsys.readouterr().out
    assert "uk-press" in out and "53 per cent" in out and "Dec. 3, 2019" in out
    assert main(["locales"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 16 and "hi_IN" in out


@pytest.mark.parametrize("tag", ["", "xx", "und"])
def test_bad_locale_exits_2(capsys: pytest.CaptureFixture[str], tag: str) -> None:
    assert main(["render", str(CAMPAIGN), "-l", tag]) == 2
    err = capsys.readouterr().err
    assert err.startswith("pressgen: ") and err.count("\n") == 1


def test_swiss_reader_gets_no_eszett_from_pressgen(capsys: pytest.CaptureFixture[str]) -> None:
    """Swiss Standard German writes no ß. pressgen's own words follow (the template's
    text, number words); approved quotes stay exactly as approved, ß and all."""
    from pressgen.text.formatting import Formatter
    from pressgen.text.style import resolve_style

    out = render(capsys, "-l", "de_CH")
    assert "Ungewöhnlich gross war" in out and "4'534" in out
    # Swiss quotation marks are guillemets, for course names and quotes alike.
    assert "Der E-Learning-Kurs «Cyber Crime and Digital Policing – First Responder»" in out
    assert "> «Beamtinnen und Beamte" in out and "„" not in out
    quotes = "".join(line for line in out.splitlines() if line.startswith(">"))
    outside = "".join(line for line in out.splitlines() if not line.startswith(">"))
    assert "ß" not in outside and "ß" in quotes  # "Größe", "Straße": as approved
    swiss = Formatter("de_CH", resolve_style("de-presse", {}))
    german = Formatter("de_DE", resolve_style("de-presse", {}))
    assert (swiss.words(30), german.words(30)) == ("dreissig", "dreißig")
    assert swiss.ordinal(30) == "dreissigste"
    assert "Ungewöhnlich groß war" in render(capsys, "-l", "de_DE")
