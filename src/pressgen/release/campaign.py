"""Campaigns: one file that binds a dataset, a quote set, a template, a locale and a house
style to the release's own facts (headline, dateline, date, embargo, contact)."""

from __future__ import annotations

import datetime as dt
import glob
import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from pressgen.errors import PressgenError
from pressgen.figures.specs import ConstantSpec, FigureSpec
from pressgen.storage.locations import (
    find_campaign,
    is_inside,
    project_root_for,
    template_folders,
    trusted_folders,
)
from pressgen.storage.tomlfile import load_model, read_toml_with_notes
from pressgen.text.dates import check_local_time
from pressgen.text.locales import normalise_locale
from pressgen.text.style import HouseStyle, resolve_style

TEMPLATE_SUFFIX = ".md.j2"


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
    # the zone comes first: the embargo's validator reads it
    timezone: str = Field(default="Europe/London", description="IANA zone of the embargo time.")
    embargo: dt.datetime | None = Field(default=None, description="Local time the embargo lifts.")
    organisation: str = Field(min_length=1, description="Who issues the release.")
    boilerplate: str = Field(min_length=1, description="About the organisation.")
    contact: Contact
    keywords: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Extra notes to editors.")
    translations: dict[str, ReleaseText] = Field(
        default_factory=dict, description="By locale ('de_CH') or language ('de')."
    )

    @field_validator("embargo")
    @classmethod
    def _one_instant(cls, value: dt.datetime | None, info: ValidationInfo) -> dt.datetime | None:
        """A local embargo time that a DST change skips or repeats is refused here, so
        `validate` names the field rather than a render printing a time that never was."""
        zone = info.data.get("timezone")
        if value is None or value.tzinfo is not None or not isinstance(zone, str):
            return value
        try:
            tz = ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            return value  # an unknown zone is reported where the embargo line is written
        try:
            check_local_time(value, tz, zone)
        except PressgenError as exc:
            raise ValueError(exc.message) from None
        return value

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
    constants: dict[str, ConstantSpec] = Field(
        default_factory=dict,
        description="Numbers from outside the dataset, each with its source: "
        '`[constants.forces_asked] value = 44, source = "the FoI request went to 44 forces"`.',
    )


class LoadedCampaign(BaseModel):
    """A validated campaign with its paths resolved and confined: every file it names
    lies inside its project folder or the user's own pressgen folder (see SECURITY.md)."""

    model_config = ConfigDict(arbitrary_types_allowed=True, frozen=True)

    path: Path
    root: Path
    campaign: Campaign
    dataset_paths: dict[str, Path]
    quotes_path: Path
    template_ref: str
    """The template's name inside the template folders (`cyber-training`, `team/x`)."""
    style: HouseStyle
    letterhead_path: Path | None = None
    warnings: tuple[str, ...] = ()
    """What reading the campaign file removed (control characters), naming each field."""

    @property
    def name(self) -> str:
        return self.path.stem


def load_campaign(ref: str | Path, root: Path | None = None) -> LoadedCampaign:
    path = find_campaign(str(ref), root)
    data, notes = read_toml_with_notes(path)
    if isinstance(data.get("style"), dict):
        raise PressgenError(
            "style is the name of a preset (such as 'uk-press'); rules that change it go in "
            "a [style_overrides] table",
            path=path,
            where="style",
        )
    camp = load_model(path, Campaign, data)
    _constants_as_figures(camp, path)
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
    template = template_name(camp.template, root_dir, path)
    letterhead = None
    if camp.letterhead is not None:
        named = _relative_to_campaign(path, camp.letterhead)
        # Confined now; whether it exists and is a sound .docx is the DOCX export's
        # business, so a Markdown render does not need it.
        letterhead = _confined(
            named, camp.letterhead, root_dir, path, "letterhead", "letterhead", must_exist=False
        ).resolve()
    try:
        normalise_locale(camp.locale)
    except PressgenError as exc:
        raise PressgenError(exc.message, path=path, where="locale") from None
    try:
        resolve_style(camp.style)
    except PressgenError as exc:
        raise PressgenError(exc.message, path=path, where="style") from None
    try:
        style = resolve_style(camp.style, camp.style_overrides)
    except PressgenError as exc:
        rule = f"style_overrides.{exc.where}" if exc.where else "style_overrides"
        raise PressgenError(exc.message, path=path, where=rule) from None
    return LoadedCampaign(
        path=path,
        root=root_dir,
        campaign=camp,
        dataset_paths=datasets,
        quotes_path=quotes,
        template_ref=template,
        style=style,
        letterhead_path=letterhead,
        warnings=notes,
    )


def _constants_as_figures(camp: Campaign, path: Path) -> None:
    """A constant is a figure like any other (templates, formulas and check see it),
    whose provenance says it was stated; its name may not be a figure's too."""
    for name, const in camp.constants.items():
        if camp.figures.get(name, const) is not const:
            raise PressgenError(
                f"constant {name!r} has the name of a figure", path=path, where=f"constants.{name}"
            )
        camp.figures[name] = const


def _resolve(
    ref: str, root: Path, campaign_path: Path, folder: str, suffix: str, field: str
) -> Path:
    """A dataset or quote set by name (under the project's folder) or by path (relative
    to the campaign), refused when it resolves outside the trusted folders."""
    if ref.endswith(suffix) or "/" in ref:
        p = _relative_to_campaign(campaign_path, ref)
    else:
        p = root / folder / f"{ref}{suffix}"
    return _confined(p, ref, root, campaign_path, folder[:-1], field)


def _relative_to_campaign(campaign_path: Path, ref: str) -> Path:
    p = Path(ref)
    return p if p.is_absolute() else campaign_path.parent / p


def _confined(
    p: Path,
    ref: str,
    root: Path,
    campaign_path: Path,
    what: str,
    field: str,
    *,
    must_exist: bool = True,
) -> Path:
    # Resolved, symlinks and all, before anything is read: a campaign from elsewhere must
    # not make pressgen read (and print) a file outside the project.
    if not is_inside(p, trusted_folders(root)):
        raise PressgenError(
            f"{what} {ref!r} is outside the project folder {root} "
            "(a campaign may name only files inside it or in your own pressgen folder)",
            path=campaign_path,
            where=field,
        )
    if must_exist and not p.is_file():
        raise PressgenError(
            f"{what} {ref!r} not found (looked for {p})", path=campaign_path, where=field
        )
    return p


def template_name(ref: str, root: Path, campaign_path: Path) -> str:
    """The campaign's template as a name inside the template folders.

    A plain name (`cyber-training`, or `cyber-training.md.j2`) is looked up there as it
    is. A path (`../templates/x.md.j2`, relative to the campaign, or absolute) must resolve
    inside one of the template folders and becomes its name there: a campaign never adds
    a folder to the template search path, so `include` and `extends` stay inside them."""
    if "/" not in ref:
        ref = ref.removesuffix(TEMPLATE_SUFFIX)  # `x.md.j2` is the template named x
        if "\\" in ref or "\x00" in ref or ref in ("", ".", ".."):
            raise PressgenError(
                f"not a template name: {ref!r}", path=campaign_path, where="template"
            )
        _refuse_linked_variants(ref, root, campaign_path)
        return ref
    p = _relative_to_campaign(campaign_path, ref)
    real = os.path.realpath(p)
    for folder in template_folders(root):
        base = os.path.realpath(folder)
        if real.startswith(base.rstrip(os.sep) + os.sep):
            if not os.path.isfile(real):
                raise PressgenError(
                    f"template {ref!r} not found (looked for {p})",
                    path=campaign_path,
                    where="template",
                )
            name = Path(os.path.relpath(real, base)).as_posix()
            return name.removesuffix(TEMPLATE_SUFFIX)
    folders = " or ".join(str(f) for f in reversed(template_folders(root)))
    raise PressgenError(
        f"template {ref!r} is outside the template folders ({folders}); "
        "name a template inside one of them",
        path=campaign_path,
        where="template",
    )


def _refuse_linked_variants(name: str, root: Path, campaign_path: Path) -> None:
    """A template by name whose file (or a language variant, NAME.de.md.j2) is a symlink
    out of its template folder is refused here, naming the campaign's field; rendering
    would refuse it too, later."""
    for folder in template_folders(root):
        if not folder.is_dir():
            continue
        variants = folder.glob(f"{glob.escape(name)}.*{TEMPLATE_SUFFIX}")
        for path in (folder / f"{name}{TEMPLATE_SUFFIX}", *variants):
            if path.is_file() and not is_inside(path, [folder]):
                raise PressgenError(
                    f"template {name!r} is a link to a file outside the template folders "
                    f"({path} -> {os.path.realpath(path)})",
                    path=campaign_path,
                    where="template",
                )
