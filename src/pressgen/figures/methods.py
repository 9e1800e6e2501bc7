"""Which method computes which spec: the one table a new figure method is added to.

A data method (see `plan.DataMethod`) is planned against its dataset and built from
aggregations, so the engine, the cube and a batch's groups all compute it the same way;
a derived method (`plan.DerivedMethod`) is built from other figures.
"""

from __future__ import annotations

from pressgen.figures.compared import ChangeMethod, RateMethod, ShareMethod
from pressgen.figures.derived import (
    ConstantMethod,
    CountGroupsMethod,
    FormulaMethod,
    FrequencyMethod,
    RangeMethod,
)
from pressgen.figures.grouped import GroupMethod
from pressgen.figures.plan import DataMethod, DerivedMethod
from pressgen.figures.ratio import RatioMethod
from pressgen.figures.specs import (
    AggregateSpec,
    ChangeSpec,
    ConstantSpec,
    CountGroupsSpec,
    CountSpec,
    FormulaSpec,
    FrequencySpec,
    GroupSpec,
    LookupSpec,
    RangeSpec,
    RateSpec,
    RatioSpec,
    ShareSpec,
    TableSpec,
)
from pressgen.figures.table import TableMethod
from pressgen.figures.totals import AggregateMethod, CountMethod, LookupMethod

DATA_METHODS: dict[type, DataMethod] = {
    CountSpec: CountMethod(),
    AggregateSpec: AggregateMethod(),
    ShareSpec: ShareMethod(),
    ChangeSpec: ChangeMethod(),
    GroupSpec: GroupMethod(),
    RateSpec: RateMethod(),
    LookupSpec: LookupMethod(),
    RatioSpec: RatioMethod(),
    TableSpec: TableMethod(),
}
DERIVED_METHODS: dict[type, DerivedMethod] = {
    CountGroupsSpec: CountGroupsMethod(),
    FrequencySpec: FrequencyMethod(),
    RangeSpec: RangeMethod(),
    FormulaSpec: FormulaMethod(),
    ConstantSpec: ConstantMethod(),
}
