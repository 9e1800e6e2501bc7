"""Rendering a release: templates found by name and locale, compiled once, rendered in
Jinja's sandbox with strict undefined variables and the house-style filters.

A template declares what it needs in a header comment, so a campaign that lacks a
figure or a quote slot is rejected before anything is rendered:

    {#- pressgen
    figures = ["total", "share_students"]
    quotes = ["campaigner"]
    -#}
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import (
    Environment,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
)
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

from pressgen.errors import PressgenError
from pressgen.release.compiled import bytecode_cache
from pressgen.release.escape import MarkdownText, escape_markdown, finalize, print_views
from pressgen.release.filter_args import checked_filters
from pressgen.release.filters import FILTERS, GLOBALS
from pressgen.release.loader import ConfinedLoader, TemplateFileError
from pressgen.release.sandbox import LimitedSandbox, LimitReached, Limits, render_limited
from pressgen.storage.locations import is_inside

__all__ = [
    "SUFFIX",
    "MarkdownText",
    "TemplateInfo",
    "environment",
    "escape_markdown",
    "extends_loop",
    "read_template_info",
    "render_template",
    "resolve_template",
    "template_candidates",
    "trust_view_types",
]

SUFFIX = ".md.j2"
_HEADER = re.compile(r"\A\s*\{#-?\s*pressgen\s*\n(?P<body>.*?)-?#\}", re.S)
_BLANK_RUNS = re.compile(r"\n\n\n+")


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    path: Path
    figures: tuple[str, ...]
    quotes: tuple[str, ...]
    description: str | None


_ENVS: dict[tuple[str, ...], ImmutableSandboxedEnvironment] = {}
_MORE_TRUSTED: dict[type, frozenset[str] | None] = {}


def trust_view_types(types: dict[type, frozenset[str] | None]) -> None:
    """Let templates read more of pressgen's own view types on the sandbox's fast path
    (see LimitedSandbox.trust_attributes), in every environment, present and future.
    For views defined outside the core, such as the batch's comparisons."""
    _MORE_TRUSTED.update(types)
    print_views(kind for kind, names in types.items() if names is None)
    for env in _ENVS.values():
        if isinstance(env, LimitedSandbox):
            env.trust_attributes(types)


#: The environment's options that change the code a template compiles to (with the code
#: generator, they key the compiled templates kept on disk).
SYNTAX: dict[str, Any] = {
    "autoescape": False,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


#: The filters, each with its arguments checked in plain words (filter_args).
_CHECKED_FILTERS = checked_filters(FILTERS)


def environment(search_path: Sequence[Path]) -> ImmutableSandboxedEnvironment:
    """One sandboxed environment per search path; its templates are compiled once."""
    key = tuple(str(p) for p in search_path)
    env = _ENVS.get(key)
    if env is None:
        env = LimitedSandbox(
            loader=ConfinedLoader([str(p) for p in search_path]),
            undefined=StrictUndefined,
            finalize=finalize,
            auto_reload=True,
            cache_size=200,
            bytecode_cache=bytecode_cache(LimitedSandbox.code_generator_class, SYNTAX),
            **SYNTAX,
        )
        for unused in ("lipsum", "cycler", "joiner", "namespace"):
            env.globals.pop(unused, None)
        env.filters.update(_CHECKED_FILTERS)
        env.globals.update(GLOBALS)
        env.filters["md"] = MarkdownText
        trusted = _trusted_types() | _MORE_TRUSTED
        env.trust_attributes(trusted)
        print_views(kind for kind, names in trusted.items() if names is None)
        _ENVS[key] = env
    return env


def _trusted_types() -> dict[type, frozenset[str] | None]:
    """pressgen's own types that templates read: views (any public attribute) and the
    validated models (their fields only)."""
    from pydantic import BaseModel

    from pressgen.release import campaign, layout, quotes, views
    from pressgen.sources import manifest
    from pressgen.text import style

    out: dict[type, frozenset[str] | None] = {
        views.FigureMap: None,
        views.FigureView: None,
        views.NumberView: None,
        views.GroupRowView: None,
        views.TableRowView: None,
        views.CellView: None,
        views.QuoteView: None,
        layout.LayoutView: None,
    }
    models: list[type[BaseModel]] = [
        campaign.Campaign,
        campaign.Release,
        campaign.Contact,
        manifest.Manifest,
        manifest.Source,
        manifest.Column,
        quotes.Speaker,
        style.HouseStyle,
    ]
    for model in models:
        out[model] = frozenset(model.model_fields)
    return out


def template_candidates(name: str, locale: str) -> list[str]:
    """`cyber-training` for de_CH -> de_CH, de, then the plain template."""
    base = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
    lang = locale.split("_")[0]
    out = [f"{base}.{locale}{SUFFIX}"]
    if lang != locale:
        out.append(f"{base}.{lang}{SUFFIX}")
    out.append(f"{base}{SUFFIX}")
    return out


def resolve_template(ref: str, search_path: Sequence[Path], locale: str) -> TemplateInfo:
    """Find the template variant for a locale and read its declared needs.

    `ref` is a name inside the template folders (`cyber-training`, `team/release`), as
    load_campaign makes it; a name that would climb out of them is refused, and so is a
    file that a symlink takes outside them (checked before its header is read)."""
    parts = ref.split("/")
    if ref.startswith("/") or any(p in ("", ".", "..") for p in parts) or "\\" in ref:
        raise PressgenError(f"template name {ref!r} leaves the template folders")
    for candidate in template_candidates(ref, locale):
        for folder in search_path:
            path = folder / candidate
            if path.is_file():
                if not is_inside(path, search_path):
                    raise PressgenError(
                        "template links to a file outside the template folders", path=path
                    )
                return read_template_info(candidate, path)
    looked = ", ".join(str(p) for p in search_path)
    raise PressgenError(f"no template {ref!r} (looked in {looked})")


def read_template_info(name: str, path: Path) -> TemplateInfo:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PressgenError(f"cannot read template: {exc}", path=path) from None
    m = _HEADER.match(text)
    figures: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    description = None
    if m:
        try:
            meta = tomllib.loads(m.group("body"))
        except tomllib.TOMLDecodeError as exc:
            raise PressgenError(
                f"invalid pressgen header: {exc}", path=path, where="line 1"
            ) from None
        figures = tuple(str(x) for x in meta.get("figures", []))
        quotes = tuple(str(x) for x in meta.get("quotes", []))
        description = meta.get("description")
    return TemplateInfo(name, path, figures, quotes, description)


def render_template(
    info: TemplateInfo,
    search_path: Sequence[Path],
    context: Mapping[str, Any],
    prepare: Callable[[Context], Iterator[str] | None] | None = None,
) -> str:
    """`prepare`, if given, is called with the template's context before it renders (a
    batch installs the blocks it replays; see batch/blocks.py); when it returns an
    iterator, that is the template's output (rendered under the same limits)."""
    env = environment(search_path)
    try:
        template = env.get_template(info.name)
        limits = env.limits if isinstance(env, LimitedSandbox) else Limits()

        def describe(message: str, exc: BaseException | None) -> LimitReached:
            if isinstance(exc, RecursionError):
                loop = extends_loop(env, info.name)
                if loop is not None:
                    return LimitReached(
                        f"templates extend each other in a loop: {' -> '.join(loop[1])}",
                        path=loop[0],
                    )
            path, line = _template_position(exc, info) if exc else (str(info.path), None)
            return LimitReached(message, path=path, where=line)

        def generate() -> Iterator[str]:
            # new_context copies the variables itself (with the globals): no copy here.
            ctx = template.new_context(context if isinstance(context, dict) else dict(context))
            if prepare is not None:
                output = prepare(ctx)
                if output is not None:
                    return output
            # root_render_func, not generate(): the same output without a generator layer.
            return template.root_render_func(ctx)

        text = render_limited(generate, limits, describe)
    except LimitReached:
        raise
    except TemplateFileError as exc:
        # An included or extended file: blame it, and say who asked for it.
        path, line = _template_position(exc, info)
        asked = f" (included from {path}{', ' + line if line else ''})" if exc.path != path else ""
        raise TemplateFileError(exc.message + asked, path=exc.path) from None
    except TemplateSyntaxError as exc:
        raise PressgenError(
            f"template syntax: {exc.message}",
            path=exc.filename or info.path,
            where=f"line {exc.lineno}",
        ) from None
    except UndefinedError as exc:
        path, line = _template_position(exc, info)
        raise PressgenError(
            f"template uses {_undefined_message(exc)}", path=path, where=line
        ) from None
    except TemplateNotFound as exc:
        raise PressgenError(f"template not found: {exc.name}", path=info.path) from None
    except SecurityError as exc:
        path, line = _template_position(exc, info)
        raise PressgenError(f"template not allowed: {exc}", path=path, where=line) from None
    except PressgenError as exc:
        path, line = _template_position(exc, info)
        raise PressgenError(exc.message, path=path, where=line) from None
    except TemplateError as exc:
        path, line = _template_position(exc, info)
        raise PressgenError(f"template error: {exc}", path=path, where=line) from None
    except (ArithmeticError, TypeError, ValueError, AttributeError) as exc:
        path, line = _template_position(exc, info)
        raise PressgenError(f"template error: {exc}", path=path, where=line) from None
    return _tidy(text)


def extends_loop(env: Environment, name: str) -> tuple[str, list[str]] | None:
    """When templates `extends` one another in a circle, the file where the circle starts
    and the names around it (`a.md.j2`, `b.md.j2`, `a.md.j2`); else None. Called only after
    a render ran out of recursion, to tell a loop of layouts from a recursive macro."""
    chain: list[str] = []
    files: dict[str, str] = {}
    current = name
    while current not in chain and len(chain) < 64:
        chain.append(current)
        try:
            assert env.loader is not None
            source, filename, _ = env.loader.get_source(env, current)
            tree = env.parse(source, current, filename)
        except Exception:  # unreadable or broken: the render's own error says so
            return None
        files[current] = filename or current
        parents = [
            node.template.value
            for node in tree.find_all(nodes.Extends)
            if isinstance(node.template, nodes.Const) and isinstance(node.template.value, str)
        ]
        if not parents:
            return None
        current = parents[0]
    if current not in chain:
        return None
    loop = [*chain[chain.index(current) :], current]
    return files[current], loop


def _undefined_message(exc: UndefinedError) -> str:
    msg = str(exc)
    m = re.match(r"'(.+?)' is undefined", msg)
    if m:
        return f"{m.group(1)!r}, which is not defined"
    return msg


def _template_position(exc: BaseException, info: TemplateInfo) -> tuple[str, str | None]:
    """The template file and line from the traceback of an error raised while rendering."""
    tb = exc.__traceback__
    found: tuple[str, str | None] = (str(info.path), None)
    while tb is not None:
        frame = tb.tb_frame
        filename = frame.f_code.co_filename
        if filename.endswith(SUFFIX) or frame.f_globals.get("__jinja_template__") is not None:
            tmpl = frame.f_globals.get("__jinja_template__")
            line = tmpl.get_corresponding_lineno(tb.tb_lineno) if tmpl is not None else tb.tb_lineno
            found = (filename, f"line {line}")
        tb = tb.tb_next
    return found


def _tidy(text: str) -> str:
    """Drop trailing spaces, collapse runs of blank lines left by blocks, end with one
    newline. (Line splitting measured 3x faster here than a `[ \t]+\n` regex.)"""
    if " \n" in text or "\t\n" in text:
        text = "\n".join([line.rstrip(" \t") for line in text.split("\n")])
    # Runs of blank lines, each cut to one in one pass. Spelt `\n\n\n+`, not `\n{3,}`: a
    # literal start lets the regex engine jump from candidate to candidate (`\n{3,}` tries
    # every position, 5x slower), and one pass beats str.replace until none is left (a
    # scan per pass, and a last one that finds nothing): ~9 against ~35 µs a release.
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip() + "\n"
