"""Findings about what an edit changed around the numbers: a direction turned round, a
place or "joint" changed, a number moved to another group, a sign flipped.

The draft is compared with the untouched release as two sequences of atoms (words, with
each number as one placeholder; see match.py). A small edited stretch is an edit of the
release's own sentence, so its meaning words are compared one to one; a long one is new
writing, so its change numbers are read with the direction words beside them and its
group numbers with the group the sentence names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from pressgen.check.findings import Finding, LineIndex
from pressgen.check.match import ANCHOR, Candidate, Opcode
from pressgen.check.meaning import (
    DOWN,
    UP,
    Meaning,
    changed_meaning,
    direction_near,
    group_names,
    groups_in,
)
from pressgen.check.numbers import NumberToken
from pressgen.figures.engine import Figure

#: An edited stretch at most this many atoms long on both sides is an edit of the
#: release's own sentence; a longer one is the writer's own text.
LOCAL = 6

_KIND_CODE = {
    "direction": "direction-flipped",
    "superlative": "rank-changed",
    "ordinal": "rank-changed",
    "joint": "rank-changed",
}


@dataclass(frozen=True, slots=True)
class Sides:
    """Both texts as atoms: the untouched release (`base_*`) and the draft (`draft_*`)."""

    base_atoms: Sequence[str]
    base_owner: Sequence[int]
    base_tokens: Sequence[NumberToken]
    draft_atoms: Sequence[str]
    draft_owner: Sequence[int]
    draft_tokens: Sequence[NumberToken]
    draft_offsets: Sequence[int]
    draft_text: str
    base_text: str


def edit_findings(
    sides: Sides,
    opcodes: Sequence[Opcode],
    words: dict[str, Meaning],
    figure_of_base: Sequence[str | None],
    figures: Mapping[str, Figure],
    lines: LineIndex,
) -> list[Finding]:
    """Meaning words changed in local edits, with the figure they speak of."""
    out: list[Finding] = []
    groups = group_names(_all_groups(figures))
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal" or max(i2 - i1, j2 - j1) > LOCAL or not _anchored(opcodes, n):
            continue
        lo, hi = max(0, i1 - 2), min(len(sides.base_atoms), i2 + 2)
        before = list(sides.base_atoms[i1:i2])
        after = list(sides.draft_atoms[j1:j2])
        context = _context_figure(sides, lo, hi, figure_of_base, figures)
        offset = _offset(sides, j1)
        around = [*sides.base_atoms[lo:i1], *sides.base_atoms[i2:hi]]
        for change in changed_meaning(before, after, words, around):
            said = (
                f"“{change.before}” became “{change.after}”"
                if change.after
                else (f"“{change.before}” was taken out")
            )
            if not change.before:
                said = f"“{change.after}” was added"
            out.append(
                _finding(_KIND_CODE[change.kind], said, context, offset, j1, j2, sides, lines)
            )
    out.extend(_group_swaps(sides, opcodes, groups, figure_of_base, figures, lines))
    return out


def _group_swaps(
    sides: Sides,
    opcodes: Sequence[Opcode],
    groups: dict[tuple[str, ...], str],
    figure_of_base: Sequence[str | None],
    figures: Mapping[str, Figure],
    lines: LineIndex,
) -> list[Finding]:
    """A group's name edited into another group's. Names run over several words and the
    diff may keep some of them ("Manchester City Council" -> "City council 07"), so each
    edit is read with the words either side of it."""
    out: list[Finding] = []
    if not groups:
        return out
    reach = max(len(key) for key in groups)
    base_words = _as_words(sides.base_atoms, sides.base_owner, sides.base_tokens)
    draft_words = _as_words(sides.draft_atoms, sides.draft_owner, sides.draft_tokens)
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal" or max(i2 - i1, j2 - j1) > LOCAL or not _anchored(opcodes, n):
            continue
        b_lo, b_hi = max(0, i1 - reach), min(len(sides.base_atoms), i2 + reach)
        d_lo, d_hi = max(0, j1 - reach), min(len(sides.draft_atoms), j2 + reach)
        b_hits = groups_in(base_words[b_lo:b_hi], groups)
        d_hits = groups_in(draft_words[d_lo:d_hi], groups)
        before = Counter(g for _, g in b_hits)
        after = Counter(g for _, g in d_hits)
        # counted, not just present: "New York (24.1) and Hawaii (20.6)" edited into
        # "Hawaii (24.1) and Hawaii (20.6)" loses one name and gains another; and the
        # names must stand in the edit itself, not merely near it
        edited_out = {g for k, g in b_hits if _overlaps(k, g, i1 - b_lo, i2 - b_lo)}
        edited_in = {g for k, g in d_hits if _overlaps(k, g, j1 - d_lo, j2 - d_lo)}
        lost = {g for g in before - after if g in edited_out}
        gained = {g for g in after - before if g in edited_in}
        if lost and gained:
            context = _context_figure(sides, b_lo, b_hi, figure_of_base, figures)
            said = f"“{sorted(gained)[0]}” stands where the release had “{sorted(lost)[0]}”"
            out.append(
                _finding("group-swapped", said, context, _offset(sides, j1), j1, j2, sides, lines)
            )
    return out


def sign_findings(sides: Sides, pairs: Mapping[int, int], lines: LineIndex) -> list[Finding]:
    """A number whose minus sign an edit added or took away."""
    out: list[Finding] = []
    for dj, bi in pairs.items():
        d, b = sides.draft_tokens[dj], sides.base_tokens[bi]
        if _negative(sides.draft_text, d) != _negative(sides.base_text, b):
            line, col = lines.position(d.start)
            out.append(
                Finding(
                    "direction-flipped",
                    "error",
                    line,
                    col,
                    d.text,
                    f"the sign of {d.text} was changed: the release had "
                    f"{'−' if _negative(sides.base_text, b) else ''}{b.text}",
                    d.start,
                    d.end,
                )
            )
    return out


def rewritten_findings(
    sides: Sides,
    unpaired: Sequence[tuple[int, tuple[Candidate, ...]]],
    words: dict[str, Meaning],
    figures: Mapping[str, Figure],
    lines: LineIndex,
) -> list[Finding]:
    """In text the writer wrote: a change told in the wrong direction, and a group's
    number given to another group."""
    out: list[Finding] = []
    atom_of = {owner: k for k, owner in enumerate(sides.draft_owner) if owner >= 0}
    groups = group_names(_all_groups(figures))
    for dj, found in unpaired:
        tok = sides.draft_tokens[dj]
        pos = atom_of.get(dj)
        if pos is None or not found:
            continue
        signs = {_sign(figures, c) for c in found}
        stated = direction_near(sides.draft_atoms, pos, words)
        if len(stated) == 1 and None not in signs and len(signs) == 1:
            (sign,) = signs
            (said,) = stated
            if sign is not None and said != sign:
                c = found[0]
                line, col = lines.position(tok.start)
                word = "fall" if sign == DOWN else "rise"
                out.append(
                    Finding(
                        "direction-flipped",
                        "error",
                        line,
                        col,
                        tok.text,
                        f"{tok.text} is told as a {'fall' if said == DOWN else 'rise'}, "
                        f"but {_label(figures, c)} is a {word}",
                        tok.start,
                        tok.end,
                        c.key,
                        c.text,
                        c.figure,
                        tok.in_quote,
                    )
                )
        owners = {_row_group(c) for c in found}
        if None in owners or not owners:
            continue
        named = _group_before(sides, pos, groups)
        if named is not None and named not in owners:
            c = found[0]
            line, col = lines.position(tok.start)
            out.append(
                Finding(
                    "group-swapped",
                    "error",
                    line,
                    col,
                    tok.text,
                    f"{tok.text} is {_row_group(c)}’s figure, but the sentence gives it to {named}",
                    tok.start,
                    tok.end,
                    c.key,
                    c.text,
                    c.figure,
                    tok.in_quote,
                )
            )
    return out


# -- helpers --------------------------------------------------------------------------


def _finding(
    code: str,
    said: str,
    context: tuple[str, str] | None,
    offset: int,
    j1: int,
    j2: int,
    sides: Sides,
    lines: LineIndex,
) -> Finding:
    line, col = lines.position(offset)
    end = _offset(sides, j2) if j2 > j1 else offset
    message = said
    if context is not None:
        message += f"; the figure here is {context[0]}, {context[1]}"
    return Finding(
        code,
        "error",
        line,
        col,
        sides.draft_text[offset:end].strip(),
        message,
        offset,
        max(end, offset),
    )


def _anchored(opcodes: Sequence[Opcode], n: int) -> bool:
    """Whether edit `n` is an edit of the release's own sentence: the draft keeps the
    release's words on both sides of it (two at least, three on one side). In rewritten
    text the diff also finds small edits, between words such as "percent" that the two
    texts share by chance."""
    sizes = []
    for k in (n - 1, n + 1):
        if 0 <= k < len(opcodes) and opcodes[k][0] == "equal":
            sizes.append(opcodes[k][2] - opcodes[k][1])
        elif k < 0 or k >= len(opcodes):
            sizes.append(ANCHOR)  # the start or end of the text
        else:
            sizes.append(0)
    return min(sizes) >= 2 and max(sizes) >= ANCHOR


def _overlaps(at: int, name: str, lo: int, hi: int) -> bool:
    """Whether the name found at atom `at` reaches into atoms lo..hi (an empty edit, an
    insertion, counts at its place)."""
    size = max(1, len(name.split()))
    return at < max(hi, lo + 1) and at + size > lo


def _as_words(
    atoms: Sequence[str], owner: Sequence[int], tokens: Sequence[NumberToken]
) -> list[str]:
    """Atoms with each number's own text in place of the placeholder, so that a group
    named with a number ("Responding force 15") is found."""
    return [
        tokens[o].text.lower() if o >= 0 and a.startswith("\x00") else a
        for a, o in zip(atoms, owner, strict=True)
    ]


def _offset(sides: Sides, j: int) -> int:
    if j < len(sides.draft_offsets):
        return sides.draft_offsets[j]
    return max(len(sides.draft_text) - 1, 0)


def _context_figure(
    sides: Sides,
    lo: int,
    hi: int,
    figure_of_base: Sequence[str | None],
    figures: Mapping[str, Figure],
) -> tuple[str, str] | None:
    """The label and text of the figure printed nearest an edited stretch."""
    for k in range(lo, hi):
        bi = sides.base_owner[k]
        if bi >= 0 and figure_of_base[bi] is not None:
            name = figure_of_base[bi]
            assert name is not None
            fig = figures.get(name)
            label = fig.label if fig is not None and fig.label else name
            return label, sides.base_tokens[bi].text
    return None


def _negative(text: str, tok: NumberToken) -> bool:
    if text[tok.start : tok.start + 1] in ("-", "−"):
        return True
    k = tok.start - 1
    if k >= 0 and text[k] in "-−":
        return k == 0 or not text[k - 1].isalnum()
    return False


def _all_groups(figures: Mapping[str, Figure]) -> list[str]:
    names: list[str] = []
    for fig in figures.values():
        if fig.kind in ("groups", "table"):
            names.extend(str(row.group) for row in fig.value)
    return names


def _row_group(c: Candidate) -> str | None:
    """The group a candidate belongs to: 'rises[Kent Police]' -> 'Kent Police'."""
    if "[" not in c.key:
        return None
    return c.key.split("[", 1)[1].rsplit("]", 1)[0]


def _sign(figures: Mapping[str, Figure], c: Candidate) -> str | None:
    """UP or DOWN for a change (or a group's change), None for anything else."""
    fig = figures.get(c.figure)
    if fig is None:
        return None
    measure = str(fig.extra.get("measure_kind", "")) if fig.kind == "groups" else fig.kind
    if measure not in ("change", "difference", "points"):
        return None
    if c.key.endswith((".base", ".target", ".from_value", ".to_value")):
        return None
    value: Decimal | None = None
    if fig.kind == "groups":
        group = _row_group(c)
        for row in fig.value:
            if row.group == group and isinstance(row.value, int | Decimal):
                value = Decimal(row.value)
    elif isinstance(fig.value, int | Decimal):
        value = Decimal(fig.value)
    if value is None or value == 0:
        return None
    return UP if value > 0 else DOWN


def _label(figures: Mapping[str, Figure], c: Candidate) -> str:
    fig = figures.get(c.figure)
    label = fig.label if fig is not None and fig.label else c.figure
    group = _row_group(c)
    return f"{group}’s {label} ({c.text})" if group else f"{label} ({c.text})"


def _group_before(
    sides: Sides, pos: int, groups: dict[tuple[str, ...], str], reach: int = 12
) -> str | None:
    """The group named closest before atom `pos` in the same sentence, within `reach`."""
    lo = max(0, pos - reach)
    found = groups_in(sides.draft_atoms[lo:pos], groups)
    if not found:
        return None
    last_at, name = found[-1]
    # a sentence end between the name and the number breaks the link
    start = sides.draft_offsets[lo + last_at] if lo + last_at < len(sides.draft_offsets) else 0
    end = sides.draft_tokens[sides.draft_owner[pos]].start
    between = sides.draft_text[start:end]
    if any(mark in between for mark in (". ", "\n\n", "! ", "? ")):
        return None
    return name
