"""The built site's data package (datapackage.json), per-country files and "How to cite" blocks."""

from __future__ import annotations

import json
import re

import frictionless
import jsonschema
import pytest
from referencing import Registry, Resource

from hooks.sitegen import model as m
from tests.citeblocks import cite_block, parse_bibtex


def load(built_site, path):
    return json.loads((built_site.root / path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def package(built_site):
    return load(built_site, "datapackage.json")


def newest_date(site):
    days = [e.date for c in site.countries for e in c.changelog] + [c.review.last_reviewed for c in site.countries]
    days += [c.review.verified_on for c in site.countries if c.review.verified_on]
    days += [a.verified.on for c in site.countries for a in c.answers.values() if a.verified]
    return max(days)


def test_package_validates_with_frictionless(built_site):
    report = frictionless.validate(str(built_site.root / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "message"])[:10]


def test_package_names_its_version_licence_sources_and_every_data_file(built_site, site_data, package):
    assert package["name"] and package["title"]
    assert package["version"] == newest_date(site_data).strftime("%Y.%m.%d")
    assert package["licenses"][0]["path"] == site_data.settings.data_license[1]
    assert package["licenses"][0]["title"] == site_data.settings.data_license[0] == "CC BY 4.0"
    assert package["sources"]
    paths = {r["path"] for r in package["resources"]}
    data_files = {p.relative_to(built_site.root).as_posix() for p in (built_site.root / "data").rglob("*")
                  if p.is_file() and not p.name.endswith(".schema.json")}
    assert paths == data_files
    for resource in package["resources"]:
        if resource["format"] == "csv":
            assert resource["type"] == "table" and resource["schema"]["fields"]
        else:
            assert (built_site.root / resource["jsonSchema"]).is_file()


def test_json_files_match_their_json_schemas(built_site, site_data, package):
    schemas = {name: load(built_site, f"data/{name}") for name in ("countries.schema.json", "country.schema.json")}
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in schemas.items())
    checked = 0
    for resource in package["resources"]:
        if resource["format"] == "json":
            schema = load(built_site, resource["jsonSchema"])
            validator = jsonschema.Draft202012Validator(schema, registry=registry,
                                                        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
            validator.validate(load(built_site, resource["path"]))
            checked += 1
    assert checked == 1 + len(site_data.countries)


def test_one_file_per_country_with_its_entry_of_countries_json(built_site, site_data, package):
    whole = load(built_site, "data/countries.json")
    for country in site_data.countries:
        one = load(built_site, f"data/countries/{country.slug}.json")
        assert one["country"] == next(c for c in whole["countries"] if c["iso2"] == country.iso2)
        assert one["indicators"] == whole["indicators"] and one["dataset"]["license"] == whole["license"]
        assert one["dataset"]["version"] == package["version"]
        assert [c["date"] for c in one["changelog"]] == [c.date.isoformat() for c in country.changelog]


def test_data_change_log_lists_every_line_newest_first(built_site, site_data):
    resource = frictionless.Resource(str(built_site.root / "data/changelog.csv"))
    rows = resource.read_rows()
    assert len(rows) == sum(len(c.changelog) for c in site_data.countries)
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)


@pytest.mark.parametrize("lang", m.LANGUAGES)
def test_every_profile_has_a_folded_cite_block_with_the_version(built_site, site_data, package, lang):
    prefix = "" if lang == m.DEFAULT_LANGUAGE else f"{lang}/"
    for country in site_data.countries:
        url = f"{prefix}paises/{country.slug}/"
        page = built_site.page(url)
        block = cite_block(page.html)
        assert "<details" in page.html and "open" not in re.match(r"<details[^>]*>", page.html[
            page.html.index('<details class="rt-citation"'):]).group(0)
        assert package["version"] in block["plain"]
        kind, key, fields = parse_bibtex(block["bibtex"])
        assert fields["version"] == package["version"] and country.slug in key
        [item] = json.loads(block["csl"])
        assert item["version"] == package["version"] and item["language"] == lang
        links = re.findall(r'<a href="([^"]+)" download>', block["html"])
        assert [built_site.resolve(url, href) for href in links] == [f"data/countries/{country.slug}.json"]
        # after the sources, before the change log
        assert page.html.index('id="sources"') < page.html.index('class="rt-citation"') < page.html.index('id="changelog"')


@pytest.mark.parametrize("lang", m.LANGUAGES)
def test_methodology_cites_the_dataset_and_lists_the_new_files(built_site, site_data, package, lang):
    url = ("" if lang == m.DEFAULT_LANGUAGE else f"{lang}/") + "metodologia/"
    page = built_site.page(url)
    block = cite_block(page.html)
    assert package["version"] in block["plain"]
    assert json.loads(block["csl"])[0]["version"] == package["version"]
    targets = {built_site.resolve(url, href) for tag, href, _ in page.links if tag == "a"}
    for path in ("datapackage.json", "data/changelog.csv", *(f"data/countries/{c.slug}.json" for c in site_data.countries)):
        assert path in targets and (built_site.root / path).is_file()


def test_hostile_texts_stay_text_in_the_cite_blocks_and_the_package(edge_site):
    """tests/hostile.py puts markup in the Network's name: each format still parses, with it whole."""
    from tests.hostile import MARKUP
    for url in ("paises/ar/", "en/metodologia/"):
        block = cite_block(edge_site.page(url).html)
        assert MARKUP not in block["html"] and MARKUP in block["plain"]
        assert MARKUP in json.loads(block["csl"])[0]["author"][0]["literal"]
        parse_bibtex(block["bibtex"])
    assert frictionless.validate(str(edge_site.root / "datapackage.json")).valid
