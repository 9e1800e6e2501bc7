"""Round-trip TOML editing: only what was set changes, and a stray change is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.storage.tomledit import changed_paths, open_toml, write_checked

SOURCE = '# keep me\na = 1  # and me\n\n[t]\ns = """x\n[u]\nb = 2\n"""\n'


def test_changed_paths_names_the_deepest_differences() -> None:
    before = {"a": 1, "t": {"s": "x", "l": [1, {"k": True}]}}
    after = {"a": 1, "t": {"s": "y", "l": [1, {"k": 1}]}, "n": 0}
    assert sorted(map(str, changed_paths(before, after))) == sorted(
        map(str, [("t", "s"), ("t", "l", 1, "k"), ("n",)])
    )
    assert list(changed_paths({"f": float("nan")}, {"f": float("nan")})) == []


def test_an_edit_keeps_comments_and_strings_and_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "f.toml"
    path.write_bytes(b"\xef\xbb\xbf" + SOURCE.encode())
    edit = open_toml(path)
    edit.doc["a"] = 5
    seen: list[dict[str, object]] = []
    data = write_checked(edit, path, allowed=lambda p: p == ("a",), check=seen.append, force=True)
    assert data["a"] == 5 and data["t"] == {"s": "x\n[u]\nb = 2\n"}
    assert path.read_bytes() == b"\xef\xbb\xbf" + SOURCE.replace("a = 1", "a = 5").encode()
    assert seen == [data, data]  # checked before the write and as read back


def test_a_change_outside_what_is_allowed_is_not_written(tmp_path: Path) -> None:
    path = tmp_path / "f.toml"
    path.write_text(SOURCE, encoding="utf-8")
    edit = open_toml(path)
    edit.doc["t"]["s"] = "changed"  # type: ignore[index]
    with pytest.raises(PressgenError, match=r"would change t\.s"):
        write_checked(edit, path, allowed=lambda p: p == ("a",), check=lambda d: None, force=True)
    assert path.read_text(encoding="utf-8") == SOURCE


def test_a_file_that_does_not_parse_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("a = [\n", encoding="utf-8")
    with pytest.raises(PressgenError, match=r"bad\.toml.*invalid TOML"):
        open_toml(path)
