"""A table of lint cases, each with the warning it must raise, and clean drafts."""

from __future__ import annotations

import datetime as dt

import pytest

from pressgen.check import lint_text
from pressgen.check.dictionary import hunspell_words
from pressgen.text.style import resolve_style

CASES = [
    # (draft, expected code, text the finding points at)
    ("Police said so. 4,534 officers took the course.", "sentence-numeral", "4,534"),
    ("# Headline\n\n2019 was a record year for training.", "sentence-numeral", "2019"),
    ("In all, 4534 officers took the course.", "number-style", "4534"),
    ("In all, 3 officers took the course.", "number-style", "3"),
    ("In all, three thousand officers took it.", "number-style", "three thousand"),
    ("Of them, 52% were students.", "number-style", "52%"),
    ("Three chief Detective Chief Inspectors attended.", "doubled-word", "chief Detective Chief"),
    ("They took the the course.", "doubled-word", "the the"),
    ("They took the e-leaning course.", "spelling", "e-leaning"),
    ("It was recieved well.", "spelling", "recieved"),
    ("The event is on Monday 3 December 2019.", "weekday", "Monday 3 December 2019"),
    ("It opens on Wednesday, December 3, 2019.", "weekday", "Wednesday, December 3, 2019"),
    (
        "**EMBARGOED UNTIL 00:01 ON TUESDAY 3 DECEMBER 2019**\n\n# H\n\nLONDON, 3 December 2019 – x.",
        "embargo-zone",
        None,
    ),
    (
        "**EMBARGOED UNTIL 00:01 GMT ON WEDNESDAY 4 DECEMBER 2019**\n\n# H\n\nLONDON, 3 December 2019 – x.",
        "embargo-late",
        "WEDNESDAY 4 DECEMBER 2019",
    ),
    ("Quote from {{ spokesperson }} here.", "placeholder", "{{ spokesperson }}"),
    ("Said [INSERT NAME], director.", "placeholder", "[INSERT NAME]"),
    ("Lorem ipsum dolor sit amet.", "placeholder", "Lorem ipsum"),
    ("Figures are TBC.", "placeholder", "TBC"),
    # What `pressgen new` leaves for a person to write, in any language's release.
    ("## Über PLACEHOLDER organisation", "placeholder", "PLACEHOLDER organisation"),
    ("# " + "Police cyber training " * 6 + "\n\nBody.", "headline-length", None),
]


@pytest.mark.parametrize(
    ("draft", "code", "text"), CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(CASES)]
)
def test_lint_case_raises_its_warning(draft: str, code: str, text: str | None) -> None:
    findings = lint_text(draft, release_date=dt.date(2019, 12, 3))
    hits = [f for f in findings if f.code == code]
    assert hits, [f.format() for f in findings]
    if text is not None:
        assert hits[0].text == text
    line = draft.count("\n", 0, hits[0].offset) + 1
    assert (hits[0].line, hits[0].column) == (
        line,
        hits[0].offset - draft.rfind("\n", 0, hits[0].offset),
    )


CLEAN = [
    "Figures show that 4,534 officers took the course, 52 per cent of them students.",
    "Three Detective Chief Inspectors and four Detective Inspectors attended.",
    "**EMBARGOED UNTIL 00:01 GMT ON TUESDAY 3 DECEMBER 2019**\n\n# Short headline\n\n"
    "**LONDON, 3 December 2019** – Over financial years 2017/18 and 2018/19, 12 forces replied.",
    "Call 020 7946 0000 or see reference FOI-2019-1234, section 40 of the Act 2000.",
    "1. Source: the Met.\n1. Percentages are rounded.",
    "More and more officers took the course, day by day.",
    "Twelve forces replied.",  # words are right at the start of a sentence
]


@pytest.mark.parametrize("draft", CLEAN)
def test_clean_drafts_raise_nothing(draft: str) -> None:
    findings = lint_text(draft, release_date=dt.date(2019, 12, 3))
    assert findings == [], [f.format() for f in findings]


def test_house_style_decides_what_is_wrong() -> None:
    ap = resolve_style("ap")
    assert lint_text("Of them, 52% were students.", locale="en_US", style=ap) == []
    assert [
        f.code for f in lint_text("Of them, 52 per cent were students.", locale="en_US", style=ap)
    ] == ["number-style"]
    de = resolve_style("de-presse")
    assert [f.text for f in lint_text("Es kamen 4534 Beamte.", locale="de_DE", style=de)] == [
        "4534"
    ]
    assert lint_text("Es kamen 4.534 Beamte und zwölf Gäste.", locale="de_DE", style=de) == []


def test_the_example_release_lints_clean(release: str) -> None:
    assert lint_text(release, release_date=dt.date(2019, 12, 3)) == []


@pytest.mark.skipif(
    hunspell_words("en_US") is None, reason="no en_US Hunspell dictionary installed"
)
def test_locale_dictionary_catches_typos_beyond_the_word_list() -> None:
    found = lint_text("The senoir officers requested training online.", locale="en_US")
    assert [(f.code, f.text) for f in found] == [("spelling", "senoir")]
    assert lint_text("Officers undertook retraining; it was unexpected.", locale="en_US") == []


def test_a_sentence_opening_with_a_large_number_is_told_to_recast() -> None:
    # the formatter keeps digits above a hundred at a sentence start (issue 15 item 12):
    # spelling out 4,534 would give "Four thousand, five hundred and thirty-four"
    large = lint_text("Police said so. 4,534 officers took the course.")
    small = lint_text("Police said so. 45 officers took the course.")
    (big,) = [f for f in large if f.code == "sentence-numeral"]
    (little,) = [f for f in small if f.code == "sentence-numeral"]
    assert big.message.endswith("recast the sentence")
    assert little.message.endswith("spell it out or recast")


def test_a_threshold_marker_is_not_a_number_to_spell_out() -> None:
    """The suppression note lists the dataset's markers ("<5"); a threshold is no count
    that house style would write in words, where "3 officers" is."""
    text = "In all, 25 cells were suppressed (shown as \\<5 or \\*) and left out.\n"
    codes = [f.code for f in lint_text(text, style=resolve_style("uk-press"))]
    assert "number-style" not in codes
    assert "number-style" in [
        f.code
        for f in lint_text("In all, 5 cells were left out.\n", style=resolve_style("uk-press"))
    ]


def test_a_devanagari_word_is_one_word_with_its_vowel_signs() -> None:
    """Hindi writes vowel signs (combining marks) inside words: "निकटतम" is one word, and
    the rounding note's "निकटतम … निकटतम" is not a doubled "न"."""
    from pressgen.check.lint import lint_text

    text = "प्रतिशत निकटतम पूर्णांक तक पूर्णांकित हैं, आधे मान निकटतम सम अंक की ओर।\n"
    assert not [f for f in lint_text(text, locale="hi_IN") if f.code == "doubled-word"]
    doubled = lint_text("यह यह सही है।\n", locale="hi_IN")
    assert [f for f in doubled if f.code == "doubled-word"]
