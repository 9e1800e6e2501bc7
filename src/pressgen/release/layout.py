"""The layout words of one render, as templates see them (`layout.ends`, `layout.notes`).

base.md.j2 prints these instead of English words, so one base layout serves every
language: the words come from text/layout_words.py, filled here with the release's own
values (its embargo, organisation, source, suppressed cells, rounding). Values from the
campaign and the dataset are escaped for Markdown as they go in, and the filled text is
`MarkdownText`, printed as it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pressgen.release.escape import MarkdownText, escape_inline
from pressgen.text.layout_words import LayoutWords, layout_words_for

if TYPE_CHECKING:
    from pressgen.sources.manifest import Manifest
    from pressgen.text.formatting import Formatter

_FIELD = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class LayoutView:
    """The words around a release's parts, in the release's language."""

    language: str
    own: bool
    """False when pressgen has no layout words for the language (they are English)."""
    release_line: str
    ends: str
    notes_heading: str
    about_heading: MarkdownText
    contact_heading: str
    email: str
    telephone: str
    draft: str
    notes: tuple[MarkdownText, ...]
    """The standing notes to editors that come before the one on suppressed cells (the
    `suppressed_note` filter): the source (and period), the dataset's notes, the
    illustrative figures."""
    rounding_note: MarkdownText
    """How percentages were rounded, as a sentence."""


def layout_view(
    fmt: Formatter,
    *,
    when: str | None,
    organisation: str,
    manifest: Manifest,
    data_language: bool,
) -> LayoutView:
    """The layout words for a render. `when` is the embargo's date and time as the
    formatter writes it (None: released at once); `data_language` says the dataset's
    words (its period, what it counts, its notes) are in the release's language, so
    they may stand in the notes."""
    words, own = layout_words_for(fmt.language)
    line = words.immediate if when is None else _fill(words.embargo, when=when)
    if words.caps:
        line = line.upper()
    return LayoutView(
        language=fmt.language,
        own=own,
        release_line=line,
        ends=words.ends,
        notes_heading=words.notes,
        about_heading=MarkdownText(_fill(words.about, organisation=escape_inline(organisation))),
        contact_heading=words.contact,
        email=words.email,
        telephone=words.telephone,
        draft=words.draft,
        notes=_notes(fmt, words, manifest, data_language),
        rounding_note=MarkdownText(
            _fill(words.rounding[fmt.style.rounding], unit=_unit(fmt, words))
        ),
    )


def _notes(
    fmt: Formatter,
    words: LayoutWords,
    manifest: Manifest,
    data_language: bool,
) -> tuple[MarkdownText, ...]:
    src = manifest.source
    parts = [src.publisher]
    if src.reference:
        parts.append(src.reference)
    if src.date:
        parts.append(fmt.date(src.date))
    source = _fill(words.source, source=escape_inline(words.sep.join(parts)))
    if data_language and src.period:
        period = escape_inline(src.period)
        if manifest.counted:
            counted = escape_inline(manifest.counted)
            source += " " + _fill(words.period_counted, period=period, counted=counted)
        else:
            source += " " + _fill(words.period, period=period)
    out = [source]
    if data_language and manifest.notes:
        out.append(escape_inline(manifest.notes))
    if manifest.illustrative:
        out.append(words.illustrative)
    return tuple(MarkdownText(n) for n in out)


def suppressed_note(fmt: Formatter, n: int, markers: Sequence[str]) -> MarkdownText:
    """The note on the `n` suppressed cells the release's figures read, shown in the
    source as `markers` ('Three cells were suppressed …'), or that there were none. A
    filter, not a field of the view: a batch gives each group its own count."""
    words, _own = layout_words_for(fmt.language)
    if not n:
        return MarkdownText(words.unsuppressed)
    pattern = _form(fmt, n, words.suppressed)
    gender = words.suppressed_gender
    values = {"markers": escape_inline(fmt.join([str(m) for m in markers], "or"))}
    # Only the forms the pattern uses: not every language spells every number.
    if "{n}" in pattern:
        values["n"] = fmt.count(n, gender=gender)
    if "{N}" in pattern:
        values["N"] = fmt.count(n, sentence_start=True, gender=gender)
    return MarkdownText(_fill(pattern, **values))


def _unit(fmt: Formatter, words: LayoutWords) -> str:
    places = fmt.style.share_decimals
    if places == 0:
        return words.whole
    pattern = _form(fmt, places, words.places)
    k = fmt.count(places, gender=words.places_gender) if "{k}" in pattern else ""
    return _fill(pattern, k=k, d=str(places))


def _form(fmt: Formatter, n: int, forms: Mapping[str, str]) -> str:
    """The pattern for `n` by the language's plural rules; 'other' where the table has
    no form of its own for the category."""
    if len(forms) == 1:
        return forms["other"]
    return fmt.plural(n, **dict(forms))


def _fill(pattern: str, **values: str) -> str:
    """A table pattern with its fields filled in one pass (a value is never read as a
    pattern). The patterns are pressgen's own, so an unknown field is a bug: KeyError."""
    return _FIELD.sub(lambda m: values[m.group(1)], pattern)
