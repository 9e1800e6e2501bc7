"""F2 and ctrl+b restyle only the widgets their layout classes select
(screen_commands.RELEASE_CLASS_TARGETS), not all that is inside the release area: every
CSS rule of the TUI that selects by those classes must select one of those widgets, or
it would silently stop applying."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pressgen.tui
from pressgen.tui.main_screen import LAYOUT_CSS
from pressgen.tui.screen_commands import RELEASE_CLASS_TARGETS

_RELEASE_CLASSES = ("-editing", "-solo")
_WIDGET_IDS = {"CheckPanel": "#check-panel"}  # a widget's own DEFAULT_CSS names its type


def _tui_css() -> list[str]:
    sheets = [LAYOUT_CSS]
    for info in pkgutil.iter_modules(pressgen.tui.__path__):
        module = importlib.import_module(f"pressgen.tui.{info.name}")
        for value in vars(module).values():
            css = getattr(value, "DEFAULT_CSS", None)
            if isinstance(css, str) and getattr(value, "__module__", "") == module.__name__:
                sheets.append(css)
    return sheets


def _selectors(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    out = []
    for head in re.findall(r"([^{}]+)\{", css):
        out.extend(s.strip() for s in head.split(",") if s.strip())
    return out


def test_every_rule_on_the_release_classes_selects_a_restyled_widget() -> None:
    found = []
    for css in _tui_css():
        for selector in _selectors(css):
            if not any(f".{c}" in selector for c in _RELEASE_CLASSES):
                continue
            target = selector.split()[-1]
            target = _WIDGET_IDS.get(target, target)
            found.append(target)
            assert target in RELEASE_CLASS_TARGETS, (
                f"{selector!r} selects {target!r} by a release-area class: add it to "
                "RELEASE_CLASS_TARGETS (screen_commands.py), or F2 will not restyle it"
            )
    assert set(found) == set(RELEASE_CLASS_TARGETS)  # each target is really selected so
