"""The registry, the options, safe writing and the cost of importing the export package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.export import (
    EXPORTERS,
    ExportOptions,
    ExportResult,
    export_release,
    format_for_path,
    suffix_for,
    write_release,
)


def test_registry_has_the_four_formats() -> None:
    assert list(EXPORTERS) == ["md", "docx", "html", "txt"]
    assert {f: suffix_for(f) for f in EXPORTERS} == {
        "md": ".md",
        "docx": ".docx",
        "html": ".html",
        "txt": ".txt",
    }
    assert EXPORTERS["docx"].binary and not EXPORTERS["txt"].binary


@pytest.mark.parametrize("fmt", ["md", "docx", "html", "txt"])
def test_every_format_exports_the_sample(fmt: str, sample_md: str, options: ExportOptions) -> None:
    result = export_release(sample_md, fmt, options)
    assert isinstance(result, ExportResult)
    assert result.suffix == suffix_for(fmt)
    assert result.data
    assert result.warnings == ()


def test_unknown_format_is_a_pressgen_error(sample_md: str) -> None:
    with pytest.raises(PressgenError, match=r"unknown export format 'pdf'.*md, docx, html, txt"):
        export_release(sample_md, "pdf")
    with pytest.raises(PressgenError):
        suffix_for("rtf")


def test_format_for_path() -> None:
    assert format_for_path("out/release.DOCX") == "docx"
    assert format_for_path("a.markdown") == "md"
    assert format_for_path("a.pdf") is None


def test_md_export_is_the_markdown(sample_md: str) -> None:
    assert export_release(sample_md, "md").data.decode("utf-8") == sample_md


def test_md_export_cleans_control_characters() -> None:
    result = export_release("# Head\x07line\n", "md")
    assert result.data == b"# Headline\n"
    assert result.warnings == ("line 1: removed 1 character a document cannot hold (U+0007)",)


def test_write_release_refuses_to_overwrite(tmp_path: Path, sample_md: str) -> None:
    target = tmp_path / "release.docx"
    target.write_bytes(b"precious")
    with pytest.raises(PressgenError) as err:
        write_release(sample_md, "docx", None, target)
    assert str(target) in str(err.value) and "--force" in str(err.value)
    assert target.read_bytes() == b"precious"
    write_release(sample_md, "docx", None, target, force=True)
    assert target.read_bytes().startswith(b"PK")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_importing_export_loads_neither_docx_nor_textual() -> None:
    code = (
        "import sys\n"
        "from pressgen.export import export_release\n"
        "export_release('**FOR IMMEDIATE RELEASE**\\n\\n# H\\n', 'txt')\n"
        "export_release('# H\\n', 'html')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('docx', 'textual', 'lxml')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout.strip()
    assert out == ""
