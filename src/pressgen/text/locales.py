"""Which locales pressgen speaks, and how a locale tag from a user becomes a Babel Locale.

A release is written for one reader's conventions, so a locale that cannot be resolved is
an error, never a silent fallback to English.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import parse_locale

from pressgen.errors import PressgenError

#: Locales covered by the conformance table in tests/formatting: every filter is checked
#: against CLDR for these. Other CLDR locales are accepted and formatted from CLDR data,
#: but without that guarantee.
SUPPORTED_LOCALES: tuple[str, ...] = (
    "en_GB",
    "en_US",
    "en_IE",
    "de_DE",
    "de_AT",
    "de_CH",
    "fr_FR",
    "fr_CA",
    "es_ES",
    "it_IT",
    "nl_NL",
    "pl_PL",
    "sv_SE",
    "pt_BR",
    "ja_JP",
    "hi_IN",
)


def supported_locales() -> list[str]:
    """The locales with a CLDR conformance guarantee, in a stable order."""
    return list(SUPPORTED_LOCALES)


@lru_cache(maxsize=128)
def get_locale(tag: str) -> Locale:
    """A Babel Locale from 'en_GB' or 'en-GB'; unknown or empty tags are an error."""
    if not isinstance(tag, str):
        raise PressgenError(f"locale must be text, not {type(tag).__name__}")
    cleaned = tag.strip().replace("-", "_")
    if not cleaned:
        raise PressgenError("empty locale: give one such as en_GB or de-DE")
    if cleaned.split("_")[0].lower() in {"und", "root"}:
        # Babel maps 'und' to en_US by likely subtags: exactly the silent fallback to avoid.
        raise PressgenError(f"locale {tag!r} names no language")
    try:
        requested = parse_locale(cleaned)
        locale = Locale.parse(cleaned)
    except (UnknownLocaleError, ValueError, TypeError):
        raise _unknown(tag) from None
    # Babel fills what it does not know from likely subtags ('en_ZZ' becomes en_US, 'C'
    # becomes en_US_POSIX): a locale is accepted only if every part asked for is kept.
    language, territory, script, variant = requested[:4]
    kept = (
        locale.language == language.lower()
        and (territory is None or (locale.territory or "").upper() == territory.upper())
        and (script is None or (locale.script or "").title() == script.title())
        and (variant is None or (locale.variant or "").upper() == variant.upper())
    )
    if not kept:
        raise _unknown(tag)
    return locale


def _unknown(tag: str) -> PressgenError:
    return PressgenError(
        f"unknown locale {tag!r}; supported locales: {', '.join(SUPPORTED_LOCALES)}"
    )


def normalise_locale(tag: str) -> str:
    """The canonical form of a locale tag: 'en-gb' -> 'en_GB'."""
    return str(get_locale(tag))


def describe_locales() -> list[tuple[str, str]]:
    """(tag, display name in its own language) for each supported locale."""
    out: list[tuple[str, str]] = []
    for tag in SUPPORTED_LOCALES:
        loc = get_locale(tag)
        out.append((tag, loc.get_display_name(loc) or tag))
    return out
