"""Spelling dictionaries: the project's word list (words.txt) and the Hunspell dictionary
for a locale, expanded once with its affix rules and kept for the process."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path


def in_dictionary(word: str, words: frozenset[str]) -> bool:
    if word in words:
        return True
    for suffix, repl in (
        ("'s", ""),
        ("’s", ""),
        ("s", ""),
        ("es", ""),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ied", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("er", ""),
        ("ers", ""),
        ("est", ""),
        ("ment", ""),
        ("ments", ""),
        ("ness", ""),
        ("ity", "e"),
    ):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in words:
            return True
    return False


@lru_cache(maxsize=1)
def _word_lines() -> tuple[str, ...]:
    text = resources.files("pressgen.check").joinpath("words.txt").read_text(encoding="utf-8")
    return tuple(ln.split("#", 1)[0].strip() for ln in text.splitlines())


@lru_cache(maxsize=1)
def accepted_words() -> frozenset[str]:
    """Words a dictionary may lack that releases use (`+word` lines of words.txt)."""
    return frozenset(ln[1:].strip().lower() for ln in _word_lines() if ln.startswith("+"))


@lru_cache(maxsize=1)
def misspellings() -> dict[str, str]:
    """The project's list of known misspellings: `wrong right` per line."""
    out: dict[str, str] = {}
    for line in _word_lines():
        if line and not line.startswith("+"):
            wrong, _, right = line.partition(" ")
            out[wrong.lower()] = right.strip()
    return out


#: Where installed Hunspell dictionaries are looked for.
DICTIONARY_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))


@lru_cache(maxsize=64)
def hunspell_words(tag: str) -> frozenset[str] | None:
    """Every word of an installed Hunspell dictionary for exactly this locale (stems
    expanded by the .aff file's prefix and suffix rules), or None. Kept for every locale
    asked (a locale without a dictionary costs nothing): with room for only 8, a process
    that linted in a dozen locales evicted en_US and expanded it again each time round."""
    for folder in DICTIONARY_DIRS:
        dic, aff = folder / f"{tag}.dic", folder / f"{tag}.aff"
        if dic.is_file():
            try:
                return _cached_expansion(dic, aff)
            except OSError:
                return None
    return None


def _cached_expansion(dic: Path, aff: Path) -> frozenset[str]:
    """Expanding the affixes takes most of a second, so the word list is kept in the
    user cache folder, keyed by the dictionary's size and modification time."""
    from pressgen.storage.locations import cache_directory

    st = dic.stat()
    stamp = f"{dic.name}-{st.st_size}-{st.st_mtime_ns}.words"
    cached = cache_directory() / "dictionaries" / stamp
    try:
        return frozenset(cached.read_text(encoding="utf-8").split("\n"))
    except OSError:
        pass
    lines = dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    words = _expand(lines, _affix_rules(aff) if aff.is_file() else {})
    try:
        from pressgen.storage.atomic import atomic_write

        atomic_write(cached, "\n".join(sorted(words)), force=True)
    except Exception:  # a read-only cache folder only costs speed
        pass
    return frozenset(words)


_Rule = tuple[bool, str, str, "re.Pattern[str]", bool]  # prefix?, strip, add, condition, cross


def _affix_rules(path: Path) -> dict[str, list[_Rule]]:
    rules: dict[str, list[_Rule]] = {}
    cross: dict[str, bool] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) < 4 or parts[0] not in ("PFX", "SFX"):
            continue
        kind, flag = parts[0], parts[1]
        if len(parts) == 4 and parts[3].isdigit():
            cross[flag] = parts[2] == "Y"
            continue
        if len(parts) < 5:
            continue
        strip = "" if parts[2] == "0" else parts[2]
        add = "" if parts[3].split("/")[0] == "0" else parts[3].split("/")[0]
        cond = parts[4]
        try:
            rx = re.compile(f"^{cond}" if kind == "PFX" else f"{cond}$")
        except re.error:
            continue
        rules.setdefault(flag, []).append((kind == "PFX", strip, add, rx, cross.get(flag, False)))
    return rules


def _expand(lines: list[str], rules: dict[str, list[_Rule]]) -> set[str]:
    out: set[str] = set()
    for line in lines:
        stem, _, flags = line.strip().partition("/")
        stem = stem.lower()
        if not stem:
            continue
        out.add(stem)
        suffixed: list[str] = []
        prefixes: list[_Rule] = []
        for flag in flags.split()[0] if flags else "":
            for rule in rules.get(flag, ()):
                is_pfx, strip, add, rx, crossable = rule
                if is_pfx:
                    prefixes.append(rule)
                    if rx.search(stem) and stem.startswith(strip):
                        out.add(add + stem[len(strip) :])
                elif rx.search(stem) and stem.endswith(strip):
                    word = stem[: len(stem) - len(strip)] + add
                    out.add(word)
                    if crossable:
                        suffixed.append(word)
        for _, strip, add, rx, crossable in prefixes:
            if crossable:
                for word in suffixed:
                    if rx.search(word) and word.startswith(strip):
                        out.add(add + word[len(strip) :])
    return out


# -- dates ----------------------------------------------------------------------------
