"""ASCII stand-ins for a plain-text export (`--ascii`): typographic punctuation, and
accented letters written the way the language's own readers would without them.

German writes ä, ö, ü and ß as ae, oe, ue and ss when it has to (Müller is Mueller, never
Muller), and so do English texts naming Germans; languages where the letter is native and
simply loses its mark (Spanish pingüino, Swedish Malmö, French Noël) fold it to the base
letter, as every other accent is folded (é to e). A letter with no ASCII reading (Cyrillic,
Devanagari) is left as it is, and the writer warns about it.
"""

from __future__ import annotations

import unicodedata

# Typographic punctuation -> ASCII. No-break spaces are handled after wrapping.
PUNCTUATION = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "‹": "'", "›": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "--", "―": "--", "−": "-",
        "…": "...", "•": "*", "·": "-",
        "\u200b": "", "\u2060": "", "\ufeff": "", "\u00ad": "",
    }
)  # fmt: skip

_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
# Letters that are not a base letter plus a mark, so decomposing them gives nothing.
_LETTERS = {
    "ß": "ss", "ẞ": "Ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ø": "o", "Ø": "O",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
    "ı": "i", "ħ": "h", "Ħ": "H",
}  # fmt: skip
# Languages in which ä, ö or ü is a letter of its own or a plain diaeresis: folded.
_FOLD_UMLAUTS = frozenset({"sv", "fi", "et", "hu", "tr", "es", "fr", "nl", "it", "pt", "ca"})


def to_ascii(text: str, locale: str = "en_GB") -> str:
    """`text` with typographic punctuation and accented letters in ASCII (see above)."""
    text = text.translate(PUNCTUATION)
    if text.isascii():
        return text
    expand = locale.replace("-", "_").split("_")[0].lower() not in _FOLD_UMLAUTS
    out: list[str] = []
    for i, c in enumerate(text):
        if c.isascii():
            out.append(c)
        elif expand and c in _UMLAUTS:
            rep = _UMLAUTS[c]
            if c.isupper() and _capitals_around(text, i):
                rep = rep.upper()  # ÜBER is UEBER, not UeBER
            out.append(rep)
        elif c in _LETTERS:
            rep = _LETTERS[c]
            out.append(rep.upper() if len(rep) > 1 and _capitals_around(text, i) else rep)
        else:
            out.append(_fold(c))
    return "".join(out)


def _capitals_around(text: str, i: int) -> bool:
    after = text[i + 1 : i + 2]
    before = text[i - 1 : i] if i else ""
    return (after.isalpha() and after.isupper()) or (
        before.isalpha() and before.isupper() and not after.isalpha()
    )


def _fold(c: str) -> str:
    """é -> e: the letter without its combining marks, when that leaves ASCII."""
    base = "".join(ch for ch in unicodedata.normalize("NFD", c) if not unicodedata.combining(ch))
    return base if base and base.isascii() else c
