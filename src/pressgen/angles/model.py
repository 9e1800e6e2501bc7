"""An angle: one candidate story in a dataset, its exact value, sentence, score and spec."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

Value = int | Decimal


def slug(text: str) -> str:
    """A figure-name part from a column or value: lower case, underscores."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:40] or "x"


@dataclass
class Angle:
    """`spec` is the figure spec (a campaign's `[figures.NAME]` table) that computes
    `value`; `needs` holds the figures it builds on; `row` names the group whose row of a
    group figure holds the value; `facts` keeps the numbers the sentence uses."""

    name: str
    kind: str
    value: Value
    spec: dict[str, Any]
    facts: dict[str, Any]
    needs: dict[str, dict[str, Any]] = field(default_factory=dict)
    row: str | None = None
    exact: bool = True
    score: int = 0
    reasons: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    sentence: str = ""

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "kind": self.kind,
            "value": str(self.value),
            "exact": self.exact,
            "sentence": self.sentence,
            "score": self.score,
            "reasons": self.reasons,
            "flags": self.flags,
            "spec": self.spec,
        }
        if self.needs:
            out["needs"] = self.needs
        if self.row is not None:
            out["row"] = self.row
        return out
