"""Data problems as GitHub annotations: escaped as workflow commands require, no more than
GitHub shows per step, and the full list in the job summary ($GITHUB_STEP_SUMMARY)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import sys

from hooks.sitegen import annotations
from hooks.sitegen.problems import DataProblems, Problem
from hooks.sitegen.session import BuildSession, Settings
from tests.datafiles import ROOT, copy_data


def problems(n: int) -> list[Problem]:
    return [Problem(f"data/countries/c{i:02}.yml", i + 1, 3, "phase", f"problema {i}", f"problem {i}") for i in range(n)]


def test_message_escapes_percent_cr_and_lf_and_properties_also_colon_and_comma():
    problem = Problem("data/a,b:c%.yml", 7, 2, "summary.es", "50% de\r\nla línea", "a: b, c\nd")
    line = annotations.annotation(problem)
    assert line == ("::error file=data/a%2Cb%3Ac%25.yml,line=7,col=2::"
                    "summary.es: 50%25 de%0D%0Ala línea / a: b, c%0Ad")
    assert problem.github_annotation() == line
    assert "\n" not in line and "\r" not in line


def test_a_problem_without_a_field_starts_with_its_message():
    line = annotations.annotation(Problem("data/countries", 1, 1, "", "no hay ningún país", "there is no country"))
    assert line.endswith("::no hay ningún país / there is no country")


def test_at_most_ten_per_step_and_the_full_list_in_the_summary(tmp_path):
    found, out, summary = problems(13), io.StringIO(), tmp_path / "summary.md"
    summary.write_text("before\n", encoding="utf-8")
    annotations.report(found, {"GITHUB_STEP_SUMMARY": str(summary)}, out)
    printed = out.getvalue().splitlines()
    assert len(printed) == annotations.PER_STEP == 10
    assert all(line.startswith("::error file=") for line in printed)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("before\n")  # appended: other steps' summaries stay
    for p in found:
        assert f"`{p.file}:{p.line}:{p.column}` `phase`: {p.message_es}" in text
    assert "3 problema(s) no se anotaron" in text and "3 problem(s) were not annotated" in text


def test_no_summary_line_about_hidden_problems_when_all_are_annotated(tmp_path):
    summary = tmp_path / "summary.md"
    annotations.report(problems(2), {"GITHUB_STEP_SUMMARY": str(summary)}, io.StringIO())
    assert "no se anotaron" not in summary.read_text(encoding="utf-8")
    out = io.StringIO()
    annotations.report(problems(2), {}, out)  # no summary file outside GitHub Actions
    assert len(out.getvalue().splitlines()) == 2


def test_summary_escapes_data_in_messages(tmp_path):
    summary = tmp_path / "summary.md"
    bad = Problem("data/ui.yml", 1, 1, "x", "«<img src=x>» [a](b) @alguien", "'<img src=x>'")
    annotations.report([bad], {"GITHUB_STEP_SUMMARY": str(summary)}, io.StringIO())
    text = summary.read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<img", text) and "[a](b)" not in text and "@alguien" not in text
    assert "\\<img" in text  # still readable as written


def test_make_check_annotates_ten_and_summarises_all(tmp_path):
    project = copy_data(tmp_path / "project")
    hn = project / "data/countries/hn.yml"
    text = hn.read_text(encoding="utf-8")
    broken = text.count("value: unknown")
    assert broken > 10
    hn.write_text(text.replace("value: unknown", "value: desconocido"), encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = subprocess.run([sys.executable, "-m", "hooks.sitegen.check", str(project)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120,
                            env={**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(re.findall(r"^::error ", result.stdout, re.M)) == 10
    total = int(re.match(r"(\d+) problema\(s\)", result.stderr).group(1))  # the report's own count
    assert total >= broken
    listed = re.findall(r"^- `data/countries/hn\.yml:\d+:\d+`", summary.read_text(encoding="utf-8"), re.M)
    assert len(listed) == total
    assert f"{total - 10} problema(s) no se anotaron" in summary.read_text(encoding="utf-8")


def test_the_build_refusal_annotates_the_same_way(tmp_path, monkeypatch, capsys):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    session = BuildSession(ROOT, serving=False, settings=Settings(today=dt.date(2026, 12, 1), annotate=True))
    message = session.refusal(DataProblems(problems(12)))
    printed = capsys.readouterr().out.splitlines()
    assert len([line for line in printed if line.startswith("::error ")]) == 10
    assert "12 problema(s)" in message
    assert "2 problema(s) no se anotaron" in summary.read_text(encoding="utf-8")
