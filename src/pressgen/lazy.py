"""A module imported on first use.

polars takes ~100 ms to import, half a one-shot `pressgen render`. The engine modules
refer to it through this proxy, so a render whose figures come from the figure cache
never loads it.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands in for `import NAME`: the real import happens at the first attribute."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attribute)
