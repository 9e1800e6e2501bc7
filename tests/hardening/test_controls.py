"""Control characters are removed where text enters, each time with a warning naming the
file and the field or the row; bidirectional controls are refused (issue 12, item 5)."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from pressgen.errors import PressgenError
from pressgen.release.quotes import load_quotes
from pressgen.sources.dataset import load_dataset
from pressgen.storage.cleantext import clean_tree
from pressgen.storage.tomlfile import read_toml, read_toml_with_notes
from tests.bad_inputs.make_corpus import GOOD_ROWS, cell, row, xlsx

from .helpers import run_cli, write_dataset

ESC_TITLE = "\x1b]0;owned\x07"  # sets the terminal's title, then BEL ends it
CLEAR = "\x1b[2J"
TERMINAL = ("\x1b", "\x07", "\x00", "\x9b", "\x08", "\r")


# OOXML writes a control character as _xHHHH_; calamine decodes it back.
_BELL_XLSX = xlsx([*GOOD_ROWS, row(3, cell("A3", "Bell_x0007_"), cell("B3", 1))])


def _no_controls(text: str) -> None:
    found = [ch for ch in TERMINAL if ch in text]
    assert not found, f"{found!r} in {text!r}"


@pytest.mark.parametrize(
    ("suffix", "data", "place"),
    [
        ("csv", f"area,n\nNorth{ESC_TITLE},5\nSouth,6\n".encode(), "line 2, column 'area'"),
        ("csv", "area,n\nNorth,5\nSo\u009buth,6\n".encode(), "line 3, column 'area'"),
        ("json", b'[{"area": "North\\u001b[2J", "n": 5}]', "row 1, column 'area'"),
        ("xlsx", _BELL_XLSX, "row 3, column 'area'"),
    ],
    ids=["csv-osc", "csv-c1", "json", "xlsx"],
)
def test_data_cells_lose_their_controls_with_a_warning(
    tmp_path: Path, suffix: str, data: bytes, place: str
) -> None:
    ds = load_dataset(write_dataset(tmp_path, data, suffix=suffix))
    for value in ds.frame["area"].to_list():
        _no_controls(value)
    assert len(ds.warnings) == 1, ds.warnings
    (note,) = ds.warnings
    assert f"data.{suffix}" in note and place in note and "removed" in note
    _no_controls(note)


def test_parquet_cells_and_a_count_of_the_rest(tmp_path: Path) -> None:
    buf = io.BytesIO()
    pl.DataFrame({"area": ["A\x07", "B", "C\x1b", "D\x1b"], "n": [1, 2, 3, 4]}).write_parquet(buf)
    ds = load_dataset(write_dataset(tmp_path, buf.getvalue(), suffix="parquet"))
    assert ds.frame["area"].to_list() == ["A", "B", "C", "D"]
    (note,) = ds.warnings
    assert "row 1, column 'area'" in note and "U+0007 BELL" in note
    assert "2 more cells in the column" in note


def test_a_number_cell_loses_a_bell_and_is_read(tmp_path: Path) -> None:
    ds = load_dataset(write_dataset(tmp_path, b"area,n\nNorth,5\x07\n"))
    assert ds.frame["n"].to_list() == [5]
    assert "line 2, column 'n'" in ds.warnings[0]


def test_tab_newline_and_windows_line_ends_are_kept(tmp_path: Path) -> None:
    ds = load_dataset(write_dataset(tmp_path, b'area,n\n"North\tEast\r\nWing",5\n'))
    assert ds.frame["area"].to_list() == ["North\tEast\nWing"]
    assert ds.warnings == ()


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_bidi_controls_in_cells_are_refused(tmp_path: Path, char: str) -> None:
    m = write_dataset(tmp_path, f"area,n\nNorth,5\nSo{char}uth,6\n".encode())
    with pytest.raises(PressgenError, match=r"line 3, column 'area': contains U\+2") as err:
        load_dataset(m)
    assert "spoofing" in str(err.value) and char not in str(err.value)


def _quotes(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "q.toml"
    path.write_text(
        'title = "q"\n[speakers.a]\nname = "A \\u001b[31mPerson"\n\n[[quotes]]\nid = "q1"\n'
        f'speaker = "a"\ntext = "{text}"\n',
        "utf-8",
    )
    return path


def test_quote_text_and_speakers_lose_controls_with_warnings(tmp_path: Path) -> None:
    qs = load_quotes(_quotes(tmp_path, "We \\u001b]0;x\\u0007welcome\\u0000 it."))
    assert qs.quotes[0].text == "We ]0;xwelcome it."
    assert qs.speakers["a"].name == "A [31mPerson"
    assert [w.split(": ")[1] for w in qs.warnings] == ["speakers.a.name", "quotes[0].text"]
    assert all("q.toml" in w and "removed" in w for w in qs.warnings)
    assert "U+001B ESCAPE, U+0007 BELL, U+0000 NULL" in qs.warnings[1]


def test_a_right_to_left_override_in_a_quote_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PressgenError, match=r"q\.toml: quotes\[0\]\.text: .*RIGHT-TO-LEFT"):
        load_quotes(_quotes(tmp_path, "Up \\u202e42 per cent"))


def test_every_toml_file_is_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[release]\nheadline = "Big\\u001b[2J news"\n"k\\u0007" = 1\n', "utf-8")
    data, notes = read_toml_with_notes(path)
    assert data == {"release": {"headline": "Big[2J news", "k": 1}}
    assert [n.split(": ")[1] for n in notes] == ["release.headline", "release.k (the key)"]
    assert read_toml(path) == data


def test_clean_tree_names_list_items() -> None:
    data, notes = clean_tree({"notes": ["fine", "bad\x08"]}, "x.toml")
    assert data == {"notes": ["fine", "bad"]}
    assert notes == ("x.toml: notes[1]: removed 1 control character (U+0008 BACKSPACE)",)


def _project(tmp_path: Path) -> Path:
    """A small project whose data and quotes hold terminal escapes."""
    root = tmp_path / "proj"
    for folder in ("campaigns", "datasets", "quotes", "templates"):
        (root / folder).mkdir(parents=True)
    (root / "datasets" / "d.csv").write_text(
        f"area,n\nNorth{CLEAR},5\nSouth{ESC_TITLE},7\n", "utf-8"
    )
    (root / "datasets" / "d.toml").write_text(
        'title = "d"\nfile = "d.csv"\n[source]\npublisher = "P"\n'
        '[columns.area]\ntype = "text"\n[columns.n]\ntype = "int"\n',
        "utf-8",
    )
    (root / "quotes" / "q.toml").write_text(
        'title = "q"\n[speakers.a]\nname = "A Person"\n\n[[quotes]]\nid = "q1"\n'
        'speaker = "a"\ntext = "Ring\\u0007 the bell."\napproved = true\n'
        'approved_by = "A Person"\n',
        "utf-8",
    )
    (root / "templates" / "t.md.j2").write_text(
        "# {{ release.headline }}\n\nAreas: {{ f.areas }}. Total {{ f.total }}.\n\n"
        "{{ quotes.main.text }}\n",
        "utf-8",
    )
    (root / "campaigns" / "c.toml").write_text(
        'title = "c"\ndataset = "d"\nquotes = "q"\ntemplate = "t"\n[slots]\nmain = "q1"\n'
        '[release]\nheadline = "H"\ndateline = "LONDON"\ndate = 2024-05-01\n'
        'organisation = "O"\nboilerplate = "About."\n[release.contact]\nname = "P"\n'
        '[figures.total]\nlabel = "t"\nmethod = "sum"\ncolumn = "n"\n'
        '[figures.areas]\nlabel = "a"\nmethod = "group"\nby = "area"\ncolumn = "n"\n',
        "utf-8",
    )
    return root


def test_render_prints_no_escape_and_warns_naming_each_source(tmp_path: Path) -> None:
    root = _project(tmp_path)
    done = run_cli(["render", "campaigns/c.toml"], root)
    assert done.status == 0, done.stderr
    _no_controls(done.stdout)
    assert "North\\[2J" in done.stdout and "Ring the bell." in done.stdout  # Markdown-escaped
    warnings = [ln for ln in done.stderr.splitlines() if ln.startswith("pressgen: warning:")]
    assert any("d.csv: line 2, column 'area'" in w for w in warnings), done.stderr
    assert any("q.toml: quotes[0].text" in w for w in warnings), done.stderr
    out = tmp_path / "out.md"
    assert run_cli(["render", "campaigns/c.toml", "-o", str(out)], root).status == 0
    _no_controls(out.read_text("utf-8"))
    figures = run_cli(["figures", "campaigns/c.toml", "--json"], root)
    assert figures.status == 0, figures.stderr
    _no_controls(figures.stdout + json.dumps(json.loads(figures.stdout), ensure_ascii=False))


def test_the_warning_is_told_on_every_run(tmp_path: Path) -> None:
    """Figures from cleaned data are not kept in the disk cache, so a second process
    (which would otherwise skip reading the data) reads it again and warns again."""
    root = _project(tmp_path)
    pressgen = shutil.which("pressgen", path=str(Path(sys.executable).parent))
    assert pressgen is not None
    for _ in range(2):
        done = subprocess.run(
            [pressgen, "render", "campaigns/c.toml"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert "d.csv: line 2, column 'area'" in done.stderr, done.stderr
        _no_controls(done.stdout)


def test_keys_that_read_the_same_once_cleaned_are_refused() -> None:
    with pytest.raises(PressgenError, match=r"x\.toml: speakers\.a: two keys read the same"):
        clean_tree({"speakers": {"a": 1, "a\x07": 2}}, "x.toml")


def test_campaign_text_loses_controls_with_a_warning_in_every_command(tmp_path: Path) -> None:
    """A campaign's own strings (headline, boilerplate) are cleaned like a quote set's,
    and each command that reads the campaign says so, naming the file and the field."""
    root = _project(tmp_path)
    camp = root / "campaigns" / "c.toml"
    camp.write_text(
        camp.read_text("utf-8").replace('headline = "H"', 'headline = "H\\u001b]0;owned\\u0007"'),
        "utf-8",
    )
    named = "c.toml: release.headline: removed 2 control characters"
    done = run_cli(["render", "campaigns/c.toml"], root)
    assert done.status == 0, done.stderr
    _no_controls(done.stdout)
    assert "# H\\]0;owned" in done.stdout  # Markdown-escaped
    assert any(named in ln for ln in done.stderr.splitlines()), done.stderr
    figures = run_cli(["figures", "campaigns/c.toml"], root)
    assert figures.status == 0, figures.stderr
    assert named in figures.stderr
    assert "d.csv: line 2, column 'area'" in figures.stderr  # the data's, too
    validated = run_cli(["validate"], root)
    assert validated.status == 0, validated.stderr
    lines = validated.stderr.splitlines()
    assert sum(named in ln for ln in lines) == 1, validated.stderr  # told once
    assert any("q.toml: quotes[0].text" in ln for ln in lines), validated.stderr
    assert all(ln.startswith("pressgen: warning: ") for ln in lines), validated.stderr
