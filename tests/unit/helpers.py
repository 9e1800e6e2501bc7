"""Small real datasets written to disk for figure and loader tests."""

from __future__ import annotations

from pathlib import Path

from pressgen.dataset import Dataset, load_dataset


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
