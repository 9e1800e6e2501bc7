"""`pressgen check`, `lint` and `approve` from the command line, and the quote register."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from pressgen.check import Checker
from pressgen.cli import main
from pressgen.release.pipeline import Prepared, prepare, render_release
from pressgen.release.quotes import load_quotes
from tests.conftest import EXAMPLE


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_check_exit_statuses(
    release: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clean = _write(tmp_path, "clean.md", release)
    assert main(["check", str(EXAMPLE), str(clean)]) == 0
    bad = _write(tmp_path, "bad.md", release.replace("4,444", "4,445"))
    capsys.readouterr()
    assert main(["check", str(EXAMPLE), str(bad)]) == 1
    out = capsys.readouterr().out
    assert (
        f"{bad}:13:" in out
        and "“4,445” is not any of the release's figures; nearest is attendances on the "
        "Introduction course (4,444): did you mean 4,444?"
        in out
    )
    assert main(["check", str(EXAMPLE), str(tmp_path / "missing.md")]) == 2
    assert main(["check", str(EXAMPLE), str(_write(tmp_path, "x.pdf", "x"))]) == 2
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    assert main(["check", str(EXAMPLE), str(junk)]) == 2
    assert "not a readable DOCX" in capsys.readouterr().err


def test_check_json(release: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write(tmp_path, "bad.txt", release.replace("52 per cent", "62 per cent"))
    assert main(["check", str(EXAMPLE), str(bad), "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["ok"] is False
    (f,) = [f for f in doc["findings"] if f["severity"] == "error"]
    assert (f["line"], f["text"], f["nearest"]) == (11, "62 per cent", "first_responder_students")


def test_check_with_locale_and_style(prepared: Prepared, tmp_path: Path) -> None:
    text = render_release(prepared, locale="de_DE", style="de-presse").markdown
    draft = _write(tmp_path, "de.md", text)
    assert main(["check", str(EXAMPLE), str(draft), "-l", "de_DE", "-s", "de-presse"]) == 0
    assert main(["check", str(EXAMPLE), str(draft), "-l", "xx_NOPE"]) == 2


def test_lint_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(_write(tmp_path, "ok.md", "Twelve forces replied.\n"))]) == 0
    assert main(["lint", str(_write(tmp_path, "bad.md", "The e-leaning course.\n"))]) == 1
    assert "1:5: warning: misspelt 'e-leaning'" in capsys.readouterr().out


def test_approve_records_the_hash_and_edits_void_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    qfile = project / "quotes" / "met-cyber-training.toml"
    before = qfile.read_text(encoding="utf-8")
    args = [
        "approve",
        str(qfile),
        "adeyemi-investment",
        "--by",
        "Rob Adeyemi",
        "--on",
        "2019-11-29",
        "--expires",
        "2020-06-01",
    ]
    assert main(args) == 0
    after = qfile.read_text(encoding="utf-8")
    assert after.startswith(before.split("[[quotes]]")[0])  # comments and speakers untouched
    q = load_quotes(qfile).quote("adeyemi-investment")
    assert q is not None and q.approved_hash == q.text_hash()
    assert q.approval_problem(dt.date(2020, 1, 1)) is None
    assert q.approval_problem(dt.date(2020, 7, 1)) == "approval expired on 2020-06-01"
    edited = after.replace("whose cases increasingly", "whose cases often")
    qfile.write_text(edited, encoding="utf-8")
    q = load_quotes(qfile).quote("adeyemi-investment")
    assert q is not None and q.approval_problem(dt.date(2020, 1, 1)) == "text edited after approval"
    assert main(["approve", str(qfile), "nope", "--by", "X"]) == 2
    assert main(["approve", str(qfile), "adeyemi-investment", "--by", "X", "--on", "soon"]) == 2


def test_render_refuses_a_quote_edited_after_approval(project: Path) -> None:
    qfile = project / "quotes" / "met-cyber-training.toml"
    assert (
        main(
            [
                "approve",
                str(qfile),
                "marsh-communities",
                "--by",
                "Helen Marsh",
                "--on",
                "2019-11-27",
            ]
        )
        == 0
    )
    text = qfile.read_text(encoding="utf-8").replace("earn the trust", "win the trust")
    qfile.write_text(text, encoding="utf-8")
    assert main(["render", str(project / "campaigns" / "met-cyber-training.toml")]) == 2
    prepared = prepare(project / "campaigns" / "met-cyber-training.toml")
    rendered = render_release(prepared, drafts=True)
    assert "TEXT EDITED AFTER APPROVAL" in rendered.markdown
    report = Checker(prepared).check(rendered.markdown)
    assert any(
        f.code == "quote-unapproved" and "edited after approval" in f.message
        for f in report.problems
    )


def test_check_flags_a_quote_edited_in_the_draft(prepared: Prepared, release: str) -> None:
    text = release.replace("better placed to earn the trust", "much better placed to earn trust")
    report = Checker(prepared).check(text)
    (f,) = [f for f in report.problems if f.code == "quote-edited"]
    assert "Helen Marsh approved on 2019-11-27" in f.message


def test_check_flags_an_unapproved_quote_pasted_in(prepared: Prepared, release: str) -> None:
    quote = prepared.quotes.quote("adeyemi-investment")
    assert quote is not None
    text = release.replace("**ENDS**", f"He added: “{quote.text}”\n\n**ENDS**")
    report = Checker(prepared).check(text)
    assert [f.message for f in report.problems] == ["quote 'adeyemi-investment' is not approved"]


@pytest.mark.parametrize("locale", ["en_GB", "de_DE"])
def test_check_one_release_of_a_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], locale: str
) -> None:
    """A force's release, as the batch wrote it, checks clean against its own group's
    figures; an edited number is caught with the group's figure as the nearest, and so
    is the share that no longer follows from it."""
    from pressgen.batch import run_batch
    from tests.conftest import ROOT

    forces = ROOT / "campaigns" / "forces-cyber-training.toml"
    out = tmp_path / "out"
    run_batch(forces, out, jobs=1, locale=locale)
    kent = out / "kent-police.md"
    args = ["check", str(forces), str(kent), "-l", locale]
    capsys.readouterr()
    assert main([*args, "--group", "Kent Police"]) == 0
    assert re.search(r" (\d+) numbers, \1 matched; ok", capsys.readouterr().err)
    # Without --group the draft is checked against the national figures, and a hint says why.
    assert main(args) == 1
    assert "--group NAME (the campaign batches by 'force')" in capsys.readouterr().err
    total = "1,292" if locale == "en_GB" else "1.292"
    edited = _write(
        tmp_path,
        "kent.md",
        kent.read_text(encoding="utf-8").replace(
            f"{total} First Responder" if locale == "en_GB" else f"Mit {total} Teilnahmen",
            "1,392 First Responder" if locale == "en_GB" else "Mit 1.392 Teilnahmen",
        ),
    )
    assert main(["check", str(forces), str(edited), "-l", locale, "--group", "Kent Police"]) == 1
    found = capsys.readouterr().out
    assert f"nearest is attendances on the First Responder course ({total})" in found
    assert "[share-mismatch]" in found
    assert main([*args, "--group", "Kent"]) == 2
    assert "did you mean 'Kent Police'?" in capsys.readouterr().err


def test_figures_of_one_group(capsys: pytest.CaptureFixture[str]) -> None:
    """Where a force release's numbers come from: the group's figures, with provenance."""
    from tests.conftest import ROOT

    forces = ROOT / "campaigns" / "forces-cyber-training.toml"
    capsys.readouterr()
    assert main(["figures", str(forces), "--group", "Kent Police", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["group"] == "Kent Police"
    total = next(f for f in doc["figures"] if f["name"] == "first_responder_total")
    assert total["value"] == 1292 and total["text"] == "1,292"
    assert total["provenance"]["filter"].startswith("force = 'Kent Police' and course = ")
    assert main(["figures", str(forces), "--group", "Atlantis"]) == 2


@pytest.mark.parametrize("locale", ["de_DE", "de_CH"])
def test_an_edited_translated_quote_is_caught(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], locale: str
) -> None:
    """The German release quotes the approved German translation: an edit to it needs
    approving again, just as an edit to the English original does."""
    draft = tmp_path / "de.md"
    assert main(["render", str(EXAMPLE), "-l", locale, "-o", str(draft)]) == 0
    capsys.readouterr()
    assert main(["check", str(EXAMPLE), str(draft), "-l", locale]) == 0
    text = draft.read_text(encoding="utf-8")
    assert "verstehen, wie Menschen online leben" in text
    edited = _write(
        tmp_path, "edited.md", text.replace("wie Menschen online", "wie die Menschen online")
    )
    assert main(["check", str(EXAMPLE), str(edited), "-l", locale]) == 1
    out = capsys.readouterr().out
    assert "quote 'marsh-communities' differs from the text Helen Marsh approved" in out


BRACKETED_SET = '''# Quotes whose text has lines a line-based editor would misread.
[speakers.kim]
name = "Jo Kim"  # the spokesperson

[[quotes]]
id = "brackets"
speaker = "kim"
text = """We said so at the time:
[quotes]
approved = false
and we stand by it."""

[quotes.translations]
de = """Wir sagten es damals:
[[quotes]]
und dabei bleibt es."""

[[quotes]]
id = "other"
speaker = "kim"
text = "Another."
'''


def test_approve_keeps_multiline_quotes_whose_lines_look_like_toml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A multi-line quote with a line starting with `[` was split by the line-based editor:
    the approval went into the quote's text, "approved" was printed and the quote stayed
    unapproved. Now the file is edited round-trip, and only the approval keys change."""
    import tomllib

    qfile = _write(tmp_path, "q.toml", BRACKETED_SET)
    before = load_quotes(qfile).quote("brackets")
    assert before is not None
    args = ["approve", str(qfile), "brackets", "--by", "Jo Kim", "--on", "2024-05-01"]
    assert main(args) == 0
    assert "approved 'brackets'" in capsys.readouterr().out
    after = load_quotes(qfile).quote("brackets")
    assert after is not None and after.text == before.text
    assert after.translations == before.translations
    assert after.approval_problem(dt.date(2024, 6, 1)) is None
    assert after.approved_hash == before.text_hash() and after.approved_by == "Jo Kim"
    text = qfile.read_text(encoding="utf-8")
    assert "# the spokesperson" in text and text.startswith("# Quotes whose text")
    old, new = tomllib.loads(BRACKETED_SET), tomllib.loads(text)
    approval = {"approved", "approved_by", "approved_on", "approved_hash"}
    assert {k: v for k, v in new["quotes"][0].items() if k not in approval} == {
        k: v for k, v in old["quotes"][0].items() if k not in approval
    }
    assert new["quotes"][1] == old["quotes"][1] and new["speakers"] == old["speakers"]
    # Approving again replaces the approval (a new date), it does not add a second one.
    assert main([*args[:-1], "2024-05-02"]) == 0
    again = tomllib.loads(qfile.read_text(encoding="utf-8"))["quotes"][0]
    assert again["approved_on"] == dt.date(2024, 5, 2)


def test_approve_of_a_quote_in_an_inline_array(tmp_path: Path) -> None:
    qfile = _write(
        tmp_path,
        "q.toml",
        'quotes = [\n  { id = "a", speaker = "kim", text = "Said." },  # one\n]\n\n'
        '[speakers.kim]\nname = "Jo Kim"\n',
    )
    assert main(["approve", str(qfile), "a", "--by", "Jo Kim", "--on", "2024-05-01"]) == 0
    q = load_quotes(qfile).quote("a")
    assert q is not None and q.approval_problem(dt.date(2024, 5, 2)) is None
    assert "# one" in qfile.read_text(encoding="utf-8")


def test_approve_a_quote_whose_text_holds_a_control_character(tmp_path: Path) -> None:
    """Loaders clean control characters out of strings; the approval is of the text as
    loaded, and the rest of the file is compared as written."""
    qfile = _write(
        tmp_path,
        "q.toml",
        '[speakers.kim]\nname = "Jo Kim"\n\n[[quotes]]\nid = "a"\nspeaker = "kim"\n'
        'text = "Said \\u001b[31mloudly."\n',
    )
    assert main(["approve", str(qfile), "a", "--by", "Jo Kim", "--on", "2024-05-01"]) == 0
    q = load_quotes(qfile).quote("a")
    assert q is not None and q.approval_problem(dt.date(2024, 5, 2)) is None
    assert "\\u001b[31m" in qfile.read_text(encoding="utf-8")  # the user's text, untouched
