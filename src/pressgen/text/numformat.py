"""Compiled CLDR number patterns: the fast, exact path from a Decimal to locale digits.

Babel re-parses a number pattern and looks up every symbol on each call (~14 µs a number),
and it gets some locales wrong (see docs/formatting.md, "Babel divergences"). This module
reads a locale's CLDR data from Babel once, compiles each pattern into a small object
holding its affixes, grouping sizes and symbols, and then formats with C-level `format()`
and `str.translate`. Rounding is the caller's business: values arrive already quantized,
so no binary float ever reaches the output.
"""

from __future__ import annotations

import decimal
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from babel import Locale

from pressgen.errors import PressgenError
from pressgen.text.locales import get_locale

Rounding = Literal["half_up", "half_even", "down", "up"]

ROUNDING: dict[str, str] = {
    "half_up": decimal.ROUND_HALF_UP,
    "half_even": decimal.ROUND_HALF_EVEN,
    "down": decimal.ROUND_DOWN,
    "up": decimal.ROUND_UP,
}

#: Integer digits pressgen will print. Babel raises `decimal.InvalidOperation` from 1e25
#: up (it quantizes in the default 28-digit context); pressgen prints up to this and then
#: says plainly that the value is too large for a press release.
MAX_INTEGER_DIGITS = 60

_CONTEXT = decimal.Context(
    prec=MAX_INTEGER_DIGITS + 20,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
_LIMIT = Decimal(10) ** MAX_INTEGER_DIGITS
_EXPONENTS = tuple(Decimal(1).scaleb(-n) for n in range(13))
_CURRENCY = "\x00"  # stands for the currency symbol inside a compiled affix
_NO_GROUPING = 10**6  # a minimum no integer pressgen prints can reach

# CLDR <minimumGroupingDigits>2</minimumGroupingDigits>: a four-digit integer is not
# grouped ("1234", but "12.345"). Babel does not carry this value at all, so it is listed
# here from CLDR (checked against ICU's NumberFormatter; unchanged through CLDR 48).
# Italian joined in CLDR 46 ("4534", "14.534"); Babel 2.19 still groups "4.534" because it
# drops the value, so the list, not Babel, is the source for it.
_MIN_GROUPING_2_LANGUAGES = frozenset({"be", "bg", "es", "et", "ia", "it", "ka", "lv", "pl", "sq"})
_MIN_GROUPING_2_ES_TERRITORIES = frozenset({None, "ES", "EA", "GQ", "IC", "PH"})
_MIN_GROUPING_1_PT = frozenset({None, "BR", "AO"})
_MIN_GROUPING_2_LOCALES = frozenset({"ru_UA"})


def quantize(value: Decimal, decimals: int, rounding: str = decimal.ROUND_HALF_UP) -> Decimal:
    """`value` rounded to exactly `decimals` places; -0 comes back as 0.

    `rounding` is a `decimal` constant or a style name ('half_up', 'half_even', ...).
    """
    rounding = ROUNDING.get(rounding, rounding)
    if not value.is_finite():
        raise PressgenError(f"not a finite number: {value}")
    if abs(value) >= _LIMIT:
        raise PressgenError(f"number too large to print: {value:.3e}")
    exp = _EXPONENTS[decimals] if decimals < len(_EXPONENTS) else Decimal(1).scaleb(-decimals)
    q = value.quantize(exp, rounding, _CONTEXT)
    if q.is_signed() and not q:
        q = q.copy_abs()
    return q


def min_grouping_digits(locale: Locale) -> int:
    lang, terr = locale.language, locale.territory
    if f"{lang}_{terr}" in _MIN_GROUPING_2_LOCALES:
        return 2
    if lang == "es":
        return 2 if terr in _MIN_GROUPING_2_ES_TERRITORIES else 1
    if lang == "pt":
        return 1 if terr in _MIN_GROUPING_1_PT else 2
    return 2 if lang in _MIN_GROUPING_2_LANGUAGES else 1


@dataclass(frozen=True, slots=True)
class Symbols:
    """A locale's number symbols (latn digits), with CLDR's currency overrides."""

    group: str
    decimal: str
    minus: str
    plus: str
    percent: str
    permille: str
    currency_group: str
    currency_decimal: str


@lru_cache(maxsize=128)
def symbols_for(tag: str) -> Symbols:
    loc = get_locale(tag)
    system = loc.default_numbering_system or "latn"
    raw = loc.number_symbols.get(system) or loc.number_symbols["latn"]
    group = raw.get("group", ",")
    dec = raw.get("decimal", ".")
    return Symbols(
        group=group,
        decimal=dec,
        minus=raw.get("minusSign", "-"),
        plus=raw.get("plusSign", "+"),
        percent=raw.get("percentSign", "%"),
        permille=raw.get("perMille", "‰"),
        currency_group=raw.get("currencyGroup", group),
        currency_decimal=raw.get("currencyDecimal", dec),
    )


class CompiledPattern:
    """One CLDR pattern ('#,##0.###', '#,##,##0%', '¤ #,##0.00;¤-#,##0.00') ready to apply.

    Call it with a non-negative, already-quantized Decimal and whether the original was
    negative. The fraction digits are those of the Decimal: the caller decides them.
    """

    __slots__ = (
        "_group_from",
        "_primary",
        "_secondary",
        "_standard",
        "_table",
        "group",
        "neg_prefix",
        "neg_suffix",
        "pattern",
        "pos_prefix",
        "pos_suffix",
        "uses_currency",
    )

    def __init__(
        self,
        pattern: str,
        symbols: Symbols,
        min_grouping: int,
        *,
        currency_symbol: str | None = None,
    ) -> None:
        self.pattern = pattern
        positive, negative = _split_subpatterns(pattern)
        p_prefix, number, p_suffix = _split_affixes(positive)
        in_currency = "¤" in pattern
        group = symbols.currency_group if in_currency else symbols.group
        dec = symbols.decimal if not in_currency else symbols.currency_decimal
        self.group = group
        self.pos_prefix = _render_affix(p_prefix, symbols)
        self.pos_suffix = _render_affix(p_suffix, symbols)
        if negative is None:
            self.neg_prefix = symbols.minus + self.pos_prefix
            self.neg_suffix = self.pos_suffix
        else:
            n_prefix, _, n_suffix = _split_affixes(negative)
            self.neg_prefix = _render_affix(n_prefix, symbols)
            self.neg_suffix = _render_affix(n_suffix, symbols)
        self.uses_currency = in_currency
        if in_currency and currency_symbol is not None:
            self.pos_prefix, self.pos_suffix = _place_currency(
                self.pos_prefix, self.pos_suffix, currency_symbol
            )
            self.neg_prefix, self.neg_suffix = _place_currency(
                self.neg_prefix, self.neg_suffix, currency_symbol
            )
        self._primary, self._secondary = _grouping(number)
        self._group_from = self._primary + min_grouping if self._primary else 10**9
        self._standard = self._primary == 3 and self._secondary == 3
        table: dict[int, str] = {}
        if group != ",":
            table[ord(",")] = group
        if dec != ".":
            table[ord(".")] = dec
        self._table = table or None

    def __call__(self, q: Decimal, negative: bool) -> str:
        if self._standard:
            s = format(q, ",f") if q.adjusted() + 1 >= self._group_from else format(q, "f")
            if self._table is not None:
                s = s.translate(self._table)
        else:
            s = self._grouped(format(q, "f"))
        if negative:
            return self.neg_prefix + s + self.neg_suffix
        return self.pos_prefix + s + self.pos_suffix

    def _grouped(self, s: str) -> str:
        ip, dot, fp = s.partition(".")
        if len(ip) >= self._group_from:
            primary, secondary = self._primary, self._secondary
            parts = [ip[-primary:]]
            head = ip[:-primary]
            while len(head) > secondary:
                parts.append(head[-secondary:])
                head = head[:-secondary]
            if head:
                parts.append(head)
            ip = self.group.join(reversed(parts))
        if not dot:
            return ip
        sep = "." if self._table is None else self._table.get(ord("."), ".")
        return ip + sep + fp


def _split_subpatterns(pattern: str) -> tuple[str, str | None]:
    quoted = False
    for i, c in enumerate(pattern):
        if c == "'":
            quoted = not quoted
        elif c == ";" and not quoted:
            return pattern[:i], pattern[i + 1 :]
    return pattern, None


_NUMBER_CHARS = frozenset("#0123456789,.@")


def _split_affixes(sub: str) -> tuple[str, str, str]:
    """(prefix, number part, suffix) of one subpattern, affixes still CLDR-quoted."""
    quoted = False
    start = end = -1
    for i, c in enumerate(sub):
        if c == "'":
            quoted = not quoted
        elif not quoted and c in _NUMBER_CHARS:
            if start < 0:
                start = i
            end = i + 1
        elif start >= 0:
            break
    if start < 0:
        raise PressgenError(f"number pattern without digits: {sub!r}")
    return sub[:start], sub[start:end], sub[end:]


def _render_affix(raw: str, symbols: Symbols) -> str:
    """Unquote a CLDR affix and put the locale's symbols in place of -, +, %, ‰ and ¤."""
    out: list[str] = []
    quoted = False
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == "'":
            if i + 1 < len(raw) and raw[i + 1] == "'":
                out.append("'")
                i += 2
                continue
            quoted = not quoted
        elif quoted:
            out.append(c)
        elif c == "-":
            out.append(symbols.minus)
        elif c == "+":
            out.append(symbols.plus)
        elif c == "%":
            out.append(symbols.percent)
        elif c == "‰":
            out.append(symbols.permille)
        elif c == "¤":
            out.append(_CURRENCY)
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _is_symbol_or_space(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "SZ"


def _place_currency(prefix: str, suffix: str, symbol: str) -> tuple[str, str]:
    """Put the symbol in; CLDR currencySpacing adds a no-break space between a letter
    symbol and a digit ('CHF 12.50', never 'CHF12.50'), which Babel omits."""
    if prefix.endswith(_CURRENCY) and symbol and not _is_symbol_or_space(symbol[-1]):
        prefix += "\u00a0"
    if suffix.startswith(_CURRENCY) and symbol and not _is_symbol_or_space(symbol[0]):
        suffix = "\u00a0" + suffix
    return prefix.replace(_CURRENCY, symbol), suffix.replace(_CURRENCY, symbol)


def _grouping(number: str) -> tuple[int, int]:
    integer = number.split(".")[0]
    if "," not in integer:
        return 0, 0
    last = integer.rindex(",")
    primary = len(integer) - last - 1
    rest = integer[:last]
    secondary = len(rest) - rest.rindex(",") - 1 if "," in rest else primary
    return primary, secondary


class LocaleNumbers:
    """Everything compiled for one locale: the decimal, percent and currency patterns.

    `group` replaces the locale's group separator ("" prints no grouping at all) and
    `min_grouping` CLDR's minimumGroupingDigits: a house style's rules, such as German
    official statistics' space ("31 204") or grouping four digits where CLDR does not."""

    def __init__(self, tag: str, group: str | None = None, min_grouping: int | None = None) -> None:
        self.locale = get_locale(tag)
        self.tag = str(self.locale)
        symbols = symbols_for(self.tag)
        grouping = min_grouping_digits(self.locale) if min_grouping is None else min_grouping
        if group == "":
            grouping = _NO_GROUPING
        elif group is not None:
            symbols = replace(symbols, group=group, currency_group=group)
        self.symbols = symbols
        self.min_grouping = grouping
        self.decimal = self.compile(self.locale.decimal_formats[None].pattern)
        self.percent = self.compile(self.locale.percent_formats[None].pattern)
        self._currency_pattern = self.locale.currency_formats["standard"].pattern
        self._currencies: dict[str, CompiledPattern] = {}

    def compile(self, pattern: str, currency_symbol: str | None = None) -> CompiledPattern:
        return CompiledPattern(
            pattern, self.symbols, self.min_grouping, currency_symbol=currency_symbol
        )

    def currency(self, code: str) -> CompiledPattern:
        compiled = self._currencies.get(code)
        if compiled is None:
            from babel.numbers import get_currency_symbol

            symbol = get_currency_symbol(code, locale=self.locale)
            compiled = self.compile(self._currency_pattern, symbol)
            self._currencies[code] = compiled
        return compiled


@lru_cache(maxsize=64)
def locale_numbers(
    tag: str, group: str | None = None, min_grouping: int | None = None
) -> LocaleNumbers:
    return LocaleNumbers(tag, group, min_grouping)


_SPACES = frozenset({" ", "\u00a0", "\u202f", "\u2009"})
_MINUSES = ("-", "\u2212", "\u2010", "\u2013")


def parse_decimal(text: str, tag: str, *, strict: bool = True) -> Decimal:
    """Read a number as the locale writes it: '1.234,5' (de_DE) -> Decimal('1234.5').

    Strict by default, unlike Babel: a group separator must sit where the locale's grouping
    puts it, so en_GB '12,5' is an error rather than 125. Any of the space characters is
    accepted for a space-like group separator, and any minus sign for negatives.
    """
    nums = locale_numbers(tag)
    sy = nums.symbols
    s = text.strip()
    negative = False
    for minus in (sy.minus, *_MINUSES):
        if s.startswith(minus):
            negative = True
            s = s[len(minus) :].lstrip()
            break
    group = sy.group
    if group in _SPACES:
        for space in _SPACES:
            s = s.replace(space, group)
    if s.count(sy.decimal) > 1:
        raise PressgenError(f"not a number in {tag}: {text!r}")
    ip, _, fp = s.partition(sy.decimal)
    if group in ip:
        if strict:
            _check_groups(ip.split(group), nums.decimal, text, tag)
        ip = ip.replace(group, "")
    digits = ip
    if not digits.isdigit() or (fp and not fp.isdigit()) or not digits.isascii():
        raise PressgenError(f"not a number in {tag}: {text!r}")
    value = Decimal(f"{digits}.{fp}" if fp else digits)
    return -value if negative else value


def _check_groups(groups: list[str], pattern: CompiledPattern, text: str, tag: str) -> None:
    primary = pattern._primary
    secondary = pattern._secondary
    ok = bool(primary) and len(groups[-1]) == primary and 1 <= len(groups[0]) <= secondary
    ok = ok and all(len(g) == secondary for g in groups[1:-1])
    if ok and len("".join(groups)) < pattern._group_from:
        ok = False  # '1.234' where es_ES writes '1234'
    if not ok:
        raise PressgenError(f"misplaced group separator in {tag}: {text!r}")
