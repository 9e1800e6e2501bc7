"""Hand a worker thread's result to the app's thread, unless the app is closing.

A build, a check or an export runs on a worker thread and ends by calling back on the
app's thread. Quitting while one is still running (or a test leaving its app early) tears
the widgets down first; a callback that then lands would query widgets that no longer
exist. `hand_over` drops it instead: once the app has stopped running, no result has a
screen left to show it on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen


def hand_over(node: DOMNode, callback: Callable[..., object], *args: Any, **kwargs: Any) -> None:
    """From a worker thread: run `callback(*args, **kwargs)` on the app's thread and wait
    for it, or do nothing if the app, or the screen `node` belongs to, has closed."""
    try:
        app = node.app
    except RuntimeError:  # Textual's NoActiveAppError: the node's app is gone
        return

    def deliver() -> None:
        if app.is_running and _is_open(node, app):
            callback(*args, **kwargs)

    if app.is_running:
        app.call_from_thread(deliver)


def _is_open(node: DOMNode, app: App[object]) -> bool:
    """Whether `node`'s screen is still on the app's stack (shown, or under a dialog)."""
    screen = node if isinstance(node, Screen) else getattr(node, "screen", None)
    return screen is not None and screen in app.screen_stack
