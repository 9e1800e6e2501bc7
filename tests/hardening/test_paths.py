"""Path confinement: every file a campaign or manifest names stays inside the project.

A campaign shared by someone else must not make pressgen read, and print into a release,
a file from elsewhere on the machine. Each field that names a file (dataset, the extra
datasets such as a rate's population, quote set, template, letterhead, and a manifest's
data file) is tried with an absolute path, a `../` escape and a symlink pointing out,
through the real `pressgen render` and through the pipeline the TUI uses.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.release.pipeline import prepare, render_release
from tests.hardening.project import (
    SECRET,
    Project,
    Run,
    letterhead_docx,
    make_project,
    run_here,
    write_dataset,
)

RATE = """
[figures.rate]
method = "rate"
column = "n"
per = 1000
population = { dataset = "pop", column = "people", on = "area" }
"""


def _link(link: Path, target: Path) -> str:
    link.symlink_to(target)
    return link.stem


def _dataset(how: str) -> Callable[[Project], tuple[Path, Path, str]]:
    def make(p: Project) -> tuple[Path, Path, str]:
        ref = {
            "absolute": str(p.outside / "d.toml"),
            "dotdot": "../../outside/d.toml",
            "symlink": "",
        }[how]
        if how == "symlink":
            ref = _link(p.root / "datasets" / "linked.toml", p.outside / "d.toml")
        return p.write_campaign(dataset=ref), p.campaign, "dataset"

    return make


def _population(how: str) -> Callable[[Project], tuple[Path, Path, str]]:
    def make(p: Project) -> tuple[Path, Path, str]:
        ref = {"absolute": str(p.outside / "pop.toml"), "dotdot": "../../outside/pop.toml"}.get(
            how, ""
        )
        if how == "symlink":
            ref = _link(p.root / "datasets" / "linked.toml", p.outside / "pop.toml")
        camp = p.write_campaign(extra=f'[datasets]\npop = "{ref}"\n', tail=RATE)
        return camp, camp, "datasets.pop"

    return make


def _quotes(how: str) -> Callable[[Project], tuple[Path, Path, str]]:
    def make(p: Project) -> tuple[Path, Path, str]:
        ref = {"absolute": str(p.outside / "q.toml"), "dotdot": "../../outside/q.toml"}.get(how, "")
        if how == "symlink":
            ref = _link(p.root / "quotes" / "linked.toml", p.outside / "q.toml")
        return p.write_campaign(quotes=ref), p.campaign, "quotes"

    return make


def _template(how: str) -> Callable[[Project], tuple[Path, Path, str]]:
    def make(p: Project) -> tuple[Path, Path, str]:
        ref = {
            "absolute": str(p.outside / "x.md.j2"),
            "dotdot": "../../outside/x.md.j2",
            "etc": "/etc/pressgen-hostile.md.j2",
        }.get(how, "")
        if how == "symlink":
            (p.root / "templates" / "linked.md.j2").symlink_to(p.outside / "x.md.j2")
            ref = "linked"
        return p.write_campaign(template=ref), p.campaign, "template"

    return make


def _letterhead(how: str) -> Callable[[Project], tuple[Path, Path, str]]:
    def make(p: Project) -> tuple[Path, Path, str]:
        letterhead_docx(p.outside / "lh.docx", SECRET)
        ref = {"absolute": str(p.outside / "lh.docx"), "dotdot": "../../outside/lh.docx"}.get(
            how, ""
        )
        if how == "symlink":
            (p.root / "templates" / "lh.docx").symlink_to(p.outside / "lh.docx")
            ref = "../templates/lh.docx"
        camp = p.write_campaign(extra=f'letterhead = "{ref}"\n')
        return camp, camp, "letterhead"

    return make


def _data_file(how: str) -> Callable[[Project], tuple[Path, Path, str]]:
    def make(p: Project) -> tuple[Path, Path, str]:
        manifest = p.root / "datasets" / "leaky.toml"
        write_dataset(p.root / "datasets", "leaky", "area,n\nNorth,1\n")
        if how == "symlink":
            (p.root / "datasets" / "leaky.csv").unlink()
            (p.root / "datasets" / "leaky.csv").symlink_to(p.outside / "d.csv")
        else:
            target = str(p.outside / "d.csv") if how == "absolute" else "../../outside/d.csv"
            text = manifest.read_text("utf-8").replace('file = "leaky.csv"', f'file = "{target}"')
            manifest.write_text(text, "utf-8")
        return p.write_campaign(dataset="leaky"), manifest, "file"

    return make


CASES: dict[str, Callable[[Project], tuple[Path, Path, str]]] = {}
for _how in ("absolute", "dotdot", "symlink"):
    CASES[f"dataset-{_how}"] = _dataset(_how)
    CASES[f"population-{_how}"] = _population(_how)
    CASES[f"quotes-{_how}"] = _quotes(_how)
    CASES[f"template-{_how}"] = _template(_how)
    CASES[f"letterhead-{_how}"] = _letterhead(_how)
    CASES[f"datafile-{_how}"] = _data_file(_how)
CASES["template-etc"] = _template("etc")


@pytest.fixture(scope="module")
def cli_outcomes(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[Run, Path, str, Path]]:
    """Every case through the command (cli.main, in this process, one after another)."""
    base = tmp_path_factory.mktemp("paths-cli")
    user = base / "user"  # module-scoped, so the per-test user folders are not set yet
    env = {f"PRESSGEN_{k}_DIR": str(user / k.lower()) for k in ("CONFIG", "CACHE", "DATA")}
    jobs = {}
    for name, make in CASES.items():
        project = make_project(base / name)
        campaign, blamed, field = make(project)
        out = project.root / "out.docx"
        jobs[name] = (project, campaign, blamed, field, out)

    def run(name: str) -> tuple[Run, Path, str, Path]:
        project, campaign, blamed, field, out = jobs[name]
        args = ["render", str(campaign)]
        if name.startswith("letterhead"):
            args += ["-f", "docx", "-o", str(out)]
        return run_here(*args, cwd=project.root, env=env), blamed, field, out

    return {name: run(name) for name in jobs}


@pytest.mark.parametrize("case", sorted(CASES))
def test_cli_refuses_a_file_outside_the_project(
    case: str, cli_outcomes: dict[str, tuple[Run, Path, str, Path]]
) -> None:
    run, blamed, field, out = cli_outcomes[case]
    assert run.status == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr
    assert lines[0].startswith(f"pressgen: {blamed}: {field}: "), lines[0]
    assert "outside" in lines[0]
    assert SECRET not in run.stdout and SECRET not in run.stderr
    assert not out.exists()


@pytest.mark.parametrize("case", sorted(CASES))
def test_pipeline_refuses_a_file_outside_the_project(tmp_path: Path, case: str) -> None:
    project = make_project(tmp_path)
    campaign, blamed, field = CASES[case](project)
    with pytest.raises(PressgenError) as caught:
        render_release(prepare(campaign), drafts=True)
    assert caught.value.path == str(blamed)
    assert caught.value.where == field
    assert SECRET not in str(caught.value)


def test_a_template_named_by_path_inside_the_template_folders_still_renders(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path)
    team = project.root / "templates" / "team"
    team.mkdir()
    (team / "part.md.j2").write_text("from the team part", encoding="utf-8")
    (team / "local.md.j2").write_text(
        '{% extends "base.md.j2" %}{% block body %}{% include "team/part.md.j2" %}{% endblock %}\n',
        encoding="utf-8",
    )
    for ref in ("../templates/t.md.j2", "t.md.j2", str(project.root / "templates" / "t.md.j2")):
        project.write_campaign(template=ref)
        markdown = render_release(prepare(project.campaign)).markdown
        assert "Total 70 across South and North." in markdown
    project.write_campaign(template=str(team / "local.md.j2"))
    assert "from the team part" in render_release(prepare(project.campaign)).markdown


def test_a_campaign_cannot_widen_the_search_path_for_includes(tmp_path: Path) -> None:
    """The old hole: a template named in another folder put that folder on the search
    path, so its `{% include "secret.txt" %}` printed a neighbouring file."""
    project = make_project(tmp_path)
    inside = project.root / "templates" / "peek.md.j2"
    for include in ("secret.txt", "../../outside/secret.txt", str(project.outside / "secret.txt")):
        inside.write_text(
            '{% extends "base.md.j2" %}{% block body %}{% include "' + include + '" %}'
            "{% endblock %}\n",
            encoding="utf-8",
        )
        project.write_campaign(template="peek")
        with pytest.raises(PressgenError, match="template not found") as caught:
            render_release(prepare(project.campaign))
        assert SECRET not in str(caught.value)


def test_an_included_file_linked_out_of_the_templates_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project.root / "templates" / "part.md.j2").symlink_to(project.outside / "secret.txt")
    (project.root / "templates" / "peek.md.j2").write_text(
        '{% extends "base.md.j2" %}{% block body %}{% include "part.md.j2" %}{% endblock %}\n',
        encoding="utf-8",
    )
    project.write_campaign(template="peek")
    with pytest.raises(PressgenError, match="outside the template folders") as caught:
        render_release(prepare(project.campaign))
    assert SECRET not in str(caught.value)


def test_links_that_stay_inside_the_project_are_followed(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    shared = project.root / "shared"
    shared.mkdir()
    write_dataset(shared, "d", "area,n\nEast,50\n")
    (project.root / "datasets" / "linked").symlink_to(shared)
    project.write_campaign(dataset="../datasets/linked/d.toml")
    assert "Total 50 across East." in render_release(prepare(project.campaign)).markdown


def test_a_linked_manifest_reads_the_data_beside_the_real_file(tmp_path: Path) -> None:
    """A manifest file linked into datasets/ brings its own data: `file` is read beside
    the manifest the link points to, and a same-named file beside the link is not."""
    project = make_project(tmp_path)
    shared = project.root / "shared"
    shared.mkdir()
    write_dataset(shared, "e", "area,n\nEast,50\n")
    (project.root / "datasets" / "e.csv").write_text("area,n\nWest,7\n", "utf-8")
    (project.root / "datasets" / "e.toml").symlink_to(shared / "e.toml")
    project.write_campaign(dataset="e")
    assert "Total 50 across East." in render_release(prepare(project.campaign)).markdown


def test_the_users_own_folders_are_trusted(tmp_path: Path) -> None:
    """What the TUI offers from the user's pressgen folder, saved into a campaign by
    absolute path, loads again."""
    project = make_project(tmp_path / "p")
    mine = Path(os.environ["PRESSGEN_CONFIG_DIR"]) / "datasets"
    mine.mkdir(parents=True)
    write_dataset(mine, "own", "area,n\nWest,90\n")
    project.write_campaign(dataset=str(mine / "own.toml"))
    assert "Total 90 across West." in render_release(prepare(project.campaign)).markdown


def test_tui_shows_the_refusal_and_caches_no_preview(tmp_path: Path) -> None:
    import asyncio

    from pressgen.storage.locations import cache_directory
    from pressgen.tui.app import PressgenApp
    from pressgen.tui.error_panel import ErrorPanel
    from pressgen.tui.preview_cache import preview_key
    from tests.tui.conftest import SIZE, ready

    project = make_project(tmp_path)
    campaign = project.write_campaign(template=str(project.outside / "x.md.j2"))
    app = PressgenApp(campaign, preview_key=preview_key(campaign))
    app.animation_level = "none"

    async def drive() -> str:
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            message = str(app.query_one(ErrorPanel).message)
            await pilot.press("ctrl+q")
        return message

    message = asyncio.run(drive())
    assert f"{campaign}: template: " in message and SECRET not in message
    previews = cache_directory() / "previews"
    cached = list(previews.glob("*.md")) if previews.is_dir() else []
    assert all(SECRET not in p.read_text("utf-8") for p in cached)
    assert not cached
