"""`pressgen new`: a first campaign from a dataset. It writes a manifest (if there is
none), the campaign with the top angles as figure specs, a template, an unapproved quote
stub and placeholder release facts; it never overwrites a file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pressgen
from pressgen.angles.infer import Profile
from pressgen.angles.model import Angle, slug
from pressgen.angles.population import NAME, population_files
from pressgen.angles.scaffold_words import ScaffoldWords, scaffold_words
from pressgen.angles.templating import template_text
from pressgen.angles.tomlout import table, value
from pressgen.errors import PressgenError
from pressgen.storage.atomic import atomic_write
from pressgen.text.formatting import normalise_locale
from pressgen.text.style import style_for_locale

PLACEHOLDER = "PLACEHOLDER"
FOLDERS = ("campaigns", "datasets", "templates", "quotes")
#: The base layout a new project gets: one for every language (its words are the
#: release language's own, text/layout_words.py).
BASES = ("base.md.j2",)


@dataclass(frozen=True)
class Written:
    campaign: Path
    files: tuple[Path, ...]


def scaffold(
    p: Profile,
    angles: list[Angle],
    out: Path,
    *,
    n: int = 6,
    each: str | None = None,
    locale: str = "en_GB",
    style: str | None = None,
) -> Written:
    """Write the campaign's files for the best `n` angles (see `write_campaign`)."""
    chosen = _choose(angles, n, each, p.totals.get(each or "", ()))
    return write_campaign(p, chosen, out, each=each, locale=locale, style=style)


def write_campaign(
    p: Profile,
    chosen: list[Angle],
    out: Path,
    *,
    each: str | None = None,
    locale: str = "en_GB",
    style: str | None = None,
) -> Written:
    """The campaign for the angles chosen (the best ones, or those a person ticked), in
    the locale and its house style; nothing is written if any file exists already."""
    if each is not None and each not in p.manifest.columns:
        raise PressgenError(
            f"--each: no column {each!r} (columns: {', '.join(p.manifest.columns)})",
            path=p.dataset.data_path,
        )
    tag = normalise_locale(locale)
    language = tag.split("_")[0]
    if not chosen:
        raise PressgenError("no angle to write a campaign from", path=p.dataset.data_path)
    name = slug(p.dataset.data_path.stem).replace("_", "-")
    files: dict[Path, bytes | Path] = {}
    words = scaffold_words(language)
    ds_name = _dataset_files(p, out, name, files, words)
    extra = {}
    if p.population is not None and any("population" in _specs(a) for a in chosen):
        extra[NAME] = population_files(p.population, out, name, files)
    total = next((a.name for a in chosen if a.kind == "total"), None) if each else None
    noun = str(chosen[0].facts.get("noun") or p.label(p.measures[0]))
    look = {"locale": tag, "style": style or style_for_locale(None, tag)}
    camp = _campaign(p, chosen, name, ds_name, each, look, extra, words)
    files[out / "campaigns" / f"{name}.toml"] = camp.encode()
    body = template_text(chosen, p, total, noun, language, each is not None)
    files[out / "templates" / f"{name}.md.j2"] = body.encode()
    files[out / "quotes" / f"{name}.toml"] = _quotes(name, words).encode()
    for base in BASES:
        target = out / "templates" / base
        if not target.exists():
            src = _bundled(base)
            if src is not None:
                files[target] = src
    clash = [f for f in files if f.exists()]
    if clash:
        raise PressgenError("would overwrite an existing file; nothing was written", path=clash[0])
    for folder in FOLDERS:
        (out / folder).mkdir(parents=True, exist_ok=True)
    for path, data in files.items():
        atomic_write(path, data.read_bytes() if isinstance(data, Path) else data)
    return Written(out / "campaigns" / f"{name}.toml", tuple(files))


def _choose(
    angles: list[Angle], n: int, each: str | None, totals: tuple[str, ...] = ()
) -> list[Angle]:
    """The best n angles, without the ones a batch by `each` cannot state per group: a
    ranking of the groups, a share of one, or a figure that leaves some groups out (a
    change without their earlier period, a rate without their population), which the
    release of a group left out could not compute."""
    out = []
    for a in angles:
        by = a.spec.get("by") or next(iter(a.needs.values()), {}).get("by")
        part = a.spec.get("part", {})
        cond = a.spec.get("where", {}).get(each)
        fixed = isinstance(cond, str | list)
        left_out = isinstance(cond, dict) and set(cond.get("not_in", ())) - set(totals)
        if each is not None and (by == each or each in part or fixed or left_out):
            continue
        out.append(a)
    return out[:n]


def _bundled(name: str) -> Path | None:
    """The base layouts shipped with pressgen (the checkout's templates folder)."""
    root = Path(pressgen.__file__).resolve().parents[2]
    path = root / "templates" / name
    return path if path.is_file() else None


def _dataset_files(
    p: Profile, out: Path, name: str, files: dict[Path, bytes | Path], words: ScaffoldWords
) -> str:
    ds = p.dataset
    folder = out / "datasets"
    if not p.inferred and ds.manifest_path.parent.resolve() == folder.resolve():
        return ds.manifest_path.stem
    if p.long_text is not None:
        long = p.long_text.drop("__row")
        files[folder / p.manifest.file] = long.write_csv().encode()
    else:
        data_target = folder / ds.data_path.name
        if data_target.resolve() != ds.data_path.resolve():
            files[data_target] = ds.data_path
    manifest = folder / f"{name}.toml"
    if p.inferred:
        files[manifest] = _manifest_text(p, words).encode()
    else:
        files[manifest] = ds.manifest_path
    return name


def _manifest_text(p: Profile, words: ScaffoldWords) -> str:
    m = p.manifest
    head = {
        "title": m.title,
        "file": m.file,
        "counted": None,
        "suppression": m.suppression,
    }
    lines = [
        "# Written by `pressgen new` from the file's cells; check each column's type.",
        *(f"# {d}" for d in p.decisions),
        *(f"{k} = {value(v)}" for k, v in head.items() if v is not None),
        "",
        table("source", {"publisher": f"{PLACEHOLDER}: {words.publisher}"}),
    ]
    for col, spec in m.columns.items():
        lines.append(table(f"columns.{_key(col)}", {"type": spec.type, "label": spec.label}))
    return "\n".join(lines)


def _key(col: str) -> str:
    from pressgen.angles.tomlout import key

    return key(col)


def _specs(a: Angle) -> dict[str, Any]:
    return {k: v for spec in (a.spec, *a.needs.values()) for k, v in spec.items()}


def _campaign(
    p: Profile,
    chosen: list[Angle],
    name: str,
    ds: str,
    each: str | None,
    look: dict[str, str],
    extra: dict[str, str],
    words: ScaffoldWords,
) -> str:
    today = dt.date.today()
    top: dict[str, Any] = {
        "title": f"{p.manifest.title} (first draft by pressgen new)",
        "dataset": ds,
        "quotes": name,
        "template": name,
        **look,
        "small_numbers": 5,
        "each": each,
    }
    release = {
        "headline": f"{PLACEHOLDER}: {words.headline}",
        "subhead": f"{PLACEHOLDER}: {words.subhead}",
        "dateline": f"{PLACEHOLDER}: {words.dateline}",
        "date": today,
        "organisation": f"{PLACEHOLDER} {words.organisation}",
        "boilerplate": f"{PLACEHOLDER}: {words.boilerplate}",
        "notes": [f"{PLACEHOLDER}: {words.notes}"],
    }
    contact = {
        "name": f"{PLACEHOLDER} {words.name}",
        "role": words.press_office,
        "email": "press@example.invalid",
    }
    parts = [
        "# Written by `pressgen new`. Replace every PLACEHOLDER; `pressgen lint` flags them.",
        *(f"{k} = {value(v)}" for k, v in top.items() if v is not None),
        "",
        *([table("datasets", extra)] if extra else []),
        table("release", release),
        table("release.contact", contact),
        "# The quote stub is unapproved, so it is not slotted yet (a release cannot carry it",
        "# by accident). Once its words are approved (`pressgen approve`), slot it:",
        "# [slots]",
        '# spokesperson = "placeholder-quote"',
        "",
    ]
    done: set[str] = set()
    for a in chosen:
        for dep, spec in a.needs.items():
            if dep not in done:
                parts.append(table(f"figures.{dep}", {"label": f"needed by {a.name}", **spec}))
                done.add(dep)
        parts.append(f"# score {a.score}: {'; '.join(a.reasons)}")
        parts.append(table(f"figures.{a.name}", {"label": a.sentence.rstrip("."), **a.spec}))
        done.add(a.name)
    return "\n".join(parts)


def _quotes(name: str, words: ScaffoldWords) -> str:
    return "\n".join(
        [
            "# Quote stub written by `pressgen new`: unapproved, so it cannot be exported",
            "# by accident. Replace the text, then `pressgen approve`.",
            f"title = {value(name + ': spokespeople')}",
            "",
            table(
                "speakers.spokesperson",
                {
                    "name": f"{PLACEHOLDER} {words.name}",
                    "role": words.spokesperson,
                    "organisation": f"{PLACEHOLDER} {words.organisation}",
                },
            ),
            "[[quotes]]",
            'id = "placeholder-quote"',
            'speaker = "spokesperson"',
            f"text = {value(f'{PLACEHOLDER}: {words.quote}')}",
            "approved = false",
            "",
        ]
    )
