"""House styles: the editorial rules for how numbers, percentages and dates read.

A style is data, not code: a preset by name, with any rule overridden by a campaign.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pressgen.errors import PressgenError, from_validation
from pressgen.text.date_patterns import check_date_pattern
from pressgen.text.placeholders import check_placeholders

Rounding = Literal["half_up", "half_even", "down", "up"]

#: The placeholders of `embargo_format` and `fy_format` (text/placeholders.py).
EMBARGO_FIELDS = ("time", "zone", "date")
FY_FIELDS = ("start", "end", "end2")


class HouseStyle(BaseModel):
    """Rules a sub-editor would otherwise apply by hand."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    name: str = "custom"
    percent_word: str | None = Field(
        default="per cent",
        description="Word after a percentage ('per cent', 'Prozent'); None or '%' uses the"
        " locale's sign, spaced by percent_sign_space.",
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
    serial_comma: bool | None = Field(
        default=False,
        description="'A, B, and C' (True) or 'A, B and C' (False) in English; None: the locale's.",
    )
    date_format: str = Field(
        default="d MMMM y", description="CLDR date pattern or short|medium|long|full."
    )
    weekday_date_format: str = Field(
        default="EEEE d MMMM y",
        description="Date with its weekday (embargo lines): CLDR pattern or full|medium.",
    )
    time_format: str = Field(default="HH:mm", description="CLDR time pattern for embargo times.")
    month_names: tuple[str, ...] | None = Field(
        default=None,
        strict=False,
        min_length=12,
        max_length=12,
        description="Replaces CLDR's wide month name (MMMM), e.g. AP's 'Dec.', 'March', 'Sept.'.",
    )
    day_periods: tuple[str, str] | None = Field(
        default=None, strict=False, description="Replaces CLDR's am/pm marker: ('a.m.', 'p.m.')."
    )
    embargo_format: str | None = Field(
        default=None,
        description="Embargo line with {time}, {zone}, {date}; None: the language's default.",
    )
    fy_format: str = Field(
        default="{start}–{end2}",
        description="Financial year: {start}, {end} (full years), {end2} (last two digits).",
    )
    compact: Literal["long", "short"] = Field(
        default="long", description="Compact numbers: '1.2 million' (long) or '1.2M' (short)."
    )
    compact_decimals: int | None = Field(
        default=None,
        ge=0,
        le=3,
        description="Most decimals in a compact number; None rounds as CLDR does (two"
        " significant digits, whole from ten up: '1.2 million', '240 thousand').",
    )
    group_separator: Literal["locale", "none", "space", "nbsp", "nnbsp", "thin"] = Field(
        default="locale",
        description="Thousands separator: the locale's, none ('3480'), or a space"
        " ('31 204'; nnbsp is the narrow no-break space, nbsp the no-break space).",
    )
    min_grouping_digits: int | None = Field(
        default=None,
        ge=1,
        le=4,
        description="Group from 1 + this many digits: 1 groups '8.595', 2 leaves '8595';"
        " None: CLDR's minimumGroupingDigits for the locale.",
    )
    about_digits: int = Field(
        default=2,
        ge=1,
        le=6,
        description="Significant digits of the round figure `about` names: 2 gives"
        " 'almost 1.2 million', 'more than 31,000'.",
    )
    money_millions: Literal["m", "word", "cldr"] = Field(
        default="m",
        description="money(compact=True) from a million up: '£2.3m' (m, UK press),"
        " '$2.3 million' (word, AP), or CLDR's short form (cldr); English only, else cldr.",
    )
    ordinal_dates: bool = Field(
        default=False,
        description="The day as an ordinal in dates: '31st July 2017' (en), '1er juillet' (fr).",
    )
    change_words: bool = Field(
        default=True,
        description="'doubled', 'fell by a fifth' where the change is that fraction (±0.5 pt).",
    )

    # Patterns are the user's: checked here, so a bad one is refused when the style is
    # loaded (one line naming the rule), never met half-way through a render.
    @field_validator("date_format", "weekday_date_format")
    @classmethod
    def _date_pattern(cls, value: str) -> str:
        return check_date_pattern(value)

    @field_validator("time_format")
    @classmethod
    def _time_pattern(cls, value: str) -> str:
        return check_date_pattern(value, time=True)

    @field_validator("embargo_format")
    @classmethod
    def _embargo_pattern(cls, value: str | None) -> str | None:
        return None if value is None else check_placeholders(value, EMBARGO_FIELDS)

    @field_validator("fy_format")
    @classmethod
    def _fy_pattern(cls, value: str) -> str:
        return check_placeholders(value, FY_FIELDS)


_AP_MONTHS = (
    "Jan.", "Feb.", "March", "April", "May", "June",
    "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip

PRESETS: dict[str, HouseStyle] = {
    "uk-press": HouseStyle(name="uk-press"),
    "ap": HouseStyle(
        name="ap",
        percent_word=None,
        percent_sign_space="none",
        date_format="MMMM d, y",
        weekday_date_format="EEEE, MMMM d, y",
        month_names=_AP_MONTHS,
        time_format="h:mm a",
        day_periods=("a.m.", "p.m."),
        serial_comma=False,
        money_millions="word",
    ),
    "plain": HouseStyle(
        name="plain",
        percent_word=None,
        spell_out_below=0,
        spell_out_sentence_start=False,
        rounding="half_even",
        serial_comma=None,
        date_format="long",
        weekday_date_format="full",
        change_words=False,
        money_millions="cldr",
    ),
    "de-presse": HouseStyle(
        name="de-presse",
        percent_word="Prozent",
        points_word="Prozentpunkte",
        spell_out_below=13,
        date_format="d. MMMM y",
        weekday_date_format="EEEE, d. MMMM y",
    ),
    "fr-presse": HouseStyle(
        name="fr-presse",
        percent_word=None,
        percent_sign_space="nbsp",
        points_word="points de pourcentage",
        date_format="d MMMM y",
        weekday_date_format="EEEE d MMMM y",
    ),
}

#: The locale each preset is written for: used for its example line in `pressgen styles`.
PRESET_LOCALES: dict[str, str] = {
    "uk-press": "en_GB",
    "ap": "en_US",
    "plain": "en_GB",
    "de-presse": "de_DE",
    "fr-presse": "fr_FR",
}

PRESET_SUMMARIES: dict[str, str] = {
    "uk-press": "UK press: 'per cent', one to nine in words, '3 December 2019'",
    "ap": "AP: '%' with no space, one to nine in words, 'Dec. 3, 2019'",
    "plain": "CLDR defaults: digits, the locale's percent sign and spacing, half-even",
    "de-presse": "Deutsche Presse: 'Prozent', eins bis zwölf in Worten, '3. Dezember 2019'",
    "fr-presse": "Presse française : « 52 % » (espace insécable), un à neuf en lettres",
}

DEFAULT_PRESET = "uk-press"

#: The press preset for a language, used when a campaign written in one house style is
#: rendered for a reader of another language (uk-press campaign, `-l de_DE`).
LANGUAGE_PRESETS: dict[str, str] = {"en": "uk-press", "de": "de-presse", "fr": "fr-presse"}


def style_for_locale(preset: str | None, locale: str) -> str:
    """The preset to use for `locale` when the campaign's preset is for another language.

    A campaign in `uk-press` rendered with `-l de_DE` should read 'Prozent' and
    '3. Dezember 2019', not 'per cent' and '3 Dezember 2019'. Language-neutral presets
    (`plain`) and presets already in the locale's language are kept. An explicit
    `-s/--style` should bypass this: call it only for the campaign's own style.
    """
    name = preset or DEFAULT_PRESET
    language = locale.replace("-", "_").split("_")[0].lower()
    own = PRESET_LOCALES.get(name, "").split("_")[0]
    if name == "plain" or not own or own == language:
        return name
    return LANGUAGE_PRESETS.get(language, "plain")


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
    unknown = sorted(set(overrides) - set(HouseStyle.model_fields))
    if unknown:
        raise PressgenError(f"unknown house-style rule {unknown[0]!r}", where=unknown[0])
    data = base.model_dump()
    data.update(overrides)
    try:
        return HouseStyle.model_validate(data)
    except ValidationError as exc:
        raise from_validation(exc, None) from None


def restyle(style: HouseStyle, overrides: dict[str, Any]) -> HouseStyle:
    """`style` with some rules changed, for one block of a template (`{% call
    restyle(percent_word="%") %}` around a table); the rules are checked as a campaign's."""
    unknown = sorted(set(overrides) - set(HouseStyle.model_fields) | ({"name"} & set(overrides)))
    if unknown:
        raise PressgenError(f"restyle: unknown house-style rule {unknown[0]!r}")
    data = style.model_dump()
    data.update(overrides)
    try:
        return HouseStyle.model_validate(data)
    except ValidationError as exc:
        raise from_validation(exc, None) from None
