"""Loading and checking the data files, without MkDocs: every kind of editor mistake
gets a `file:line:col` message in Spanish and English, and nothing is half-loaded."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.datafiles import copy_data, edit
from hooks.sitegen.load import load_site
from hooks.sitegen.problems import DataProblems
from hooks.sitegen.yamlsource import load_yaml

ROOT = Path(__file__).resolve().parents[1]
# The day the fixture below was written: its dates are in the past, none in the future.
TODAY = dt.date(2026, 12, 1)
FIXTURE = Path(__file__).parent / "fixtures" / "country-ar.yml"


@pytest.fixture
def project(tmp_path):
    """A copy of the data, for breaking on purpose; Argentina's file is a frozen copy
    (tests/fixtures/country-ar.yml), so these tests do not change when the profile does."""
    root = copy_data(tmp_path)
    shutil.copy(FIXTURE, root / "data/countries/ar.yml")
    return root


def problems_of(project: Path) -> list:
    with pytest.raises(DataProblems) as caught:
        load_site(project, TODAY)
    return caught.value.problems


def test_real_data_loads(tmp_path):
    project = copy_data(tmp_path)
    site = load_site(project, dt.date.today())
    files = sorted(p.stem.upper() for p in (project / "data/countries").glob("*.yml"))
    assert [c.iso2 for c in site.countries] == files


def test_yaml_positions_point_at_the_value(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("a:\n  b: [1, 2]\n  c:\n    - d: yes\n", encoding="utf-8")
    doc, problems = load_yaml(path, tmp_path)
    assert not problems
    assert doc.data == {"a": {"b": [1, 2], "c": [{"d": "yes"}]}}  # unquoted yes stays text
    assert doc.where(("a", "c", 0, "d")) == (4, 10)
    assert doc.where(("a", "b", 1)) == (2, 10)


@pytest.mark.parametrize("old, new, field, words", [
    ("value: partially_criminalised", "value: partialy_criminalised",
     "indicators.legal_model.value", ['"partialy_criminalised" is not a possible answer', 'Did you mean partially_criminalised?']),
    ("phase: 1", "phase: 3", "phase", ["'3' is not an allowed value", "1, 2"]),
    ("last_reviewed: 2026-12-01", "last_reviewed: 2026-02-30", "review.last_reviewed", ["not a real date"]),
    ("last_reviewed: 2026-12-01", "last_reviewed: 2027-01-10", "review.last_reviewed", ["in the future"]),
    ("sources: [tsj-caba-2000, iaepenal-2011]", "sources: [tsj-caba-200, iaepenal-2011]",
     "indicators.selling_criminalised.sources[0]",
     ["'tsj-caba-200' is not in this file's 'sources' list", 'did you mean "tsj-caba-2000"']),
    ('url: "https://it.scribd.com/document/318035700/promocion-y-facilitacion-125-bis-pdf"', 'url: "it.scribd.com/document"',
     "sources[0].url", ["not a web address"]),
    ("  check_interval:\n    value: unknown\n", "",
     "indicators", ["answer 'check_interval' is missing"]),
    ("  buying_criminalised:\n    value: \"no\"\n    sources: [grbavac-2016, tsj-caba-2000-oferta]\n",
     "  buying_criminalised:\n    value: \"no\"\n", "indicators.buying_criminalised.value", ["without a source"]),
    ("phase: 1", "phase: one", "phase", ["'one' is not an allowed value"]),
    # a required field missing, a wrong type, a missing Spanish text
    ("phase: 1\n", "", "", ["required field 'phase' is missing"]),
    ("    sources: [tsj-caba-2000, iaepenal-2011]", "    sources: tsj-caba-2000",
     "indicators.selling_criminalised.sources", ["expected a list"]),
    ('      es: "Vender sexo no es delito, pero el Código Penal', '      fr: "Vender sexo no es delito, pero el Código Penal',
     "indicators.legal_model.note", ["required field 'es' is missing"]),
])
def test_each_mistake_names_file_line_field_and_fix(project, old, new, field, words):
    line = edit(project, "data/countries/ar.yml", old, new)
    problems = problems_of(project)
    matching = [p for p in problems if p.field == field]
    assert matching, [p.format() for p in problems]
    problem = matching[0]
    assert problem.file == "data/countries/ar.yml"
    assert line <= problem.line <= line + 3 or field in ("indicators", "")
    for word in words:
        assert word in problem.message_en
    assert problem.message_es and problem.message_es != problem.message_en
    assert problem.format().startswith(f"data/countries/ar.yml:{problem.line}:{problem.column}: {field + ': ' if field else ''}")


def test_syntax_error_and_tabs_and_duplicates(project):
    edit(project, "data/countries/bo.yml", "phase: 1", "phase: 1\nphase: 2")
    edit(project, "data/countries/cl.yml", "phase: 1", "phase: [1")
    edit(project, "data/countries/co.yml", "phase: 1", "\tphase: 1")
    problems = problems_of(project)
    by_file = {p.file: p for p in problems}
    assert "duplicate key 'phase'" in by_file["data/countries/bo.yml"].message_en
    assert "invalid YAML" in by_file["data/countries/cl.yml"].message_en
    assert "a tab starts this line" in by_file["data/countries/co.yml"].message_en
    # every problem of every file at once
    assert {"data/countries/bo.yml", "data/countries/cl.yml", "data/countries/co.yml"} <= set(by_file)


def test_unknown_country_code_is_refused(project):
    shutil.copy(project / "data/countries/ar.yml", project / "data/countries/xx.yml")
    problems = problems_of(project)
    assert any(p.file == "data/countries/xx.yml" and "ISO" in p.message_en for p in problems)


def test_catalogue_mistakes_stop_before_answers_are_checked(project):
    edit(project, "data/indicators.yml", "scale: compulsion", "scale: compulsionn")
    problems = problems_of(project)
    assert any(p.file == "data/indicators.yml" and 'did you mean "compulsion"' in p.message_en for p in problems)


def test_report_lists_all_problems_and_no_traceback(project):
    edit(project, "data/countries/ar.yml", "phase: 1", "phase: 7")
    edit(project, "data/countries/bo.yml", "phase: 1", "phase: 8")
    report = DataProblems(problems_of(project)).report()
    assert "2 problem(s)" in report and "Traceback" not in report
    assert report.index("data/countries/ar.yml") < report.index("data/countries/bo.yml")


def test_a_file_with_a_schema_problem_still_gets_its_other_problems_reported(project):
    edit(project, "data/countries/ar.yml", "accessed: 2026-12-01", "accessed: 2026-02-30")
    edit(project, "data/countries/ar.yml", "value: partially_criminalised", "value: partialy_criminalised")
    problems = problems_of(project)
    fields = {p.field for p in problems}
    assert "sources[0].accessed" in fields and "indicators.legal_model.value" in fields
    assert len({(p.file, p.line, p.column) for p in problems}) == len(problems)


def test_a_member_organization_needs_its_source_too(project):
    line = edit(project, "data/countries/ar.yml", "  sources: [ammar-justicia]\n", "")
    problems = [p for p in problems_of(project) if p.field == "organization.name"]
    assert problems and "is a fact too" in problems[0].message_en
    assert problems[0].line == line - 3  # the organization's name, three lines above
