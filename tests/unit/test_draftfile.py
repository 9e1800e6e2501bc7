"""Draft files (storage.draftfile): written and read back whole, every bad field a
one-line error naming the file and the field, the recent list kept to ten."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgen.errors import PressgenError
from pressgen.storage import draftfile
from pressgen.storage.draftfile import DraftFile, read_draft_file, save_draft_file

NASTY = "Headline\n\n\"\"\"triple\"\"\" and '''single''' \\ back\\slash\ttab\n\nLast line\n"


def sample(project: Path, **changes: object) -> DraftFile:
    values: dict[str, object] = {
        "campaign": project / "campaigns" / "met-cyber-training.toml",
        "locale": "de_DE",
        "style": "uk-press",
        "dataset": project / "datasets" / "met-cyber-training.toml",
        "quotes_in": ("marsh-budget",),
        "quotes_out": ("adeyemi-frontline",),
        "markdown": NASTY,
        "figures": {"first_responder_total": "4,534"},
    }
    values |= changes
    return DraftFile(**values)  # type: ignore[arg-type]


def test_round_trip_keeps_everything(project: Path) -> None:
    path = project / "drafts" / "spring.draft.toml"
    draft = sample(project)
    save_draft_file(draft, path, project, force=False)
    text = path.read_text(encoding="utf-8")
    assert 'campaign = "campaigns/met-cyber-training.toml"' in text  # relative
    back = read_draft_file(path, project)
    assert back.campaign.resolve() == draft.campaign.resolve()
    assert back.dataset is not None and back.dataset.resolve() == draft.dataset.resolve()  # type: ignore[union-attr]
    assert (back.locale, back.style, back.group) == ("de_DE", "uk-press", None)
    assert back.quotes_in == ("marsh-budget",) and back.quotes_out == ("adeyemi-frontline",)
    assert back.markdown == NASTY
    assert back.figures == {"first_responder_total": "4,534"}
    assert back.saved_at


def test_unedited_draft_has_no_text(project: Path) -> None:
    path = project / "x.draft.toml"
    save_draft_file(sample(project, markdown=None), path, project, force=False)
    assert read_draft_file(path, project).markdown is None


def test_existing_file_is_not_overwritten_without_force(project: Path) -> None:
    path = project / "mine.draft.toml"
    path.write_text("my own notes", encoding="utf-8")
    with pytest.raises(PressgenError, match="exists"):
        save_draft_file(sample(project), path, project, force=False)
    assert path.read_text(encoding="utf-8") == "my own notes"
    save_draft_file(sample(project), path, project, force=True)
    assert read_draft_file(path, project).markdown == NASTY


def write(project: Path, text: str) -> Path:
    path = project / "bad.draft.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD_HEAD = 'format = 1\ncampaign = "campaigns/met-cyber-training.toml"\n'


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("format = 1\ncampaign = = 2\n", ": line 2: ", "invalid TOML"),
        ('campaign = "campaigns/met-cyber-training.toml"\n', "format", "missing"),
        ("format = 9\n" + GOOD_HEAD[11:], "format", "newer pressgen"),
        ('format = 1\ncampaign = "campaigns/gone.toml"\n', "campaign", "no such file"),
        ('format = 1\ncampaign = "/etc/passwd"\n', "campaign", "outside the project"),
        ('format = 1\ncampaign = "../../etc/hosts"\n', "campaign", "outside the project"),
        ("format = 1\n", "campaign", "missing"),
        (GOOD_HEAD + '[picks]\ndataset = "datasets/none.toml"\n', "picks.dataset", "no such"),
        (GOOD_HEAD + '[picks]\nlocal = "de_DE"\n', "picks.local", "unknown field"),
        (GOOD_HEAD + "[picks]\nlocale = 3\n", "picks.locale", "string"),
        (GOOD_HEAD + '[quotes]\nin = "marsh"\n', "quotes.in", "list of quote ids"),
        (GOOD_HEAD + "[text]\nedited = true\n", "text.markdown", "required"),
        (GOOD_HEAD + "extra = 1\n", "extra", "unknown field"),
    ],
)
def test_bad_draft_is_one_line_naming_file_and_field(
    project: Path, text: str, where: str, says: str
) -> None:
    path = write(project, text)
    with pytest.raises(PressgenError) as err:
        read_draft_file(path, project)
    line = str(err.value)
    assert "\n" not in line and str(path) in line and where in line and says in line, line


def test_data_changes_are_told() -> None:
    said = draftfile.data_changes({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "4", "d": "5"})
    assert said == [
        "figure b was 2 when the draft was saved, now 4",
        "figure c is no longer computed (it read 3)",
        "figure d is new since the draft was saved",
    ]
    assert draftfile.data_changes({"a": "1"}, {"a": "1"}) == []


def test_recent_list_keeps_ten_newest_first_and_drops_missing(project: Path) -> None:
    paths = []
    for i in range(12):
        path = project / f"d{i}.draft.toml"
        save_draft_file(sample(project), path, project, force=False)
        paths.append(path.resolve())
    present, missing = draftfile.recent_drafts()
    assert present == paths[::-1][:10] and missing == []
    paths[11].unlink()
    present, missing = draftfile.recent_drafts()
    assert missing == [paths[11]] and present == paths[::-1][1:10]
    assert draftfile.recent_drafts() == (present, [])  # dropped for good
    draftfile.remember(paths[5])
    assert draftfile.recent_drafts()[0][0] == paths[5]


def test_unreadable_recent_list_starts_anew(project: Path) -> None:
    recent = draftfile.recent_path()
    recent.parent.mkdir(parents=True, exist_ok=True)
    recent.write_text("drafts = [", encoding="utf-8")
    assert draftfile.recent_drafts() == ([], [])
    path = project / "new.draft.toml"
    save_draft_file(sample(project), path, project, force=False)
    assert draftfile.recent_drafts()[0] == [path.resolve()]


def test_suffix_and_name() -> None:
    assert draftfile.with_suffix(Path("a/spring")) == Path("a/spring.draft.toml")
    assert draftfile.with_suffix(Path("a/spring.toml")) == Path("a/spring.toml")
    assert draftfile.draft_name(Path("a/spring.draft.toml")) == "spring"
