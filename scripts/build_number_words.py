"""Write src/pressgen/data/number_words.json: num2words' words for 0-100 (cardinals) and
1-100 (ordinals) in the languages pressgen supports.

Importing num2words loads every language it has (~35 ms, a tenth of a one-shot
`pressgen render`), while a release only ever spells out small numbers. pressgen reads
this table first and imports num2words only for anything else. Rebuild after upgrading
num2words:

    .venv/bin/python scripts/build_number_words.py
"""

from __future__ import annotations

import json
from pathlib import Path

from num2words import num2words

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pl", "sv", "pt", "pt_BR", "ja")
TARGET = Path(__file__).resolve().parent.parent / "src" / "pressgen" / "data" / "number_words.json"


def build() -> dict[str, dict[str, list[str]]]:
    table: dict[str, dict[str, list[str]]] = {}
    for lang in LANGUAGES:
        cardinal = [str(num2words(n, lang=lang)) for n in range(101)]
        ordinal = [""] + [str(num2words(n, lang=lang, to="ordinal")) for n in range(1, 101)]
        table[lang] = {"cardinal": cardinal, "ordinal": ordinal}
    return table


def main() -> None:
    text = json.dumps(build(), ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
