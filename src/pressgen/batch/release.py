"""One group's release: its context, its render and export, the figures its index row
lists; and, for `render/figures/check --group`, one group's release without the batch."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pressgen.batch.blocks import BlockCache
from pressgen.batch.groups import Comparison, GroupFigures, build_group, comparable, rank_groups
from pressgen.batch.job import Job, prepare_job
from pressgen.batch.results import GroupResult
from pressgen.batch.views import CompareMap, SharedNumber
from pressgen.errors import PressgenError
from pressgen.figures.model import Figure, json_value
from pressgen.release.campaign import LoadedCampaign
from pressgen.release.pipeline import Prepared, Rendered, build_context
from pressgen.release.render import environment, render_template
from pressgen.release.views import FigureMap
from pressgen.text.formatting import Formatter

#: What group_markdown adds to the shared context that differs from group to group, and
#: which of those never repeat (see blocks.BlockCache).
VARYING = ("f", "figures", "group", "group_key", "compare", "suppressed_cells")
UNIQUE = ("f", "figures", "group", "group_key", "compare")


@dataclass(frozen=True)
class RenderState:
    """What every group's render shares in one process: the formatter, the context
    common to every release, the national figures' view and, in a batch, the blocks
    that come out the same in every release (rendered once)."""

    fmt: Formatter
    base: dict[str, Any]
    national: FigureMap
    blocks: BlockCache | None = None
    standings: dict[str, tuple[SharedNumber, ...]] = field(default_factory=dict)


def render_state(job: Job, *, replay: bool = True) -> RenderState:
    """`replay=False` renders every block of every release (the single-release path)."""
    fmt = Formatter(job.tag, job.house)
    base = build_context(job.prepared, fmt, job.quotes, job.drafts)
    cache = BlockCache(environment(list(job.search)), VARYING, UNIQUE) if replay else None
    return RenderState(fmt, base, FigureMap(fmt, job.national), cache)


def group_markdown(
    job: Job,
    state: RenderState,
    group: str,
    view: FigureMap,
    comps: Mapping[str, Comparison],
) -> str:
    ctx = dict(state.base)
    ctx.update(
        f=view,
        figures=view,
        national=state.national,
        # the manifest's display label for the group's value, if it gives one
        group=job.prepared.manifest("main").columns[job.column].labels.get(group, group),
        group_key=group,
        each=job.column,
        compare=CompareMap(state.fmt, comps, state.standings),
        groups_count=len(job.groups),
        suppressed_cells=job.inputs.suppressed.get(group, 0),
    )
    prepare = state.blocks.render if state.blocks is not None else None
    return render_template(job.info, list(job.search), ctx, prepare)


def run_group(
    job: Job,
    state: RenderState,
    gf: GroupFigures,
    comps: Mapping[str, Comparison],
    write: Callable[[str, bytes], None],
    view: FigureMap | None = None,
) -> GroupResult:
    """Render and write one group's release (unless --skip-existing finds it there).
    `view` is the group's figures' view if it was made already (`figure_view`)."""
    group = gf.group
    name = job.files[group]
    if gf.figures is None:
        return GroupResult(group, name, "error", f"group {group!r}: {gf.error}")
    figures = gf.figures
    # One view per figure for the render and the index alike: each formats once.
    if view is None:
        view = FigureMap(state.fmt, figures)
    key = key_figures(view, job, figures, comps)
    warnings = tuple(f"{f.name}: {w}" for f in figures.values() for w in f.warnings)
    if job.skip_existing and name in job.existing:
        return GroupResult(group, name, "skipped", None, warnings, key)
    try:
        markdown = group_markdown(job, state, group, view, comps)
        data = markdown.encode("utf-8") if job.export is None else _export(job, markdown)
        write(name, data)
    except PressgenError as exc:
        return GroupResult(group, name, "error", f"group {group!r}: {exc.line()}", warnings, key)
    except Exception as exc:  # one group's bug must not lose the others
        msg = f"group {group!r}: {type(exc).__name__}: {exc}".replace("\n", " ")
        return GroupResult(group, name, "error", msg, warnings, key)
    return GroupResult(group, name, "written", None, warnings, key)


def figure_view(job: Job, state: RenderState, figures: Mapping[str, Figure]) -> FigureMap:
    """A group's figures' view with the texts of its key figures made, as run_group's
    render and index row would make them (a worker makes these while it waits for the
    ranking)."""
    view = FigureMap(state.fmt, figures)
    for name in job.key_figures:
        if name in figures:
            str(view[name])
    return view


def _export(job: Job, markdown: str) -> bytes:
    from pressgen.export import export_release

    data = export_release(markdown, job.fmt, job.export).data
    return data.encode("utf-8") if isinstance(data, str) else data


def key_figures(
    view: FigureMap, job: Job, figures: Mapping[str, Figure], comps: Mapping[str, Comparison]
) -> dict[str, dict[str, Any]]:
    """The figures an index row lists: exact value, text, rank, share of the total."""
    out: dict[str, dict[str, Any]] = {}
    for name in job.key_figures:
        fig = figures.get(name)
        if fig is None:
            continue
        c = comps.get(name)
        value = fig.value
        if c is None:
            rank = joint = of = share = None
        else:
            rank, joint, of = c.rank, c.joint, c.standing.of
            share = c.share_of_total
            if share is not None:
                share = json_value(share)
        out[name] = {
            "value": value if type(value) is int else json_value(value),
            "text": str(view[name]),
            "rank": rank,
            "joint": joint,
            "of": of,
            "share_of_total": share,
        }
    return out


# -- one group without the batch -------------------------------------------------------


def group_release(
    campaign: str | Path | LoadedCampaign,
    group: str,
    *,
    each: str | None = None,
    locale: str | None = None,
    style: str | None = None,
    drafts: bool = False,
    include: dict[str, bool] | None = None,
) -> tuple[Prepared, Rendered]:
    """One group's figures (as a Prepared: for `check`, for export options) and its
    release exactly as the batch renders it, with the warnings a render gives.
    `include` leaves quote slots out, as for `render_release` (the TUI's toggles)."""
    job, figures, comps = _one_group(campaign, group, each, locale, style, drafts, include)
    state = render_state(job, replay=False)
    view = FigureMap(state.fmt, figures)
    markdown = group_markdown(job, state, group, view, comps)
    warnings = (*job.warnings, *(f"{f.name}: {w}" for f in figures.values() for w in f.warnings))
    rendered = Rendered(markdown, job.tag, job.house, job.info, warnings)
    return _group_prepared(job, group, figures), rendered


def group_figures(
    campaign: str | Path | LoadedCampaign, group: str, *, each: str | None = None
) -> Prepared:
    """One group's figures, with their provenance, as a batch computes them."""
    job, figures, _ = _one_group(campaign, group, each, None, None, True, None)
    return _group_prepared(job, group, figures)


def _one_group(
    campaign: str | Path | LoadedCampaign,
    group: str,
    each: str | None,
    locale: str | None,
    style: str | None,
    drafts: bool,
    include: dict[str, bool] | None,
) -> tuple[Job, Mapping[str, Figure], Mapping[str, Comparison]]:
    job = prepare_job(campaign, Path("."), each, "md", locale, style, drafts, False, True, include)
    if group not in job.files:
        near = difflib.get_close_matches(group, job.groups, n=3, cutoff=0.5)
        near += [g for g in job.groups if group.casefold() in g.casefold() and g not in near]
        hint = (
            f"did you mean {' or '.join(repr(g) for g in near[:3])}?"
            if near
            else f"groups include {', '.join(repr(g) for g in job.groups[:3])}"
        )
        raise PressgenError(f"no group {group!r} in column {job.column!r}; {hint}", where="--group")
    # Its place among the groups needs every group's figures.
    built = {g: build_group(job.inputs, g) for g in job.groups}
    values = {g: comparable(gf.figures) for g, gf in built.items() if gf.figures is not None}
    gf = built[group]
    if gf.figures is None:
        raise PressgenError(f"group {group!r}: {gf.error}")
    ranking = rank_groups(job.loaded.campaign.figures, job.national, values)
    return job, gf.figures, ranking.comparisons(group, values[group])


def _group_prepared(job: Job, group: str, figures: Mapping[str, Figure]) -> Prepared:
    return replace(
        job.prepared,
        figures=dict(figures),
        suppressed_cells=job.inputs.suppressed.get(group, 0),
    )
