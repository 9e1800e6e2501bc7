"""Methods built from other figures: groups meeting a condition, a figure per unit of
time (or the interval between events), the range across groups, and formulas."""

from __future__ import annotations

import ast
from decimal import Decimal
from typing import Any

from pressgen.errors import PressgenError
from pressgen.figures.grouped import ranked_on
from pressgen.figures.model import STATED, Figure, Provenance
from pressgen.figures.plan import Datasets, FigureLookup, Plan
from pressgen.figures.specs import (
    Condition,
    ConstantSpec,
    CountGroupsSpec,
    FormulaSpec,
    FrequencySpec,
    RangeSpec,
)
from pressgen.figures.where import describe_condition, meets, show_value

_UNIT_MINUTES: dict[str, Decimal] = {
    "second": Decimal(1) / 60,
    "minute": Decimal(1),
    "hour": Decimal(60),
    "day": Decimal(1440),
    "week": Decimal(10080),
}


def _plan(name: str, spec: Any, keys: Any = None) -> Plan[Any]:
    return Plan(name, spec, (), keys)


class CountGroupsMethod:
    """How many groups meet a condition on their measure ("26 forces saw more thefts")."""

    def plan(self, name: str, spec: CountGroupsSpec, data: Datasets) -> Plan[None]:
        return _plan(name, spec)

    def derive(self, plan: Plan[None], figure: FigureLookup) -> Figure:
        spec: CountGroupsSpec = plan.spec
        src = figure(spec.of, plan.name)
        if src.kind != "groups":
            raise PressgenError(
                f"{spec.of!r} is not a group figure", where=f"figures.{plan.name}.of"
            )
        cond, refs = _numeric_condition(spec.condition, plan.name, figure)
        kind = str(src.extra.get("measure_kind", "count"))
        hits = [
            r
            for r in src.value
            if (v := ranked_on(r.value, kind, spec.decimals, spec.rounding)) is not None
            and meets(v, cond)
        ]
        method = f"groups of {spec.of} where value {describe_condition(spec.condition)}"
        if spec.decimals is not None:
            unit = " (in per cent)" if kind in ("share", "change") else ""
            method += f", as printed with {spec.decimals} decimals{unit}"
        prov = Provenance(
            source=src.provenance.source,
            dataset=src.provenance.dataset,
            method=method,
            filter=src.provenance.filter,
            rows=len(hits),
            inputs=(spec.of, *refs),
        )
        groups = tuple(r.shown for r in hits)
        return Figure(plan.name, "count", len(hits), prov, spec.label, (), {"groups": groups})


def _numeric_condition(
    cond: Condition, name: str, figure: FigureLookup
) -> tuple[Condition, tuple[str, ...]]:
    """A count_groups condition with every bound a number: a number written as text is
    read exactly, and a name is the value of that single-number figure ("forces above
    the national rate"). Anything else is an error naming the field."""
    bounds: dict[str, Decimal] = {}
    refs: list[str] = []
    for op in ("eq", "ne", "gt", "ge", "lt", "le"):
        ref = getattr(cond, op)
        if ref is None or isinstance(ref, int | Decimal):
            continue
        at = f"figures.{name}.condition.{op}"
        if isinstance(ref, bool) or not isinstance(ref, str):
            raise PressgenError(f"{show_value(ref)} is not a number", where=at)
        try:
            bounds[op] = Decimal(ref.strip().replace("_", ""))
            if not bounds[op].is_finite():
                raise ArithmeticError
            continue
        except ArithmeticError:
            pass
        try:
            other = figure(ref, name)
        except PressgenError as exc:
            if not exc.message.startswith("uses unknown figure"):
                raise
            raise PressgenError(
                f"{ref!r} is neither a number nor the name of a figure", where=at
            ) from None
        if not isinstance(other.value, int | Decimal) or isinstance(other.value, bool):
            raise PressgenError(f"figure {ref!r} is not a single number", where=at)
        bounds[op] = Decimal(other.value)
        refs.append(ref)
    for op in ("in_", "not_in"):
        for v in getattr(cond, op) or ():
            if isinstance(v, bool) or not isinstance(v, int | Decimal):
                raise PressgenError(
                    f"{show_value(v)} is not a number",
                    where=f"figures.{name}.condition.{op.rstrip('_')}",
                )
    return cond.model_copy(update=bounds), tuple(refs)


class FrequencyMethod:
    """A figure per unit of time, or the interval between events, over `days`."""

    def plan(self, name: str, spec: FrequencySpec, data: Datasets) -> Plan[None]:
        return _plan(name, spec)

    def derive(self, plan: Plan[None], figure: FigureLookup) -> Figure:
        spec: FrequencySpec = plan.spec
        name = plan.name
        src = figure(spec.of, name)
        if not isinstance(src.value, int | Decimal):
            raise PressgenError(f"{spec.of!r} is not a single number", where=f"figures.{name}.of")
        minutes = Decimal(spec.days) * 1440
        unit = _UNIT_MINUTES[spec.unit]
        if spec.method == "per_time":
            value = Decimal(src.value) * unit / minutes
            method = f"{spec.of} per {spec.unit} over {spec.days} days"
        else:
            if src.value == 0:
                raise PressgenError(
                    "an interval between no events is undefined", where=f"figures.{name}.of"
                )
            value = minutes / unit / Decimal(src.value)
            method = f"one {spec.of} every so many {spec.unit}s over {spec.days} days"
        p = src.provenance
        prov = Provenance(
            p.source, p.dataset, method, p.filter, p.rows, p.row_numbers, p.suppressed, (spec.of,)
        )
        extra = {"unit": spec.unit, "days": spec.days}
        return Figure(name, "rate", value, prov, spec.label, src.warnings, extra)


class RangeMethod:
    """Minimum and maximum across the groups of a `group` figure."""

    def plan(self, name: str, spec: RangeSpec, data: Datasets) -> Plan[None]:
        return _plan(name, spec)

    def derive(self, plan: Plan[None], figure: FigureLookup) -> Figure:
        spec: RangeSpec = plan.spec
        name = plan.name
        src = figure(spec.of, name)
        if src.kind != "groups":
            raise PressgenError(f"{spec.of!r} is not a group figure", where=f"figures.{name}.of")
        valued = [r for r in src.value if r.value is not None]
        if not valued:
            raise PressgenError(f"{spec.of!r} has no group values", where=f"figures.{name}.of")
        lo = min(valued, key=lambda r: r.value)
        hi = max(valued, key=lambda r: r.value)
        p = src.provenance
        prov = Provenance(
            p.source, p.dataset, f"min and max across {spec.of}", p.filter, p.rows, (),
            p.suppressed, (spec.of,),
        )  # fmt: skip
        extra = {
            "min_group": lo.shown,
            "max_group": hi.shown,
            "measure_kind": src.extra.get("measure_kind", "count"),
        }
        return Figure(name, "range", (lo.value, hi.value), prov, spec.label, (), extra)


class FormulaMethod:
    """Arithmetic on other figures, exactly in Decimal. The formula is parsed once, when
    planned: a batch evaluates the same formulas for every group."""

    def plan(self, name: str, spec: FormulaSpec, data: Datasets) -> Plan[ast.Expression | None]:
        try:
            tree: ast.Expression | None = ast.parse(spec.expr, mode="eval")
        except SyntaxError:
            tree = None  # reported when the figure is computed, in its turn
        return _plan(name, spec, tree)

    def derive(self, plan: Plan[ast.Expression | None], figure: FigureLookup) -> Figure:
        spec: FormulaSpec = plan.spec
        name = plan.name
        if plan.keys is None:
            raise PressgenError(f"cannot read formula {spec.expr!r}", where=f"figures.{name}.expr")
        used: dict[str, Figure] = {}

        def ev(node: ast.AST) -> Decimal:
            if isinstance(node, ast.Expression):
                return ev(node.body)
            if isinstance(node, ast.BinOp) and isinstance(
                node.op, ast.Add | ast.Sub | ast.Mult | ast.Div
            ):
                a, b = ev(node.left), ev(node.right)
                if isinstance(node.op, ast.Div):
                    if b == 0:
                        raise PressgenError("division by zero", where=f"figures.{name}.expr")
                    return a / b
                if isinstance(node.op, ast.Add):
                    return a + b
                return a - b if isinstance(node.op, ast.Sub) else a * b
            if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
                return -ev(node.operand)
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, int | float)
                and not isinstance(node.value, bool)
            ):
                return Decimal(str(node.value))
            if isinstance(node, ast.Name):
                fig = figure(node.id, name)
                if not isinstance(fig.value, int | Decimal):
                    raise PressgenError(
                        f"{node.id!r} is not a single number", where=f"figures.{name}.expr"
                    )
                used.setdefault(node.id, fig)
                return Decimal(fig.value)
            raise PressgenError(
                "formulas allow only figure names, numbers, + - * / and brackets",
                where=f"figures.{name}.expr",
            )

        value = ev(plan.keys)
        first = next(iter(used.values()), None)
        prov = Provenance(
            source=first.provenance.source if first else "",
            dataset=first.provenance.dataset if first else "",
            method=f"formula {spec.expr}",
            filter="",
            rows=0,
            inputs=tuple(used),
        )
        return Figure(name, spec.kind or "ratio", value, prov, spec.label, ())


class ConstantMethod:
    """A number the campaign states, with its source: not computed, and said so."""

    def plan(self, name: str, spec: ConstantSpec, data: Datasets) -> Plan[None]:
        return _plan(name, spec)

    def derive(self, plan: Plan[None], figure: FigureLookup) -> Figure:
        spec: ConstantSpec = plan.spec
        at = f"constants.{plan.name}.value"
        value: int | Decimal
        if isinstance(spec.value, int):
            value = spec.value
        else:
            try:
                value = Decimal(str(spec.value).strip().replace("_", ""))
            except ArithmeticError:
                raise PressgenError(f"{spec.value!r} is not a number", where=at) from None
            if not value.is_finite():
                raise PressgenError(f"{spec.value!r} is not a number", where=at)
        kind = spec.kind or ("count" if isinstance(value, int) else "number")
        prov = Provenance(source=spec.source, dataset="", method=STATED, filter="", rows=0)
        return Figure(plan.name, kind, value, prov, spec.label, ())
