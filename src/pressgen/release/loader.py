"""The template loader: templates load only from the template folders.

Jinja already refuses `..` and absolute template names; `ConfinedLoader` also refuses a
template that a symlink (or a linked folder) takes outside them. See SECURITY.md.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable
from typing import Any

from jinja2 import FileSystemLoader, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path

from pressgen.errors import PressgenError


class TemplateFileError(PressgenError):
    """A template file that cannot be read. It names that file (an included one, say),
    never the template that asked for it."""


class ConfinedLoader(FileSystemLoader):
    """A file loader that refuses templates which resolve outside its folders.

    Jinja already refuses `..` and absolute names; this also refuses a symlink (or a
    linked folder) that points out of the template folders, before the file is read. A
    file that exists but cannot be read is a TemplateFileError naming that file."""

    def __init__(self, searchpath: list[str]) -> None:
        super().__init__(searchpath, followlinks=False)
        self._roots = [os.path.realpath(p) for p in searchpath]

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        if "\\" in template or "\x00" in template:
            raise TemplateNotFound(template)
        pieces = split_template_path(template)
        for folder in self.searchpath:
            filename = posixpath.join(folder, *pieces)
            if os.path.isfile(filename):
                break
        else:
            raise TemplateNotFound(template)
        real = os.path.realpath(filename)
        if not any(real.startswith(r.rstrip(os.sep) + os.sep) for r in self._roots):
            raise SecurityError(
                f"template {template!r} links to a file outside the template folders"
            )
        try:
            with open(filename, encoding=self.encoding) as fh:
                contents = fh.read()
            mtime = os.path.getmtime(filename)
        except OSError as exc:
            raise TemplateFileError(
                f"cannot read template: {exc.strerror or exc}", path=filename
            ) from None
        except UnicodeDecodeError as exc:
            raise TemplateFileError(
                f"template is not valid UTF-8 (byte {exc.start})", path=filename
            ) from None

        def uptodate() -> bool:
            try:
                return os.path.getmtime(filename) == mtime
            except OSError:
                return False

        return contents, os.path.normpath(filename), uptodate
