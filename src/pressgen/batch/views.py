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


class SharedNumber(NumberView):
    """A number every group's release prints alike (a national figure, an average):
    formatted once."""

    _text: str | None = None

    def __str__(self) -> str:
        if self._text is None:
            self._text = super().__str__()
        return self._text


class CompareView:
    """One group's standing on one figure; every number prints in house style.

    Its numbers are made when a template first reads them (a template reads a few of
    a few figures' comparisons); those every group shares (national, average) are made
    once per batch and shared (`shared`)."""

    def __init__(
        self,
        fmt: Formatter,
        c: Comparison,
        shared: dict[str, tuple[SharedNumber, ...]] | None = None,
    ) -> None:
        self._fmt = fmt
        self._c = c
        self._shared = {} if shared is None else shared
        self.name = c.name
        self.rank = c.rank
        self.joint = c.joint
        self.of = c.of
        self.additive = c.additive

    def _standing(self) -> tuple[SharedNumber, ...]:
        got = self._shared.get(self.name)
        if got is None:
            c = self._c
            avg_kind = _AVERAGE_KIND.get(c.kind, "number")
            got = self._shared[self.name] = (
                SharedNumber(self._fmt, c.national, c.kind),
                SharedNumber(self._fmt, c.average, avg_kind),
            )
        return got

    @property
    def value(self) -> NumberView:
        return NumberView(self._fmt, self._c.value, self._c.kind)

    @property
    def national(self) -> NumberView:
        return self._standing()[0]

    @property
    def average(self) -> NumberView:
        return self._standing()[1]

    @property
    def diff_from_average(self) -> NumberView:
        return NumberView(self._fmt, self._c.diff_from_average, self._diff_kind)

    @property
    def diff_from_national(self) -> NumberView:
        return NumberView(self._fmt, self._c.diff_from_national, self._diff_kind)

    @property
    def gap_from_average(self) -> NumberView:
        return NumberView(self._fmt, abs(self._c.diff_from_average), self._diff_kind)

    @property
    def above_average(self) -> bool:
        return self._c.diff_from_average > 0

    @property
    def below_average(self) -> bool:
        return self._c.diff_from_average < 0

    @property
    def _diff_kind(self) -> str:
        return _DIFF_KIND.get(self._c.kind, "number")

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

    def __init__(
        self,
        fmt: Formatter,
        comparisons: Mapping[str, Comparison],
        shared: dict[str, tuple[SharedNumber, ...]] | None = None,
    ) -> None:
        self._fmt = fmt
        self._data = comparisons
        self._views: dict[str, CompareView] = {}
        # What every group's comparisons share (pass the same dict for every group).
        self._shared = {} if shared is None else shared

    def __getitem__(self, key: str) -> CompareView:
        view = self._views.get(key)
        if view is None:
            try:
                c = self._data[key]
            except KeyError:
                raise PressgenError(
                    f"no comparison for figure {key!r} (only single-number figures compare)"
                ) from None
            view = self._views[key] = CompareView(self._fmt, c, self._shared)
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
trust_view_types({CompareView: None, CompareMap: None, SharedNumber: None})
