"""µs per formatted number: pressgen's `number` filter against bare Babel, in one run.

    .venv/bin/python benchmarks/formatting.py [N]

N values (default 100,000: integers and one-decimal values, signed) are formatted in four
locales (en_GB, de_DE, fr_FR, hi_IN) by
  * pressgen: the `number` Jinja filter, with its Formatter in a render context, and
  * Babel: `babel.numbers.format_decimal(v, locale=<cached Locale>)`.
The strings must be identical in these locales (where Babel is right), and pressgen
should take at most half of Babel's time.
"""

from __future__ import annotations

import random
import sys
import time
from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal
from jinja2 import Environment

from pressgen.release.filters import FORMATTER_KEY, number
from pressgen.text.formatting import Formatter
from pressgen.text.style import PRESETS

LOCALES = ("en_GB", "de_DE", "fr_FR", "hi_IN")


def values(n: int) -> list[int | Decimal]:
    rng = random.Random(20191203)
    out: list[int | Decimal] = []
    for i in range(n):
        magnitude = 10 ** rng.randint(0, 9)
        if i % 2:
            out.append(rng.randint(-magnitude, magnitude))
        else:
            tenths = rng.randint(1, 9)
            out.append(Decimal(rng.randint(-magnitude, magnitude)) + Decimal(tenths) / 10)
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    data = values(n)
    env = Environment()
    per_locale = n // len(LOCALES)
    t_pressgen = t_babel = 0.0
    mismatches = 0
    for i, tag in enumerate(LOCALES):
        chunk = data[i * per_locale : (i + 1) * per_locale]
        fmt = Formatter(tag, PRESETS["plain"])
        ctx = env.from_string("").new_context({FORMATTER_KEY: fmt})
        loc = Locale.parse(tag)

        start = time.perf_counter()
        ours = [number(ctx, v) for v in chunk]
        t_pressgen += time.perf_counter() - start

        start = time.perf_counter()
        theirs = [format_decimal(v, locale=loc) for v in chunk]
        t_babel += time.perf_counter() - start

        bad = [(v, a, b) for v, a, b in zip(chunk, ours, theirs, strict=True) if a != b]
        mismatches += len(bad)
        for v, a, b in bad[:3]:
            print(f"  {tag}: {v!r}: pressgen {a!r} babel {b!r}")
    count = per_locale * len(LOCALES)
    us_p = t_pressgen / count * 1e6
    us_b = t_babel / count * 1e6
    print(f"{count:,} values in {', '.join(LOCALES)}")
    print(f"pressgen number filter: {us_p:6.2f} µs/number")
    print(f"babel format_decimal:   {us_b:6.2f} µs/number")
    print(f"ratio pressgen/babel:   {us_p / us_b:6.2f}  (target ≤ 0.50)")
    print(f"mismatching strings:    {mismatches}")


if __name__ == "__main__":
    main()
