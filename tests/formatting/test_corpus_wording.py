"""The wordings of issue 15 items 4, 5, 8 and 9 in the examples corpus: each passes
`check` untouched (tests/examples), and check still catches each one made wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.check import check_draft
from pressgen.release.pipeline import prepare, render_release

_EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"

#: (example, campaign, the text as rendered, the same made wrong)
_SLIPS = [
    ("rac-vehicle-thefts", "vehicle-thefts", "Nearly a quarter of a million", "Nearly a third of a million"),
    ("rac-vehicle-thefts", "vehicle-thefts", "| 3480 |", "| 3490 |"),
    ("bha-census-religion", "census-religion", "over half", "over a third"),
    ("bha-census-religion", "census-religion", "less than half", "less than a third"),
    ("destatis-gesundheitsaemter", "gesundheitsaemter", "26\u202f655", "26\u202f755"),
    ("destatis-gesundheitsaemter", "gesundheitsaemter", "Gut die Hälfte", "Gut ein Drittel"),
    ("destatis-gesundheitsaemter", "gesundheitsaemter", "(+2,5\u00a0%)", "(+3,5\u00a0%)"),
    ("ine-movimiento-natural", "mnp", "8.595 menos", "8.695 menos"),
    ("ine-movimiento-natural", "mnp", "cuatro centésimas", "cinco centésimas"),
    ("ine-movimiento-natural", "mnp", "un descenso del 2,6%", "un descenso del 3,6%"),
    ("insee-bilan-demographique", "bilan", "48\u202f000 naissances de moins", "58\u202f000 naissances de moins"),
    ("insee-bilan-demographique", "bilan", "+183\u202f000", "+193\u202f000"),
    ("insee-bilan-demographique", "bilan", "près de 20\u00a0%", "près de 30\u00a0%"),
]  # fmt: skip


@pytest.mark.parametrize(("example", "campaign", "good", "bad"), _SLIPS)
def test_check_catches_each_wording_made_wrong(
    example: str, campaign: str, good: str, bad: str
) -> None:
    prepared = prepare(_EXAMPLES / example / "campaigns" / f"{campaign}.toml")
    text = render_release(prepared).markdown
    assert good in text
    assert check_draft(prepared, text).ok
    report = check_draft(prepared, text.replace(good, bad, 1))
    assert not report.ok, bad
