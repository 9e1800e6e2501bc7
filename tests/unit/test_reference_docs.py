"""docs/reference.md is generated from the code (scripts/gen_reference.py): it fails here
while the committed file and the code differ, and it lists everything the code knows."""

from __future__ import annotations

import importlib.util
import typing
from pathlib import Path
from types import ModuleType

from pressgen.figures.specs import FigureSpec
from pressgen.release.filters import FILTERS
from pressgen.text.style import HouseStyle

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_reference", ROOT / "scripts" / "gen_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_reference_is_what_the_code_generates() -> None:
    committed = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    assert committed == _generator().reference(), (
        "docs/reference.md differs from the code: run .venv/bin/python scripts/gen_reference.py"
    )


def test_the_reference_names_every_rule_method_option_and_filter() -> None:
    text = _generator().reference()
    for rule in HouseStyle.model_fields:
        if rule != "name":
            assert f"| `{rule}` |" in text, rule
    for model in typing.get_args(typing.get_args(FigureSpec)[0]):
        for method in typing.get_args(model.model_fields["method"].annotation):
            if method != "constant":
                assert f"`{method}`" in text, method
        for name, field in model.model_fields.items():
            if name != "method":
                assert f"| `{field.alias or name}` |" in text, (model.__name__, name)
    for name in FILTERS:
        assert f"| `{name}` |" in text, name
    assert "[style_overrides]" in text and "## Constants" in text


def test_the_guides_document_style_overrides_not_a_style_table() -> None:
    guide = (ROOT / "docs" / "formatting.md").read_text(encoding="utf-8")
    assert "`[style]` table" not in guide
    assert "[style_overrides]" in guide
