"""CLDR conformance: numbers × locales, expected strings from CLDR.

Every row was checked against ICU's NumberFormatter (Debian python3-icu, ICU 72 = CLDR 42)
except where CLDR data has changed since: de_AT's group mark became "." and de_CH's the
ASCII apostrophe in CLDR 48 (Babel 2.19 carries the newer data); those rows carry the
current CLDR value and say so. Rows where Babel 2.19 itself is wrong are in
test_babel_divergences.py.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pressgen.text.formatting import Formatter
from pressgen.text.locales import supported_locales
from pressgen.text.style import PRESETS

TABLE: list[tuple[str, str, str]] = [
    ("en_GB", "dec 0 0", "0"),
    ("en_GB", "dec 1 0", "1"),
    ("en_GB", "dec 1234 0", "1,234"),
    ("en_GB", "dec 12345 0", "12,345"),
    ("en_GB", "dec 1234567 0", "1,234,567"),
    ("en_GB", "dec -1234.5 1", "-1,234.5"),
    ("en_GB", "dec 1234567.891 2", "1,234,567.89"),
    ("en_GB", "dec 1e30 0", "1,000,000,000,000,000,000,000,000,000,000"),
    ("en_GB", "pct 52", "52%"),
    ("en_GB", "pct 42.3", "42.3%"),
    ("en_GB", "cur GBP", "£1,234.50"),
    ("en_GB", "cur -GBP", "-£432.50"),
    ("en_GB", "cur EUR", "€1,234.50"),
    ("en_GB", "cur -EUR", "-€432.50"),
    ("en_GB", "cur USD", "US$1,234.50"),
    ("en_GB", "cur -USD", "-US$432.50"),
    ("en_GB", "cur CHF", "CHF\xa01,234.50"),
    ("en_GB", "cur -CHF", "-CHF\xa0432.50"),
    ("en_GB", "cur JPY", "JP¥1,234"),
    ("en_GB", "cur -JPY", "-JP¥432"),
    ("en_GB", "cur INR", "₹1,234.50"),
    ("en_GB", "cur -INR", "-₹432.50"),
    ("en_US", "dec 0 0", "0"),
    ("en_US", "dec 1 0", "1"),
    ("en_US", "dec 1234 0", "1,234"),
    ("en_US", "dec 12345 0", "12,345"),
    ("en_US", "dec 1234567 0", "1,234,567"),
    ("en_US", "dec -1234.5 1", "-1,234.5"),
    ("en_US", "dec 1234567.891 2", "1,234,567.89"),
    ("en_US", "dec 1e30 0", "1,000,000,000,000,000,000,000,000,000,000"),
    ("en_US", "pct 52", "52%"),
    ("en_US", "pct 42.3", "42.3%"),
    ("en_US", "cur GBP", "£1,234.50"),
    ("en_US", "cur -GBP", "-£432.50"),
    ("en_US", "cur EUR", "€1,234.50"),
    ("en_US", "cur -EUR", "-€432.50"),
    ("en_US", "cur USD", "$1,234.50"),
    ("en_US", "cur -USD", "-$432.50"),
    ("en_US", "cur CHF", "CHF\xa01,234.50"),
    ("en_US", "cur -CHF", "-CHF\xa0432.50"),
    ("en_US", "cur JPY", "¥1,234"),
    ("en_US", "cur -JPY", "-¥432"),
    ("en_US", "cur INR", "₹1,234.50"),
    ("en_US", "cur -INR", "-₹432.50"),
    ("en_IE", "dec 0 0", "0"),
    ("en_IE", "dec 1 0", "1"),
    ("en_IE", "dec 1234 0", "1,234"),
    ("en_IE", "dec 12345 0", "12,345"),
    ("en_IE", "dec 1234567 0", "1,234,567"),
    ("en_IE", "dec -1234.5 1", "-1,234.5"),
    ("en_IE", "dec 1234567.891 2", "1,234,567.89"),
    ("en_IE", "dec 1e30 0", "1,000,000,000,000,000,000,000,000,000,000"),
    ("en_IE", "pct 52", "52%"),
    ("en_IE", "pct 42.3", "42.3%"),
    ("en_IE", "cur GBP", "£1,234.50"),
    ("en_IE", "cur -GBP", "-£432.50"),
    ("en_IE", "cur EUR", "€1,234.50"),
    ("en_IE", "cur -EUR", "-€432.50"),
    ("en_IE", "cur USD", "US$1,234.50"),
    ("en_IE", "cur -USD", "-US$432.50"),
    ("en_IE", "cur CHF", "CHF\xa01,234.50"),
    ("en_IE", "cur -CHF", "-CHF\xa0432.50"),
    ("en_IE", "cur JPY", "JP¥1,234"),
    ("en_IE", "cur -JPY", "-JP¥432"),
    ("en_IE", "cur INR", "₹1,234.50"),
    ("en_IE", "cur -INR", "-₹432.50"),
    ("de_DE", "dec 0 0", "0"),
    ("de_DE", "dec 1 0", "1"),
    ("de_DE", "dec 1234 0", "1.234"),
    ("de_DE", "dec 12345 0", "12.345"),
    ("de_DE", "dec 1234567 0", "1.234.567"),
    ("de_DE", "dec -1234.5 1", "-1.234,5"),
    ("de_DE", "dec 1234567.891 2", "1.234.567,89"),
    ("de_DE", "dec 1e30 0", "1.000.000.000.000.000.000.000.000.000.000"),
    ("de_DE", "pct 52", "52\xa0%"),
    ("de_DE", "pct 42.3", "42,3\xa0%"),
    ("de_DE", "cur GBP", "1.234,50\xa0£"),
    ("de_DE", "cur -GBP", "-432,50\xa0£"),
    ("de_DE", "cur EUR", "1.234,50\xa0€"),
    ("de_DE", "cur -EUR", "-432,50\xa0€"),
    ("de_DE", "cur USD", "1.234,50\xa0$"),
    ("de_DE", "cur -USD", "-432,50\xa0$"),
    ("de_DE", "cur CHF", "1.234,50\xa0CHF"),
    ("de_DE", "cur -CHF", "-432,50\xa0CHF"),
    ("de_DE", "cur JPY", "1.234\xa0¥"),
    ("de_DE", "cur -JPY", "-432\xa0¥"),
    ("de_DE", "cur INR", "1.234,50\xa0₹"),
    ("de_DE", "cur -INR", "-432,50\xa0₹"),
    ("de_AT", "dec 0 0", "0"),  # CLDR 48: "." (ICU 72 / CLDR 42: U+00A0)
    ("de_AT", "dec 1 0", "1"),  # CLDR 48: "." (ICU 72 / CLDR 42: U+00A0)
    ("de_AT", "dec 1234 0", "1.234"),  # CLDR 48: "." (ICU 72 / CLDR 42: U+00A0)
    ("de_AT", "dec 12345 0", "12.345"),  # CLDR 48: "." (ICU 72 / CLDR 42: U+00A0)
    ("de_AT", "dec 1234567 0", "1.234.567"),  # CLDR 48: "." (ICU 72 / CLDR 42: U+00A0)
    ("de_AT", "dec -1234.5 1", "-1.234,5"),  # CLDR 48: "." (ICU 72 / CLDR 42: U+00A0)
    ("de_AT", "dec 1234567.891 2", "1.234.567,89"),  # CLDR 48: "." (ICU 72 / CLDR 42: U+00A0)
    (
        "de_AT",
        "dec 1e30 0",
        "1.000.000.000.000.000.000.000.000.000.000",
    ),  # CLDR 48: "." (ICU 72 / CLDR 42: U+00A0)
    ("de_AT", "pct 52", "52\xa0%"),
    ("de_AT", "pct 42.3", "42,3\xa0%"),
    ("de_AT", "cur GBP", "£\xa01.234,50"),
    ("de_AT", "cur -GBP", "-£\xa0432,50"),
    ("de_AT", "cur EUR", "€\xa01.234,50"),
    ("de_AT", "cur -EUR", "-€\xa0432,50"),
    ("de_AT", "cur USD", "$\xa01.234,50"),
    ("de_AT", "cur -USD", "-$\xa0432,50"),
    ("de_AT", "cur CHF", "CHF\xa01.234,50"),
    ("de_AT", "cur -CHF", "-CHF\xa0432,50"),
    ("de_AT", "cur JPY", "¥\xa01.234"),
    ("de_AT", "cur -JPY", "-¥\xa0432"),
    ("de_AT", "cur INR", "₹\xa01.234,50"),
    ("de_AT", "cur -INR", "-₹\xa0432,50"),
    ("de_CH", "dec 0 0", "0"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "dec 1 0", "1"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "dec 1234 0", "1'234"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "dec 12345 0", "12'345"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "dec 1234567 0", "1'234'567"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "dec -1234.5 1", "-1'234.5"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "dec 1234567.891 2", "1'234'567.89"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    (
        "de_CH",
        "dec 1e30 0",
        "1'000'000'000'000'000'000'000'000'000'000",
    ),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "pct 52", "52%"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "pct 42.3", "42.3%"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "cur GBP", "£\xa01'234.50"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "cur -GBP", "£-432.50"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "cur EUR", "EUR\xa01'234.50"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "cur -EUR", "EUR-432.50"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "cur USD", "$\xa01'234.50"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "cur -USD", "$-432.50"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "cur CHF", "CHF\xa01'234.50"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "cur -CHF", "CHF-432.50"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "cur JPY", "¥\xa01'234"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "cur -JPY", "¥-432"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "cur INR", "₹\xa01'234.50"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("de_CH", "cur -INR", "₹-432.50"),  # CLDR 48: U+0027 (ICU 72 / CLDR 42: U+2019)
    ("fr_FR", "dec 0 0", "0"),
    ("fr_FR", "dec 1 0", "1"),
    ("fr_FR", "dec 1234 0", "1\u202f234"),
    ("fr_FR", "dec 12345 0", "12\u202f345"),
    ("fr_FR", "dec 1234567 0", "1\u202f234\u202f567"),
    ("fr_FR", "dec -1234.5 1", "-1\u202f234,5"),
    ("fr_FR", "dec 1234567.891 2", "1\u202f234\u202f567,89"),
    (
        "fr_FR",
        "dec 1e30 0",
        "1\u202f000\u202f000\u202f000\u202f000\u202f000\u202f000\u202f000\u202f000\u202f000\u202f000",
    ),
    ("fr_FR", "pct 52", "52\xa0%"),
    ("fr_FR", "pct 42.3", "42,3\xa0%"),
    ("fr_FR", "cur GBP", "1\u202f234,50\xa0£GB"),
    ("fr_FR", "cur -GBP", "-432,50\xa0£GB"),
    ("fr_FR", "cur EUR", "1\u202f234,50\xa0€"),
    ("fr_FR", "cur -EUR", "-432,50\xa0€"),
    ("fr_FR", "cur USD", "1\u202f234,50\xa0$US"),
    ("fr_FR", "cur -USD", "-432,50\xa0$US"),
    ("fr_FR", "cur CHF", "1\u202f234,50\xa0CHF"),
    ("fr_FR", "cur -CHF", "-432,50\xa0CHF"),
    ("fr_FR", "cur JPY", "1\u202f234\xa0JPY"),
    ("fr_FR", "cur -JPY", "-432\xa0JPY"),
    ("fr_FR", "cur INR", "1\u202f234,50\xa0₹"),
    ("fr_FR", "cur -INR", "-432,50\xa0₹"),
    ("fr_CA", "dec 0 0", "0"),
    ("fr_CA", "dec 1 0", "1"),
    ("fr_CA", "dec 1234 0", "1\xa0234"),
    ("fr_CA", "dec 12345 0", "12\xa0345"),
    ("fr_CA", "dec 1234567 0", "1\xa0234\xa0567"),
    ("fr_CA", "dec -1234.5 1", "-1\xa0234,5"),
    ("fr_CA", "dec 1234567.891 2", "1\xa0234\xa0567,89"),
    (
        "fr_CA",
        "dec 1e30 0",
        "1\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000",
    ),
    ("fr_CA", "pct 52", "52\xa0%"),
    ("fr_CA", "pct 42.3", "42,3\xa0%"),
    ("fr_CA", "cur GBP", "1\xa0234,50\xa0£"),
    ("fr_CA", "cur -GBP", "-432,50\xa0£"),
    ("fr_CA", "cur EUR", "1\xa0234,50\xa0€"),
    ("fr_CA", "cur -EUR", "-432,50\xa0€"),
    ("fr_CA", "cur USD", "1\xa0234,50\xa0$\xa0US"),
    ("fr_CA", "cur -USD", "-432,50\xa0$\xa0US"),
    ("fr_CA", "cur CHF", "1\xa0234,50\xa0CHF"),
    ("fr_CA", "cur -CHF", "-432,50\xa0CHF"),
    ("fr_CA", "cur JPY", "1\xa0234\xa0¥"),
    ("fr_CA", "cur -JPY", "-432\xa0¥"),
    ("fr_CA", "cur INR", "1\xa0234,50\xa0INR"),
    ("fr_CA", "cur -INR", "-432,50\xa0INR"),
    ("es_ES", "dec 0 0", "0"),
    ("es_ES", "dec 1 0", "1"),
    ("es_ES", "dec 1234 0", "1234"),
    ("es_ES", "dec 12345 0", "12.345"),
    ("es_ES", "dec 1234567 0", "1.234.567"),
    ("es_ES", "dec -1234.5 1", "-1234,5"),
    ("es_ES", "dec 1234567.891 2", "1.234.567,89"),
    ("es_ES", "dec 1e30 0", "1.000.000.000.000.000.000.000.000.000.000"),
    ("es_ES", "pct 52", "52\xa0%"),
    ("es_ES", "pct 42.3", "42,3\xa0%"),
    ("es_ES", "cur GBP", "1234,50\xa0GBP"),
    ("es_ES", "cur -GBP", "-432,50\xa0GBP"),
    ("es_ES", "cur EUR", "1234,50\xa0€"),
    ("es_ES", "cur -EUR", "-432,50\xa0€"),
    ("es_ES", "cur USD", "1234,50\xa0US$"),
    ("es_ES", "cur -USD", "-432,50\xa0US$"),
    ("es_ES", "cur CHF", "1234,50\xa0CHF"),
    ("es_ES", "cur -CHF", "-432,50\xa0CHF"),
    ("es_ES", "cur JPY", "1234\xa0JPY"),
    ("es_ES", "cur -JPY", "-432\xa0JPY"),
    ("es_ES", "cur INR", "1234,50\xa0INR"),
    ("es_ES", "cur -INR", "-432,50\xa0INR"),
    # it_IT: CLDR 46 set minimumGroupingDigits to 2 ("1234", "12.345"), as es_ES has
    ("it_IT", "dec 0 0", "0"),
    ("it_IT", "dec 1 0", "1"),
    ("it_IT", "dec 1234 0", "1234"),
    ("it_IT", "dec 12345 0", "12.345"),
    ("it_IT", "dec 1234567 0", "1.234.567"),
    ("it_IT", "dec -1234.5 1", "-1234,5"),
    ("it_IT", "dec 1234567.891 2", "1.234.567,89"),
    ("it_IT", "dec 1e30 0", "1.000.000.000.000.000.000.000.000.000.000"),
    ("it_IT", "pct 52", "52%"),
    ("it_IT", "pct 42.3", "42,3%"),
    ("it_IT", "cur GBP", "1234,50\xa0£"),
    ("it_IT", "cur -GBP", "-432,50\xa0£"),
    ("it_IT", "cur EUR", "1234,50\xa0€"),
    ("it_IT", "cur -EUR", "-432,50\xa0€"),
    ("it_IT", "cur USD", "1234,50\xa0USD"),
    ("it_IT", "cur -USD", "-432,50\xa0USD"),
    ("it_IT", "cur CHF", "1234,50\xa0CHF"),
    ("it_IT", "cur -CHF", "-432,50\xa0CHF"),
    ("it_IT", "cur JPY", "1234\xa0JPY"),
    ("it_IT", "cur -JPY", "-432\xa0JPY"),
    ("it_IT", "cur INR", "1234,50\xa0INR"),
    ("it_IT", "cur -INR", "-432,50\xa0INR"),
    ("nl_NL", "dec 0 0", "0"),
    ("nl_NL", "dec 1 0", "1"),
    ("nl_NL", "dec 1234 0", "1.234"),
    ("nl_NL", "dec 12345 0", "12.345"),
    ("nl_NL", "dec 1234567 0", "1.234.567"),
    ("nl_NL", "dec -1234.5 1", "-1.234,5"),
    ("nl_NL", "dec 1234567.891 2", "1.234.567,89"),
    ("nl_NL", "dec 1e30 0", "1.000.000.000.000.000.000.000.000.000.000"),
    ("nl_NL", "pct 52", "52%"),
    ("nl_NL", "pct 42.3", "42,3%"),
    ("nl_NL", "cur GBP", "£\xa01.234,50"),
    ("nl_NL", "cur -GBP", "£\xa0-432,50"),
    ("nl_NL", "cur EUR", "€\xa01.234,50"),
    ("nl_NL", "cur -EUR", "€\xa0-432,50"),
    ("nl_NL", "cur USD", "US$\xa01.234,50"),
    ("nl_NL", "cur -USD", "US$\xa0-432,50"),
    ("nl_NL", "cur CHF", "CHF\xa01.234,50"),
    ("nl_NL", "cur -CHF", "CHF\xa0-432,50"),
    ("nl_NL", "cur JPY", "JP¥\xa01.234"),
    ("nl_NL", "cur -JPY", "JP¥\xa0-432"),
    ("nl_NL", "cur INR", "₹\xa01.234,50"),
    ("nl_NL", "cur -INR", "₹\xa0-432,50"),
    ("pl_PL", "dec 0 0", "0"),
    ("pl_PL", "dec 1 0", "1"),
    ("pl_PL", "dec 1234 0", "1234"),
    ("pl_PL", "dec 12345 0", "12\xa0345"),
    ("pl_PL", "dec 1234567 0", "1\xa0234\xa0567"),
    ("pl_PL", "dec -1234.5 1", "-1234,5"),
    ("pl_PL", "dec 1234567.891 2", "1\xa0234\xa0567,89"),
    (
        "pl_PL",
        "dec 1e30 0",
        "1\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000",
    ),
    ("pl_PL", "pct 52", "52%"),
    ("pl_PL", "pct 42.3", "42,3%"),
    ("pl_PL", "cur GBP", "1234,50\xa0GBP"),
    ("pl_PL", "cur -GBP", "-432,50\xa0GBP"),
    ("pl_PL", "cur EUR", "1234,50\xa0€"),
    ("pl_PL", "cur -EUR", "-432,50\xa0€"),
    ("pl_PL", "cur USD", "1234,50\xa0USD"),
    ("pl_PL", "cur -USD", "-432,50\xa0USD"),
    ("pl_PL", "cur CHF", "1234,50\xa0CHF"),
    ("pl_PL", "cur -CHF", "-432,50\xa0CHF"),
    ("pl_PL", "cur JPY", "1234\xa0JPY"),
    ("pl_PL", "cur -JPY", "-432\xa0JPY"),
    ("pl_PL", "cur INR", "1234,50\xa0INR"),
    ("pl_PL", "cur -INR", "-432,50\xa0INR"),
    ("sv_SE", "dec 0 0", "0"),
    ("sv_SE", "dec 1 0", "1"),
    ("sv_SE", "dec 1234 0", "1\xa0234"),
    ("sv_SE", "dec 12345 0", "12\xa0345"),
    ("sv_SE", "dec 1234567 0", "1\xa0234\xa0567"),
    ("sv_SE", "dec -1234.5 1", "−1\xa0234,5"),
    ("sv_SE", "dec 1234567.891 2", "1\xa0234\xa0567,89"),
    (
        "sv_SE",
        "dec 1e30 0",
        "1\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000\xa0000",
    ),
    ("sv_SE", "pct 52", "52\xa0%"),
    ("sv_SE", "pct 42.3", "42,3\xa0%"),
    ("sv_SE", "cur GBP", "1\xa0234,50\xa0GBP"),
    ("sv_SE", "cur -GBP", "−432,50\xa0GBP"),
    ("sv_SE", "cur EUR", "1\xa0234,50\xa0€"),
    ("sv_SE", "cur -EUR", "−432,50\xa0€"),
    ("sv_SE", "cur USD", "1\xa0234,50\xa0US$"),
    ("sv_SE", "cur -USD", "−432,50\xa0US$"),
    ("sv_SE", "cur CHF", "1\xa0234,50\xa0CHF"),
    ("sv_SE", "cur -CHF", "−432,50\xa0CHF"),
    ("sv_SE", "cur JPY", "1\xa0234\xa0JPY"),
    ("sv_SE", "cur -JPY", "−432\xa0JPY"),
    ("sv_SE", "cur INR", "1\xa0234,50\xa0INR"),
    ("sv_SE", "cur -INR", "−432,50\xa0INR"),
    ("pt_BR", "dec 0 0", "0"),
    ("pt_BR", "dec 1 0", "1"),
    ("pt_BR", "dec 1234 0", "1.234"),
    ("pt_BR", "dec 12345 0", "12.345"),
    ("pt_BR", "dec 1234567 0", "1.234.567"),
    ("pt_BR", "dec -1234.5 1", "-1.234,5"),
    ("pt_BR", "dec 1234567.891 2", "1.234.567,89"),
    ("pt_BR", "dec 1e30 0", "1.000.000.000.000.000.000.000.000.000.000"),
    ("pt_BR", "pct 52", "52%"),
    ("pt_BR", "pct 42.3", "42,3%"),
    ("pt_BR", "cur GBP", "£\xa01.234,50"),
    ("pt_BR", "cur -GBP", "-£\xa0432,50"),
    ("pt_BR", "cur EUR", "€\xa01.234,50"),
    ("pt_BR", "cur -EUR", "-€\xa0432,50"),
    ("pt_BR", "cur USD", "US$\xa01.234,50"),
    ("pt_BR", "cur -USD", "-US$\xa0432,50"),
    ("pt_BR", "cur CHF", "CHF\xa01.234,50"),
    ("pt_BR", "cur -CHF", "-CHF\xa0432,50"),
    ("pt_BR", "cur JPY", "JP¥\xa01.234"),
    ("pt_BR", "cur -JPY", "-JP¥\xa0432"),
    ("pt_BR", "cur INR", "₹\xa01.234,50"),
    ("pt_BR", "cur -INR", "-₹\xa0432,50"),
    ("ja_JP", "dec 0 0", "0"),
    ("ja_JP", "dec 1 0", "1"),
    ("ja_JP", "dec 1234 0", "1,234"),
    ("ja_JP", "dec 12345 0", "12,345"),
    ("ja_JP", "dec 1234567 0", "1,234,567"),
    ("ja_JP", "dec -1234.5 1", "-1,234.5"),
    ("ja_JP", "dec 1234567.891 2", "1,234,567.89"),
    ("ja_JP", "dec 1e30 0", "1,000,000,000,000,000,000,000,000,000,000"),
    ("ja_JP", "pct 52", "52%"),
    ("ja_JP", "pct 42.3", "42.3%"),
    ("ja_JP", "cur GBP", "£1,234.50"),
    ("ja_JP", "cur -GBP", "-£432.50"),
    ("ja_JP", "cur EUR", "€1,234.50"),
    ("ja_JP", "cur -EUR", "-€432.50"),
    ("ja_JP", "cur USD", "$1,234.50"),
    ("ja_JP", "cur -USD", "-$432.50"),
    ("ja_JP", "cur CHF", "CHF\xa01,234.50"),
    ("ja_JP", "cur -CHF", "-CHF\xa0432.50"),
    ("ja_JP", "cur JPY", "￥1,234"),
    ("ja_JP", "cur -JPY", "-￥432"),
    ("ja_JP", "cur INR", "₹1,234.50"),
    ("ja_JP", "cur -INR", "-₹432.50"),
    ("hi_IN", "dec 0 0", "0"),
    ("hi_IN", "dec 1 0", "1"),
    ("hi_IN", "dec 1234 0", "1,234"),
    ("hi_IN", "dec 12345 0", "12,345"),
    ("hi_IN", "dec 1234567 0", "12,34,567"),
    ("hi_IN", "dec -1234.5 1", "-1,234.5"),
    ("hi_IN", "dec 1234567.891 2", "12,34,567.89"),
    ("hi_IN", "dec 1e30 0", "10,00,00,00,00,00,00,00,00,00,00,00,00,00,000"),
    ("hi_IN", "pct 52", "52%"),
    ("hi_IN", "pct 42.3", "42.3%"),
    ("hi_IN", "cur GBP", "£1,234.50"),
    ("hi_IN", "cur -GBP", "-£432.50"),
    ("hi_IN", "cur EUR", "€1,234.50"),
    ("hi_IN", "cur -EUR", "-€432.50"),
    ("hi_IN", "cur USD", "$1,234.50"),
    ("hi_IN", "cur -USD", "-$432.50"),
    ("hi_IN", "cur CHF", "CHF\xa01,234.50"),
    ("hi_IN", "cur -CHF", "-CHF\xa0432.50"),
    ("hi_IN", "cur JPY", "JP¥1,234"),
    ("hi_IN", "cur -JPY", "-JP¥432"),
    ("hi_IN", "cur INR", "₹1,234.50"),
    ("hi_IN", "cur -INR", "-₹432.50"),
]


def _format(fmt: Formatter, case: str) -> str:
    kind, *args = case.split()
    if kind == "dec":
        return fmt.decimal(Decimal(args[0]), int(args[1]))
    if kind == "pct":
        value = Decimal(args[0])
        return fmt.percent(value / 100, 0 if value == value.to_integral_value() else 1)
    if kind == "cur":
        code = args[0].lstrip("-")
        amount = Decimal("-432.5") if args[0].startswith("-") else Decimal("1234.5")
        return fmt.money(amount, code)
    raise AssertionError(case)


@pytest.mark.parametrize(("locale", "case", "expected"), TABLE)
def test_cldr_conformance(locale: str, case: str, expected: str) -> None:
    assert _format(Formatter(locale, PRESETS["plain"]), case) == expected


def test_table_covers_every_supported_locale() -> None:
    assert {row[0] for row in TABLE} == set(supported_locales())


@pytest.mark.parametrize(
    ("locale", "value", "expected"),
    [
        ("en_GB", 1_234_567, "1.2 million"),
        ("en_GB", 2_000_000, "2 million"),
        ("en_GB", 999_999, "1 million"),  # rounds into the next magnitude
        ("en_GB", 999_949, "1 million"),  # two significant digits, as ICU rounds
        ("en_GB", 239_920, "240 thousand"),  # never "239.9 thousand"
        ("de_DE", 1_234_567, "1,2 Millionen"),
        ("de_DE", 1_000_000, "1 Million"),
        ("fr_FR", 12_345_678, "12 millions"),
        ("fr_FR", 1_234_567, "1,2 million"),  # CLDR fr: 'one' covers 0 ≤ n < 2
        ("es_ES", 1_000_000, "1 millón"),
        ("pl_PL", 1_234_567, "1,2 miliona"),
        ("pl_PL", 5_000_000, "5 milionów"),
        ("hi_IN", 1_234_567, "12 लाख"),
        ("ja_JP", 123_456_789, "1.2億"),
        ("en_GB", 950, "950"),
        ("en_GB", -1_234_567, "-1.2 million"),
    ],
)
def test_compact_numbers(locale: str, value: int, expected: str) -> None:
    """With no decimals asked for, CLDR's (ICU's) rounding: two significant digits,
    whole from ten up."""
    assert Formatter(locale, PRESETS["plain"]).compact(value) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (239_920, 1, "239.9 thousand"),
        (68_373_000, 1, "68.4 million"),
        (68_373_000, None, "68 million"),
        (999_949, 1, "999.9 thousand"),
        (1_234_567, 0, "1 million"),
    ],
)
def test_compact_decimals_are_a_most_when_asked_for(
    value: int, decimals: int | None, expected: str
) -> None:
    assert Formatter("en_GB", PRESETS["plain"]).compact(value, decimals) == expected
