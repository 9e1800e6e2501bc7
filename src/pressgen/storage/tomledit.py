"""Editing a user's TOML file in place: round-trip, checked, written atomically.

The file is parsed with tomlkit, which keeps comments, key order, blank lines and string
styles, so an edit changes only the values it sets. Line-based editing cannot tell a
table header from a line inside a multi-line string; a parser can. Before anything is
written the new text is parsed again with the standard library's reader (the one every
loader uses), compared with the original to prove that only the expected keys changed,
and checked by the caller; after the atomic write the file on disk is read back and
checked once more.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.toml_document import TOMLDocument

from pressgen.errors import PressgenError
from pressgen.storage.atomic import atomic_write
from pressgen.storage.cleantext import clean_tree
from pressgen.storage.tomlfile import read_toml

KeyPath = tuple[str | int, ...]
"""Where a value sits: ("quotes", 0, "approved")."""


@dataclass
class TomlEdit:
    """A TOML file opened for editing: `doc` is changed in place, `before` is the data as
    it was read (for `changed_paths`)."""

    path: Path
    doc: TOMLDocument
    before: dict[str, Any]
    """As the standard reader parses the file, before any cleaning (what an edit is
    compared with)."""
    bom: bool = False

    def text(self) -> str:
        return ("\ufeff" if self.bom else "") + tomlkit.dumps(self.doc)


def open_toml(path: Path) -> TomlEdit:
    """Open a TOML file for editing; problems are the reader's one-line errors."""
    read_toml(path)  # size, encoding, syntax and depth, named by file and line
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    before = tomllib.loads(text)
    try:
        doc = tomlkit.parse(text)
    except TOMLKitError as exc:  # the standard reader accepted it; tomlkit did not
        raise PressgenError(f"cannot edit this TOML: {exc}", path=path) from None
    return TomlEdit(path, doc, before, bom)


def changed_paths(before: Any, after: Any, at: KeyPath = ()) -> Iterator[KeyPath]:
    """Every place where two parsed TOML values differ, as key paths (the deepest ones)."""
    if isinstance(before, Mapping) and isinstance(after, Mapping):
        for key in dict.fromkeys([*before, *after]):
            if key not in before or key not in after:
                yield (*at, key)
            else:
                yield from changed_paths(before[key], after[key], (*at, key))
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for i, (b, a) in enumerate(zip(before, after, strict=True)):
            yield from changed_paths(b, a, (*at, i))
    elif type(before) is not type(after) or (before != after and not _both_nan(before, after)):
        yield at


def _both_nan(a: Any, b: Any) -> bool:
    return isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b)


def write_checked(
    edit: TomlEdit,
    target: Path,
    *,
    allowed: Callable[[KeyPath], bool],
    check: Callable[[dict[str, Any]], None],
    force: bool,
) -> dict[str, Any]:
    """Write the edited document to `target` atomically, after proving that it parses,
    that only paths `allowed` accepts differ from the original, and that `check` (which
    raises PressgenError) accepts it as the loaders would read it (cleaned of control
    characters); then read the file back and check it again. Returns the data as read
    back."""
    text = edit.text()
    try:
        data = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as exc:
        raise PressgenError(f"the edit would break the file: {exc}", path=edit.path) from None
    stray = [p for p in changed_paths(edit.before, data) if not allowed(p)]
    if stray:
        where = ".".join(str(part) for part in stray[0])
        raise PressgenError(
            f"the edit would change {where or 'the whole file'}, which it must not; "
            "the file was not written",
            path=edit.path,
        )
    cleaned, _ = clean_tree(data, target)  # what every loader sees (no control characters)
    check(cleaned)
    atomic_write(target, text, force=force)
    written = read_toml(target)
    if list(changed_paths(cleaned, written)):  # another process wrote it meanwhile
        raise PressgenError("the file changed while it was being written", path=target)
    check(written)
    return written
