"""House styles: the editorial rules for how numbers, percentages and dates read.

A style is data, not code: a preset by name, with any rule overridden by a campaign.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .errors import PressgenError

Rounding = Literal["half_up", "half_even", "down", "up"]


class HouseStyle(BaseModel):
    """Rules a sub-editor would otherwise apply by hand."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    name: str = "custom"
    percent_word: str | None = Field(
        default="per cent",
        description="Word after a percentage ('per cent', 'Prozent'); None uses the locale's sign.",
    )
    percent_sign_space: Literal["locale", "none", "nbsp", "nnbsp"] = Field(
        default="locale",
        description="Space between number and % sign when percent_word is None.",
    )
    spell_out_below: int = Field(
        default=10, ge=0, description="Whole numbers below this are written in words; 0 never."
    )
    spell_out_sentence_start: bool = Field(
        default=True, description="A number opening a sentence is written in words."
    )
    rounding: Rounding = Field(default="half_up", description="How figures are rounded for print.")
    share_decimals: int = Field(default=0, ge=0, le=4, description="Decimals shown for shares.")
    change_decimals: int = Field(default=0, ge=0, le=4, description="Decimals shown for changes.")
    decimals: int = Field(default=1, ge=0, le=6, description="Decimals for means, rates, ratios.")
    points_word: str = Field(
        default="percentage points", description="Unit for a difference between two shares."
    )
    serial_comma: bool = Field(default=False, description="'A, B, and C' rather than 'A, B and C'.")
    date_format: str = Field(
        default="d MMMM y", description="CLDR date pattern or short|medium|long|full."
    )
    time_format: str = Field(default="HH:mm", description="CLDR time pattern for embargo times.")


PRESETS: dict[str, HouseStyle] = {
    "uk-press": HouseStyle(name="uk-press"),
    "ap": HouseStyle(
        name="ap",
        percent_word=None,
        percent_sign_space="none",
        date_format="MMM. d, y",
        time_format="h:mm a",
        serial_comma=False,
    ),
    "plain": HouseStyle(
        name="plain",
        percent_word=None,
        spell_out_below=0,
        spell_out_sentence_start=False,
        rounding="half_even",
        date_format="long",
    ),
    "de-presse": HouseStyle(
        name="de-presse",
        percent_word="Prozent",
        points_word="Prozentpunkte",
        date_format="d. MMMM y",
    ),
    "fr-presse": HouseStyle(
        name="fr-presse",
        percent_word=None,
        percent_sign_space="nnbsp",
        points_word="points de pourcentage",
        date_format="d MMMM y",
    ),
}

DEFAULT_PRESET = "uk-press"


def resolve_style(preset: str | None, overrides: dict[str, Any] | None = None) -> HouseStyle:
    """A preset by name with a campaign's overrides applied on top."""
    name = preset or DEFAULT_PRESET
    try:
        base = PRESETS[name]
    except KeyError:
        known = ", ".join(sorted(PRESETS))
        raise PressgenError(f"unknown house style {name!r} (known: {known})") from None
    if not overrides:
        return base
    data = base.model_dump()
    data.update(overrides)
    return HouseStyle.model_validate(data)
