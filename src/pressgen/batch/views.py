"""What a batch template sees beyond the usual context: `compare.<figure>` for the group.

{{ group }} ranked {{ compare.total.rank | rank_phrase("highest", joint=compare.total.joint) }}
of {{ compare.total.of }}, with {{ compare.total.share_of_total }} of the
{{ compare.total.national }} across all groups (average {{ compare.total.average }}).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from pressgen.batch.groups import Comparison
from pressgen.errors import PressgenError
from pressgen.release.render import trust_view_types
from pressgen.release.views import NumberView
from pressgen.text.formatting import Formatter

# How differences and averages of a figure print: a difference of two shares is in
# percentage points; an average of counts is a number with decimals.
_AVERAGE_KIND = {"count": "number", "share": "share", "change": "change", "money": "money"}
_DIFF_KIND = {"share": "points", "change": "points", "count": "number", "money": "money"}


class CompareView:
    """One group's standing on one figure; every number prints in house style."""

    def __init__(self, fmt: Formatter, c: Comparison) -> None:
        self._fmt = fmt
        self._c = c
        self.name = c.name
        self.rank = c.rank
        self.joint = c.joint
        self.of = c.of
        self.additive = c.additive
        avg_kind = _AVERAGE_KIND.get(c.kind, "number")
        diff_kind = _DIFF_KIND.get(c.kind, "number")
        self.value = NumberView(fmt, c.value, c.kind)
        self.national = NumberView(fmt, c.national, c.kind)
        self.average = NumberView(fmt, c.average, avg_kind)
        diff = c.diff_from_average
        self.diff_from_average = NumberView(fmt, diff, diff_kind)
        self.diff_from_national = NumberView(fmt, c.diff_from_national, diff_kind)
        self.gap_from_average = NumberView(fmt, abs(diff), diff_kind)
        self.above_average = diff > 0
        self.below_average = diff < 0

    @property
    def share_of_total(self) -> NumberView:
        """The group's part of the national total, e.g. '4.2 per cent'."""
        share = self._c.share_of_total
        if share is None:
            raise PressgenError(
                f"figure {self.name!r} is not a total that adds up across groups, "
                "so it has no share of the national total"
            )
        return NumberView(self._fmt, share, "share")

    @property
    def place(self) -> str:
        """'=3' for a shared third place, '3' otherwise."""
        if self.rank is None:
            return "–"
        return f"={self.rank}" if self.joint else str(self.rank)

    def __str__(self) -> str:
        return self.place


class CompareMap(Mapping[str, CompareView]):
    """`compare.name` and `compare['name']`; an unknown name is an error naming it."""

    def __init__(self, fmt: Formatter, comparisons: Mapping[str, Comparison]) -> None:
        self._fmt = fmt
        self._data = comparisons
        self._views: dict[str, CompareView] = {}

    def __getitem__(self, key: str) -> CompareView:
        view = self._views.get(key)
        if view is None:
            try:
                c = self._data[key]
            except KeyError:
                raise PressgenError(
                    f"no comparison for figure {key!r} (only single-number figures compare)"
                ) from None
            view = self._views[key] = CompareView(self._fmt, c)
        return view

    def __getattr__(self, key: str) -> CompareView:
        if key.startswith("_"):
            raise AttributeError(key)
        return self[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


# Both are pressgen's own views: public attributes are numbers, NumberViews and flags, and
# their only methods are a Mapping's (as for FigureMap), so templates read them on the
# sandbox's fast path.
trust_view_types({CompareView: None, CompareMap: None})
