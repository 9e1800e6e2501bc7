"""Checking an edited draft against the campaign's computed figures.

`check_draft` is the one call the CLI and the TUI make. It reads every number-like
expression in the draft (numbers.py), matches each to a figure under the house style's
rounding and to the figure the template printed at that place (match.py), checks the
arithmetic between them (consistency.py), the quotes against what was approved, and
lints the release (lint.py). See docs/check.md for the rules and what is ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from pressgen.check.consistency import draft_arithmetic, figure_arithmetic, sentence_ids
from pressgen.check.draft import draft_form, flatten, read_draft
from pressgen.check.edits import Sides, edit_findings, rewritten_findings, sign_findings
from pressgen.check.findings import FAILING, CheckReport, Finding, LineIndex
from pressgen.check.lint import WIRE_HEADLINE_LIMIT, lint_text
from pressgen.check.match import Candidate, FigureIndex, align, atoms
from pressgen.check.meaning import lexicon
from pressgen.check.messages import mismatch_finding
from pressgen.check.numbers import (
    PLAIN,
    NumberToken,
    markdown_blank,
    number_reader,
)
from pressgen.check.quotes import quote_findings, quote_words
from pressgen.text.formatting import Formatter, normalise_locale
from pressgen.text.style import HouseStyle

if TYPE_CHECKING:
    from pressgen.release.pipeline import Prepared

__all__ = [
    "FAILING",
    "WIRE_HEADLINE_LIMIT",
    "CheckReport",
    "Checker",
    "Finding",
    "check_draft",
    "draft_form",
    "lint_text",
    "read_draft",
]


class Checker:
    """A campaign's figures and untouched render, ready to check drafts against.

    Building one renders the release once (tens of milliseconds); `check` then costs a
    few milliseconds per call, so keep one per campaign, locale and style."""

    def __init__(
        self,
        prepared: Prepared,
        *,
        locale: str | None = None,
        style: str | HouseStyle | None = None,
        baseline: str | None = None,
        today: dt.date | None = None,
        form: str = "md",
    ) -> None:
        from pressgen.release.pipeline import choose_style, render_release

        loaded = prepared.loaded
        camp = loaded.campaign
        self.prepared = prepared
        self.tag = normalise_locale(locale or camp.locale)
        self.style = (
            style if isinstance(style, HouseStyle) else choose_style(loaded, style, self.tag)
        )
        self.fmt = Formatter(self.tag, self.style)
        self.reader = number_reader(self.tag, self.style)
        self.index = FigureIndex(prepared.figures, self.fmt)
        self.today = today
        self.release_date: dt.date = camp.release.date
        if baseline is None:
            baseline = render_release(
                prepared, locale=self.tag, style=self.style, drafts=True, today=today
            ).markdown
        if form != "md":
            # Compare like with like: the untouched release exported and read back in
            # the draft's own form (wrapped text, DOCX paragraphs, HTML blocks).
            from pressgen.export import export_release
            from pressgen.release.pipeline import export_options

            data = export_release(baseline, form, export_options(prepared, self.tag)).data
            baseline = flatten(data, form)
        self.form = form
        self.baseline = baseline
        base_clean = markdown_blank(baseline)
        self.base_clean = base_clean
        self.meaning_words = lexicon(self.reader.language)
        self.base_tokens = self.reader.read(baseline)
        self.base_atoms, self.base_owner, _ = atoms(base_clean, self.base_tokens)
        self.base_keys: list[frozenset[str]] = []
        self.base_primary: list[str | None] = []
        literals: set[str] = set()
        for tok in self.base_tokens:
            if tok.checked:
                found = self.index.matches(tok)
            elif tok.promotable:
                # a year-like figure ("1987" in a table cell) is still a figure: a
                # draft that changes it must be checked
                found = self.index.matches(
                    NumberToken(tok.start, tok.end, tok.text, tok.value, in_quote=tok.in_quote)
                )
            else:
                found = ()
            self.base_keys.append(frozenset(c.key for c in found))
            mains = {c.figure for c in found if c.key == c.figure}
            self.base_primary.append(next(iter(mains)) if len(mains) == 1 else None)
            if tok.checked and not found:
                literals.add(_norm(tok.text))
        self.literals = frozenset(literals)
        self.trusted_words = frozenset(w.lower() for w in re.findall(r"[^\W\d_]+", base_clean))
        # What the untouched release itself would be told is trusted: only findings the
        # edit introduced are reported.
        self._base_lint = {
            (f.code, f.text) for f in self._lint(baseline, self.base_tokens, LineIndex(baseline))
        }
        self._base_arithmetic = {
            (f.code, f.text)
            for f in draft_arithmetic(base_clean, self.base_tokens, self.fmt, LineIndex(baseline))
        }
        self.figure_notes = tuple(figure_arithmetic(prepared.figures))
        # A draft quotes the approved words in its own language (the translation the
        # release used) or, where there is none, the original: both are checked against.
        self._quote_words = [
            (q.id, quote_words(text))
            for q in prepared.quotes.quotes
            for text in dict.fromkeys((q.text_for(self.tag), q.text))
        ]

    # -- the check -------------------------------------------------------------------

    def check(self, text: str) -> CheckReport:
        """Every problem in `text`, a draft of this campaign's release."""
        lines = LineIndex(text)
        clean = markdown_blank(text)
        tokens = self.reader.read(text)
        d_atoms, d_owner, d_offsets = atoms(clean, tokens)
        pairs, where, opcodes = align(
            self.base_atoms, self.base_owner, d_atoms, d_owner, self.base_tokens, tokens
        )
        unpaired: list[tuple[int, tuple[Candidate, ...]]] = []
        figure_at: set[int] = set()  # where a number is one of the figures
        findings: list[Finding] = []
        used: set[str] = set()
        reported: set[int] = set()
        numbers = matched = 0
        for i, tok in enumerate(tokens):
            bi = pairs.get(i)
            if not tok.checked:
                if not (tok.promotable and bi is not None and self.base_keys[bi]):
                    continue
                tok = NumberToken(tok.start, tok.end, tok.text, tok.value, in_quote=tok.in_quote)
            numbers += 1
            found = self.index.matches(tok)
            expected = self.base_keys[bi] if bi is not None else frozenset()
            hit = [c for c in found if c.key in expected] if expected else list(found)
            if bi is None and found:
                unpaired.append((i, found))
            if hit:
                figure_at.add(tok.start)
                matched += 1
                used.update(c.figure for c in hit)
                findings.extend(self._small(tok, hit, lines))
                continue
            if not expected and (
                (bi is not None and _norm(self.base_tokens[bi].text) == _norm(tok.text))
                or _norm(tok.text) in self.literals
            ):
                figure_at.add(tok.start)
                matched += 1
                continue
            if bi is None and tok.form == "words" and tok.value is not None and tok.value <= 10:
                # "in two financial years": a small number in the writer's own words is
                # seldom a statistic; it is pointed out, not failed
                findings.append(self._aside(tok, lines))
                continue
            findings.append(
                mismatch_finding(self.index, self.prepared.figures, tok, found, expected, lines)
            )
            if bi is not None:
                reported.add(bi)
        sides = Sides(
            self.base_atoms,
            self.base_owner,
            self.base_tokens,
            d_atoms,
            d_owner,
            tokens,
            d_offsets,
            clean,
            self.base_clean,
        )
        findings.extend(
            edit_findings(
                sides, opcodes, self.meaning_words, self.base_primary, self.prepared.figures, lines
            )
        )
        findings.extend(sign_findings(sides, pairs, lines))
        findings.extend(
            rewritten_findings(sides, unpaired, self.meaning_words, self.prepared.figures, lines)
        )
        findings.extend(self._dropped(used, reported, where, d_offsets, lines, len(text)))
        if matched == 0 and any(self.base_primary):
            findings.append(
                Finding(
                    "empty-draft",
                    "warning",
                    1,
                    1,
                    "",
                    "the draft states none of the release's figures: is it the right file?",
                )
            )
        findings.extend(
            f
            for f in draft_arithmetic(clean, tokens, self.fmt, lines)
            if (f.code, f.text) not in self._base_arithmetic
            and not (
                f.code == "share-mismatch" and _all_figures(f.offset, clean, tokens, figure_at)
            )
        )
        findings.extend(
            quote_findings(clean, lines, self.prepared.quotes.quotes, self._quote_words, self.today)
        )
        findings.extend(
            f for f in self._lint(text, tokens, lines) if (f.code, f.text) not in self._base_lint
        )
        findings.sort(key=lambda f: (f.offset, f.code))
        return CheckReport(
            tuple(findings),
            numbers,
            matched,
            tuple(sorted(used)),
            self.tag,
            self.style.name,
            self.figure_notes,
        )

    # -- pieces ------------------------------------------------------------------------

    def _lint(self, text: str, tokens: list[NumberToken], lines: LineIndex) -> list[Finding]:
        return lint_text(
            text,
            locale=self.tag,
            style=self.style,
            release_date=self.release_date,
            trusted_words=self.trusted_words,
            tokens=tokens,
            lines=lines,
        )

    def _aside(self, tok: NumberToken, lines: LineIndex) -> Finding:
        line, col = lines.position(tok.start)
        return Finding(
            "not-a-figure",
            "note",
            line,
            col,
            tok.text,
            f"“{tok.text}” is not one of the release's figures; check it if it is meant as one",
            tok.start,
            tok.end,
            in_quote=tok.in_quote,
        )

    def _small(self, tok: NumberToken, hit: list[Candidate], lines: LineIndex) -> list[Finding]:
        out: list[Finding] = []
        for c in hit[:1]:
            fig = self.prepared.figures[c.figure]
            small = [w for w in fig.warnings if w.startswith("small number")]
            if not small or c.key != c.figure:
                continue
            prov = fig.provenance
            line, col = lines.position(tok.start)
            rows = ", ".join(str(r) for r in prov.row_numbers)
            msg = f"{tok.text!r} is {c.figure}, a {small[0]}"
            if rows:
                msg += f" (rows {rows} of {prov.source})"
            out.append(
                Finding(
                    "small-number",
                    "decision",
                    line,
                    col,
                    tok.text,
                    msg,
                    tok.start,
                    tok.end,
                    None,
                    None,
                    c.figure,
                    tok.in_quote,
                    prov.row_numbers,
                )
            )
        return out

    def _dropped(
        self,
        used: set[str],
        reported: set[int],
        where: dict[int, int],
        offsets: list[int],
        lines: LineIndex,
        size: int,
    ) -> list[Finding]:
        """Figures the template printed that the draft no longer states anywhere (a
        place whose number was changed is reported there instead). Leaving a figure out
        is the writer's choice, so these are notes, never errors."""
        out: list[Finding] = []
        seen: set[str] = set()
        for bi, name in enumerate(self.base_primary):
            if name is None or name in used or name in seen:
                continue
            if any(self.base_primary[b] == name for b in reported):
                continue
            seen.add(name)
            pos = where.get(bi)
            offset = offsets[pos] if pos is not None and pos < len(offsets) else size
            offset = min(offset, max(size - 1, 0))
            line, col = lines.position(offset)
            text = self.base_tokens[bi].text
            out.append(
                Finding(
                    "dropped",
                    "note",
                    line,
                    col,
                    "",
                    f"figure {name} ({text}) is left out of the draft",
                    offset,
                    offset,
                    name,
                    text,
                    name,
                )
            )
        return out


def _all_figures(offset: int, clean: str, tokens: list[NumberToken], figure_at: set[int]) -> bool:
    """Whether the percentage at `offset` and every count in its sentence are figures: a
    computed share beside other computed counts is right whichever of them the sentence
    happens to put together ("2.1 per cent of the 62,714 ... 22nd of the 43 forces")."""
    ids = sentence_ids(clean, tokens)
    here = next((sid for sid, t in zip(ids, tokens, strict=True) if t.start == offset), None)
    if here is None or offset not in figure_at:
        return False
    return all(
        t.start in figure_at
        for sid, t in zip(ids, tokens, strict=True)
        if sid == here and t.checked and t.unit == PLAIN
    )


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").lower().split())


_CheckerKey = tuple[str | None, str | HouseStyle | None, dt.date | None, str | None, str]
_CHECKERS: list[tuple[Prepared, _CheckerKey, Checker]] = []


def check_draft(
    prepared: Prepared,
    draft_text: str,
    *,
    locale: str | None = None,
    style: str | HouseStyle | None = None,
    today: dt.date | None = None,
    baseline: str | None = None,
    form: str = "md",
) -> CheckReport:
    """Check an edited draft of `prepared`'s release; the call for the TUI and the CLI.

    Returns a `CheckReport` whose `findings` each carry `line` and `column` (from 1),
    `offset`/`end` (character offsets into `draft_text`, for highlighting), `text` (what
    the draft says), `message`, `severity` ("error" and "warning" fail the check,
    "decision" asks a person), `code` (e.g. "unmatched", "swapped", "dropped", lint
    codes) and, for numbers, `nearest`/`nearest_text` (the closest figure and its text).
    `report.ok` is True when nothing fails.

    The first call for a campaign, locale and style renders the untouched release to
    compare against (tens of milliseconds); later calls with the same `prepared` object
    reuse it and take a few milliseconds, cheap enough to run on every edit.
    `locale`/`style` default to the campaign's. `baseline` is the untouched Markdown to
    compare with (the TUI passes the release it rendered, with its picks and quote
    toggles); by default the campaign is rendered. `form` is the draft's form (md, txt,
    html or docx: see `draft_form`); the untouched release is compared in that form.
    Raises PressgenError for bad input."""
    key: _CheckerKey = (locale, style, today, baseline, form)
    for prep, k, checker in _CHECKERS:
        if prep is prepared and k == key:
            return checker.check(draft_text)
    checker = Checker(
        prepared, locale=locale, style=style, today=today, baseline=baseline, form=form
    )
    _CHECKERS.insert(0, (prepared, key, checker))
    del _CHECKERS[8:]
    return checker.check(draft_text)
