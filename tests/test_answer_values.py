"""An answer's value that is not a code of its scale: the message lists the possible answers
with their labels (in each language) and suggests the code meant when the word typed is a
code or a label, nearly, in any of the three languages, whatever its accents or case."""

from __future__ import annotations

import datetime as dt

import pytest

from hooks.sitegen.answervalues import closest_code
from hooks.sitegen.load import load_site
from hooks.sitegen.problems import DataProblems
from tests.datafiles import copy_data, edit

ANSWER = 'value: "no"\n    sources: [laprensa-reforma-2015-grupos'  # Honduras, test_compulsory


def problem_for(tmp_path, typed: str):
    project = copy_data(tmp_path / "project")
    line = edit(project, "data/countries/hn.yml", ANSWER, ANSWER.replace('"no"', typed, 1))
    with pytest.raises(DataProblems) as raised:
        load_site(project, dt.date(2026, 12, 1))
    found = [p for p in raised.value.problems if p.field == "indicators.test_compulsory.value"]
    assert len(found) == 1, raised.value.report()
    assert found[0].file == "data/countries/hn.yml" and found[0].line == line
    return found[0]


def test_the_issue_example_lists_codes_with_their_labels(tmp_path):
    problem = problem_for(tmp_path, '"sí"')
    assert problem.message_es == ("«sí» no es una respuesta posible; respuestas posibles: in_law («Sí, por ley»), "
                                  "in_practice («En la práctica, no por ley»), no («No»), unknown")
    assert problem.message_en == ('"sí" is not a possible answer; possible answers: in_law (“Yes, in law”), '
                                  "in_practice (“In practice, not in law”), no (“No”), unknown")


def test_a_label_typed_instead_of_its_code_is_recognised(tmp_path):
    problem = problem_for(tmp_path, '"Sí, por ley"')
    assert problem.message_es.startswith("«Sí, por ley» no es una respuesta posible; respuestas posibles: in_law (")
    assert problem.message_es.endswith(", unknown. ¿Quisiste decir in_law?")
    assert problem.message_en.endswith(", unknown. Did you mean in_law?")


@pytest.mark.parametrize("typed, code", [
    ("SI POR LEY", "in_law"),  # case and accents ignored
    ("sí, por ley", "in_law"),
    ("Yes, in law", "in_law"),  # English label
    ("sim, por lei", "in_law"),  # Portuguese label
    ("Na pratica, nao por lei", "in_practice"),
    ("En la práctica", "in_practice"),
    ("in-law", "in_law"),  # the code, nearly
    ("in law", "in_law"),
    ("unknwon", "unknown"),
    ("NO", "no"),
])
def test_closest_code_compares_codes_and_labels_in_three_languages(site_data, typed, code):
    assert closest_code(typed, site_data.catalogue.indicator("test_compulsory")) == code


@pytest.mark.parametrize("typed", ["sí", "quizás", "true", "obligatoria"])
def test_no_guess_when_nothing_is_near(site_data, typed):
    # "sí" alone could be in_law or in_practice: guessing would put a fact in an editor's mouth.
    assert closest_code(typed, site_data.catalogue.indicator("test_compulsory")) is None
