"""Fixtures for the TUI: a writable project copy, an app on it, and waiting helpers."""

from __future__ import annotations

import asyncio
import gc
import inspect
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar, cast

import pytest
from textual._styles_cache import StylesCache
from textual.css.stylesheet import Stylesheet
from textual.keys import _character_to_key
from textual.pilot import Pilot

from pressgen.tui.app import PressgenApp

SIZE = (120, 40)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests on a fresh event loop (no asyncio plugin is needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{n: pyfuncitem.funcargs[n] for n in names}))
    return True


class _SharedParses:
    """Textual's per-stylesheet cache of parsed CSS (Stylesheet._parse_cache), shared by
    every app a test process starts: each app parsed the same DEFAULT_CSS of the same
    widget classes again, some 80 ms of its start-up. The parsed rules depend on the CSS
    variables (the theme) too, so they are part of the key; Textual clears the cache when
    the variables change, which a key with the variables in it makes unnecessary."""

    _parsed: ClassVar[dict[tuple[object, ...], Any]] = {}

    def __init__(self, stylesheet: Stylesheet) -> None:
        self._stylesheet = stylesheet
        self._variables: tuple[dict[str, str], tuple[tuple[str, str], ...]] | None = None

    def _key(self, key: tuple[object, ...]) -> tuple[object, ...]:
        variables = self._stylesheet._variables
        if self._variables is None or self._variables[0] is not variables:
            self._variables = (variables, tuple(sorted(variables.items())))
        return (self._variables[1], *key)

    def __getitem__(self, key: tuple[object, ...]) -> Any:
        return self._parsed[self._key(key)]

    def __setitem__(self, key: tuple[object, ...], rules: Any) -> None:
        self._parsed[self._key(key)] = rules

    def clear(self) -> None:
        pass


_frozen = False


@pytest.fixture(autouse=True)
def _collect_less() -> Iterator[None]:
    """After each test: drop the render cache that keeps closed apps' widgets alive,
    and (once, after the first) move what every test shares into the collector's
    permanent generation. Each app leaves some 45,000 objects in reference cycles that
    only a full collection frees; the collections also walked up to 1,024 of Textual's
    StylesCache objects of widgets long gone, with their rendered lines
    (StylesCache.get_inner_outer is an lru_cache on a method, so it holds `self`), and
    the ~135,000 objects of the modules loaded by then (Textual, polars, Babel, Jinja).
    A full collection cost 100-180 ms per test at first and grew to ~450 ms."""
    global _frozen
    yield
    StylesCache.get_inner_outer.cache_clear()
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True


def make_app(campaign: Path, *, quick_answer: bool = False) -> PressgenApp:
    """`quick_answer`: the recovery question takes an answer after 0.05 s of quiet
    keyboard instead of 0.5 s, for tests that answer it on the way to what they test
    (test_recovery tests the wait itself with the real one)."""
    app = PressgenApp(campaign)
    if quick_answer:
        app.main.drafting.recovery_quiet = 0.05
    app.animation_level = "none"
    app.stylesheet._parse_cache = cast(Any, _SharedParses(app.stylesheet))
    return app


@pytest.fixture
def campaign(project: Path) -> Path:
    return project / "campaigns" / "met-cyber-training.toml"


@pytest.fixture
def second_dataset(project: Path) -> Path:
    """The example dataset with every attendance doubled, as another manifest."""
    src = project / "datasets"
    lines = (src / "met-cyber-training.csv").read_text(encoding="utf-8").splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        head, _, n = line.rpartition(",")
        out.append(f"{head},{int(n) * 2}" if n.isdigit() else line)
    (src / "doubled.csv").write_text("\n".join(out) + "\n", encoding="utf-8")
    manifest = (src / "met-cyber-training.toml").read_text(encoding="utf-8")
    manifest = manifest.replace('file = "met-cyber-training.csv"', 'file = "doubled.csv"')
    (src / "doubled.toml").write_text(manifest, encoding="utf-8")
    return src / "doubled.toml"


@pytest.fixture
def slow_campaign(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example with a template that loops 15 million times before the body: a first
    build that takes seconds, as a big dataset or a heavy template does."""
    monkeypatch.setenv("PRESSGEN_RENDER_TIMEOUT", "120")
    templates = project / "templates"
    text = (templates / "cyber-training.md.j2").read_text(encoding="utf-8")
    loop = "{% for i in range(100000) %}{% for j in range(150) %}{% endfor %}{% endfor %}"
    text = text.replace("{% block body %}", "{% block body %}" + loop, 1)
    (templates / "slow.md.j2").write_text(text, encoding="utf-8")
    campaigns = project / "campaigns"
    camp = (campaigns / "met-cyber-training.toml").read_text(encoding="utf-8")
    slow = campaigns / "slow.toml"
    slow.write_text(camp.replace('template = "cyber-training"', 'template = "slow"'), "utf-8")
    return slow


async def wait_for(pilot: Pilot[int], cond: Callable[[], bool], timeout: float = 30.0) -> None:
    """Let the app run until `cond()` holds (workers post back from threads). The
    deadline is far beyond what any step takes alone: it only ends a test that would
    otherwise hang, and a loaded machine (two suites on two cores) is several times
    slower than a quiet one."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not cond():
        if loop.time() > end:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)


async def type_text(pilot: Pilot[int], text: str) -> None:
    """Type `text` into the focused widget as a fast typist does: every key delivered at
    once, handled by the app one after another in order, as pilot.press handles them but
    without waiting for the app to go idle after each (50-100 ms a key on a loaded
    machine: typing was a third of the TUI tests' time). Returns once the focused widget
    has handled every key. Characters only: a key that moves the focus or opens a screen
    (the next keys would go to where the focus was) is pressed with pilot.press."""
    from textual import events

    app = pilot.app
    target = app.focused
    assert target is not None, "typing needs a focused widget"
    for char in text:
        assert len(char) == 1 and char.isprintable(), repr(char)
        key = char if char.isalnum() else _character_to_key(char)
        event = events.Key(key, char)
        event.set_sender(app)
        app.post_message(event)
    handled = asyncio.Event()
    # The app forwards each key to the focused widget's queue: a call queued on the app
    # behind the keys, then on the widget behind them, runs once the widget has had all.
    app.call_later(lambda: target.call_later(handled.set))
    await wait_for(pilot, handled.is_set)
    assert app.focused is target, "a key moved the focus: press it with pilot.press"
    # What the keys set off (the editor's Changed message: the draft is dirty, the
    # preview and check are due) is handled by the screen after the widget: one wait for
    # the app to go idle, as pilot.press waits after every key.
    await pilot.pause()


async def ready(pilot: Pilot[int]) -> PressgenApp:
    """The first build has finished (or failed) and the figures are laid out; a dialog
    may be open over the main screen (an earlier draft's recovery question)."""
    app = pilot.app
    assert isinstance(app, PressgenApp)
    # A deadline, not a wait: the first build takes 1 s alone, far more on a shared,
    # loaded machine (the suite runs on every core).
    await wait_for(
        pilot,
        lambda: app.built is not None or app.main.query_one("#error").message != "",
        timeout=60,
    )
    if app.built is not None and app.built.prepared.figures:
        # The figures table sizes its columns to their content on a later refresh; a
        # snapshot taken before then shows them cut to their headers' width.
        table = app.main.query_one("#figures-table")
        await wait_for(pilot, lambda: table.virtual_size.width > 40)
    await pilot.pause()
    from pressgen.tui.editor import DraftEditor

    await wait_for(pilot, lambda: app.main.panels_ready)
    app.main.query_one(DraftEditor).cursor_blink = False
    return app


async def settled(pilot: Pilot[int]) -> None:
    """Every worker (build, check, autosave, export) has finished and its result is on
    screen: a snapshot taken earlier may catch a status line half-way."""
    app = pilot.app
    await wait_for(pilot, lambda: all(w.is_finished for w in app.workers))
    await pilot.pause()


async def answer_recovery(pilot: Pilot[int], recover: bool) -> None:
    """Answer the recovery question as a person does: wait until it takes keys, then
    Enter on Recover; or Tab to Discard, wait again, and Enter."""
    from pressgen.tui.recovery_dialog import RecoveryScreen

    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, RecoveryScreen) and app.screen.armed)
    screen = app.screen
    assert isinstance(screen, RecoveryScreen)
    if not recover:
        await pilot.press("tab")
        await wait_for(pilot, lambda: screen.armed and screen.focused is not None)
        assert screen.focused is not None and screen.focused.id == "no"
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, RecoveryScreen))


def readable(text: str) -> str:
    """The text without its structure marker lines: what a person typing at the very
    start of the editor sees it begin with (typing there goes below the first marker)."""
    from pressgen.tui.editor import MARKER_LINE

    return "\n".join(line for line in text.splitlines() if not MARKER_LINE.fullmatch(line))


def copy_tree(src: Path, dst: Path) -> None:
    shutil.copytree(src, dst)
