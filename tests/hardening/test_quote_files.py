"""A quote set in another format is told it must be TOML (issue 12, item 14), by its
name and by its content; a TOML file with a typo still gets TOML's own message."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.release.quotes import load_quotes

YAML = "title: Quotes\nspeakers:\n  a:\n    name: A Person\nquotes:\n  - id: q1\n"
JSON = '{"title": "Quotes", "speakers": {}, "quotes": []}\n'
TOML = 'title = "Quotes"\n\n[speakers.a]\nname = "A Person"\n'


@pytest.mark.parametrize(
    ("name", "text", "kind"),
    [
        ("q.yaml", YAML, "YAML"),
        ("q.yml", YAML, "YAML"),
        ("q.json", JSON, "JSON"),
        ("q.yaml", TOML, "YAML"),  # the name decides first: rename it to .toml
        ("q.toml", YAML, "YAML"),
        ("q.toml", "---\n" + YAML, "YAML"),
        ("q.toml", "# exported\n\n- id: q1\n  text: Hello\n", "YAML"),
        ("q.toml", JSON, "JSON"),
        ("q.toml", "[" + JSON.strip() + "]", "JSON"),
    ],
)
def test_other_formats_are_named(tmp_path: Path, name: str, text: str, kind: str) -> None:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    with pytest.raises(PressgenError) as err:
        load_quotes(path)
    assert str(err.value) == (
        f"{path}: quote sets are TOML, and this file is {kind}; write it as TOML "
        "(`key = value`, `[[quotes]]` tables; see the examples under quotes/)"
    )


@pytest.mark.parametrize(
    "text",
    [
        TOML + "\n[[quotes]]\nid = 'q1'\ntext: 'a colon typo'\n",  # TOML with a typo on line 8
        TOML.replace('title = "Quotes"', '"title:x" = "Quotes"') + "oops\n",
        "[speakers.a]\nname = 'x'\n[[quotes]\n",  # a TOML table that starts like JSON
    ],
)
def test_toml_with_a_typo_keeps_the_toml_message(tmp_path: Path, text: str) -> None:
    path = tmp_path / "q.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(PressgenError, match="invalid TOML") as err:
        load_quotes(path)
    assert "YAML" not in str(err.value) and "JSON" not in str(err.value)


def test_a_missing_yaml_file_is_missing(tmp_path: Path) -> None:
    with pytest.raises(PressgenError, match="no such file"):
        load_quotes(tmp_path / "q.yaml")
