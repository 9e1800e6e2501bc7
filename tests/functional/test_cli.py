"""The CLI contract: commands, outputs and exit statuses. Most commands run in-process
(tests.cli: the same `main`, its printed lines and exit status); a real subprocess is
kept where the process is the point: output to a pipe, the status the shell sees."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.cli import run_cli
from tests.conftest import EXAMPLE, ROOT


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str, cwd: Path = ROOT) -> Ran:
    """`pressgen ARGS` in this process."""
    out = run_cli(list(args), cwd)
    return Ran(out.status, out.stdout, out.stderr)


def run_process(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`pressgen ARGS` as a child process, as a shell runs it."""
    return subprocess.run(
        [sys.executable, "-m", "pressgen.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=dict(os.environ),
        timeout=60,
    )


def assert_clean_error(proc: Ran | subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip() and "warning:" not in line]
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_render_to_stdout_by_name_and_path() -> None:
    by_path = run_process("render", str(EXAMPLE))
    by_name = run("render", "met-cyber-training")
    assert by_path.returncode == 0 and by_name.returncode == 0
    assert by_path.stdout == by_name.stdout
    assert "4,534" in by_path.stdout


def test_render_locale_accepts_dash_form() -> None:
    a = run("render", "met-cyber-training", "-l", "en-US")
    assert a.returncode == 0, a.stderr
    assert "4,534" in a.stdout


def test_render_writes_file_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "release.md"
    assert run("render", "met-cyber-training", "-o", str(out)).returncode == 0
    first = out.read_text()
    out.write_text("my edits")
    again = run("render", "met-cyber-training", "-o", str(out))
    assert_clean_error(again, str(out), "--force")
    assert out.read_text() == "my edits"
    forced = run("render", "met-cyber-training", "-o", str(out), "--force")
    assert forced.returncode == 0
    assert out.read_text() == first


def test_figures_json_contract() -> None:
    proc = run("figures", "met-cyber-training", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["campaign"] == "met-cyber-training"
    assert data["locale"] == "en_GB"
    by_name = {f["name"]: f for f in data["figures"]}
    total = by_name["first_responder_total"]
    assert {"name", "kind", "value", "text", "provenance"} <= set(total)
    assert total["value"] == 4534 and total["text"] == "4,534"
    assert total["provenance"]["source"] == "met-cyber-training.csv"
    assert total["provenance"]["rows"] == 18
    share = by_name["first_responder_students"]
    assert share["kind"] == "share" and share["text"] == "52 per cent"
    assert share["value"].startswith("0.52073224")  # exact, as a string, never a float


def test_figures_table_is_readable() -> None:
    proc = run("figures", "met-cyber-training")
    assert proc.returncode == 0
    assert "first_responder_dci" in proc.stdout
    assert "text:     three" in proc.stdout
    assert "small number" in proc.stdout
    # A formula reads no rows: it says what it is computed from, never "0 matched".
    block = proc.stdout.split("three_courses_total", 1)[1].split("\n\n", 1)[0]
    assert "computed from: first_responder_total, introduction_total" in block
    assert "matched" not in block


def test_validate_the_project() -> None:
    proc = run("validate")
    assert proc.returncode == 0, proc.stderr


def test_bad_campaign_field_is_one_line(tmp_path: Path, project: Path) -> None:
    camp = project / "campaigns" / "met-cyber-training.toml"
    camp.write_text(
        camp.read_text().replace('locale = "en_GB"', 'locale = "en_GB"\ncolour = "blue"')
    )
    assert_clean_error(
        run("render", str(camp)), "met-cyber-training.toml", "colour", "unknown field"
    )


def test_bad_quote_speaker_names_the_field(project: Path) -> None:
    q = project / "quotes" / "met-cyber-training.toml"
    q.write_text(
        q.read_text().replace(
            'speaker = "adeyemi"\ntext = """Cyber', 'speaker = "tim"\ntext = """Cyber'
        )
    )
    proc = run("validate", str(q))
    assert_clean_error(
        proc, "quotes/met-cyber-training.toml: quotes[1].speaker: no speaker 'tim' in this set"
    )


def test_bad_cell_names_line_and_column(project: Path) -> None:
    csv = project / "datasets" / "met-cyber-training.csv"
    csv.write_text(
        csv.read_text().replace(
            "Introduction,2017/18,Inspector,19", "Introduction,2017/18,Inspector,nineteen"
        )
    )
    proc = run("render", str(project / "campaigns" / "met-cyber-training.toml"))
    assert_clean_error(proc, "met-cyber-training.csv", "line 30", "'attendees'", "'nineteen'")


def test_invalid_toml_names_the_line(project: Path) -> None:
    camp = project / "campaigns" / "met-cyber-training.toml"
    camp.write_text("title = \n" + camp.read_text())
    assert_clean_error(
        run("render", str(camp)), "met-cyber-training.toml", "line 1", "invalid TOML"
    )


def test_unknown_locale_and_style_and_campaign() -> None:
    assert_clean_error(run("render", "met-cyber-training", "-l", "xx_YY"), "unknown locale 'xx_YY'")
    assert_clean_error(run("render", "met-cyber-training", "-l", ""), "locale")
    assert_clean_error(
        run("render", "met-cyber-training", "-s", "tabloid"), "unknown house style 'tabloid'"
    )
    # The status as a shell sees it, from a real process.
    assert_clean_error(run_process("render", "no-such-campaign"), "no campaign 'no-such-campaign'")


def test_bad_usage_exits_2() -> None:
    proc = run_process("render")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
