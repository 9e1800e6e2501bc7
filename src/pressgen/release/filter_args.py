"""Plain-word checks of the arguments templates pass to filters, applied to every filter
in the table as the template environment is made (so a filter added later is checked
too): `percent("1")` is "percent: decimals must be a whole number from 0 to 12, not
'1'", never Python's "'<' not supported between instances of 'str' and 'int'"."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping
from typing import Any

from pressgen.errors import PressgenError

#: The most decimals a template may ask a filter for.
MAX_DECIMALS = 12


def checked_filters(filters: Mapping[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    """The filter table with each filter that takes `decimals` wrapped in its check."""
    return {name: _checked(name, func) for name, func in filters.items()}


def check_decimals(name: str, decimals: Any) -> None:
    if decimals is None:
        return
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        raise PressgenError(
            f"{name}: decimals must be a whole number from 0 to {MAX_DECIMALS}, not {decimals!r}"
        )
    if not 0 <= decimals <= MAX_DECIMALS:
        raise PressgenError(
            f"{name}: decimals must be a whole number from 0 to {MAX_DECIMALS}, not {decimals}"
        )


def _checked(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    try:
        params = list(inspect.signature(func).parameters)
    except (TypeError, ValueError):
        return func
    if "decimals" not in params:
        return func
    at = params.index("decimals")  # its place among the arguments, context and value first

    @functools.wraps(func)  # keeps Jinja's pass_context mark
    def run(*args: Any, **kwargs: Any) -> Any:
        if len(args) > at:
            check_decimals(name, args[at])
        elif "decimals" in kwargs:
            check_decimals(name, kwargs["decimals"])
        return func(*args, **kwargs)

    return run
