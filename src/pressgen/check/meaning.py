"""Words that carry a figure's meaning: direction (rise/fall), rank (second, joint, highest)
and the group a number belongs to.

A changed number is found by matching it to the figures. A changed *word* next to an
unchanged number is found here, by comparing each edited stretch of the draft with the
same stretch of the untouched release: "rose by 12 per cent" edited to "fell by 12 per
cent" keeps its number but flips its meaning. For text that was rewritten rather than
edited, a number that is a change is read with the direction words beside it, and a
number that belongs to one group is read with the group the sentence names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pressgen.check.meaning_words import (
    _DIRECTION,
    _EXTRA_ORDINALS,
    _JOINT,
    _ORDINAL_FORMS,
    _ORDINAL_LAST,
    _ORDINALS,
    _SUPERLATIVE,
    DOWN,
    HIGH,
    LOW,
    UP,
)

__all__ = [
    "DOWN",
    "HIGH",
    "JOINT",
    "LOW",
    "UP",
    "_DIRECTION",
    "_ORDINALS",
    "_SUPERLATIVE",
    "Meaning",
    "MeaningChange",
    "changed_meaning",
    "direction_near",
    "group_names",
    "groups_in",
    "lexicon",
    "meaning_of",
    "split_atoms",
]

JOINT = "joint"

# Letters and Devanagari marks (a Hindi word is not split at its vowel signs), no "_".
_LETTERS = re.compile(r"(?:[^\W_]|[\u0900-\u0963\u0966-\u097f])+")

_NUMERIC_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th|e|er|re|ème|º|ª|o|a)?$")


@dataclass(frozen=True, slots=True)
class Meaning:
    """What one word says about a figure: its kind (direction, superlative, ordinal,
    joint) and value (up/down, high/low, the place)."""

    kind: str
    value: str


def lexicon(language: str) -> dict[str, Meaning]:
    """Every meaning word of `language`, lowercased."""
    out: dict[str, Meaning] = {}
    for word, v in _DIRECTION.get(language, {}).items():
        out[word] = Meaning("direction", v)
    for word, v in _SUPERLATIVE.get(language, {}).items():
        out[word] = Meaning("superlative", v)
    for place, word in enumerate(_ORDINALS.get(language, []), start=1):
        for ending in _ORDINAL_FORMS.get(language, ("",)):
            out.setdefault(word + ending, Meaning("ordinal", str(place)))
        for ending in _ORDINAL_LAST.get(language, ()):
            out.setdefault(word[:-1] + ending, Meaning("ordinal", str(place)))
        if language == "pl" and word.endswith("y"):
            for ending in ("a", "e"):
                out.setdefault(word[:-1] + ending, Meaning("ordinal", str(place)))
        elif language == "pl" and word.endswith("i"):
            for ending in ("a", "e"):
                out.setdefault(word + ending, Meaning("ordinal", str(place)))
    if language in ("fr", "es"):
        for word, place in _EXTRA_ORDINALS.items():
            out.setdefault(word, Meaning("ordinal", str(place)))
    for word in _JOINT:
        out.setdefault(word, Meaning("joint", JOINT))
    return out


def meaning_of(word: str, words: dict[str, Meaning]) -> Meaning | None:
    """The meaning of one lowercased word: a lexicon word, or a numeric ordinal ('3rd')."""
    hit = words.get(word)
    if hit is not None:
        return hit
    m = _NUMERIC_ORDINAL.match(word)
    if m and not word.isdigit():
        return Meaning("ordinal", m.group(1))
    return None


@dataclass(frozen=True, slots=True)
class MeaningChange:
    """A meaning word of the untouched release that an edit changed: `before` and
    `after` are the words, `kind` the kind of meaning."""

    kind: str
    before: str
    after: str


def split_atoms(atoms: Sequence[str]) -> list[str]:
    """Atoms as single words: an ignored token such as "10th-highest" is one atom but two
    words; the number placeholder and "=" stay as they are."""
    out: list[str] = []
    for atom in atoms:
        if atom.startswith("\x00") or atom == "=":
            out.append(atom)
        else:
            out.extend(_LETTERS.findall(atom) or [atom])
    return out


def changed_meaning(
    before: Sequence[str],
    after: Sequence[str],
    words: dict[str, Meaning],
    around: Sequence[str] = (),
) -> list[MeaningChange]:
    """Meaning words that differ between one edited stretch of the release (`before`) and
    what the draft has there (`after`): a direction or superlative turned round, a place
    changed, a "joint" or "=" taken away or added (next to a place: `around` holds the
    words either side of the stretch)."""
    before, after = split_atoms(before), split_atoms(after)
    b = [(w, meaning_of(w, words)) for w in before]
    a = [(w, meaning_of(w, words)) for w in after]
    out: list[MeaningChange] = []
    for kind in ("direction", "superlative", "ordinal"):
        bw = [(w, m.value) for w, m in b if m is not None and m.kind == kind]
        aw = [(w, m.value) for w, m in a if m is not None and m.kind == kind]
        if not bw or not aw:
            continue
        bv = {v for _, v in bw}
        av = {v for _, v in aw}
        if bv != av and not bv & av:
            out.append(MeaningChange(kind, bw[0][0], aw[0][0]))
    b_joint = any(m is not None and m.kind == "joint" for _, m in b) or "=" in before
    a_joint = any(m is not None and m.kind == "joint" for _, m in a) or "=" in after
    near = [*before, *after, *split_atoms(around)]
    ranked = any(
        w.startswith("\x00") or (m is not None and m.kind == "ordinal")
        for w, m in ((w, meaning_of(w, words)) for w in near)
    )
    if b_joint != a_joint and ranked:
        out.append(MeaningChange("joint", "joint" if b_joint else "", "joint" if a_joint else ""))
    return out


def direction_near(
    atoms: Sequence[str], position: int, words: dict[str, Meaning], reach: int = 4
) -> set[str]:
    """The directions (up, down) that words within `reach` atoms of `position` state."""
    lo, hi = max(0, position - reach), min(len(atoms), position + reach + 1)
    found: set[str] = set()
    for w in atoms[lo:hi]:
        m = words.get(w)
        if m is not None and m.kind == "direction":
            found.add(m.value)
    return found


def group_names(names: Iterable[str]) -> dict[tuple[str, ...], str]:
    """Each group name as its lowercased words, for finding it among a draft's atoms."""
    out: dict[tuple[str, ...], str] = {}
    for name in names:
        key = tuple(re.findall(r"\w+", name.lower()))
        if key:
            out[key] = name
    return out


def groups_in(atoms: Sequence[str], names: dict[tuple[str, ...], str]) -> list[tuple[int, str]]:
    """(atom position, group name) for every group named in `atoms`, longest names first
    so that "Kent Police" is not also read as "Kent"."""
    taken = [False] * len(atoms)
    found: list[tuple[int, str]] = []
    for key in sorted(names, key=len, reverse=True):
        n = len(key)
        for i in range(len(atoms) - n + 1):
            if not taken[i] and tuple(atoms[i : i + n]) == key:
                found.append((i, names[key]))
                for k in range(i, i + n):
                    taken[k] = True
    return sorted(found)
