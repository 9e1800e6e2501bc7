"""The `angles` and `new` commands: their arguments and what they print. The data code
is imported only when a command runs, so the parser stays quick to build."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0
_POPULATION = (
    "a population file (CSV, Parquet or manifest) joined on the group column: rates per head"
)


def add_commands(sub: Any) -> None:
    p = sub.add_parser("angles", help="ranked candidate angles in a dataset, with figure specs")
    p.add_argument("dataset", help="a manifest (.toml) or a data file (.csv, .parquet)")
    p.add_argument("--json", action="store_true")
    p.add_argument("-n", type=int, default=10, help="how many angles (default 10)")
    p.add_argument("-l", "--locale", default="en_GB")
    p.add_argument("-s", "--style", help="house style (default: the locale's own)")
    p.add_argument("--population", help=_POPULATION)
    p.set_defaults(func=cmd_angles)

    p = sub.add_parser("new", help="a first campaign, template and quote stub from a dataset")
    p.add_argument("dataset", help="a manifest (.toml) or a data file (.csv, .parquet)")
    p.add_argument("-o", "--output", default=".", help="project folder (default: here)")
    p.add_argument("-n", type=int, default=6, help="how many angles to use (default 6)")
    p.add_argument("--each", help="a batch campaign: one release per value of this column")
    p.add_argument("-l", "--locale", default="en_GB", help="the campaign's locale (en_GB)")
    p.add_argument("-s", "--style", help="house style (default: the locale's own)")
    p.add_argument("--population", help=_POPULATION)
    p.set_defaults(func=cmd_new)


def cmd_angles(args: argparse.Namespace) -> int:
    from pressgen.angles.api import angles_for, profile_of

    prof = profile_of(Path(args.dataset), _path(args.population))
    found = angles_for(prof, locale=args.locale, style=args.style)[: max(args.n, 0)]
    if args.json:
        out = [a.as_json() for a in found]
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2, default=str) + "\n")
        return EXIT_OK
    for d in prof.decisions:
        print(f"# {d}")
    from pressgen.angles.wording import WORDINGS, wording_for
    from pressgen.text.formatting import normalise_locale

    language = normalise_locale(args.locale).split("_")[0]
    if not wording_for(language)[1]:
        has = ", ".join(sorted(WORDINGS))
        print(
            f"# the sentences are in English: pressgen has no wording for {language!r} yet"
            f" (it has {has})"
        )
    for i, a in enumerate(found, start=1):
        print(f"{i:2}. [{a.score}] {a.sentence}")
        print(f"    value {a.value}; {'; '.join(a.reasons)}")
        for flag in a.flags:
            print(f"    FLAG: {flag}")
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from pressgen.angles.api import angles_for, profile_of
    from pressgen.angles.scaffold import scaffold

    prof = profile_of(Path(args.dataset), _path(args.population))
    found = angles_for(prof, locale=args.locale, style=args.style)
    written = scaffold(
        prof,
        found,
        Path(args.output),
        n=args.n,
        each=args.each,
        locale=args.locale,
        style=args.style,
    )
    for path in written.files:
        print(f"wrote {path}")
    print(f"next: pressgen render {written.campaign}")
    return EXIT_OK


def _path(arg: str | None) -> Path | None:
    return None if arg is None else Path(arg)
