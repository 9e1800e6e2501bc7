"""The house-style presets as `pressgen styles` lists them: each with a line written in it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from pressgen.text.formatting import Formatter
from pressgen.text.style import PRESET_LOCALES, PRESET_SUMMARIES, PRESETS


class StyleDescription(BaseModel):
    """One preset for `pressgen styles`: its name, what it is, and a line written in it."""

    model_config = ConfigDict(frozen=True)

    name: str
    locale: str
    summary: str
    example: str


def describe_styles() -> list[StyleDescription]:
    """Every preset with an example line in its own locale."""
    out = []
    for name, style in PRESETS.items():
        locale = PRESET_LOCALES.get(name, "en_GB")
        f = Formatter(locale, style)
        example = " · ".join(
            [
                f.count(3),
                f.count(4534),
                f.percent(Decimal("0.525")),
                f.compact(1_234_567),
                f.date(dt.date(2019, 12, 3)),
            ]
        )
        out.append(
            StyleDescription(
                name=name, locale=locale, summary=PRESET_SUMMARIES.get(name, ""), example=example
            )
        )
    return out
