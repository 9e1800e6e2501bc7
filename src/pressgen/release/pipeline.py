"""The one-way flow, as the functions the CLI and the TUI both call.

    load_campaign -> prepare (datasets, figures, quotes) -> render_release -> export

Figures are computed once per dataset + spec: `prepare` caches them by the files'
modification stamps, so re-rendering for another locale or style reuses them.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pressgen.errors import PressgenError
from pressgen.figures.model import Figure
from pressgen.release.campaign import LoadedCampaign, load_campaign
from pressgen.release.filters import FORMATTER_KEY
from pressgen.release.layout import layout_view
from pressgen.release.quotes import QuoteSet, load_quotes
from pressgen.release.render import MarkdownText, TemplateInfo, render_template, resolve_template
from pressgen.release.views import FigureMap, QuoteView
from pressgen.sources.dataset import Dataset, load_dataset, read_manifest
from pressgen.sources.manifest import Manifest
from pressgen.storage.filecache import cached, file_stamp
from pressgen.storage.locations import find_campaign, template_folders
from pressgen.storage.memo import MEMO, MemoTable, memoize
from pressgen.text.formatting import Formatter, normalise_locale
from pressgen.text.style import HouseStyle, resolve_style, style_for_locale

if TYPE_CHECKING:
    from pressgen.export import ExportOptions


@dataclass(frozen=True)
class Prepared:
    """A campaign with its data loaded and figures computed: everything but the words."""

    loaded: LoadedCampaign
    datasets: dict[str, Dataset]
    figures: dict[str, Figure]
    quotes: QuoteSet
    # The datasets' manifests; `datasets` is empty when the figures came from the disk
    # cache (no data was read).
    manifests: dict[str, Manifest] = field(default_factory=dict)
    suppressed_cells: int = 0
    """Suppressed cells the figures leave out, each counted once (notes to editors)."""

    def manifest(self, name: str = "main") -> Manifest:
        if name in self.manifests:
            return self.manifests[name]
        return self.datasets[name].manifest

    @property
    def campaign_name(self) -> str:
        return self.loaded.name


@dataclass(frozen=True)
class Rendered:
    markdown: str
    locale: str
    style: HouseStyle
    template: TemplateInfo
    warnings: tuple[str, ...] = field(default_factory=tuple)


# In-memory caches, all owned by MEMO (see storage.memo): one lock, one clear().
_Figures = tuple[dict[str, Dataset], dict[str, Figure], dict[str, Manifest], int]
_FIGURES: MemoTable[tuple[Any, ...], _Figures] = MEMO.table("campaign figures", 64)
_PREPARED: MemoTable[int, Prepared] = MEMO.table("prepared campaigns", 32)
_SPEC_KEYS: MemoTable[int, tuple[LoadedCampaign, str]] = MEMO.table("figure spec keys", 64)
_TEMPLATE_INFO: MemoTable[tuple[str, tuple[Path, ...], str], tuple[tuple[int, int], TemplateInfo]]
_TEMPLATE_INFO = MEMO.table("template variants", 64)
_SETUPS: MemoTable[tuple[Any, ...], _Setup] = MEMO.table("render setups", 32)


def prepare(ref: str | Path | LoadedCampaign, root: Path | None = None) -> Prepared:
    """Load a campaign's datasets and quotes and compute its figures (cached)."""
    if isinstance(ref, LoadedCampaign):
        loaded = ref
    else:
        path = find_campaign(str(ref), root)
        loaded = cached("campaign", path, lambda p: load_campaign(p, root))
    quotes = cached("quotes", loaded.quotes_path, load_quotes)
    datasets, figures, manifests, suppressed = _figures_for(loaded)
    # The same inputs give the same Prepared object, so renders can reuse their setup.
    hit = _PREPARED.get(id(loaded))
    if (
        hit is not None
        and hit.loaded is loaded
        and hit.quotes is quotes
        and hit.figures is figures
        and hit.datasets is datasets
    ):
        return hit
    prepared = Prepared(loaded, datasets, figures, quotes, manifests, suppressed)
    _PREPARED.put(id(loaded), prepared)
    return prepared


def _specs_key(loaded: LoadedCampaign) -> str:
    """The figure specs as canonical JSON, computed once per loaded campaign."""
    hit = _SPEC_KEYS.get(id(loaded))
    if hit is not None and hit[0] is loaded:
        return hit[1]
    text = json.dumps(
        {k: v.model_dump(mode="json", by_alias=True) for k, v in loaded.campaign.figures.items()},
        sort_keys=True,
    )
    _SPEC_KEYS.put(id(loaded), (loaded, text))
    return text


def _figures_for(
    loaded: LoadedCampaign,
) -> tuple[dict[str, Dataset], dict[str, Figure], dict[str, Manifest], int]:
    """The campaign's figures: from memory, else from the disk cache, else computed."""
    from pressgen.figures import cache as figure_cache

    camp = loaded.campaign
    stamps = tuple(sorted((name, *_stamp(p)) for name, p in loaded.dataset_paths.items()))
    key = (os.path.abspath(loaded.path), _specs_key(loaded), stamps, camp.small_numbers)
    hit = _FIGURES.get(key)
    if hit is not None:
        return hit
    manifests = {
        name: cached("manifest", p, read_manifest) for name, p in loaded.dataset_paths.items()
    }
    disk_key = figure_cache.cache_key(key[1], stamps, camp.small_numbers)
    stored = figure_cache.load(disk_key)
    datasets: dict[str, Dataset] = {}
    if stored is not None:
        figures, suppressed = stored
    else:
        from pressgen.figures.engine import compute_figures, required_columns, suppressed_cells

        need = required_columns(camp.figures, "main")
        for name, path in loaded.dataset_paths.items():
            datasets[name] = load_dataset(path, need.get(name, set()))
        try:
            figures = compute_figures(
                camp.figures, datasets, "main", small_count=camp.small_numbers
            )
        except PressgenError as exc:
            raise PressgenError(exc.message, path=loaded.path, where=exc.where) from None
        suppressed = suppressed_cells(camp.figures, datasets, "main")
        if not any(d.warnings for d in datasets.values()):
            # Data that needed cleaning is read every time, so its warnings are told.
            figure_cache.store(disk_key, figures, suppressed)
    _FIGURES.put(key, (datasets, figures, manifests, suppressed))
    return datasets, figures, manifests, suppressed


def _stamp(path: Path) -> tuple[str, int, int, int, int]:
    manifest = cached("manifest", path, read_manifest)
    return (str(path), *file_stamp(path), *file_stamp(path.parent / manifest.file))


def template_search_path(loaded: LoadedCampaign) -> list[Path]:
    """A team's own templates first, then the project's. A campaign never adds a folder:
    a template it names by path must lie in one of these (see load_campaign)."""
    return [p for p in template_folders(loaded.root) if p.is_dir()]


@memoize("formatters", 128)
def formatter_for(tag: str, style: HouseStyle) -> Formatter:
    """One Formatter per locale and style: its compiled patterns are reused."""
    return Formatter(tag, style)


def _template_info(ref: str, search: tuple[Path, ...], tag: str) -> TemplateInfo:
    """The template variant for a locale and its declared needs, re-read when it changes."""
    key = (ref, search, tag)
    hit = _TEMPLATE_INFO.get(key)
    if hit is not None and file_stamp(hit[1].path) == hit[0]:
        return hit[1]
    info = resolve_template(ref, search, tag)
    _TEMPLATE_INFO.put(key, (file_stamp(info.path), info))
    return info


def choose_style(
    loaded: LoadedCampaign, style: str | None, locale: str | None = None
) -> HouseStyle:
    """The house style for a render: `-s` wins; otherwise the campaign's, adapted to the
    language of `locale` when that differs from the campaign's (uk-press -> de-presse)."""
    camp = loaded.campaign
    if style is not None:
        return resolve_style(style, camp.style_overrides)
    if locale is None or normalise_locale(locale) == normalise_locale(camp.locale):
        return loaded.style
    return resolve_style(
        style_for_locale(camp.style, normalise_locale(locale)), camp.style_overrides
    )


def render_release(
    prepared: Prepared,
    *,
    locale: str | None = None,
    style: str | HouseStyle | None = None,
    drafts: bool = False,
    include: dict[str, bool] | None = None,
    today: dt.date | None = None,
) -> Rendered:
    """Render the campaign's release as Markdown for a locale and house style.

    `include` maps quote slots to False to leave a quote out (the TUI's toggles).
    Unapproved quotes are refused unless `drafts` is set; then they are marked.
    """
    loaded = prepared.loaded
    camp = loaded.campaign
    tag = normalise_locale(camp.locale if locale is None else locale)
    house = style if isinstance(style, HouseStyle) else choose_style(loaded, style, tag)
    day = today or dt.date.today()
    key = (id(prepared), tag, house, drafts, tuple(sorted((include or {}).items())), day)
    setup = _SETUPS.get(key)
    if setup is None or setup.prepared is not prepared or not setup.fresh():
        setup = _SETUPS.put(key, _setup(prepared, tag, house, drafts, include, day))
    markdown = render_template(setup.info, setup.search, setup.context)
    return Rendered(markdown, tag, house, setup.info, setup.warnings)


@dataclass(frozen=True)
class _Setup:
    """Everything a render needs but the template run itself, kept per prepared campaign,
    locale, style and quote choice: re-rendering (the TUI, benchmarks) reuses it."""

    prepared: Prepared
    search: list[Path]
    info: TemplateInfo
    stamp: tuple[int, int]
    context: dict[str, Any]
    warnings: tuple[str, ...]

    def fresh(self) -> bool:
        return file_stamp(self.info.path) == self.stamp


def _setup(
    prepared: Prepared,
    tag: str,
    house: HouseStyle,
    drafts: bool,
    include: dict[str, bool] | None,
    today: dt.date,
) -> _Setup:
    loaded = prepared.loaded
    fmt = formatter_for(tag, house)
    search = template_search_path(loaded)
    info = _template_info(loaded.template_ref, tuple(search), tag)
    check_needs(info, prepared, include)
    warnings = input_warnings(prepared)
    quotes = quote_views(prepared, info, drafts, include, today, warnings, tag)
    warnings.extend(translation_warnings(prepared, quotes, tag))
    for fig in prepared.figures.values():
        warnings.extend(f"{fig.name}: {w}" for w in fig.warnings)
    context = build_context(prepared, fmt, quotes, drafts)
    if not context["layout"].own:
        warnings.append(
            f"no layout words for {fmt.language!r}: the release line, ENDS and headings "
            "are in English"
        )
    return _Setup(prepared, search, info, file_stamp(info.path), context, tuple(warnings))


def input_warnings(prepared: Prepared) -> list[str]:
    """What loading the inputs removed (control characters), one line each naming the
    file and the field or row: the campaign's, the quote set's, then each dataset's."""
    return [
        *prepared.loaded.warnings,
        *prepared.quotes.warnings,
        *(w for d in prepared.datasets.values() for w in d.warnings),
    ]


def export_options(prepared: Prepared, locale: str, *, ascii: bool = False) -> ExportOptions:
    """Document properties for an export: the release's words in `locale`, the campaign's
    letterhead, its date as the document's timestamps. The CLI, batch and the TUI all
    export with these.

    No title is given: each writer titles the document with the headline the template
    rendered (a computed headline, a batch group's own), which the campaign's static
    `release.headline` need not be (issue 15 item 15)."""
    from pressgen.export import ExportOptions

    loaded = prepared.loaded
    rel = loaded.campaign.release.for_locale(locale)
    return ExportOptions(
        subject=loaded.campaign.title,
        author=rel.organisation,
        keywords=tuple(rel.keywords),
        locale=locale,
        reference_docx=loaded.letterhead_path,
        ascii=ascii,
        # The release's date, not the clock: the same release gives the same file.
        created=dt.datetime.combine(rel.date, dt.time(), tzinfo=dt.UTC),
    )


def build_context(
    prepared: Prepared, fmt: Formatter, quotes: dict[str, QuoteView], drafts: bool
) -> dict[str, Any]:
    loaded = prepared.loaded
    camp = loaded.campaign
    rel = camp.release.for_locale(fmt.tag)
    main = prepared.manifest("main")
    figures = FigureMap(fmt, prepared.figures)
    when = embargo_when(fmt, rel.embargo, rel.timezone, loaded.path)
    layout = layout_view(
        fmt,
        when=when,
        organisation=rel.organisation,
        manifest=main,
        # the dataset's words (period, notes) are written in the campaign's language
        data_language=fmt.language == camp.locale.split("_")[0],
    )
    return {
        FORMATTER_KEY: fmt,
        "f": figures,
        "figures": figures,
        "quotes": quotes,
        "release": rel,
        "campaign": camp,
        "dataset": main,
        "source": main.source,
        "locale": fmt.tag,
        "language": fmt.locale.language,
        "style": fmt.style,
        "drafts": drafts,
        "layout": layout,
        "release_line": layout.release_line,
        "release_date": fmt.date(rel.date),
        "boilerplate": MarkdownText(escape_block(rel.boilerplate)),
        "suppressed_cells": prepared.suppressed_cells,
        "rounding_note": rounding_note(fmt.style),
    }


def rounding_note(style: HouseStyle) -> str:
    """How shares were rounded, in words for notes to editors."""
    places = style.share_decimals
    if places == 0:
        unit = "the nearest whole number"
    else:
        unit = f"{places} decimal place{'s' if places > 1 else ''}"
    how = {
        "half_up": "with halves rounded up",
        "half_even": "with halves rounded to the nearest even digit",
        "down": "always rounded down",
        "up": "always rounded up",
    }[style.rounding]
    return f"rounded to {unit}, {how}"


def escape_block(text: str) -> str:
    """Campaign prose is text, not Markdown: escape it but keep paragraph breaks."""
    from pressgen.release.render import escape_markdown

    return "\n\n".join(
        escape_markdown(" ".join(p.split())) for p in text.split("\n\n") if p.strip()
    )


def embargo_when(fmt: Formatter, embargo: dt.datetime | None, zone: str, path: Path) -> str | None:
    """The embargo's date and time as the formatter writes it (None: no embargo); an
    unknown time zone is an error naming the campaign's field."""
    if embargo is None:
        return None
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise PressgenError(
            f"unknown time zone {zone!r}", path=path, where="release.timezone"
        ) from None
    when = embargo if embargo.tzinfo else embargo.replace(tzinfo=tz)
    return fmt.embargo(when, zone)


def check_needs(info: TemplateInfo, prepared: Prepared, include: dict[str, bool] | None) -> None:
    """Every figure and quote slot the template declares is one the campaign has."""
    camp = prepared.loaded.campaign
    for name in info.figures:
        if name not in prepared.figures:
            raise PressgenError(
                f"template {info.name!r} needs figure {name!r}, which the campaign does not define",
                path=prepared.loaded.path,
                where="figures",
            )
    for slot in info.quotes:
        if slot not in camp.slots and (include or {}).get(slot, True):
            raise PressgenError(
                f"template {info.name!r} needs quote slot {slot!r}, "
                "which the campaign does not fill",
                path=prepared.loaded.path,
                where="slots",
            )


def translation_warnings(prepared: Prepared, quotes: dict[str, QuoteView], tag: str) -> list[str]:
    """What will appear untranslated in a release in another language than the
    campaign's: its own words (headline, notes, boilerplate), and each quote. Quotes are
    never machine-translated: a translation is approved with the quote."""
    camp = prepared.loaded.campaign
    language = tag.split("_")[0]
    if language == camp.locale.split("_")[0]:
        return []
    out: list[str] = []
    keys = {tag, language, tag.replace("_", "-")}
    if not keys & set(camp.release.translations):
        out.append(
            f"the campaign's release text (headline, subhead, notes, about) has no "
            f"{language!r} translation: it appears as written ({camp.locale})"
        )
    for slot, view in quotes.items():
        quote = prepared.quotes.quote(view.id)
        if quote is not None and not {tag, language} & set(quote.translations):
            out.append(
                f"quote {view.id!r} in slot {slot!r} has no {language!r} translation: it "
                "appears as written"
            )
    return out


def quote_views(
    prepared: Prepared,
    info: TemplateInfo,
    drafts: bool,
    include: dict[str, bool] | None,
    today: dt.date | None,
    warnings: list[str],
    locale: str | None = None,
) -> dict[str, QuoteView]:
    """The quote in each of the campaign's slots, as the template sees it; an unapproved
    one is refused unless `drafts` (then it is marked, and `warnings` says so)."""
    loaded = prepared.loaded
    out: dict[str, QuoteView] = {}
    for slot, quote_id in loaded.campaign.slots.items():
        if include is not None and not include.get(slot, True):
            continue
        quote = prepared.quotes.quote(quote_id)
        if quote is None:
            raise PressgenError(
                f"no quote {quote_id!r} in {loaded.quotes_path.name}",
                path=loaded.path,
                where=f"slots.{slot}",
            )
        problem = quote.approval_problem(today)
        if problem and not drafts:
            raise PressgenError(
                f"quote {quote_id!r} is {problem}; "
                "render with --drafts to include it marked as a draft",
                path=loaded.path,
                where=f"slots.{slot}",
            )
        if problem:
            warnings.append(f"quote {quote_id!r} in slot {slot!r}: {problem}")
        speaker = prepared.quotes.speakers[quote.speaker]
        out[slot] = QuoteView(slot, quote, speaker, problem, locale)
    return out
