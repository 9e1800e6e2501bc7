"""Template errors name the file at fault: an unreadable included file is blamed on
itself (and says who included it), and templates that extend each other in a circle are
called an extends loop, not a macro calling itself."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.release.pipeline import prepare, render_release
from tests.hardening.project import make_project, run_here


def _peek(project_templates: Path, body: str) -> None:
    (project_templates / "peek.md.j2").write_text(
        '{% extends "base.md.j2" %}{% block body %}' + body + "{% endblock %}\n",
        encoding="utf-8",
    )


def test_an_included_file_that_is_not_utf8_is_blamed_on_itself(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    templates = project.root / "templates"
    (templates / "part.md.j2").write_bytes(b"caf\xe9 au lait\n")
    _peek(templates, '{% include "part.md.j2" %}')
    campaign = project.write_campaign(template="peek")
    with pytest.raises(PressgenError) as caught:
        render_release(prepare(campaign))
    assert caught.value.path == str(templates / "part.md.j2")
    assert "not valid UTF-8" in caught.value.message
    assert f"included from {templates / 'peek.md.j2'}, line 1" in caught.value.message
    run = run_here("render", str(campaign), cwd=project.root)
    assert run.status == 2
    assert run.stderr.startswith(f"pressgen: {templates / 'part.md.j2'}: template is not valid")


def test_an_extended_file_that_is_not_utf8_is_blamed_on_itself(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    templates = project.root / "templates"
    (templates / "base.md.j2").write_bytes(b"\xff\xfe broken base\n")
    campaign = project.write_campaign()
    with pytest.raises(PressgenError) as caught:
        render_release(prepare(campaign))
    assert caught.value.path == str(templates / "base.md.j2")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_included_file_without_read_permission_is_blamed_on_itself(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    templates = project.root / "templates"
    part = templates / "part.md.j2"
    part.write_text("secret part", encoding="utf-8")
    part.chmod(0)
    _peek(templates, '{% include "part.md.j2" %}')
    with pytest.raises(PressgenError, match="cannot read template") as caught:
        render_release(prepare(project.write_campaign(template="peek")))
    assert caught.value.path == str(part)


def test_templates_extending_each_other_are_an_extends_loop(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    templates = project.root / "templates"
    (templates / "a.md.j2").write_text('{% extends "b.md.j2" %}\n', encoding="utf-8")
    (templates / "b.md.j2").write_text('{% extends "c.md.j2" %}\n', encoding="utf-8")
    (templates / "c.md.j2").write_text(
        '{% extends "b.md.j2" %}{% block body %}x{% endblock %}\n', encoding="utf-8"
    )
    campaign = project.write_campaign(template="a")
    with pytest.raises(PressgenError) as caught:
        render_release(prepare(campaign))
    message = str(caught.value)
    assert "extend each other in a loop: b.md.j2 -> c.md.j2 -> b.md.j2" in message
    assert caught.value.path == str(templates / "b.md.j2")
    assert "macro" not in message


def test_a_template_extending_itself_is_an_extends_loop(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project.root / "templates" / "self.md.j2").write_text(
        '{% extends "self.md.j2" %}\n', encoding="utf-8"
    )
    with pytest.raises(PressgenError, match=r"loop: self\.md\.j2 -> self\.md\.j2"):
        render_release(prepare(project.write_campaign(template="self")))


def test_a_recursive_macro_is_still_called_one(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    _peek(project.root / "templates", "{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}")
    with pytest.raises(PressgenError, match="a macro calling itself"):
        render_release(prepare(project.write_campaign(template="peek")))
