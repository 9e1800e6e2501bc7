"""Where pressgen finds projects and keeps user files (templates, autosaves, config)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

PROJECT_FOLDERS = ("campaigns", "datasets", "quotes", "templates")


def find_campaign(ref: str, root: Path | None = None) -> Path:
    """A campaign by path, or by name under `campaigns/`."""
    from pressgen.errors import PressgenError

    p = Path(ref)
    if p.suffix == ".toml" or p.exists() or "/" in ref:
        return p
    base = root or Path.cwd()
    candidate = base / "campaigns" / f"{ref}.toml"
    if candidate.exists():
        return candidate
    raise PressgenError(f"no campaign {ref!r} (looked for {candidate})")


def project_root_for(campaign_path: Path) -> Path:
    """The project folder a campaign belongs to: the parent of its `campaigns/` folder."""
    parent = campaign_path.resolve().parent
    return parent.parent if parent.name == "campaigns" else parent


def bundled_root() -> Path | None:
    """The folder with the bundled examples: the working folder if it is a pressgen
    project, else the source checkout this package was installed from (editable)."""
    cwd = Path.cwd()
    if (cwd / "campaigns").is_dir():
        return cwd
    package = Path(__file__).resolve().parent.parent
    for candidate in (package.parent.parent, package / "data"):
        if (candidate / "campaigns").is_dir():
            return candidate
    return None


def data_directory() -> Path:
    """User data folder (autosaves); PRESSGEN_DATA_DIR overrides it, e.g. in tests."""
    override = os.environ.get("PRESSGEN_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path("pressgen", appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_directory() -> Path:
    """Disposable caches (compiled templates); PRESSGEN_CACHE_DIR overrides it."""
    override = os.environ.get("PRESSGEN_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_path

    return user_cache_path("pressgen", appauthor=False)


def user_templates_directory() -> Path:
    """A team's own templates, searched before the project's; PRESSGEN_CONFIG_DIR overrides."""
    override = os.environ.get("PRESSGEN_CONFIG_DIR")
    if override:
        return Path(override) / "templates"
    from platformdirs import user_config_path

    return user_config_path("pressgen", appauthor=False) / "templates"


def user_folder() -> Path:
    """The user's own pressgen folder: its campaigns/, datasets/, quotes/ and templates/."""
    return user_templates_directory().parent


def template_folders(project_root: Path) -> list[Path]:
    """Where a project's templates are looked up, in order: the user's own templates
    folder, then the project's `templates/`. Nothing a campaign says adds to this list."""
    return [user_templates_directory(), project_root / "templates"]


def trusted_folders(project_root: Path) -> list[Path]:
    """The folders a campaign or manifest may name files in: its project folder and the
    user's own campaigns/, datasets/, quotes/ and templates/ folders."""
    mine = user_folder()
    return [project_root, *(mine / name for name in PROJECT_FOLDERS)]


def is_inside(path: Path, folders: Sequence[Path]) -> bool:
    """Whether `path`, with every symlink resolved, lies inside one of `folders` (also
    resolved). A path that does not exist is judged by what it would resolve to."""
    real = os.path.realpath(path)
    for folder in folders:
        base = os.path.realpath(folder)
        if real == base or real.startswith(base.rstrip(os.sep) + os.sep):
            return True
    return False
