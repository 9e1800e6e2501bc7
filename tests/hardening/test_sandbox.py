"""Rendering untrusted templates: the sandbox, the loader's confinement and the limits."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from pressgen.errors import PressgenError
from pressgen.release.filters import FILTERS
from pressgen.release.render import TemplateInfo, render_template
from pressgen.release.sandbox import LimitedSandbox, LimitError, Limits, check_binop


def _render(
    folder: Path, source: str, context: dict[str, Any] | None = None, name: str = "t"
) -> str:
    path = folder / f"{name}.md.j2"
    path.write_text(source, "utf-8")
    info = TemplateInfo(path.name, path, (), (), None)
    return render_template(info, [folder], context or {})


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ 'A' * 10**9 }}", "repeated string"),
        ("{{ [0] * 10**9 }}", "repeated string"),
        ("{{ 10**9 * 'A' }}", "repeated string"),
        ("{{ 2 ** 40000000000 }}", "a power"),
        ("{{ (10 ** 20000) * (10 ** 20000) }}", "a number"),
        ("{{ 'x' | center(10**9) }}", "larger than the limit"),
        ("{{ 'x' | indent(10**9) }}", "larger than the limit"),
        ("{{ 'x'.zfill(10**9) }}", "larger than the limit"),
        ("{{ ('\t' * 100000).expandtabs(1000) }}", "expanded string"),
        ("{{ '%*d' % (10**9, 1) }}", "width"),
        ("{{ '%(a)0999999999d' % {'a': 1} }}", "width"),
        ("{{ '{0:{1}}'.format(1, 10**9) }}", "larger than the limit"),
        ("{{ '%0999999999d' | format(1) }}", "width"),
        ("{{ ('A' * 100000) | replace('', 'BB' * 100) }}", "replaced string"),
        ("{{ ('B' * 100000).join(range(99999) | map('string')) }}", "joined string"),
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}", "recursion"),
        ("{{ ''.__class__ }}", "unsafe"),
        ("{{ cycler }}", "not defined"),
        ("{{ joiner }}", "not defined"),
        ("{{ namespace }}", "not defined"),
        ("{{ lipsum }}", "not defined"),
        ("{% set d = {} %}{{ d.update({'a': 1}) }}", "unsafe"),
        ("{{ range(10**9) | list }}", "Range too big"),
    ],
)
def test_limits_and_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, message: str
) -> None:
    # The limit under test must be the one that stops the render: on a machine loaded
    # many times over (two suites beside other work), building 99,999 strings for a
    # join took longer than the default 5-second time limit.
    monkeypatch.setenv("PRESSGEN_RENDER_TIMEOUT", "60")
    start = time.monotonic()
    with pytest.raises(PressgenError, match=message) as info:
        _render(tmp_path, source)
    assert "t.md.j2" in str(info.value)
    # A bound that only says the limit stopped it: the size limit acts in milliseconds,
    # but a loaded 2-core machine can stretch that; an unbounded render would take
    # minutes and gigabytes.
    assert time.monotonic() - start < 60


def test_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSGEN_RENDER_TIMEOUT", "0.3")
    loop = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    with pytest.raises(
        PressgenError, match=r"t.md.j2: line 1: rendering took longer than the limit of 0.3 seconds"
    ):
        _render(tmp_path, loop, name="t")
    # The interrupt is spent: the next render in the same thread is unaffected.
    assert _render(tmp_path, "ok {{ 1 + 1 }}", name="u") == "ok 2\n"


def test_time_limit_in_a_worker_thread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The TUI renders in worker threads; the watchdog interrupts those too."""
    monkeypatch.setenv("PRESSGEN_RENDER_TIMEOUT", "0.3")
    loop = "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}"
    result: list[BaseException | str] = []

    def work() -> None:
        try:
            result.append(_render(tmp_path, loop, name="w"))
        except PressgenError as exc:
            result.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(5)
    assert not thread.is_alive()
    assert isinstance(result[0], PressgenError)
    assert "took longer" in str(result[0])


def test_output_limit_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSGEN_RENDER_MAX_OUTPUT", "1000")
    with pytest.raises(PressgenError, match="longer than the limit of 1,000 characters"):
        _render(tmp_path, "{% for i in range(100) %}{{ 'x' * 50 }}{% endfor %}")


def test_bad_limit_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRESSGEN_RENDER_TIMEOUT", "soon")
    with pytest.raises(PressgenError, match="PRESSGEN_RENDER_TIMEOUT must be a number"):
        Limits.from_environment()


def test_honest_operations_pass() -> None:
    limits = Limits()
    check_binop(limits, "*", "ab", 3)
    check_binop(limits, "**", 10, 6)
    check_binop(limits, "%", "%d%%", 5)
    check_binop(limits, "**", 1, 10**12)


def test_symlink_out_of_the_template_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("s3cret", "utf-8")
    os.symlink(secret, folder / "leak.md.j2")
    (folder / "inside.md.j2").write_text("in {{ 1 }}", "utf-8")
    os.symlink(folder / "inside.md.j2", folder / "alias.md.j2")
    (folder / "main.md.j2").write_text('{% include "leak.md.j2" %}', "utf-8")
    (folder / "ok.md.j2").write_text('{% include "alias.md.j2" %}', "utf-8")
    info = TemplateInfo("main.md.j2", folder / "main.md.j2", (), (), None)
    with pytest.raises(PressgenError, match="outside the template folders"):
        render_template(info, [folder], {})
    info = TemplateInfo("ok.md.j2", folder / "ok.md.j2", (), (), None)
    assert render_template(info, [folder], {}) == "in 1\n"


@pytest.mark.parametrize("ref", ["../secret.txt", "/etc/hostname", "sub/../../secret.txt"])
def test_include_cannot_leave_the_folder(tmp_path: Path, ref: str) -> None:
    (tmp_path / "secret.txt").write_text("s3cret", "utf-8")
    folder = tmp_path / "templates"
    folder.mkdir()
    with pytest.raises(PressgenError, match="not found"):
        _render(folder, f'{{% include "{ref}" %}}')


class _Probe:
    """A callable a template could hand to a filter; it must never be called."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> str:
        self.calls += 1
        return "called"


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_no_filter_calls_a_callable_from_the_template(name: str) -> None:
    env = LimitedSandbox()
    env.filters.update(FILTERS)
    probe = _Probe()
    for source in (
        f"{{{{ probe | {name} }}}}",
        f"{{{{ 5 | {name}(probe) }}}}",
        f"{{{{ 5 | {name}(probe, probe) }}}}",
    ):
        with contextlib.suppress(Exception):  # refusing is fine; calling the probe is not
            env.from_string(source).render(probe=probe)
    assert probe.calls == 0


def test_interrupts_racing_the_end_of_a_render_leave_the_watchdog_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Renders that finish just as their limit is hit must not leave the watchdog blind."""
    monkeypatch.setenv("PRESSGEN_RENDER_TIMEOUT", "0.06")
    racing = "{% for i in range(300) %}{% for j in range(300) %}{% endfor %}{% endfor %}"
    for _ in range(25):
        with contextlib.suppress(PressgenError):
            _render(tmp_path, racing, name="race")
    start = time.monotonic()
    with pytest.raises(PressgenError, match="took longer"):
        _render(
            tmp_path,
            "{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}",
            name="slow",
        )
    assert time.monotonic() - start < 20  # the limit stopped it; unbounded it runs for hours


@pytest.mark.parametrize(
    "source",
    [
        "{{ compare.__class__ }}",
        "{{ compare._data }}",
        "{{ compare.total._c }}",
        "{{ compare.total._fmt }}",
        "{{ compare.total.__init__.__globals__ }}",
        "{{ compare.total.share_of_total.__class__ }}",
    ],
)
def test_batch_comparisons_keep_their_internals(tmp_path: Path, source: str) -> None:
    """The batch's comparison views are read on the sandbox's fast path; names starting
    with an underscore still go through the sandbox's checks and are refused."""
    from decimal import Decimal

    from pressgen.batch.groups import Comparison, Standing
    from pressgen.batch.views import CompareMap
    from pressgen.text.formatting import Formatter
    from pressgen.text.style import resolve_style

    fmt = Formatter("en_GB", resolve_style("uk-press", {}))
    standing = Standing("total", 100, Decimal(50), 2, True)
    compare = CompareMap(fmt, {"total": Comparison("count", 60, 1, False, standing)})
    assert (
        _render(
            tmp_path,
            "{{ compare.total.rank }} {{ compare.total.value }}",
            {"compare": compare},
            name="ok",
        )
        == "1 60\n"
    )
    with pytest.raises(PressgenError):
        _render(tmp_path, source, {"compare": compare})


def test_compiled_templates_on_disk_are_filed_by_the_code_generator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size guard on `~` lives in the code a template compiles to. Code compiled and
    kept on disk by an earlier generator (without the guard) must not be loaded by a
    later one: the cache is filed by the generator's source and the syntax options."""
    from jinja2.compiler import CodeGenerator

    from pressgen.release import render
    from pressgen.release.compiled import bytecode_cache, compiler_fingerprint
    from pressgen.release.sandbox import LimitedSandbox

    guarded = compiler_fingerprint(LimitedSandbox.code_generator_class, render.SYNTAX)
    assert guarded != compiler_fingerprint(CodeGenerator, render.SYNTAX)
    assert guarded != compiler_fingerprint(
        LimitedSandbox.code_generator_class, {**render.SYNTAX, "trim_blocks": False}
    )
    # Jinja's own generator compiles `~` unguarded; its code is filed elsewhere, so
    # pressgen's environment compiles the template afresh, with the guard.
    monkeypatch.setenv("PRESSGEN_CACHE_DIR", str(tmp_path / "cache"))
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "big.md.j2").write_text("{{ ('x' * 1000) ~ ('y' * 1000) }}", "utf-8")
    unguarded = bytecode_cache(CodeGenerator, render.SYNTAX)
    ours = bytecode_cache(LimitedSandbox.code_generator_class, render.SYNTAX)
    assert unguarded is not None and ours is not None
    plain = LimitedSandbox(loader=render.ConfinedLoader([str(templates)]), bytecode_cache=unguarded)
    plain.code_generator_class = CodeGenerator
    plain.get_template("big.md.j2")  # compiled and kept on disk without the guard
    folders = tmp_path / "cache" / "templates"
    filed = {p.name: len(list(p.iterdir())) for p in folders.iterdir()}
    theirs = compiler_fingerprint(CodeGenerator, render.SYNTAX | {"finalize": True})
    assert filed == {
        theirs: 1,
        compiler_fingerprint(
            LimitedSandbox.code_generator_class, render.SYNTAX | {"finalize": True}
        ): 0,
    }
    env = LimitedSandbox(
        loader=render.ConfinedLoader([str(templates)]),
        bytecode_cache=ours,
        limits=Limits(max_string=1500),
    )
    with pytest.raises(LimitError):
        env.get_template("big.md.j2").render()


def test_macros_are_still_what_the_sandbox_fast_path_assumes() -> None:
    """LimitedSandbox.call calls a template's Macro directly, as the general path does
    for it: safely callable, no sized type's method, the evaluation context passed
    first. Should Jinja change any of that, the shortcut must change with it."""
    from jinja2.runtime import Macro
    from jinja2.utils import _PassArg

    from pressgen.release.codegen import MarkdownMacro

    for kind in (Macro, MarkdownMacro):
        for mark in ("unsafe_callable", "alters_data", "jinja_pass_arg", "__wrapped__", "__self__"):
            assert not hasattr(kind, mark), (kind, mark)
        assert _PassArg.from_obj(kind.__call__) is _PassArg.eval_context
    assert MarkdownMacro.__call__ is Macro.__call__  # only _invoke differs
    env = LimitedSandbox()
    tmpl = env.from_string(
        "{% macro m(x, y=2) %}{{ x * y }}{% endmacro %}{{ m(3) }}{% for i in [1] %}{{ m(i, y=4) }}{% endfor %}"
    )
    assert tmpl.render() == "64"
    called = "{% macro w() %}<{{ caller() }}>{% endmacro %}{% call w() %}x{% endcall %}"
    assert env.from_string(called).render() == "<x>"
    with pytest.raises(LimitError):
        env.from_string("{% macro m(x) %}{{ x }}{% endmacro %}{{ m('a' * 10**8) }}").render()


def test_template_macros_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """The macros templates compile to (MarkdownMacro, see codegen) are called by the
    shortcut, not Jinja's general call path: with that path broken, they still render
    (and anything else called still goes through it)."""
    from jinja2.sandbox import SandboxedEnvironment

    def broken(*args: object, **kwargs: object) -> object:
        raise AssertionError("the general call path")

    env = LimitedSandbox()
    tmpl = env.from_string(
        "{% macro m(x, y=2) %}[{{ x * y }}]{% endmacro %}{{ m(3) }}{{ m(1, y=5) }}"
    )
    monkeypatch.setattr(SandboxedEnvironment, "call", broken)
    assert tmpl.render() == "[6][5]"
    with pytest.raises(AssertionError, match="general call path"):
        env.from_string("{{ 'a b'.split() }}").render()
