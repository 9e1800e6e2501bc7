"""Hand a worker thread's result to the app's thread, unless the app is closing.

A build, a check or an export runs on a worker thread and ends by calling back on the
app's thread. Quitting while one is still running (or a test leaving its app early) tears
the widgets down first; a callback that then lands would query widgets that no longer
exist. `hand_over` drops it instead: once the app has stopped running, or the screen the
result was for has closed, no result has a place to be shown.

The callback is posted to the node's message queue (Textual's `call_later`, safe from
any thread), not run through `call_from_thread`, which waits for it: a worker waiting on
an app that stopped between its check and the call would have waited for ever. Results
from one worker arrive in the order they were handed over.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen


def hand_over(node: DOMNode, callback: Callable[..., object], *args: Any, **kwargs: Any) -> None:
    """From a worker thread: have `callback(*args, **kwargs)` run on the app's thread,
    after what `node` has queued already, unless the app, or the screen `node` belongs
    to, has closed by then."""
    try:
        app = node.app
    except RuntimeError:  # Textual's NoActiveAppError: the node's app is gone
        return

    def deliver() -> None:
        if app.is_running and _is_open(node, app):
            callback(*args, **kwargs)

    if app.is_running:
        node.call_later(deliver)  # False, and nothing posted, once the node is closing


def _is_open(node: DOMNode, app: App[object]) -> bool:
    """Whether `node`'s screen is still on the app's stack (shown, or under a dialog)."""
    screen = node if isinstance(node, Screen) else getattr(node, "screen", None)
    return screen is not None and screen in app.screen_stack
