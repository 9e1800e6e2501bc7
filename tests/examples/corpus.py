"""The examples corpus: each campaign under examples/ with the figures its original printed.

An example is a self-contained pressgen project (campaigns/, datasets/, templates/,
quotes/) plus `expected.toml`, which lists every figure the published release printed,
exactly as printed, and says whether pressgen prints it natively or which feature it lacks.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples"

#: The spaces a printed figure may carry: a release copied from the web has lost which of
#: them it used, so "1,3 %" in a transcript matches "1,3\u00a0%" in a render.
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


@dataclass(frozen=True)
class Expected:
    """One figure of the original release."""

    text: str
    native: bool
    figure: str | None = None
    times: int = 1
    gap: str | None = None
    value: str | None = None
    """For a gap: the exact value the data give for it, as a decimal string."""


@dataclass(frozen=True)
class Example:
    name: str
    folder: Path
    campaign: Path
    source: str
    url: str
    kind: str
    figures: tuple[Expected, ...]
    check_xfail: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def native(self) -> list[Expected]:
        return [e for e in self.figures if e.native]

    @property
    def gaps(self) -> list[Expected]:
        return [e for e in self.figures if not e.native]


def load_example(folder: Path) -> Example:
    data = tomllib.loads((folder / "expected.toml").read_text(encoding="utf-8"))
    figures = tuple(
        Expected(
            text=f["text"],
            native=f["native"],
            figure=f.get("figure"),
            times=f.get("times", 1),
            gap=f.get("gap"),
            value=f.get("value"),
        )
        for f in data["figures"]
    )
    return Example(
        name=folder.name,
        folder=folder,
        campaign=folder / data["campaign"],
        source=data["source"],
        url=data["url"],
        kind=data["kind"],
        figures=figures,
        check_xfail=data.get("check_xfail"),
        meta=data,
    )


def all_examples() -> list[Example]:
    return [load_example(p.parent) for p in sorted(EXAMPLES.glob("*/expected.toml"))]


def normalise(text: str) -> str:
    return text.translate(_SPACES)


def occurrences(figure: str, text: str) -> int:
    """How often `figure` stands in `text` as a whole figure: "9%" is not found in "19%",
    nor "46" in "1,463" or "4.6", nor "2,6%" in "-2,6%" (a signed figure is another
    figure); words ("joint third") match case-insensitively."""
    pattern = re.escape(normalise(figure))
    flags = re.IGNORECASE if figure[:1].isalpha() else 0
    found = re.findall(rf"(?<![\w.,+\-\u2212]){pattern}(?![\w]|[.,]\d)", normalise(text), flags)
    return len(found)


def typed_text(example: Example) -> dict[str, str]:
    """Everything a person typed that reaches the render: template sources, the campaign's
    release words, the manifests' notes and source lines, and the quotes. A figure found
    here would be a constant, not a computed value."""
    out: dict[str, str] = {}
    for path in sorted((example.folder / "templates").glob("*.j2")):
        out[str(path.relative_to(example.folder))] = path.read_text(encoding="utf-8")
    campaign = tomllib.loads(example.campaign.read_text(encoding="utf-8"))
    out["campaign [release]"] = "\n".join(_strings(campaign.get("release", {})))
    for path in sorted((example.folder / "datasets").glob("*.toml")):
        manifest = tomllib.loads(path.read_text(encoding="utf-8"))
        words = [manifest.get("title", ""), manifest.get("notes", ""), manifest.get("counted", "")]
        words += _strings(manifest.get("source", {}))
        out[str(path.relative_to(example.folder))] = "\n".join(str(w) for w in words)
    for path in sorted((example.folder / "quotes").glob("*.toml")):
        quotes = tomllib.loads(path.read_text(encoding="utf-8"))
        out[str(path.relative_to(example.folder))] = "\n".join(_strings(quotes.get("quotes", [])))
    return out


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []
