"""The core must run without Textual or python-docx: `pressgen render` stays fast."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "pressgen.release.pipeline",
    "pressgen.figures.engine",
    "pressgen.text.formatting",
    "pressgen.release.render",
    "pressgen.cli",
]


def test_core_never_imports_textual_or_docx() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + "from pressgen.cli import main\n"
        + "print(','.join(m for m in ('textual', 'docx') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == ""


def test_render_to_markdown_does_not_load_textual() -> None:
    from tests.conftest import EXAMPLE

    code = (
        "import sys\nfrom pressgen.cli import main\n"
        f"rc = main(['render', {str(EXAMPLE)!r}])\n"
        "sys.stderr.write('\\nLOADED:' + ','.join(m for m in ('textual', 'docx') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert "4,534" in out.stdout
    assert out.stderr.rsplit("LOADED:", 1)[1].strip() == ""
