"""What a word is made of in every script a release may be written in: letters, and the
combining marks that Indic and other scripts write inside a word (Devanagari's vowel signs
are marks, not letters, so `\\w` alone cuts "निकटतम" into pieces)."""

from __future__ import annotations

import unicodedata

#: Blocks whose marks sit inside words: combining diacritics, the Indic scripts, Thai and
#: Lao, and the Japanese voicing marks.
_MARK_BLOCKS = ((0x0300, 0x036F), (0x0900, 0x0DFF), (0x0E00, 0x0EFF), (0x3099, 0x309A))


def _mark_class() -> str:
    marks = [
        chr(c)
        for lo, hi in _MARK_BLOCKS
        for c in range(lo, hi + 1)
        if unicodedata.category(chr(c)).startswith("M")
    ]
    return "".join(marks)


#: The marks written inside words, as the body of a regex character class.
MARKS = _mark_class()
#: A letter (no digit, no underscore) or a mark inside a word, as a regex alternation.
LETTER = rf"[^\W\d_]|[{MARKS}]"
