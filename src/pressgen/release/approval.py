"""Recording a quote's approval in the user's quote set file.

The approval keys of one quote are set round-trip (storage.tomledit), so comments,
layout and every other quote stay as they were, whatever the quote's text contains. The
result is parsed again, validated as a quote set and checked to carry the hash of the
quote's text before it replaces the file, and checked again as written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from tomlkit.items import AoT, Array, InlineTable, Table

from pressgen.errors import PressgenError, from_validation
from pressgen.release.quotes import QuoteSet, load_quotes
from pressgen.storage.tomledit import KeyPath, open_toml, write_checked

APPROVAL_KEYS = ("approved", "approved_by", "approved_on", "approved_hash", "expires")


def approve_quote(
    path: Path, quote_id: str, *, by: str, on: dt.date, expires: dt.date | None = None
) -> str:
    """Mark one quote of the set in `path` approved by `by` on `on` (until `expires`),
    with the sha256 of its text, and write the file. Returns the hash. Only that
    quote's approval keys change; a previous approval of it is replaced."""
    quotes = load_quotes(path)
    quote = quotes.quote(quote_id)
    if quote is None:
        raise PressgenError(f"no quote {quote_id!r} in this set", path=path)
    who = by.strip()
    if not who:
        raise PressgenError("--by needs the name of who approved the quote")
    if expires is not None and expires < on:
        raise PressgenError("the approval would expire before it was given", path=path)
    digest = quote.text_hash()
    edit = open_toml(path)
    index, table = _quote_table(edit.doc.get("quotes"), quote_id, path)
    for key in APPROVAL_KEYS:
        if key in table:
            del table[key]
    table["approved"] = True
    table["approved_by"] = who
    table["approved_on"] = on
    table["approved_hash"] = digest
    if expires is not None:
        table["expires"] = expires

    def allowed(where: KeyPath) -> bool:
        return len(where) == 3 and where[:2] == ("quotes", index) and where[2] in APPROVAL_KEYS

    def check(data: dict[str, Any]) -> None:
        try:
            approved = QuoteSet.model_validate(data).quote(quote_id)
        except ValidationError as exc:
            raise from_validation(exc, path) from None
        if (
            approved is None
            or approved.text != quote.text
            or approved.translations != quote.translations
            or not approved.approved
            or approved.approved_by != who
            or approved.approved_hash != digest
            or approved.text_hash() != digest
        ):
            raise PressgenError(
                f"the approval of {quote_id!r} did not read back as written; "
                "the quote is not approved",
                path=path,
            )

    write_checked(edit, path, allowed=allowed, check=check, force=True)
    return digest


def _quote_table(quotes: object, quote_id: str, path: Path) -> tuple[int, Table | InlineTable]:
    """The quote's table in the document (an array of tables or an inline array)."""
    if isinstance(quotes, AoT | Array):
        for i, item in enumerate(quotes):
            if isinstance(item, Table | InlineTable) and item.get("id") == quote_id:
                return i, item
    raise PressgenError(f"cannot find the [[quotes]] table of {quote_id!r}", path=path)
