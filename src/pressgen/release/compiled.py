"""Compiled templates kept on disk between runs, filed by what the compiled code
depends on, so that code compiled before a change to the sandbox's guards is never
loaded after it (see SECURITY.md, "Caches")."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.compiler import CodeGenerator


def compiler_fingerprint(generator: type[CodeGenerator], options: dict[str, object]) -> str:
    """What compiled template code depends on: Jinja's version, the code generator (the
    source file it is defined in) and the syntax options. Compiled templates kept on disk
    are filed under it, so a changed guard in the generator is never bypassed by code
    compiled before the change."""
    digest = hashlib.sha256(f"{jinja2.__version__}|{generator.__qualname__}|".encode())
    source = getattr(sys.modules.get(generator.__module__), "__file__", None)
    if source is not None:
        digest.update(Path(source).read_bytes())
    digest.update(repr(sorted(options.items())).encode())
    return digest.hexdigest()[:16]


def bytecode_cache(generator: type[CodeGenerator], options: dict[str, Any]) -> BytecodeCache | None:
    """Compiled templates kept between runs: compiling is most of a one-shot render. They
    are filed by what the code depends on (compiler_fingerprint): code compiled
    by an earlier code generator or other options is never loaded."""
    from pressgen.storage.locations import cache_directory

    fingerprint = compiler_fingerprint(generator, {**options, "finalize": True})
    try:
        folder = cache_directory() / "templates" / fingerprint
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))
