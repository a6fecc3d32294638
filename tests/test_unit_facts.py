"""The rules that keep every answer checkable: exact addresses, the document's language,
short verbatim quotes, laws with a status, no answer resting only on a law no longer in force.

Each case writes a small country file of its own (every answer unknown but the ones it
needs), so the tests do not depend on what the real profiles say today.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from hooks.sitegen import views
from hooks.sitegen.context import RenderContext
from hooks.sitegen.factrules import QUOTE_MAX_WORDS, is_home_page
from hooks.sitegen.load import load_site
from hooks.sitegen.problems import DataProblems
from tests.datafiles import copy_data

TODAY = dt.date(2026, 12, 1)
FILE = "data/countries/bo.yml"

LAW_IN_FORCE = """\
  - id: ley-3729
    name: "Ley 3729 para la Prevención del VIH-SIDA"
    number: "3729"
    year: 2007
    status: in_force
    articles: "art. 19"
    url: null
"""
LAW_REPEALED = """\
  - id: ley-vieja
    name: "Ley Vieja del VIH"
    number: null
    year: 1990
    status: repealed
    repealed_year: 2022
    articles: null
    url: null
"""
SOURCE = """\
  - id: ley-3729-art19
    title: "Ley 3729 para la Prevención del VIH-SIDA"
    language: es
    publisher: "Derechos en Acción"
    url: "https://derechosenaccion.org/author/admin/page/12"
    date: 2007-08
    accessed: 2026-12-01
    type: law
    law: ley-3729
    article: "art. 19.I.b"
    quote: "b. Para la emisión del carnet sanitario a personas de ambos sexos que se dedican al comercio sexual."
"""


def country_file(catalogue_ids, *, answer="in_law", laws=LAW_IN_FORCE, sources=SOURCE) -> str:
    answers = "".join(
        f"  {i}:\n    value: {answer}\n    sources: [ley-3729-art19]\n" if i == "test_compulsory"
        else f"  {i}:\n    value: unknown\n" for i in catalogue_ids)
    return f"""\
phase: 1
organization:
  name: null
summary:
  es: "Resumen."
indicators:
{answers}laws:
{laws}sources:
{sources}review:
  last_reviewed: 2026-12-01
changelog:
  - date: 2026-12-01
    text:
      es: "Prueba."
"""


@pytest.fixture
def project(tmp_path) -> Path:
    root = copy_data(tmp_path)
    for other in (root / "data/countries").glob("*.yml"):
        other.unlink()
    return root


def indicator_ids(root: Path) -> list[str]:
    data = yaml.safe_load((root / "data/indicators.yml").read_text(encoding="utf-8"))
    return [i["id"] for g in data["groups"] for i in g["indicators"]]


def write(root: Path, text: str) -> None:
    (root / FILE).write_text(text, encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def problems(root: Path) -> list:
    with pytest.raises(DataProblems) as caught:
        load_site(root, TODAY)
    return caught.value.problems


def test_a_well_formed_file_loads_with_its_quote_law_and_language(project):
    write(project, country_file(indicator_ids(project)))
    country = load_site(project, TODAY).countries[0]
    source = country.source("ley-3729-art19")
    assert (source.language, source.article, source.law, source.date) == ("es", "art. 19.I.b", "ley-3729", "2007-08")
    assert source.quote.startswith("b. Para la emisión del carnet sanitario")
    assert country.law("ley-3729").in_force


@pytest.mark.parametrize("url", ["https://www.tiempo.hn/", "https://www.laprensa.hn", "http://gnpplus.net/"])
def test_a_bare_home_page_is_refused_at_its_line(project, url):
    text = country_file(indicator_ids(project)).replace(
        "https://derechosenaccion.org/author/admin/page/12", url)
    write(project, text)
    found = problems(project)
    assert [(p.file, p.line, p.field) for p in found] == [(FILE, line_of(text, url), "sources[0].url")]
    assert "home page" in found[0].message_en and "exact address of the document" in found[0].message_en
    assert "página de inicio" in found[0].message_es


def test_home_page_rule_knows_a_document_from_a_front_page():
    assert is_home_page("https://www.hivjustice.net/")
    assert not is_home_page("https://www.hivjustice.net/country/bz")
    assert not is_home_page("https://ammar.org.ar/-Justicia-.html")
    assert not is_home_page("https://pensamientopenal.org/?p=13651")


def test_an_answer_resting_only_on_a_repealed_law_is_refused(project):
    text = country_file(indicator_ids(project), laws=LAW_IN_FORCE + LAW_REPEALED,
                        sources=SOURCE.replace("law: ley-3729", "law: ley-vieja"))
    write(project, text)
    found = problems(project)
    assert [(p.line, p.field) for p in found] == [
        (line_of(text, "value: in_law"), "indicators.test_compulsory.value")]
    assert "«Ley Vieja del VIH»" in found[0].message_es and "no longer in force" in found[0].message_en


def test_a_repeal_may_rest_on_the_repealed_law(project):
    ids = indicator_ids(project)
    text = country_file(ids, answer="unknown", laws=LAW_IN_FORCE + LAW_REPEALED,
                        sources=SOURCE.replace("law: ley-3729", "law: ley-vieja"))
    text = text.replace("  criminalisation_status:\n    value: unknown\n",
                        "  criminalisation_status:\n    value: repealed\n    sources: [ley-3729-art19]\n")
    text = text.replace("  test_compulsory:\n    value: unknown\n    sources: [ley-3729-art19]\n",
                        "  test_compulsory:\n    value: unknown\n")
    write(project, text)
    assert load_site(project, TODAY).countries[0].answers["criminalisation_status"].value == "repealed"
    # but the type of the repealed law is not today's answer
    write(project, text.replace("  criminalisation_law:\n    value: unknown\n",
                                "  criminalisation_law:\n    value: hiv_specific\n    sources: [ley-3729-art19]\n"))
    assert [p.field for p in problems(project)] == ["indicators.criminalisation_law.value"]


def test_a_quote_over_the_limit_is_refused(project):
    long_quote = " ".join(["palabra"] * (QUOTE_MAX_WORDS + 1))
    text = country_file(indicator_ids(project)).replace(
        "b. Para la emisión del carnet sanitario a personas de ambos sexos que se dedican al comercio sexual.", long_quote)
    write(project, text)
    found = problems(project)
    assert [(p.line, p.field) for p in found] == [(line_of(text, "quote:"), "sources[0].quote")]
    assert f"{QUOTE_MAX_WORDS + 1} words" in found[0].message_en


def test_an_unknown_language_code_is_refused(project):
    text = country_file(indicator_ids(project)).replace("language: es", "language: xx")
    write(project, text)
    found = problems(project)
    assert [(p.line, p.field) for p in found] == [(line_of(text, "language: xx"), "sources[0].language")]
    assert "'xx' is not an ISO 639 language code" in found[0].message_en


def test_a_language_is_required_and_other_iso_codes_are_accepted(project):
    write(project, country_file(indicator_ids(project)).replace("language: es", "language: gn"))
    assert load_site(project, TODAY).countries[0].sources[0].language == "gn"
    text = country_file(indicator_ids(project)).replace("    language: es\n", "")
    write(project, text)
    assert any("required field 'language' is missing" in p.message_en for p in problems(project))


@pytest.mark.parametrize("old, new, field, words", [
    ("status: repealed\n    repealed_year: 2022\n", "status: repealed\n", "laws[1]", "'repealed_year' is missing"),
    ("status: repealed\n", "status: derogada\n", "laws[1].status", "is not an allowed value"),
    ("status: repealed\n    repealed_year: 2022\n", "status: replaced\n    repealed_year: 2022\n    replaced_by: ley-nueva\n",
     "laws[1].replaced_by", "the id of another law"),
])
def test_law_status_mistakes_are_explained(project, old, new, field, words):
    text = country_file(indicator_ids(project), laws=LAW_IN_FORCE + LAW_REPEALED).replace(old, new)
    write(project, text)
    found = problems(project)
    assert any(p.field == field and words in p.message_en for p in found), [p.format() for p in found]


def test_the_profile_view_quotes_the_main_source_and_marks_an_ended_law(project):
    text = country_file(indicator_ids(project), laws=LAW_IN_FORCE + LAW_REPEALED)
    write(project, text)
    site = load_site(project, TODAY)
    country = site.countries[0]
    view = views.profile_view(RenderContext(site, "en", TODAY), country)
    fact = next(f for g in view["groups"] for f in g["facts"] if f["id"] == "test_compulsory")
    assert fact["quote"]["lang"] == "es" and fact["quote"]["cite"] == country.sources[0].url
    assert fact["quote"]["article"] == "art. 19.I.b" and fact["quote"]["law"]["name"].startswith("Ley 3729")
    assert fact["quote"]["language_note"] == "quoted in Spanish, the document's language"
    spanish = views.profile_view(RenderContext(site, "es", TODAY), country)
    assert next(f for g in spanish["groups"] for f in g["facts"] if f["id"] == "test_compulsory")["quote"]["language_note"] is None
    statuses = {law["id"]: law["status"] for law in view["laws"]}
    assert statuses == {"ley-3729": "In force", "ley-vieja": "Repealed in 2022"}
    assert {law["id"]: law["status"] for law in views.profile_view(RenderContext(site, "pt", TODAY), country)["laws"]}["ley-vieja"] \
        == "Não está mais em vigor: revogação em 2022"
    assert {law["id"]: law["status"] for law in views.profile_view(RenderContext(site, "es", TODAY), country)["laws"]}["ley-vieja"] \
        == "Ya no está vigente: se derogó en 2022"  # agrees with "Código…" as with "Ley…"


def test_an_answer_verified_by_the_member_organization_says_so(project):
    text = country_file(indicator_ids(project)).replace(
        "    sources: [ley-3729-art19]\n", "    sources: [ley-3729-art19]\n    verified: {by: AMMAR, on: 2026-11-30}\n", 1)
    write(project, text)
    site = load_site(project, TODAY)
    fact = next(f for g in views.profile_view(RenderContext(site, "es", TODAY), site.countries[0])["groups"]
                for f in g["facts"] if f["id"] == "test_compulsory")
    assert fact["verified"] == "Verificado por AMMAR el 30 de noviembre de 2026"
    unverified = [f for g in views.profile_view(RenderContext(site, "es", TODAY), site.countries[0])["groups"]
                  for f in g["facts"] if f["id"] != "test_compulsory"]
    assert all(f["verified"] is None for f in unverified)


def test_the_home_page_figure_follows_the_data(project):
    """One answer changed in a copy of the data changes the home page's sentence about it."""
    from hooks.sitegen.pages import fill_markers
    from tests.datafiles import ROOT

    ids = indicator_ids(project)
    home = (ROOT / "docs/es/index.md").read_text(encoding="utf-8")
    assert "<!-- sitio:cifras -->" in home
    write(project, country_file(ids, answer="unknown").replace(
        "  test_compulsory:\n    value: unknown\n    sources: [ley-3729-art19]\n", "  test_compulsory:\n    value: unknown\n"))
    before = fill_markers(RenderContext(load_site(project, TODAY), "es", TODAY), home, "index.md")
    assert "«¿Es obligatoria la prueba de VIH para las trabajadoras sexuales?»: todavía no hay información verificada" in before
    (project / "data/countries/pe.yml").write_text((project / FILE).read_text(encoding="utf-8"), encoding="utf-8")
    write(project, country_file(ids))  # Bolivia's file, with test_compulsory: in_law
    after = fill_markers(RenderContext(load_site(project, TODAY), "es", TODAY), home, "index.md")
    assert ("«¿Es obligatoria la prueba de VIH para las trabajadoras sexuales?»: solo hay información verificada "
            "de un país, Bolivia: Sí, por ley.") in after
    (project / "data/countries/pe.yml").write_text((project / FILE).read_text(encoding="utf-8"), encoding="utf-8")
    both = fill_markers(RenderContext(load_site(project, TODAY), "es", TODAY), home, "index.md")
    assert ("En los 2 países donde la respuesta se conoce, la ley obliga a las trabajadoras sexuales "
            "a hacerse la prueba de VIH. Sin información verificada: 0 de 2.") in both  # not "2 de los 2"
    assert before != after


def test_the_verification_sheet_lists_every_answer_with_its_source_quote_and_boxes(tmp_path):
    """What a member organization prints to check its profile, in each language."""
    import html as html_lib
    import re

    from hooks.sitegen.verification import write_sheets
    from tests.test_readable_text import glued_pairs

    root = copy_data(tmp_path)
    site = load_site(root, dt.date.today())
    country = next(c for c in site.countries if c.slug == "bo")
    paths = write_sheets(root, "BO", dt.date.today())
    assert [p.name for p in paths] == ["hoja-verificacion-bo-es.html", "hoja-verificacion-bo-en.html",
                                       "hoja-verificacion-bo-pt.html"]
    for lang, path in zip(("es", "en", "pt"), paths):
        page = path.read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in page
        assert not glued_pairs(page[page.index("<body"):])  # printed, or read as plain text
        items = re.findall(r'<div class="item">(.*?)<div class="line"></div>\s*</div>', page, re.S)
        assert len(items) == len(site.catalogue.indicators)
        boxes = [site.ui[k].get(lang)[0] for k in ("verify_correct", "verify_wrong", "verify_dont_know")]
        # In the profile's order, which the sheet is made from: each group's known answers
        # first, then its unknown ones, each part in the catalogue's order.
        in_order = [i for g in site.catalogue.groups
                    for i in sorted(g.indicators, key=lambda i: not country.answers[i.id].known)]
        assert len(in_order) == len(items)
        for indicator, item in zip(in_order, items):
            text = html_lib.unescape(item)
            assert f'<p class="q">{indicator.question.get(lang)[0]}</p>' in text, (lang, indicator.id)
            assert all(box in text for box in boxes)
            answer = country.answers[indicator.id]
            for sid in answer.sources:
                assert country.source(sid).url in text
            main = country.source(answer.sources[0]) if answer.sources else None
            if main and main.quote:
                assert f'<blockquote cite="{main.url}" lang="{main.language}">' in text
        assert "<script" not in page and "<link" not in page and "<img" not in page  # one file, asks no host


def test_the_verification_sheet_names_the_countries_when_the_code_is_wrong(tmp_path):
    from hooks.sitegen.verification import write_sheets

    root = copy_data(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        write_sheets(root, "zz", dt.date.today())
    assert "'zz' is not a country in data/countries/" in str(stopped.value) and "bo" in str(stopped.value)
