"""Whatever a person types, check and lint answer with findings, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressgen.check import Checker, lint_text
from pressgen.cli import main
from pressgen.release.pipeline import Prepared
from tests.conftest import EXAMPLE

_PIECES = st.sampled_from(
    [
        "4,534",
        "52 per cent",
        "three",
        "almost half",
        "one in four",
        "1.2 million",
        "2019",
        "Tuesday 3 December 2019",
        "EMBARGOED UNTIL 00:01",
        "“",
        "”",
        "\n",
        "\n\n",
        "# ",
        "> ",
        "1. ",
        "{{ x }}",
        "the the",
        "e-leaning",
        "020 7946 0000",
        "4.534",
        "4 534",
        "%",
        "\\",
        "*",
        "²",
        "٣",
        "五",
        "—",
        " ",
        "officers",
        ".",
        ",",
    ]
)


@pytest.fixture(scope="module")
def checker(prepared: Prepared, release: str) -> Checker:
    return Checker(prepared, baseline=release)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40))
def test_any_text_gets_a_report(checker: Checker, pieces: list[str]) -> None:
    text = "".join(pieces)
    report = checker.check(text)
    for f in report.findings:
        assert 1 <= f.line <= text.count("\n") + 1 and f.column >= 1
    lint_text(text, locale="de_DE")


def test_empty_and_odd_drafts(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    assert main(["check", str(EXAMPLE), str(empty)]) == 1  # every figure dropped
    binary = tmp_path / "bin.md"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert main(["check", str(EXAMPLE), str(binary)]) == 2
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(b"Twelve forces replied.\r\nMore news.\r\n")
    assert main(["lint", str(crlf)]) == 0


def test_check_never_imports_textual(tmp_path: Path) -> None:
    draft = tmp_path / "d.md"
    draft.write_text("Twelve forces replied.\n", encoding="utf-8")
    code = (
        "import sys\nfrom pressgen.cli import main\n"
        f"main(['check', {str(EXAMPLE)!r}, {str(draft)!r}, '--json'])\n"
        "assert 'textual' not in sys.modules, 'check imported textual'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
