"""Arithmetic that must hold within a draft and within the figures.

- In one sentence, a percentage next to two counts must be the one count's share of the
  other ("42 per cent of them (2,450)" of 5,804) when the counts are clearly meant as
  its part and whole (the percentage is within three points of their ratio);
- in one sentence, counts that nearly add up to the largest of them (within 2 %) must
  add up exactly: parts sum to their total;
- each share figure equals its part over its whole, and a part never exceeds its whole.

"Per cent" used where "percentage points" is meant, and approximations outside their
band, are found while matching numbers to figures (see match.py and __init__.py).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal

from pressgen.check.findings import Finding, LineIndex
from pressgen.check.numbers import PERCENT, PLAIN, NumberToken
from pressgen.figures.engine import Figure
from pressgen.text.formatting import Formatter
from pressgen.text.numformat import quantize

_NEAR_POINTS = Decimal(3)
_NEAR_SUM = Decimal("0.02")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


def sentence_ids(text: str, tokens: Sequence[NumberToken]) -> list[int]:
    """The sentence number of each token."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    out: list[int] = []
    k = 0
    for tok in tokens:
        while k < len(ends) and ends[k] <= tok.start:
            k += 1
        out.append(k)
    return out


def draft_arithmetic(
    text: str, tokens: Sequence[NumberToken], fmt: Formatter, lines: LineIndex
) -> list[Finding]:
    """Shares that do not match their part and whole, and parts that miss their total."""
    sentences: dict[int, list[NumberToken]] = {}
    for sid, tok in zip(sentence_ids(text, tokens), tokens, strict=True):
        if tok.checked and tok.value is not None:
            sentences.setdefault(sid, []).append(tok)
    out: list[Finding] = []
    for toks in sentences.values():
        counts = [
            t
            for t in toks
            if t.unit == PLAIN
            and t.value is not None
            and t.value > 0
            and t.value == t.value.to_integral_value()
        ]
        for p in (t for t in toks if t.unit == PERCENT and t.value is not None):
            out.extend(_share_check(p, counts, fmt, lines))
        big = [t for t in counts if t.value is not None and t.value * t.scale >= 10]
        if len(big) >= 3:
            total = max(big, key=lambda t: t.value or 0)
            parts = [t for t in big if t is not total]
            tv = (total.value or Decimal(0)) * total.scale
            s = sum(((t.value or Decimal(0)) * t.scale for t in parts), Decimal(0))
            if s != tv and abs(s - tv) <= max(Decimal(1), tv * _NEAR_SUM):
                line, col = lines.position(total.start)
                out.append(
                    Finding(
                        "parts-sum",
                        "error",
                        line,
                        col,
                        total.text,
                        f"the parts in this sentence add up to {fmt.decimal(s)}, not {total.text}",
                        total.start,
                        total.end,
                    )
                )
    return out


def _share_check(
    p: NumberToken, counts: list[NumberToken], fmt: Formatter, lines: LineIndex
) -> list[Finding]:
    assert p.value is not None
    near: tuple[Decimal, NumberToken, NumberToken] | None = None
    # A ratio further from the share than one unit of its last digit cannot round to it
    # in any rounding mode, nor is it near: such pairs are passed over without rounding.
    reach = max(_NEAR_POINTS, Decimal(1).scaleb(-p.decimals))
    for a in counts:
        for b in counts:
            if a is b or a.value is None or b.value is None:
                continue
            part, whole = a.value * a.scale, b.value * b.scale
            if part >= whole:
                continue
            ratio = part / whole * 100
            gap = abs(ratio - p.value)
            if gap > reach:
                continue
            if quantize(ratio, p.decimals, fmt.style.rounding) == p.value:
                return []
            if gap <= _NEAR_POINTS and (near is None or gap < near[0]):
                near = (gap, a, b)
    if near is None:
        return []
    _, a, b = near
    part, whole = (a.value or Decimal(0)) * a.scale, (b.value or Decimal(0)) * b.scale
    line, col = lines.position(p.start)
    return [
        Finding(
            "share-mismatch",
            "error",
            line,
            col,
            p.text,
            f"{p.text} does not match {a.text} of {b.text}, which is "
            f"{fmt.percent(part / whole, max(p.decimals, 1))}",
            p.start,
            p.end,
        )
    ]


def figure_arithmetic(figures: Mapping[str, Figure]) -> list[str]:
    """Problems within the computed figures themselves (none expected: a guard)."""
    out: list[str] = []
    for fig in figures.values():
        part, whole = fig.extra.get("part"), fig.extra.get("whole")
        if (
            fig.kind == "share"
            and isinstance(part, int | Decimal)
            and isinstance(whole, int | Decimal)
        ):
            if part > whole:
                out.append(f"{fig.name}: its part {part} exceeds its whole {whole}")
            elif whole and abs(Decimal(part) / Decimal(whole) - Decimal(fig.value)) > Decimal(
                "1e-12"
            ):
                out.append(f"{fig.name}: {fig.value} is not {part} / {whole}")
        if fig.kind == "range":
            lo, hi = fig.value
            if lo is not None and hi is not None and lo > hi:
                out.append(f"{fig.name}: its minimum {lo} is above its maximum {hi}")
    return out
