"""One band table for the approx filter and for check (issue 14): whatever `approx`
writes, check accepts for that share, and check refuses it just outside the band."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pressgen.check.numbers import number_reader
from pressgen.text.formatting import Formatter
from pressgen.text.phrases import approx
from pressgen.text.style import resolve_style

SHARES = [Decimal(n) / 1000 for n in range(200, 800, 7)]


@pytest.mark.parametrize(
    ("locale", "style"), [("en_GB", "uk-press"), ("de_DE", "de-presse"), ("fr_FR", "fr-presse")]
)
def test_check_accepts_exactly_what_approx_writes(locale: str, style: str) -> None:
    fmt = Formatter(locale, resolve_style(style))
    reader = number_reader(locale, resolve_style(style))
    checked = 0
    for share in SHARES:
        phrase = approx(fmt, share)
        tokens = [t for t in reader.read(phrase) if t.band is not None]
        if not tokens:
            continue  # approx printed the percentage itself
        lo, hi = tokens[0].band  # type: ignore[misc]
        assert lo <= share <= hi, (phrase, share)
        checked += 1
    assert checked > 10


@pytest.mark.parametrize(
    ("phrase", "share", "ok"),
    [
        ("more than half", Decimal("0.55"), True),
        ("more than half", Decimal("0.56"), False),  # approx stops at 55 %; so does check
        ("more than half", Decimal("0.48"), False),
        ("almost a third", Decimal("0.31"), True),
        ("almost a third", Decimal("0.35"), False),
        ("nearly half", Decimal("0.45"), True),
    ],
)
def test_the_band_edges(phrase: str, share: Decimal, ok: bool) -> None:
    reader = number_reader("en_GB", resolve_style("uk-press"))
    (token,) = [t for t in reader.read(phrase) if t.band is not None]
    assert token.band is not None
    assert (token.band[0] <= share <= token.band[1]) is ok
