"""Matching numbers in a draft to computed figures, and a draft to its template.

A number matches a figure when the figure, rounded the way the house style rounds it to
as many decimals as the draft shows, reads the same value: 52.07 % matches "52 per cent"
and "52.1 per cent" but not "53 per cent". Percentages match shares and changes,
percentage points match point differences, plain numbers match counts, totals, means,
the parts of shares and changes, group rows and range ends. Approximations match the
shares inside their band.

Matching by value alone cannot see a count swapped for another count, so the draft is
also aligned word by word with the untouched render: a number standing where the
template printed figure X must be X.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any

from pressgen.check.letters import MARKS
from pressgen.check.numbers import APPROX, PERCENT, PLAIN, POINTS, NumberToken
from pressgen.figures.engine import Figure
from pressgen.release.views import format_value
from pressgen.text.formatting import Formatter
from pressgen.text.numformat import quantize

_HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One value a figure can be written as: `key` is 'name' or 'name.part'."""

    key: str
    figure: str
    unit: str
    value: Decimal
    text: str
    share: Decimal | None = None  # the fraction, for approximations


class FigureIndex:
    """Every value each figure can be printed as, grouped by unit."""

    def __init__(self, figures: Mapping[str, Figure], fmt: Formatter) -> None:
        self.fmt = fmt
        self.rounding = fmt.style.rounding
        self.figures = figures
        self.by_unit: dict[str, list[Candidate]] = {PLAIN: [], PERCENT: [], POINTS: []}
        for fig in figures.values():
            self._add_figure(fig)
        self._memo: dict[tuple[Any, ...], tuple[Candidate, ...]] = {}
        # (unit, scale, decimals) -> what each candidate of the unit shows when divided
        # by the scale and rounded to the decimals -> those candidates, in order: a draft
        # has hundreds of numbers and a campaign with tables thousands of candidates, so
        # each distinct reading is rounded once, not once per number read.
        self._shown: dict[tuple[Any, ...], dict[Decimal, tuple[Candidate, ...]]] = {}

    def _add(self, key: str, fig: str, unit: str, value: Any, text: str, share: Any = None) -> None:
        if value is None or isinstance(value, bool) or not isinstance(value, int | Decimal):
            return
        d = Decimal(value)
        self.by_unit[unit].append(
            Candidate(key, fig, unit, d, text, Decimal(share) if share is not None else None)
        )

    def _add_figure(self, fig: Figure) -> None:
        fmt = self.fmt
        name = fig.name
        v = fig.value
        if fig.kind == "share" and isinstance(v, int | Decimal):
            self._add(name, name, PERCENT, Decimal(v) * _HUNDRED, fmt.percent(v), v)
        elif fig.kind == "change" and isinstance(v, int | Decimal):
            self._add(
                name, name, PERCENT, abs(Decimal(v)) * _HUNDRED, format_value(fmt, v, "change")
            )
        elif fig.kind == "points" and isinstance(v, int | Decimal):
            self._add(name, name, POINTS, abs(Decimal(v)) * _HUNDRED, fmt.points(v))
        elif fig.kind == "groups":
            mk = str(fig.extra.get("measure_kind", "count"))
            for row in v:
                key = f"{name}[{row.group}]"
                unit = PERCENT if mk in ("share", "change") else POINTS if mk == "points" else PLAIN
                if row.value is not None:
                    val = abs(Decimal(row.value)) * _HUNDRED if unit != PLAIN else row.value
                    self._add(key, name, unit, val, format_value(fmt, row.value, mk), row.value)
                for part in ("base", "target"):
                    pv = getattr(row, part)
                    if pv is not None:
                        self._add(f"{key}.{part}", name, PLAIN, pv, format_value(fmt, pv, "count"))
        elif fig.kind == "table":
            self._add_table(fig)
        elif fig.kind == "range":
            mk = str(fig.extra.get("measure_kind", "count"))
            for end, pv in zip(("min", "max"), v, strict=False):
                self._add(f"{name}.{end}", name, PLAIN, pv, format_value(fmt, pv, mk))
        elif isinstance(v, int | Decimal) and not isinstance(v, bool):
            self._add(name, name, PLAIN, abs(Decimal(v)), format_value(fmt, v, fig.kind))
        for key, pv in fig.extra.items():
            if isinstance(pv, int | Decimal) and not isinstance(pv, bool):
                self._add(
                    f"{name}.{key}", name, PLAIN, abs(Decimal(pv)), format_value(fmt, pv, "count")
                )

    def _add_table(self, fig: Figure) -> None:
        """Every cell, row total and column total of a table, as the table prints them."""
        mk = str(fig.extra.get("measure_kind", "count"))
        unit = PERCENT if mk in ("share", "change") else PLAIN
        currency = fig.extra.get("currency")
        totals = fig.extra.get("totals")
        rows = [*fig.value, *([totals] if totals is not None else [])]
        for row in rows:
            key = f"{fig.name}[{row.group}]" if row.group else f"{fig.name}.totals"
            for i, v in enumerate((*row.cells, row.total)):
                if v is None:
                    continue
                val = abs(Decimal(v)) * _HUNDRED if unit != PLAIN else v
                text = format_value(self.fmt, v, mk, currency)
                self._add(f"{key}.{i}", fig.name, unit, val, text, v)
            for i, n in enumerate(row.counts):
                self._add(
                    f"{key}.{i}.count", fig.name, PLAIN, n, format_value(self.fmt, n, "count")
                )
            for i, sh in enumerate((*row.shares, row.total_share) if row.shares else ()):
                if sh is not None:
                    text = self.fmt.percent(sh)
                    self._add(
                        f"{key}.{i}.share", fig.name, PERCENT, Decimal(sh) * _HUNDRED, text, sh
                    )

    # -- matching --------------------------------------------------------------------

    def matches(self, tok: NumberToken) -> tuple[Candidate, ...]:
        """The figure values `tok` reads as under the style's rounding."""
        key = (tok.unit, tok.value, tok.decimals, tok.scale, tok.band)
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        out: tuple[Candidate, ...]
        if tok.unit == APPROX and tok.band is not None:
            lo, hi = tok.band
            out = tuple(
                c for c in self.by_unit[PERCENT] if c.share is not None and lo <= c.share <= hi
            )
        elif tok.band is not None:
            # "more than 3,000", "almost 1.2 million": any value in the word's band
            lo, hi = tok.band
            out = tuple(c for c in self.by_unit.get(tok.unit, ()) if lo <= c.value <= hi)
        elif tok.value is None:
            out = ()
        else:
            out = self._shown_as(tok.unit, tok.scale, tok.decimals).get(tok.value, ())
        self._memo[key] = out
        return out

    def _shown_as(
        self, unit: str, scale: Decimal, decimals: int
    ) -> dict[Decimal, tuple[Candidate, ...]]:
        """The candidates of `unit` by the value each prints as at this scale and number
        of decimals, under the style's rounding (a value too large to round is left out)."""
        key = (unit, scale, decimals)
        table = self._shown.get(key)
        if table is None:
            grouped: dict[Decimal, list[Candidate]] = {}
            for c in self.by_unit.get(unit, ()):
                try:
                    shown = quantize(c.value / scale, decimals, self.rounding)
                except decimal.InvalidOperation:
                    continue
                grouped.setdefault(shown, []).append(c)
            table = {v: tuple(cs) for v, cs in grouped.items()}
            self._shown[key] = table
        return table

    def nearest(self, tok: NumberToken, prefer: Sequence[str] = ()) -> Candidate | None:
        """The figure value closest to what `tok` says; `prefer` (figure keys the
        template had at this place) wins when given."""
        if tok.unit == APPROX:
            pool = [c for c in self.by_unit[PERCENT] if c.share is not None]
        else:
            pool = list(self.by_unit.get(tok.unit, ()))
            if tok.unit == PERCENT:
                pool += self.by_unit[POINTS]
            elif tok.unit == POINTS:
                pool += self.by_unit[PERCENT]
        for c in pool:
            if c.key in prefer:
                return c
        if not pool:
            return None
        said = _said(tok)
        return min(pool, key=lambda c: abs(c.value - said) / max(abs(c.value), Decimal(1)))


def _said(tok: NumberToken) -> Decimal:
    if tok.unit == APPROX and tok.band is not None:
        return (tok.band[0] + tok.band[1]) / 2 * _HUNDRED
    if tok.band is not None:
        return (tok.band[0] + tok.band[1]) / 2
    return (tok.value or Decimal(0)) * tok.scale


# -- alignment ------------------------------------------------------------------------

NUMBER_ATOM = "\x00#"
#: One step of a diff between the release's atoms and the draft's (difflib's opcodes).
Opcode = tuple[str, int, int, int, int]
#: An edited stretch longer than this (in atoms, on either side) is the writer's own
#: text: its numbers are matched by value, not paired with the release's by position.
PAIR_WITHIN = 3
#: A stretch the draft shares with the release must be at least this long to place a
#: number, unless the edits around it are small: in rewritten text a lone number (all
#: numbers are one placeholder) or "the 12" matches by chance.
ANCHOR = 3


# Vowel signs and the virama are marks, not \w: without them a Hindi word ("वृद्धि")
# would fall apart into letters (check/letters.py, as lint reads words); the danda ends a
# sentence.
_WORDS = re.compile(rf"(?:\w|[{MARKS}])+")


def atoms(text: str, tokens: Sequence[NumberToken]) -> tuple[list[str], list[int], list[int]]:
    """The draft as a sequence of lowercased words with each checked number replaced by
    one placeholder; the second list maps each atom to its token index or -1, the third
    gives each atom's offset."""
    out: list[str] = []
    owner: list[int] = []
    offsets: list[int] = []
    pos = 0
    for i, tok in enumerate(tokens):
        for m in _WORDS.finditer(text, pos, tok.start):
            out.append(m.group(0).lower())
            owner.append(-1)
            offsets.append(m.start())
        if tok.start > 0 and text[tok.start - 1] == "=":
            # a shared place in a table ("=4") keeps its mark as an atom of its own
            out.append("=")
            owner.append(-1)
            offsets.append(tok.start - 1)
        out.append(NUMBER_ATOM if tok.checked else " ".join(tok.text.lower().split()))
        owner.append(i)
        offsets.append(tok.start)
        pos = tok.end
    for m in _WORDS.finditer(text, pos):
        out.append(m.group(0).lower())
        owner.append(-1)
        offsets.append(m.start())
    return out, owner, offsets


def align(
    base_atoms: list[str],
    base_owner: list[int],
    draft_atoms: list[str],
    draft_owner: list[int],
    base_tokens: Sequence[NumberToken],
    draft_tokens: Sequence[NumberToken],
) -> tuple[dict[int, int], dict[int, int], list[Opcode]]:
    """Pairs (draft token -> baseline token) for numbers that stand in the same place,
    for every baseline token the draft atom position nearest to where it was, and the
    diff itself."""
    pairs: dict[int, int] = {}
    where: dict[int, int] = {}
    opcodes: list[Opcode]
    if base_atoms == draft_atoms:  # an untouched draft: what SequenceMatcher would say
        opcodes = [("equal", 0, len(base_atoms), 0, len(draft_atoms))] if base_atoms else []
    else:
        sm = SequenceMatcher(None, base_atoms, draft_atoms, autojunk=False)
        opcodes = list(sm.get_opcodes())
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            small_edits = all(
                max(o[2] - o[1], o[4] - o[3]) <= PAIR_WITHIN
                for o in opcodes[max(0, n - 1) : n + 2]
                if o[0] != "equal"
            )
            size = i2 - i1
            for k in range(size):
                bi, dj = base_owner[i1 + k], draft_owner[j1 + k]
                if bi >= 0:
                    where[bi] = j1 + k
                    # kept words on both sides of the number, or only small edits near
                    interior = size >= ANCHOR and (
                        0 < k < size - 1 or i1 + k in (0,) or j1 + k in (0,)
                    )
                    if (
                        dj >= 0
                        and (small_edits or interior)
                        and _same_unit(base_tokens[bi], draft_tokens[dj])
                    ):
                        pairs[dj] = bi
            continue
        b_nums = [base_owner[i] for i in range(i1, i2) if base_owner[i] >= 0]
        for bi in b_nums:
            where[bi] = j1
        # a year-like figure of the release (a period, a four-digit table cell) can be
        # edited into another year: pair it so that check can tell
        b_checked = [bi for bi in b_nums if base_tokens[bi].checked or base_tokens[bi].promotable]
        d_nums = [
            draft_owner[j]
            for j in range(j1, j2)
            if draft_owner[j] >= 0
            and (draft_tokens[draft_owner[j]].checked or draft_tokens[draft_owner[j]].promotable)
        ]
        local = max(i2 - i1, j2 - j1) <= PAIR_WITHIN
        if local and b_checked and len(b_checked) == len(d_nums):
            for bi, dj in zip(b_checked, d_nums, strict=True):
                if _same_unit(base_tokens[bi], draft_tokens[dj]):
                    pairs[dj] = bi
    return pairs, where, opcodes


def _same_unit(base: NumberToken, draft: NumberToken) -> bool:
    """A percentage standing where the release had a count is text that was moved
    around, not one figure edited into another: such numbers are matched by value."""
    if base.ignored is not None or draft.ignored is not None:
        return True  # a year-like "2082" where the release had "2,182"
    return base.unit == draft.unit or APPROX in (base.unit, draft.unit)
