"""Quotes in a draft: each quoted passage is found among the quote set's approved quotes
(in the release's language or as first said); an edited or unapproved one is an error."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from pressgen.check.findings import Finding, LineIndex

if TYPE_CHECKING:
    from pressgen.release.quotes import Quote

_QUOTED = re.compile(r"“([^”]{30,})”|„([^“]{30,})“|«([^»]{30,})»|\"([^\"\n]{30,})\"")


def quote_findings(
    clean: str,
    lines: LineIndex,
    quotes_in_set: Sequence[Quote],
    known: Sequence[tuple[str, tuple[str, ...]]],
    today: dt.date | None,
) -> list[Finding]:
    """Quoted passages that are an approved quote edited, or a quote not (or no longer)
    approved. `known` holds each quote's words in every text it may appear as."""
    out: list[Finding] = []
    quotes = {q.id: q for q in quotes_in_set}
    for m in _QUOTED.finditer(clean):
        body = next(g for g in m.groups() if g)
        words = quote_words(body)
        if len(words) < 6:
            continue
        best: tuple[float, str] | None = None
        for qid, qwords in known:
            if qwords == words:
                best = (1.0, qid)
                break
            ratio = SequenceMatcher(None, qwords, words, autojunk=False).ratio()
            if ratio >= 0.6 and (best is None or ratio > best[0]):
                best = (ratio, qid)
        if best is None:
            continue
        quote = quotes[best[1]]
        line, col = lines.position(m.start())
        if best[0] < 1.0:
            out.append(
                Finding(
                    "quote-edited",
                    "error",
                    line,
                    col,
                    m.group(0)[:60],
                    f"quote {quote.id!r} differs from the text {_approval(quote)}: "
                    "it needs approving again",
                    m.start(),
                    m.end(),
                    in_quote=True,
                )
            )
            continue
        problem = quote.approval_problem(today)
        if problem:
            out.append(
                Finding(
                    "quote-unapproved",
                    "error",
                    line,
                    col,
                    m.group(0)[:60],
                    f"quote {quote.id!r} is {problem}",
                    m.start(),
                    m.end(),
                    in_quote=True,
                )
            )
    return out


def _approval(quote: Quote) -> str:
    if quote.approved and quote.approved_by:
        when = f" on {quote.approved_on.isoformat()}" if quote.approved_on else ""
        return f"{quote.approved_by} approved{when}"
    return "in the quote set (not approved)"


def quote_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in re.findall(r"\w+", unicodedata.normalize("NFC", text)))
