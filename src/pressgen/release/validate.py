"""`pressgen validate`: lint datasets, quote sets, templates and campaigns, each problem
one line naming the file and the field or line."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pressgen.errors import PressgenError
from pressgen.storage.locations import PROJECT_FOLDERS

KINDS = {
    "campaigns": "campaign",
    "datasets": "dataset",
    "quotes": "quotes",
    "templates": "template",
}


def validate_paths(paths: Iterable[Path] | None) -> list[str]:
    """Every problem found, one line each; an empty list means all is well."""
    return validate_report(paths)[0]


def validate_report(paths: Iterable[Path] | None) -> tuple[list[str], list[str]]:
    """The problems found, and the warnings: what reading removed from a file (control
    characters), naming the file and field or row, each told once."""
    files: list[Path] = []
    if paths is None:
        for folder in PROJECT_FOLDERS:
            files.extend(_files_in(Path(folder)))
        if not files:
            return [
                "nothing to validate here: no campaigns/, datasets/, quotes/ or templates/ folder"
            ], []
    else:
        for p in paths:
            if p.is_dir():
                found = _files_in(p)
                files.extend(found)
                if not found:
                    files.append(p)
            else:
                files.append(p)
    problems: list[str] = []
    warnings: dict[str, None] = {}
    for f in files:
        try:
            warnings.update(dict.fromkeys(validate_file(f)))
        except PressgenError as exc:
            problems.append(str(exc) if exc.path else f"{f}: {exc}")
    return problems, list(warnings)


def _files_in(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    out: list[Path] = []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and (p.suffix == ".toml" or p.name.endswith(".md.j2")):
            out.append(p)
    return out


def kind_of(path: Path) -> str:
    if path.name.endswith(".md.j2"):
        return "template"
    for part in reversed(path.parts[:-1]):
        if part in KINDS:
            return KINDS[part]
    if path.suffix != ".toml":
        raise PressgenError("not a campaign, dataset manifest, quote set or template", path=path)
    from pressgen.storage.tomlfile import read_toml

    data = read_toml(path)
    if "release" in data:
        return "campaign"
    if "columns" in data:
        return "dataset"
    if "quotes" in data or "speakers" in data:
        return "quotes"
    raise PressgenError("cannot tell what this file is (no release, columns or quotes)", path=path)


def validate_file(path: Path) -> tuple[str, ...]:
    """Raise the file's first problem; return what reading it removed, as warnings."""
    if not path.exists():
        raise PressgenError("no such file", path=path)
    kind = kind_of(path)
    if kind == "template":
        _validate_template(path)
        return ()
    if kind == "dataset":
        from pressgen.sources.dataset import load_dataset

        return tuple(load_dataset(path).warnings)
    if kind == "quotes":
        from pressgen.release.quotes import load_quotes

        return tuple(load_quotes(path).warnings)
    from pressgen.release.pipeline import input_warnings, prepare, render_release

    prepared = prepare(path)
    render_release(prepared, drafts=True)
    return tuple(input_warnings(prepared))


def _validate_template(path: Path) -> None:
    from jinja2 import TemplateSyntaxError

    from pressgen.release.render import environment, read_template_info

    read_template_info(path.name, path)
    env = environment([path.parent])
    try:
        env.parse(path.read_text(encoding="utf-8"), name=path.name, filename=str(path))
    except TemplateSyntaxError as exc:
        raise PressgenError(
            f"template syntax: {exc.message}", path=path, where=f"line {exc.lineno}"
        ) from None
    except UnicodeDecodeError:
        raise PressgenError("not valid UTF-8", path=path) from None
