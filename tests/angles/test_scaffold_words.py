"""`pressgen new` leaves its placeholders' hints in the release's language: a German
press officer reads what to write in German; `lint` flags every placeholder whatever
the language, and the untouched render still passes check."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from pressgen.angles.scaffold_words import SCAFFOLD_WORDS
from pressgen.check.lint import lint_text
from pressgen.cli import main
from pressgen.text.locales import supported_locales
from tests.angles.conftest import write_csv

LOCALES = {tag.split("_")[0]: tag for tag in reversed(supported_locales())}


def test_every_language_with_a_release_has_its_hints() -> None:
    assert set(SCAFFOLD_WORDS) == set(LOCALES)
    for words in SCAFFOLD_WORDS.values():
        assert all(getattr(words, f.name).strip() for f in fields(words))


@pytest.mark.parametrize("language", sorted(SCAFFOLD_WORDS))
def test_new_writes_its_hints_in_the_locale(tmp_path: Path, language: str) -> None:
    locale = LOCALES[language]
    words = SCAFFOLD_WORDS[language]
    rows = [
        [a, y, n] for a, y, n in (("Kent", 2019, 100), ("Kent", 2020, 130), ("Essex", 2019, 80))
    ]
    data = write_csv(tmp_path / "areas.csv", ["area", "year", "cases"], rows)
    out = tmp_path / "proj"
    assert main(["new", str(data), "-o", str(out), "-l", locale]) == 0
    campaign = out / "campaigns" / "areas.toml"
    camp = campaign.read_text(encoding="utf-8")
    quotes = (out / "quotes" / "areas.toml").read_text(encoding="utf-8")
    manifest = (out / "datasets" / "areas.toml").read_text(encoding="utf-8")
    for hint in (words.headline, words.subhead, words.dateline, words.boilerplate, words.notes):
        assert f"PLACEHOLDER: {hint}" in camp
    assert f"PLACEHOLDER: {words.quote}" in quotes and words.spokesperson in quotes
    assert f"PLACEHOLDER: {words.publisher}" in manifest
    if language != "en":
        english = SCAFFOLD_WORDS["en"]
        for hint in (english.headline, english.quote, english.publisher, "LONDON"):
            assert hint not in camp + quotes + manifest
    draft = tmp_path / "draft.md"
    assert main(["render", str(campaign), "-o", str(draft)]) == 0
    text = draft.read_text(encoding="utf-8")
    flagged = [f for f in lint_text(text, locale=locale) if f.code == "placeholder"]
    assert len(flagged) >= 4  # headline, subhead, dateline, boilerplate at least
    assert main(["check", str(campaign), str(draft)]) == 0
