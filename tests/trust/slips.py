"""The slips editors make, applied to an untouched render: the generator that
benchmarks/check_slips.py measures check's recall with, and tests pin a sample of.

Each kind takes the release and a random generator and returns drafts with one slip
each, or none where the release has nothing of that kind (no direction word, no rank).
Slips are made from what the release prints, never from the figures, so the generator
cannot share a mistake with the check it measures.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pressgen.check import Checker
from pressgen.check.match import _WORDS
from pressgen.check.meaning import _DIRECTION, _ORDINALS, _SUPERLATIVE, DOWN, HIGH, LOW, UP
from pressgen.check.numbers import APPROX, PERCENT, PLAIN, NumberToken


@dataclass(frozen=True, slots=True)
class Slip:
    kind: str
    draft: str
    offset: int
    what: str


Maker = Callable[[Checker, random.Random], Iterator[Slip]]


def _figure_tokens(checker: Checker) -> list[tuple[int, NumberToken]]:
    return [
        (i, t)
        for i, t in enumerate(checker.base_tokens)
        if checker.base_keys[i] and t.form == "digits"
    ]


def _bump(text: str, rng: random.Random) -> str | None:
    digits = [k for k, ch in enumerate(text) if ch.isdigit()]
    if not digits:
        return None
    k = rng.choice(digits[-2:] if len(digits) > 1 else digits)
    new = str((int(text[k]) + rng.randint(1, 8)) % 10)
    if k == digits[0] and new == "0" and len(digits) > 1:
        new = "9"
    return text[:k] + new + text[k + 1 :]


def _replace(base: str, a: int, b: int, new: str) -> str:
    return base[:a] + new + base[b:]


def changed_number(checker: Checker, rng: random.Random) -> Iterator[Slip]:
    base = checker.baseline
    for _, tok in _figure_tokens(checker):
        new = _bump(tok.text, rng)
        if new and new != tok.text:
            yield Slip(
                "number", _replace(base, tok.start, tok.end, new), tok.start, f"{tok.text}→{new}"
            )


def swapped(checker: Checker, rng: random.Random) -> Iterator[Slip]:
    base = checker.baseline
    toks = _figure_tokens(checker)
    for k, (_, a) in enumerate(toks):
        others = [
            t
            for _, t in toks[k + 1 :]
            if t.unit == a.unit and t.value != a.value and t.text != a.text
        ]
        if not others:
            continue
        b = rng.choice(others)
        draft = base[: a.start] + b.text + base[a.end : b.start] + a.text + base[b.end :]
        yield Slip("swap", draft, a.start, f"{a.text}⇄{b.text}")


def _word_slips(
    checker: Checker, kind: str, table: dict[str, str], opposite: dict[str, str]
) -> Iterator[Slip]:
    base = checker.baseline
    by_value: dict[str, list[str]] = {}
    for word, value in table.items():
        by_value.setdefault(value, []).append(word)
    inside = [(t.start, t.end) for t in checker.base_tokens]
    for m in _WORDS.finditer(base):
        word = m.group(0)
        value = table.get(word.lower())
        if value is None or any(a <= m.start() < b for a, b in inside):
            continue  # "more" in "more than half" is part of an approximation
        other = by_value.get(opposite[value])
        if not other:
            continue
        new = other[0]
        if word[0].isupper():
            new = new[0].upper() + new[1:]
        yield Slip(kind, _replace(base, m.start(), m.end(), new), m.start(), f"{word}→{new}")


def flipped_direction(checker: Checker, rng: random.Random) -> Iterator[Slip]:
    table = _DIRECTION.get(checker.reader.language, {})
    yield from _word_slips(checker, "direction", table, {UP: DOWN, DOWN: UP})
    base = checker.baseline
    for _, tok in _figure_tokens(checker):
        if tok.unit == PERCENT and any(
            c.figure in checker.prepared.figures
            and checker.prepared.figures[c.figure].kind in ("change", "groups")
            for c in checker.index.matches(tok)
        ):
            negative = tok.text[:1] in ("-", "−") or (tok.start > 0 and base[tok.start - 1] in "-−")
            if tok.text[:1] in ("-", "−"):
                draft = base[: tok.start] + base[tok.start + 1 :]
            elif negative:
                draft = base[: tok.start - 1] + base[tok.start :]
            else:
                draft = base[: tok.start] + "-" + base[tok.start :]
            yield Slip("direction", draft, tok.start, f"sign of {tok.text}")


def changed_rank(checker: Checker, rng: random.Random) -> Iterator[Slip]:
    language = checker.reader.language
    base = checker.baseline
    ordinals = {w: str(i) for i, w in enumerate(_ORDINALS.get(language, []), start=1)}
    for m in re.finditer(r"\b\w+\b", base):
        word = m.group(0).lower()
        if word in ordinals:
            place = int(ordinals[word])
            words = _ORDINALS[language]
            new = words[place % len(words)]
            yield Slip("rank", _replace(base, m.start(), m.end(), new), m.start(), f"{word}→{new}")
        if word in ("joint",) and re.match(r"\s+\w+", base[m.end() :]):
            end = m.end() + 1
            yield Slip("rank", base[: m.start()] + base[end:], m.start(), "joint removed")
    for m in re.finditer(r"=(\d+)", base):
        yield Slip("rank", _replace(base, m.start(), m.end(), m.group(1)), m.start(), "= removed")
    table = _SUPERLATIVE.get(language, {})
    yield from _word_slips(checker, "rank", table, {HIGH: LOW, LOW: HIGH})


def wrong_group(checker: Checker, rng: random.Random) -> Iterator[Slip]:
    base = checker.baseline
    names: list[str] = []
    for fig in checker.prepared.figures.values():
        if fig.kind == "groups":
            names.extend(str(r.group) for r in fig.value)
    names = sorted(set(names), key=len, reverse=True)
    for name in names:
        for m in re.finditer(re.escape(name), base):
            # only where a number follows in the same sentence or row
            tail = base[m.end() : m.end() + 120]
            if not re.search(r"\d", re.split(r"[.!?]\s|\n", tail, maxsplit=1)[0]):
                continue
            other = rng.choice([n for n in names if n != name and n not in name])
            yield Slip(
                "group", _replace(base, m.start(), m.end(), other), m.start(), f"{name}→{other}"
            )


def contradicting_share(checker: Checker, rng: random.Random) -> Iterator[Slip]:
    base = checker.baseline
    toks = checker.base_tokens
    for k, tok in enumerate(toks):
        if tok.unit != PERCENT or not checker.base_keys[k] or tok.value is None:
            continue
        near = [t for t in toks if t.unit == PLAIN and t.checked and abs(t.start - tok.start) < 160]
        if len(near) < 1:
            continue
        new = str(int(tok.value) + rng.choice((-4, -3, 3, 4)))
        digits = re.match(r"[\d.,]+", tok.text)
        if not digits or int(new) <= 0:
            continue
        text = new + tok.text[digits.end() :]
        yield Slip(
            "share", _replace(base, tok.start, tok.end, text), tok.start, f"{tok.text}→{text}"
        )


_APPROX_SWAP = {
    "en": [
        ("more than half", "almost half"),
        ("almost half", "more than half"),
        ("around half", "almost a third"),
        ("half", "a third"),
        ("a third", "a quarter"),
        ("a quarter", "a third"),
        ("two thirds", "three quarters"),
    ],
    "de": [
        ("mehr als die Hälfte", "knapp die Hälfte"),
        ("knapp die Hälfte", "mehr als die Hälfte"),
        ("die Hälfte", "ein Drittel"),
        ("ein Drittel", "ein Viertel"),
    ],
    "fr": [("plus de la moitié", "près de la moitié"), ("la moitié", "un tiers")],
    "es": [("más de la mitad", "casi la mitad"), ("casi la mitad", "más de la mitad")],
    "it": [("più della metà", "quasi la metà"), ("quasi la metà", "più della metà")],
    "nl": [("meer dan de helft", "bijna de helft"), ("bijna de helft", "meer dan de helft")],
}


def unsupported_approximation(checker: Checker, rng: random.Random) -> Iterator[Slip]:
    base = checker.baseline
    swaps = _APPROX_SWAP.get(checker.reader.language, [])
    for tok in checker.base_tokens:
        if tok.unit != APPROX:
            continue
        low = tok.text.lower()
        for old, new in swaps:
            if old in low:
                k = low.index(old)
                text = tok.text[:k] + new + tok.text[k + len(old) :]
                yield Slip(
                    "approx",
                    _replace(base, tok.start, tok.end, text),
                    tok.start,
                    f"{tok.text}→{text}",
                )
                break


def wrong_number_word(checker: Checker, rng: random.Random) -> Iterator[Slip]:
    from pressgen.text.words import spell_number

    base = checker.baseline
    language = checker.reader.language
    for k, tok in enumerate(checker.base_tokens):
        if tok.form != "words" or not checker.base_keys[k] or tok.value is None:
            continue
        try:
            new = spell_number(int(tok.value) + rng.choice((1, 2)), language)
        except Exception:
            continue
        if tok.text[0].isupper():
            new = new[0].upper() + new[1:]
        yield Slip("words", _replace(base, tok.start, tok.end, new), tok.start, f"{tok.text}→{new}")


def headline_or_notes(checker: Checker, rng: random.Random) -> Iterator[Slip]:
    base = checker.baseline
    lines = base.split("\n")
    heads = [ln for ln in lines if ln.startswith("#")]
    ends = base.find("\n## ", base.find("**", len(base) // 2))
    for slip in changed_number(checker, rng):
        line = base[base.rfind("\n", 0, slip.offset) + 1 : base.find("\n", slip.offset)]
        if line in heads or (ends > 0 and slip.offset > ends):
            yield Slip("headline/notes", slip.draft, slip.offset, slip.what)


KINDS: dict[str, Maker] = {
    "number": changed_number,
    "swap": swapped,
    "direction": flipped_direction,
    "rank": changed_rank,
    "group": wrong_group,
    "share": contradicting_share,
    "approx": unsupported_approximation,
    "words": wrong_number_word,
    "headline/notes": headline_or_notes,
}


def sample(checker: Checker, kind: str, n: int, seed: int = 20191203) -> list[Slip]:
    """Up to `n` slips of `kind`, at random positions, reproducibly."""
    rng = random.Random(seed)
    slips = list(KINDS[kind](checker, rng))
    rng.shuffle(slips)
    return slips[:n]
