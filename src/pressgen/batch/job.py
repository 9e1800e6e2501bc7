"""Preparing a batch: everything its workers need, computed once in the calling process.

The campaign is loaded, its datasets read (only the columns the figures and the batch
column need), the national figures computed, and every group's aggregations computed
in one pass (`groups.group_inputs`). The template, house style and quotes are resolved
once. What a worker then does with a group (build its figures, render, write) needs no
data and no polars.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressgen.batch.groups import GroupInputs, group_inputs
from pressgen.batch.names import file_names
from pressgen.errors import PressgenError
from pressgen.figures.engine import compute_figures, required_columns, suppressed_cells
from pressgen.figures.model import Figure
from pressgen.release.campaign import LoadedCampaign, load_campaign
from pressgen.release.pipeline import (
    Prepared,
    check_needs,
    choose_style,
    export_options,
    input_warnings,
    quote_views,
    template_search_path,
    translation_warnings,
)
from pressgen.release.quotes import load_quotes
from pressgen.release.render import TemplateInfo, resolve_template
from pressgen.release.views import QuoteView
from pressgen.sources.dataset import Dataset, load_dataset
from pressgen.text.formatting import normalise_locale
from pressgen.text.style import HouseStyle

if TYPE_CHECKING:
    from pressgen.export import ExportOptions

FORMATS = {"md": ".md", "txt": ".txt", "html": ".html", "docx": ".docx"}


@dataclass(frozen=True)
class Job:
    """Everything a worker needs, computed once in the calling process."""

    loaded: LoadedCampaign
    prepared: Prepared  # datasets emptied: workers need manifests, not rows
    out: Path
    column: str
    fmt: str
    tag: str
    house: HouseStyle
    drafts: bool
    skip_existing: bool
    force: bool
    info: TemplateInfo
    search: tuple[Path, ...]
    quotes: dict[str, QuoteView]
    groups: tuple[str, ...]
    files: dict[str, str]
    inputs: GroupInputs
    national: dict[str, Figure]
    key_figures: tuple[str, ...]
    warnings: tuple[str, ...]
    export: ExportOptions | None  # for every format but Markdown
    existing: frozenset[str] = frozenset()  # names in `out` when the batch started

    @property
    def suppressed(self) -> dict[str, int]:
        return dict(self.inputs.suppressed)


def prepare_job(
    ref: str | Path | LoadedCampaign,
    out: Path,
    each: str | None,
    fmt: str,
    locale: str | None,
    style: str | None,
    drafts: bool,
    skip_existing: bool,
    force: bool,
    include: dict[str, bool] | None = None,
) -> Job:
    loaded = ref if isinstance(ref, LoadedCampaign) else load_campaign(ref)
    camp = loaded.campaign
    column = each or camp.each
    if not column:
        raise PressgenError(
            "no column to batch by: give --each COLUMN or set `each` in the campaign",
            path=loaded.path,
        )
    need = required_columns(camp.figures, "main")
    need.setdefault("main", set()).add(column)
    main_manifest = loaded.dataset_paths["main"]
    datasets: dict[str, Dataset] = {}
    for name, path in loaded.dataset_paths.items():
        datasets[name] = load_dataset(path, need.get(name, set()))
    main = datasets["main"]
    try:
        main.column(column, where="--each")
    except PressgenError as exc:
        raise PressgenError(exc.message, path=main_manifest, where=exc.where) from None
    try:
        national = compute_figures(camp.figures, datasets, "main", small_count=camp.small_numbers)
        inputs = group_inputs(
            camp.figures, datasets, "main", column, small_count=camp.small_numbers
        )
    except PressgenError as exc:
        raise PressgenError(exc.message, path=loaded.path, where=exc.where) from None
    if not inputs.groups:
        raise PressgenError(f"column {column!r} has no values to batch by", path=main_manifest)
    light = {k: replace(v, frame=v.frame.clear()) for k, v in datasets.items()}
    prepared = Prepared(
        loaded,
        light,
        national,
        load_quotes(loaded.quotes_path),
        suppressed_cells=suppressed_cells(camp.figures, datasets, "main"),
    )
    tag = normalise_locale(locale or camp.locale)
    house = choose_style(loaded, style, tag)
    search = tuple(template_search_path(loaded))
    info = resolve_template(loaded.template_ref, list(search), tag)
    check_needs(info, prepared, include)
    # What reading the inputs removed (control characters) is told once for the batch.
    warnings: list[str] = input_warnings(prepared)
    quotes = quote_views(prepared, info, drafts, include, None, warnings, tag)
    warnings.extend(translation_warnings(prepared, quotes, tag))
    key = info.figures or tuple(n for n, f in national.items() if _single(f.value))
    export = export_options(prepared, tag) if fmt != "md" else None
    return Job(
        loaded=loaded,
        prepared=prepared,
        out=out,
        column=column,
        fmt=fmt,
        tag=tag,
        house=house,
        drafts=drafts,
        skip_existing=skip_existing,
        force=force,
        info=info,
        search=search,
        quotes=quotes,
        groups=inputs.groups,
        files=file_names(inputs.groups, FORMATS[fmt]),
        inputs=inputs,
        national=national,
        key_figures=tuple(key),
        warnings=tuple(warnings),
        export=export,
    )


def _single(v: Any) -> bool:
    return isinstance(v, int | Decimal) and not isinstance(v, bool)
