"""Write datasets/forces-cyber-training.csv: an illustrative dataset for the batch example.

The 43 territorial police forces of England and Wales are named as they are; every
figure is invented from a fixed seed (the same file every run) and the manifest says so.
Each force gets attendances on the three cyber crime courses of the Met example, by
financial year and rank, roughly in proportion to an invented size; a few of the
smallest cells are written as `<5`, as a force answering an FoI request might.

    python scripts/make_forces_dataset.py [OUT.csv]
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

SEED = 20191203

FORCES: tuple[str, ...] = (
    "Avon and Somerset Constabulary",
    "Bedfordshire Police",
    "Cambridgeshire Constabulary",
    "Cheshire Constabulary",
    "City of London Police",
    "Cleveland Police",
    "Cumbria Constabulary",
    "Derbyshire Constabulary",
    "Devon and Cornwall Police",
    "Dorset Police",
    "Durham Constabulary",
    "Dyfed-Powys Police",
    "Essex Police",
    "Gloucestershire Constabulary",
    "Greater Manchester Police",
    "Gwent Police",
    "Hampshire Constabulary",
    "Hertfordshire Constabulary",
    "Humberside Police",
    "Kent Police",
    "Lancashire Constabulary",
    "Leicestershire Police",
    "Lincolnshire Police",
    "Merseyside Police",
    "Metropolitan Police Service",
    "Norfolk Constabulary",
    "North Wales Police",
    "North Yorkshire Police",
    "Northamptonshire Police",
    "Northumbria Police",
    "Nottinghamshire Police",
    "South Wales Police",
    "South Yorkshire Police",
    "Staffordshire Police",
    "Suffolk Constabulary",
    "Surrey Police",
    "Sussex Police",
    "Thames Valley Police",
    "Warwickshire Police",
    "West Mercia Police",
    "West Midlands Police",
    "West Yorkshire Police",
    "Wiltshire Police",
)

COURSES = (
    "Cyber Crime and Digital Policing - First Responder",
    "Cyber Crime and Digital Policing - Introduction",
    "Digital Communications, Social Media, Cyber Crime and Policing",
)
YEARS = ("2017/18", "2018/19")
# Rank and its invented weight within a course (student officers about half).
RANKS = (
    ("Student Officer", 50.0),
    ("Police Constable", 24.0),
    ("Sergeant", 6.0),
    ("Inspector", 1.5),
    ("Detective Inspector", 0.15),
    ("Detective Chief Inspector", 0.1),
    ("Police Staff", 18.0),
)


def rows(seed: int = SEED) -> list[tuple[str, str, str, str, str]]:
    rnd = random.Random(seed)
    out: list[tuple[str, str, str, str, str]] = []
    for force in FORCES:
        # An invented size: the Met is largest, City of London smallest.
        size = 40.0 if force == "Metropolitan Police Service" else rnd.uniform(2.0, 12.0)
        if force == "City of London Police":
            size = 1.0
        for course in COURSES:
            course_factor = rnd.uniform(0.6, 1.4)
            for year in YEARS:
                for rank, weight in RANKS:
                    mean = size * course_factor * weight * 0.9
                    n = max(0, round(rnd.gauss(mean, mean * 0.2 + 0.5)))
                    cell = "<5" if 0 < n < 5 and weight > 1 and rnd.random() < 0.3 else str(n)
                    out.append((force, course, year, rank, cell))
    return out


def main(argv: list[str]) -> int:
    default = Path(__file__).resolve().parents[1] / "datasets" / "forces-cyber-training.csv"
    target = Path(argv[0]) if argv else default
    with target.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("force", "course", "financial_year", "rank", "attendees"))
        w.writerows(rows())
    print(f"wrote {target} ({len(FORCES)} forces)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
