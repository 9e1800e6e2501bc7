"""Build templates/docx/default.docx, the reference document DOCX export starts from.

The file is generated, never edited by hand: change the styles in
src/pressgen/export/reference.py and run

    .venv/bin/python scripts/build_reference_docx.py

The output is byte-for-byte reproducible (fixed timestamps), so a rebuild shows in git
only when the styles really changed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pressgen.export.reference import build_reference_docx, default_reference_path


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else default_reference_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    data = build_reference_docx()
    target.write_bytes(data)
    print(f"wrote {target} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
