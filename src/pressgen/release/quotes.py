"""Quote sets: who is quoted, what they said, and whether it was approved for release."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from pressgen.errors import PressgenError
from pressgen.storage.tomlfile import load_model, read_toml_with_notes


class Speaker(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    name: str = Field(min_length=1)
    role: str | None = None
    organisation: str | None = None

    @property
    def attribution(self) -> str:
        return ", ".join(p for p in (self.name, self.role, self.organisation) if p)


class Quote(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9_.-]+$")
    speaker: str
    text: str = Field(min_length=1)
    approved: bool = False
    approved_by: str | None = None
    approved_on: dt.date | None = None
    expires: dt.date | None = None
    approved_hash: str | None = Field(
        default=None, description="sha256 of the approved text; an edit after approval voids it."
    )
    translations: dict[str, str] = Field(
        default_factory=dict,
        description="The quote in other languages, by locale ('de_CH') or language ('de').",
    )

    def text_hash(self) -> str:
        """The hash an approval records: of the text and of every translation, so editing
        any of them after approval voids it."""
        if not self.translations:
            return quote_hash(self.text)
        parts = [self.text, *(f"[{k}] {v}" for k, v in sorted(self.translations.items()))]
        return quote_hash("\n".join(parts))

    def text_for(self, locale: str) -> str:
        """The words for a release in `locale`: de_CH, then de, then the original."""
        for key in (locale, locale.split("_")[0]):
            if key in self.translations:
                return self.translations[key]
        return self.text

    def approval_problem(self, today: dt.date | None = None) -> str | None:
        """Why this quote may not go out as approved, or None when it may."""
        if not self.approved:
            return "not approved"
        if self.approved_hash and self.approved_hash != self.text_hash():
            return "text edited after approval"
        if self.expires and self.expires < (today or dt.date.today()):
            return f"approval expired on {self.expires.isoformat()}"
        return None


class QuoteSet(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    title: str | None = None
    speakers: dict[str, Speaker]
    quotes: list[Quote]
    # What loading removed from the file (control characters), as warnings for a render.
    _warnings: tuple[str, ...] = PrivateAttr(default=())

    @property
    def warnings(self) -> tuple[str, ...]:
        return self._warnings

    def quote(self, quote_id: str) -> Quote | None:
        return next((q for q in self.quotes if q.id == quote_id), None)


def quote_hash(text: str) -> str:
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def load_quotes(path: Path) -> QuoteSet:
    """A quote set, validated, with control characters removed (noted in `warnings`)."""
    data, notes = read_toml_with_notes(path, what="quote sets")
    qs = load_model(path, QuoteSet, data)
    qs._warnings = notes
    seen: set[str] = set()
    for i, q in enumerate(qs.quotes):
        if q.speaker not in qs.speakers:
            raise PressgenError(
                f"no speaker {q.speaker!r} in this set", path=path, where=f"quotes[{i}].speaker"
            )
        if q.id in seen:
            raise PressgenError(
                f"quote id {q.id!r} is used twice", path=path, where=f"quotes[{i}].id"
            )
        seen.add(q.id)
        if q.approved and not q.approved_by:
            raise PressgenError(
                "an approved quote needs approved_by", path=path, where=f"quotes[{i}].approved_by"
            )
    return qs
