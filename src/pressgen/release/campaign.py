"""Campaigns: one file that binds a dataset, a quote set, a template, a locale and a house
style to the release's own facts (headline, dateline, date, embargo, contact)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pressgen.errors import PressgenError, from_validation
from pressgen.figures.specs import FigureSpec
from pressgen.storage.locations import find_campaign, project_root_for
from pressgen.storage.tomlfile import load_model, read_toml
from pressgen.text.style import HouseStyle, resolve_style


class Contact(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    name: str
    role: str | None = None
    organisation: str | None = None
    email: str | None = None
    phone: str | None = None


class ReleaseText(BaseModel):
    """The words of a release in another language; what is left out stays as written."""

    model_config = ConfigDict(extra="forbid", strict=True)

    headline: str | None = Field(default=None, min_length=1)
    subhead: str | None = None
    dateline: str | None = Field(default=None, min_length=1)
    boilerplate: str | None = Field(default=None, min_length=1)
    notes: list[str] | None = None


class Release(BaseModel):
    """The release's own facts, written by a person, not computed."""

    model_config = ConfigDict(extra="forbid", strict=True)

    headline: str = Field(min_length=1)
    subhead: str | None = None
    dateline: str = Field(min_length=1, description="Place, e.g. LONDON.")
    date: dt.date
    embargo: dt.datetime | None = Field(default=None, description="Local time the embargo lifts.")
    timezone: str = Field(default="Europe/London", description="IANA zone of the embargo time.")
    organisation: str = Field(min_length=1, description="Who issues the release.")
    boilerplate: str = Field(min_length=1, description="About the organisation.")
    contact: Contact
    keywords: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Extra notes to editors.")
    translations: dict[str, ReleaseText] = Field(
        default_factory=dict, description="By locale ('de_CH') or language ('de')."
    )

    def for_locale(self, tag: str) -> Release:
        """This release with the words of the closest translation: de_CH, then de."""
        for key in (tag, tag.split("_")[0]):
            text = self.translations.get(key) or self.translations.get(key.replace("_", "-"))
            if text is not None:
                changes = {k: v for k, v in text.model_dump().items() if v is not None}
                return self.model_copy(update=changes)
        return self


class Campaign(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    title: str
    dataset: str = Field(description="Dataset name under datasets/ or a path to a manifest.")
    datasets: dict[str, str] = Field(default_factory=dict, description="Extra datasets by name.")
    quotes: str = Field(description="Quote set name under quotes/ or a path.")
    template: str = Field(description="Template name under templates/ or a path.")
    locale: str = "en_GB"
    style: str = "uk-press"
    style_overrides: dict[str, Any] = Field(default_factory=dict)
    letterhead: str | None = Field(
        default=None, description="A .docx whose styles, header and footer are used."
    )
    small_numbers: int = Field(default=5, ge=0, description="Counts below this are flagged.")
    each: str | None = Field(default=None, description="Default column for `pressgen batch`.")
    release: Release
    slots: dict[str, str] = Field(default_factory=dict, description="Quote slot -> quote id.")
    figures: dict[str, FigureSpec] = Field(default_factory=dict)


class LoadedCampaign(BaseModel):
    """A validated campaign with its paths resolved."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    path: Path
    root: Path
    campaign: Campaign
    dataset_paths: dict[str, Path]
    quotes_path: Path
    template_ref: str
    style: HouseStyle

    @property
    def name(self) -> str:
        return self.path.stem


def load_campaign(ref: str | Path, root: Path | None = None) -> LoadedCampaign:
    path = find_campaign(str(ref), root)
    data = read_toml(path)
    camp = load_model(path, Campaign, data)
    root_dir = project_root_for(path)
    datasets = {"main": _resolve(camp.dataset, root_dir, path, "datasets", ".toml", "dataset")}
    for name, ref_ in camp.datasets.items():
        if name == "main":
            raise PressgenError(
                "the name 'main' is reserved for the campaign's dataset",
                path=path,
                where="datasets.main",
            )
        datasets[name] = _resolve(ref_, root_dir, path, "datasets", ".toml", f"datasets.{name}")
    quotes = _resolve(camp.quotes, root_dir, path, "quotes", ".toml", "quotes")
    try:
        style = resolve_style(camp.style, camp.style_overrides)
    except ValidationError as exc:
        err = from_validation(exc, path)
        err.where = f"style_overrides.{err.where}" if err.where else "style_overrides"
        raise PressgenError(err.message, path=path, where=err.where) from None
    except PressgenError as exc:
        raise PressgenError(exc.message, path=path, where="style") from None
    return LoadedCampaign(
        path=path,
        root=root_dir,
        campaign=camp,
        dataset_paths=datasets,
        quotes_path=quotes,
        template_ref=camp.template,
        style=style,
    )


def _resolve(
    ref: str, root: Path, campaign_path: Path, folder: str, suffix: str, field: str
) -> Path:
    if ref.endswith(suffix) or "/" in ref:
        p = Path(ref)
        p = p if p.is_absolute() else (campaign_path.parent / p)
    else:
        p = root / folder / f"{ref}{suffix}"
    if not p.is_file():
        raise PressgenError(
            f"{folder[:-1]} {ref!r} not found (looked for {p})", path=campaign_path, where=field
        )
    return p
