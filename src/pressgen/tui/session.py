"""What the TUI is editing, without Textual: the project's files, the picks that build a
campaign on the fly, which quotes are in, and the calls into the pipeline.

Kept free of Textual so the rules (which quote fills which slot, what a saved campaign
file says) are tested as plain functions, and the app's workers only call in here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pressgen.storage.locations import PROJECT_FOLDERS, user_templates_directory

if TYPE_CHECKING:
    # The core is imported when first used, on a worker thread, so the app paints first.
    from pressgen.release.campaign import LoadedCampaign
    from pressgen.release.pipeline import Prepared, Rendered
    from pressgen.storage.tomledit import TomlEdit

SUFFIXES = {"campaigns": ".toml", "datasets": ".toml", "quotes": ".toml", "templates": ".md.j2"}


@dataclass(frozen=True)
class ProjectFiles:
    """Campaigns, dataset manifests, quote sets and templates found in the project folder
    and the user's own folder, project first."""

    campaigns: tuple[Path, ...] = ()
    datasets: tuple[Path, ...] = ()
    quotes: tuple[Path, ...] = ()
    templates: tuple[Path, ...] = ()


def pressgen_error() -> type[Exception]:
    """PressgenError, imported when an error is being handled (it pulls in pydantic)."""
    from pressgen.errors import PressgenError

    return PressgenError


def user_folder() -> Path:
    """The user's own pressgen folder (PRESSGEN_CONFIG_DIR in tests)."""
    return user_templates_directory().parent


def scan_project(root: Path) -> ProjectFiles:
    found: dict[str, list[Path]] = {name: [] for name in PROJECT_FOLDERS}
    for base in (root, user_folder()):
        for folder in PROJECT_FOLDERS:
            d = base / folder
            if not d.is_dir():
                continue
            suffix = SUFFIXES[folder]
            for p in sorted(d.iterdir()):
                if not p.name.endswith(suffix) or p.name.startswith("."):
                    continue
                if folder == "templates" and (
                    p.name.startswith("base.") or "." in template_name(p)
                ):
                    continue  # a layout to extend, or a language variant (NAME.de.md.j2)
                found[folder].append(p)
    return ProjectFiles(*(tuple(found[f]) for f in PROJECT_FOLDERS))


def template_name(path: Path) -> str:
    return path.name.removesuffix(".md.j2")


@dataclass
class Picks:
    """The user's choices on top of a campaign file. None keeps the campaign's own."""

    campaign: Path
    dataset: Path | None = None
    quotes: Path | None = None
    template: Path | None = None
    locale: str | None = None
    style: str | None = None
    group: str | None = None
    """One group's release of a batching campaign (its `each` column); None: the whole."""
    included: dict[str, bool] = field(default_factory=dict)
    """quote id -> in or out; a quote not listed keeps its default (slotted and approved)."""


@dataclass(frozen=True)
class QuoteRow:
    id: str
    speaker: str
    text: str
    problem: str | None
    slot: str | None
    included: bool


def quote_words(row: QuoteRow, words: int = 8) -> str:
    """A quote as a person names it: its speaker and its first words."""
    parts = row.text.split()
    start = " ".join(parts[:words]) + ("…" if len(parts) > words else "")
    return f"{row.speaker}: “{start}”"


@dataclass(frozen=True)
class Build:
    """One render of the release with what the panels need beside it."""

    prepared: Prepared
    rendered: Rendered
    quotes: tuple[QuoteRow, ...]
    drafts: bool


def load_picked(picks: Picks) -> LoadedCampaign:
    """The campaign file with the picked dataset, quote set and template swapped in."""
    from pydantic import ValidationError

    from pressgen.errors import from_validation
    from pressgen.release.campaign import Campaign, load_campaign
    from pressgen.storage.tomlfile import read_toml

    base = load_campaign(picks.campaign)
    if picks.dataset is None and picks.quotes is None and picks.template is None:
        return base
    data = read_toml(base.path)
    if picks.dataset is not None:
        data["dataset"] = str(picks.dataset)
    if picks.quotes is not None:
        data["quotes"] = str(picks.quotes)
    if picks.template is not None:
        data["template"] = template_name(picks.template)
    try:
        camp = Campaign.model_validate(data)
    except ValidationError as exc:
        raise from_validation(exc, base.path) from None
    paths = dict(base.dataset_paths)
    if picks.dataset is not None:
        paths["main"] = picks.dataset
    return base.model_copy(
        update={
            "campaign": camp,
            "dataset_paths": paths,
            "quotes_path": picks.quotes or base.quotes_path,
            "template_ref": camp.template if picks.template is not None else base.template_ref,
        }
    )


def build(picks: Picks) -> Build:
    """Prepare (figures cached by the pipeline) and render with the picks applied."""
    from pressgen.release.pipeline import Prepared, prepare, render_release

    loaded = load_picked(picks)
    prepared = prepare(loaded)
    rows, slots = quote_rows(prepared, picks.included)
    camp = loaded.campaign.model_copy(update={"slots": slots})
    prepared = Prepared(
        loaded.model_copy(update={"campaign": camp}),
        prepared.datasets,
        prepared.figures,
        prepared.quotes,
        prepared.manifests,
        prepared.suppressed_cells,
    )
    include = {slot: slot in slots for slot in loaded.campaign.slots}
    drafts = any(r.included and r.problem for r in rows)
    if picks.group is not None:
        # One release of the batch, exactly as `pressgen batch` would write it.
        from pressgen.batch import group_release

        prepared, rendered = group_release(
            prepared.loaded,
            picks.group,
            locale=picks.locale,
            style=picks.style,
            drafts=drafts,
            include=include,
        )
        return Build(prepared, rendered, tuple(rows), drafts)
    rendered = render_release(
        prepared, locale=picks.locale, style=picks.style, drafts=drafts, include=include
    )
    return Build(prepared, rendered, tuple(rows), drafts)


PickerState = tuple[ProjectFiles, Path, dict[str, str], list[str], list[str], list[str]]
"""What the Pick panel shows: the project's files, the current values, the locales,
the house styles and the groups of a batching campaign."""

WHOLE = "*whole*"
"""The `group` value for the whole campaign rather than one group's release."""


def picker_state(picks: Picks, root: Path) -> PickerState:
    """What the Pick panel shows for these picks (on a worker: it loads the campaign)."""
    from pressgen.text.locales import supported_locales
    from pressgen.text.style import PRESETS

    current = {"campaign": str(picks.campaign), "group": picks.group or WHOLE}
    try:
        loaded = load_picked(picks)
    except pressgen_error():
        return (scan_project(root), root, current, supported_locales(), list(PRESETS), [])
    try:
        groups = group_names(loaded)
    except pressgen_error():
        groups = []  # the build reports what is wrong with the data
    current |= {
        "dataset": str(loaded.dataset_paths["main"]),
        "quotes": str(loaded.quotes_path),
        "template": str(picks.template or root / "templates" / f"{loaded.template_ref}.md.j2"),
        "locale": picks.locale or loaded.campaign.locale,
        "style": picks.style or loaded.campaign.style,
    }
    return (scan_project(root), root, current, supported_locales(), list(PRESETS), groups)


def group_names(loaded: LoadedCampaign) -> list[str]:
    """The groups a batching campaign makes releases for (its `each` column's values)."""
    each = loaded.campaign.each
    if not each:
        return []
    from pressgen.batch.groups import group_values
    from pressgen.sources.dataset import load_dataset

    groups, _ = group_values(load_dataset(loaded.dataset_paths["main"], {each}), each)
    return groups


def quote_rows(
    prepared: Prepared, included: dict[str, bool]
) -> tuple[list[QuoteRow], dict[str, str]]:
    """Every quote of the set, whether it is in, and the slots it fills.

    A slotted, approved quote is in unless excluded. An unapproved quote is out unless the
    user included it (deliberately: the TUI asks). An included quote with no slot of its
    own fills the first slot whose quote was left out.
    """
    camp = prepared.loaded.campaign
    by_quote = {qid: slot for slot, qid in camp.slots.items()}
    slots: dict[str, str] = {}
    state: dict[str, bool] = {}
    for q in prepared.quotes.quotes:
        default = q.id in by_quote and q.approval_problem() is None
        state[q.id] = included.get(q.id, default)
    for slot, qid in camp.slots.items():
        if state.get(qid, False):
            slots[slot] = qid
    free = [s for s in camp.slots if s not in slots]
    placed: dict[str, str] = {qid: s for s, qid in slots.items()}
    for q in prepared.quotes.quotes:
        if state[q.id] and q.id not in placed and free:
            slot = free.pop(0)
            slots[slot] = q.id
            placed[q.id] = slot
    rows = []
    for q in prepared.quotes.quotes:
        speaker = prepared.quotes.speakers.get(q.speaker)
        rows.append(
            QuoteRow(
                id=q.id,
                speaker=speaker.name if speaker else q.speaker,
                text=q.text,
                problem=q.approval_problem(),
                slot=placed.get(q.id) or by_quote.get(q.id),
                included=q.id in placed,
            )
        )
    return rows, slots


PICKED_KEYS = ("dataset", "quotes", "template", "locale", "style")
"""The campaign file's top-level keys that the picks may set."""


def _picked_values(picks: Picks, loaded: LoadedCampaign) -> dict[str, str]:
    values = {
        "dataset": _ref(picks.dataset, loaded.root / "datasets", ".toml"),
        "quotes": _ref(picks.quotes, loaded.root / "quotes", ".toml"),
        "template": _ref(picks.template, loaded.root / "templates", ".md.j2"),
        "locale": picks.locale,
        "style": picks.style,
    }
    return {k: v for k, v in values.items() if v is not None}


def _campaign_edit(picks: Picks, loaded: LoadedCampaign) -> TomlEdit:
    """The campaign file opened round-trip with the picked keys set: comments, figure
    specs and every other value are kept as written."""
    from pressgen.storage.tomledit import open_toml

    edit = open_toml(loaded.path)
    for key, value in _picked_values(picks, loaded).items():
        edit.doc[key] = value
    return edit


def campaign_text(picks: Picks, loaded: LoadedCampaign) -> str:
    """The campaign file rewritten with the picks; comments and figure specs are kept."""
    return _campaign_edit(picks, loaded).text()


def save_campaign(picks: Picks, loaded: LoadedCampaign, target: Path, *, force: bool) -> Path:
    """Write the campaign with the picks to `target` atomically, after checking that
    only the picked keys changed and that it loads; refuse an existing file unless
    `force`."""
    from pressgen.storage.tomledit import write_checked

    edit = _campaign_edit(picks, loaded)
    write_checked(
        edit,
        target,
        allowed=lambda where: len(where) == 1 and where[0] in PICKED_KEYS,
        check=lambda data: _check_campaign(data, target),
        force=force,
    )
    return target


def _ref(path: Path | None, folder: Path, suffix: str) -> str | None:
    if path is None:
        return None
    if path.parent.resolve() == folder.resolve():
        return path.name.removesuffix(suffix)
    return str(path.resolve())


def check_campaign_text(text: str, path: Path) -> None:
    """Refuse to save a campaign that would not load."""
    import tomllib

    from pressgen.errors import PressgenError

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PressgenError(f"invalid TOML: {exc}", path=path) from None
    _check_campaign(data, path)


def _check_campaign(data: dict[str, Any], path: Path) -> None:
    from pydantic import ValidationError

    from pressgen.errors import from_validation
    from pressgen.release.campaign import Campaign

    try:
        Campaign.model_validate(data)
    except ValidationError as exc:
        raise from_validation(exc, path) from None


def export_markdown(
    markdown: str,
    prepared: Prepared,
    locale: str,
    fmt: str,
    path: Path,
    force: bool,
    *,
    draft: bool = False,
) -> tuple[str, ...]:
    """Export through the CLI's registry and write atomically; returns the warnings.
    `draft`: mark the document as a draft (exported despite problems, confirmed)."""
    import dataclasses

    from pressgen.export import write_release
    from pressgen.release.pipeline import export_options

    options = dataclasses.replace(export_options(prepared, locale), draft=draft)
    result = write_release(markdown, fmt, options, path, force=force)
    return result.warnings
