"""Small real datasets written to disk for figure and loader tests."""

from __future__ import annotations

from pathlib import Path

from pressgen.sources.dataset import Dataset, load_dataset


def write_dataset(
    folder: Path,
    name: str,
    csv_text: str,
    columns: dict[str, str],
    extra: str = "",
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.csv").write_text(csv_text, encoding="utf-8")
    cols = "\n".join(f'[columns.{c}]\ntype = "{t}"\n' for c, t in columns.items())
    manifest = folder / f"{name}.toml"
    manifest.write_text(
        f'title = "Test {name}"\nfile = "{name}.csv"\n{extra}\n'
        f'[source]\npublisher = "Test Office"\n\n{cols}',
        encoding="utf-8",
    )
    return manifest


def dataset(folder: Path, csv_text: str, columns: dict[str, str], name: str = "data") -> Dataset:
    return load_dataset(write_dataset(folder, name, csv_text, columns))


#: A small dataset every figure method can be tried on: a suppressed cell (North, 2023,
#: smell), an empty decimal, and a zero row for West.
CLAIMS = """area,year,kind,claims,amount
North,2022,noise,10,100.50
North,2023,noise,14,120.25
North,2023,smell,<5,
South,2022,noise,20,300.00
South,2023,noise,18,250.75
East,2022,smell,10,40.00
East,2023,smell,14,60.00
West,2022,noise,0,0
West,2023,noise,0,0
"""
CLAIMS_COLUMNS = {
    "area": "text",
    "year": "int",
    "kind": "text",
    "claims": "int",
    "amount": "decimal",
}
