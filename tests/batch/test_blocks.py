"""BlockCache: which blocks a batch replays, and that replaying changes no output."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.batch.blocks import BlockCache
from pressgen.errors import PressgenError
from pressgen.release.render import environment, read_template_info, render_template

LAYOUT = """{% macro plain(x) %}[{{ x }}]{% endmacro %}
{% macro figure_of(x) %}{{ f.total }}{{ x }}{% endmacro %}
{% set shouted = release | upper %}
{% block const %}R={{ release }}{{ plain(release) }}{% endblock %}
{% block keyed %}n={{ suppressed_cells }}{% endblock %}
{% block grp %}{{ group }}{% endblock %}
{% block via_macro %}{{ figure_of(1) }}{% endblock %}
{% block top_set %}{{ shouted }}{% endblock %}
{% block included %}{% include "part.md.j2" %}{% endblock %}
{% block parent %}P{% endblock %}
{% block scoped_one scoped %}{{ release }}{% endblock %}
{% block outer %}<{% block inner %}I{% endblock %}>{% endblock %}
{% block shuffled %}{{ [1, 2, 3] | random }}{% endblock %}
{% block missing_name %}{% if nothing is defined %}yes{% else %}no{% endif %}{% endblock %}
"""
CHILD = """{% extends "layout.md.j2" %}
{% block parent %}{{ super() }}C{% endblock %}
"""
VARYING = ("f", "group", "suppressed_cells")
UNIQUE = ("f", "group")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "layout.md.j2").write_text(LAYOUT, encoding="utf-8")
    (tmp_path / "child.md.j2").write_text(CHILD, encoding="utf-8")
    (tmp_path / "part.md.j2").write_text("{{ release }}", encoding="utf-8")
    return tmp_path


def _replayed(folder: Path) -> dict[str, bool]:
    env = environment([folder])
    cache = BlockCache(env, VARYING, UNIQUE)
    child = env.get_template("child.md.j2")
    layout = env.get_template("layout.md.j2")
    blocks = {**layout.blocks, **child.blocks}
    return {name: cache.wrapped(fn, "child.md.j2") is not None for name, fn in blocks.items()}


def test_only_blocks_that_read_nothing_unfollowable_are_replayed(folder: Path) -> None:
    assert _replayed(folder) == {
        "const": True,  # shared names and a macro that reads only its argument
        "keyed": True,  # a plain varying value, part of the key
        "missing_name": True,  # a name no release has is the same for all of them
        "grp": False,  # never the same twice
        "via_macro": False,  # the macro reads the group's figures
        "top_set": False,  # a name set at the top level is not followed
        "included": False,
        "parent": False,  # super()
        "scoped_one": False,
        "outer": False,  # a nested block may be overridden
        "inner": True,
        "shuffled": False,
    }


class _Total:
    def __init__(self, n: int) -> None:
        self.total = n


def _render(folder: Path, cache: BlockCache | None, ctx: dict[str, object]) -> str:
    info = read_template_info("child.md.j2", folder / "child.md.j2")
    prepare = cache.install if cache is not None else None
    return render_template(info, [folder], ctx, prepare)


def test_replayed_output_is_what_a_full_render_gives(folder: Path) -> None:
    (folder / "layout.md.j2").write_text(
        LAYOUT.replace("{{ [1, 2, 3] | random }}", "-"), encoding="utf-8"
    )
    cache = BlockCache(environment([folder]), VARYING, UNIQUE)
    for i in range(6):
        ctx = {
            "release": "rel*",
            "group": f"g{i}",
            "f": {"total": _Total(i)},
            "suppressed_cells": i % 2,
        }
        assert _render(folder, cache, ctx) == _render(folder, None, ctx)
    # A varying value that is not plain this time renders the block instead of keying it.
    ctx = {"release": "rel*", "group": "x", "f": {"total": 1}, "suppressed_cells": _Total(3)}
    assert _render(folder, cache, ctx) == _render(folder, None, ctx)


def test_a_failing_block_fails_every_time(tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text("{% block b %}{{ nothing }}{% endblock %}", encoding="utf-8")
    cache = BlockCache(environment([tmp_path]), VARYING, UNIQUE)
    info = read_template_info("t.md.j2", tmp_path / "t.md.j2")
    for _ in range(2):
        with pytest.raises(PressgenError, match="nothing"):
            render_template(info, [tmp_path], {}, cache.install)


# -- the layout replayed around the blocks (BlockCache.render) --------------------------

PLAIN_LAYOUT = """{% macro boxed(x) %}[{{ x }}]{% endmacro %}
# {% block headline %}{{ release | upper }}{% endblock %}
{% if release %}Released.{% endif %}
{% for n in [1, 2] %}{% block repeated %}r{% endblock %}{% endfor %}

{% block body %}{{ group }} has {{ f.total.total }}{% endblock %}
{% block boxes %}{{ boxed(release) }}{% endblock %}
{% block notes %}{{ suppressed_cells }} suppressed{% endblock %}
"""
PLAIN_CHILD = """{% extends "plain.md.j2" %}
{% block headline %}{{ group }}: {{ release }}{% endblock %}
"""


def _plain(tmp_path: Path, layout: str = PLAIN_LAYOUT) -> Path:
    (tmp_path / "plain.md.j2").write_text(layout, encoding="utf-8")
    (tmp_path / "child.md.j2").write_text(PLAIN_CHILD, encoding="utf-8")
    (tmp_path / "part.md.j2").write_text("{{ group }}", encoding="utf-8")
    return tmp_path


def _contexts() -> list[dict[str, object]]:
    return [
        {"release": "rel*", "group": f"g{i}", "f": {"total": _Total(i)}, "suppressed_cells": i % 2}
        for i in range(5)
    ]


def _by_plan(folder: Path, cache: BlockCache, ctx: dict[str, object]) -> str:
    info = read_template_info("child.md.j2", folder / "child.md.j2")
    return render_template(info, [folder], ctx, cache.render)


def test_a_recorded_layout_gives_what_a_full_render_gives(tmp_path: Path) -> None:
    folder = _plain(tmp_path)
    cache = BlockCache(environment([folder]), VARYING, UNIQUE)
    for ctx in _contexts():
        assert _by_plan(folder, cache, ctx) == _render(folder, None, ctx)
    # The layout was recorded: the release is its text and the blocks that vary.
    plan = cache._plans["child.md.j2"]
    assert plan is not None
    assert [p for p in plan if not isinstance(p, str)]  # the varying blocks
    assert any(isinstance(p, str) and "rel" in p for p in plan)  # `boxes`, folded in


@pytest.mark.parametrize(
    "change",
    [
        ("{% if release %}", "{% if group %}"),  # the layout reads a varying name
        ("Released.", "{% include 'part.md.j2' %}"),  # it includes a template
        ("{% block body %}", "{% filter upper %}{% block body %}"),  # a block inside a filter
        ("{% block boxes %}{{ boxed(release) }}", "{% block boxes %}{{ boxed(group) }}"),
        ("{% if release %}", "{% set shouted = group %}{% if release %}"),
    ],
)
def test_a_layout_that_is_not_shared_is_rendered_in_full(
    tmp_path: Path, change: tuple[str, str]
) -> None:
    layout = PLAIN_LAYOUT.replace(*change)
    if "filter upper" in layout:
        layout = layout.replace(
            "{% endblock %}\n{% block boxes", "{% endblock %}{% endfilter %}\n{% block boxes", 1
        )
    folder = _plain(tmp_path, layout)
    cache = BlockCache(environment([folder]), VARYING, UNIQUE)
    for ctx in _contexts():
        assert _by_plan(folder, cache, ctx) == _render(folder, None, ctx)
    assert cache._plans["child.md.j2"] is None


def test_the_forces_batch_replays_its_layout(tmp_path: Path) -> None:
    """The shipped layout and the cyber-training template are replayable: a batch
    renders only their varying blocks (should a template change break that, the batch
    stays correct but slow, and this says so)."""
    from pressgen.batch.groups import build_group, comparable, rank_groups
    from pressgen.batch.job import prepare_job
    from pressgen.batch.release import group_markdown, render_state
    from pressgen.release.views import FigureMap
    from tests.conftest import ROOT

    campaign = ROOT / "campaigns" / "forces-cyber-training.toml"
    job = prepare_job(campaign, tmp_path, None, "md", None, None, False, False, False)
    built = {g: build_group(job.inputs, g) for g in job.groups[:3]}
    values = {g: comparable(b.figures) for g, b in built.items() if b.figures is not None}
    ranking = rank_groups(job.loaded.campaign.figures, job.national, values)
    state = render_state(job)
    assert state.blocks is not None
    for g, b in built.items():
        assert b.figures is not None
        view = FigureMap(state.fmt, b.figures)
        group_markdown(job, state, g, view, ranking.comparisons(g, values[g]))
    plan = state.blocks._plans[job.info.name]
    assert plan is not None
    varying = {p.__name__ for p in plan if not isinstance(p, str)}
    assert varying == {"block_headline", "block_body", "block_local_angle", "replay"}
