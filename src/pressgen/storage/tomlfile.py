"""Reading TOML files into plain data, with parse errors as one line naming file and line.

Every string read is cleaned of control characters (see storage/cleantext.py): a TOML
escape such as `\u001b` is how an ESC reaches a campaign or a quote set.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from pressgen.errors import PressgenError, from_validation
from pressgen.storage.cleantext import clean_tree

M = TypeVar("M", bound=BaseModel)

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32


def read_toml(path: Path, *, what: str | None = None) -> dict[str, Any]:
    """Parse a TOML file; any problem is a PressgenError naming the file (and line).

    Control characters are removed from its strings without a word: callers whose text
    reaches a release use `read_toml_with_notes` and pass the notes on as warnings."""
    return read_toml_with_notes(path, what=what)[0]


def read_toml_with_notes(
    path: Path, *, what: str | None = None
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Parse and clean a TOML file: its data, and a warning for each string that held
    control characters (naming the file and field). `what` names the kind of file in
    the plural ("quote sets"): a YAML or JSON file given for one is then told so,
    instead of getting a TOML syntax error about its first colon."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PressgenError("no such file", path=path) from None
    except IsADirectoryError:
        raise PressgenError("is a folder, not a file", path=path) from None
    except OSError as exc:
        raise PressgenError(f"cannot read: {exc.strerror}", path=path) from None
    if what is not None:
        _refuse_by_suffix(path, what)
    if len(raw) > MAX_BYTES:
        raise PressgenError(f"file is larger than {MAX_BYTES // 1024 // 1024} MB", path=path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PressgenError("not valid UTF-8", path=path, where=f"line {line}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        if what is not None:
            _refuse_by_content(text, int(m.group(1)) if m else None, path, what)
        where = f"line {m.group(1)}" if m else None
        msg = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", msg)
        raise PressgenError(
            f"invalid TOML: {msg[:1].lower()}{msg[1:]}", path=path, where=where
        ) from None
    except RecursionError:
        raise PressgenError("invalid TOML: nested too deeply", path=path) from None
    if _depth(data) > MAX_DEPTH:
        raise PressgenError(f"invalid TOML: nested more than {MAX_DEPTH} levels", path=path)
    cleaned, notes = clean_tree(data, path)
    return cleaned, notes


_OTHER_FORMATS = {".yaml": "YAML", ".yml": "YAML", ".json": "JSON"}
# A line only YAML writes: a document marker, `key: value` or `- item`.
_YAML_LINE = re.compile(r"^(---|\.\.\.|%YAML\b|[\w\"'][^=\n]*?:(\s|$)|-\s)")


def _other_format(name: str, path: Path, what: str) -> PressgenError:
    return PressgenError(
        f"{what} are TOML, and this file is {name}; write it as TOML "
        "(`key = value`, `[[quotes]]` tables; see the examples under quotes/)",
        path=path,
    )


def _refuse_by_suffix(path: Path, what: str) -> None:
    name = _OTHER_FORMATS.get(path.suffix.lower())
    if name is not None:
        raise _other_format(name, path, what)


def _refuse_by_content(text: str, error_line: int | None, path: Path, what: str) -> None:
    """Called when `text` is not TOML: say so if it is JSON, or if it reads like YAML
    and TOML gave up on its first line (a TOML file with a typo further down is TOML)."""
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            json.loads(stripped)
        except (ValueError, RecursionError):
            pass
        else:
            raise _other_format("JSON", path, what)
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            if number == error_line and _YAML_LINE.match(line.lstrip()):
                raise _other_format("YAML", path, what)
            return


def load_model(path: Path, model: type[M], data: dict[str, Any] | None = None) -> M:
    """Validate a TOML file (or already-read data) against a model; errors name the field."""
    if data is None:
        data = read_toml(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise from_validation(exc, path) from None


def _depth(obj: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(obj, dict):
        return max((_depth(v, level + 1) for v in obj.values()), default=level + 1)
    if isinstance(obj, list):
        return max((_depth(v, level + 1) for v in obj), default=level + 1)
    return level
