"""Comparison tables, maps, open data and home-page figures, as built."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import yaml

from hooks.sitegen.localize import country_name
from tests.htmlpages import assert_size_shown
from hooks.sitegen.model import DEFAULT_LANGUAGE, LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
PREFIX = {lang: ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") for lang in LANGUAGES}
SVG = "{http://www.w3.org/2000/svg}"


def raw_countries() -> dict:
    """The country files read straight from YAML, independently of the site's code."""
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data/countries").glob("*.yml"))}


def label(site_data, indicator_id, code, lang):
    if code == "unknown":
        return site_data.ui["no_verified_information"].get(lang)[0]
    return site_data.catalogue.indicator(indicator_id).scale_value(code).label.get(lang)[0]


def test_comparison_tables_hold_every_country_and_indicator(built_site, site_data):
    sex_work = [i.id for g in site_data.catalogue.groups if g.id == "sex-work" for i in g.indicators]
    hiv = [i.id for i in site_data.catalogue.indicators if i.key and i.group_id != "sex-work"]
    for lang in LANGUAGES:
        url = f"{PREFIX[lang]}comparacion/"
        page = built_site.page(url)
        tables = re.findall(r'<table class="rt-compare".*?</table>', page.article, re.S)
        assert len(tables) == 2
        for table, indicators in zip(tables, (hiv, sex_work)):
            headers = [html.unescape(h) for h in re.findall(r'<abbr title="[^"]*">(.*?)</abbr>', table)]
            assert headers == [site_data.catalogue.indicator(i).short_title(lang) for i in indicators]
            rows = re.findall(r'<tr><th scope="row"[^>]*><a href="[^"]+">(.*?)</a></th>(.*?)</tr>', table, re.S)
            assert sorted(html.unescape(n) for n, _ in rows) == sorted(country_name(c.iso2, lang) for c in site_data.countries)
            by_name = {html.unescape(n): cells for n, cells in rows}
            for country in site_data.countries:
                cells = re.findall(r'<td data-sort="[^"]*"><a href="([^"]+)">.*?</span> ([^<]+)</span></a></td>',
                                   by_name[country_name(country.iso2, lang)])
                assert len(cells) == len(indicators)
                for (href, shown), indicator_id in zip(cells, indicators):
                    assert html.unescape(shown) == label(site_data, indicator_id, country.answers[indicator_id].value, lang)
                    target = built_site.resolve(url, href)
                    path, anchor = target.split("#")
                    assert path == f"{PREFIX[lang]}paises/{country.slug}/" and anchor == indicator_id
                    assert anchor in built_site.page(path).ids


def test_each_map_links_every_member_with_an_accessible_name(built_site, site_data):
    key = [i for i in site_data.catalogue.indicators if i.key]
    raw = raw_countries()
    for lang in LANGUAGES:
        for indicator in key:
            url = f"{PREFIX[lang]}mapas/{indicator.id}/"
            page = built_site.page(url)
            svg_text = re.search(r"<svg[^>]*class=\"rt-map\".*?</svg>", page.article, re.S).group(0)
            svg = ET.fromstring(svg_text)  # well-formed
            links = svg.findall(f".//{SVG}a")
            assert len(links) == len(site_data.countries)
            for link in links:
                href = link.get("href")
                target = built_site.resolve(url, href)
                path, anchor = target.split("#")
                slug = path.rstrip("/").split("/")[-1]
                assert anchor == indicator.id and slug in raw
                expected = f"{country_name(slug, lang)}: {label(site_data, indicator.id, raw[slug]['indicators'][indicator.id]['value'], lang)}"
                assert link.get("aria-label") == expected
                assert link.find(f"{SVG}title").text == expected
            # legend counts equal the data
            counts = {}
            for data in raw.values():
                value = data["indicators"][indicator.id]["value"]
                shown = label(site_data, indicator.id, value, lang)
                counts[shown] = counts.get(shown, 0) + 1
            legend = re.search(r'<ul class="rt-map-legend".*?</ul>', page.article, re.S).group(0)
            items = re.findall(r'rt-map-legend-label">(.*?)</span>.*?rt-map-legend-count">\D*(\d+)\D*</span>', legend, re.S)
            shown_counts = {html.unescape(name): int(n) for name, n in items}
            assert {k: v for k, v in shown_counts.items() if v} == counts


def test_profiles_have_a_locator_map(built_site, site_data):
    for lang in LANGUAGES:
        page = built_site.page(f"{PREFIX[lang]}paises/sv/")
        svg = re.search(r'<svg[^>]*class="rt-locator".*?</svg>', page.article, re.S).group(0)
        root = ET.fromstring(svg)
        assert root.find(f"{SVG}title").text == country_name("SV", lang)


def test_open_data_parses_matches_its_schema_and_round_trips(built_site, site_data):
    document = json.loads((built_site.root / "data/countries.json").read_text(encoding="utf-8"))
    schema = json.loads((built_site.root / "data/countries.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER).validate(document)
    raw = raw_countries()
    assert [c["iso2"].lower() for c in document["countries"]] == sorted(raw)
    for country in document["countries"]:
        source = raw[country["iso2"].lower()]
        assert country["phase"] == source["phase"]
        assert country["summary"]["es"] == source["summary"]["es"]
        assert country["review"]["last_reviewed"] == str(source["review"]["last_reviewed"])
        for answer in country["answers"]:
            original = source["indicators"][answer["indicator"]]
            assert answer["value"] == original["value"]
            assert answer["sources"] == original.get("sources", [])
        assert [s["url"] for s in country["sources"]] == [s["url"] for s in source["sources"]]
        # What a journalist needs to check each answer, named as in the country files.
        for published, written in zip(country["sources"], source["sources"]):
            for key in ("language", "article", "quote", "law"):
                assert published[key] == written.get(key), (country["iso2"], published["id"], key)
        assert [law["status"] for law in country["laws"]] == [law["status"] for law in source["laws"]]
    assert any(s["quote"] for c in document["countries"] for s in c["sources"])


def test_open_data_csv_opens_with_the_expected_header(built_site, site_data):
    text = (built_site.root / "data/countries.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["iso2", "country_es", "country_en", "country_pt", "group", "indicator", "value",
                             "label_es", "label_en", "label_pt", "disputed", "note_es", "note_en", "note_pt",
                             "source_urls", "source_types", "source_articles", "source_quotes", "laws_status",
                             "last_reviewed", "verification_status", "verified_by", "verified_on",
                             "answer_verified_by", "answer_verified_on"]
    raw = raw_countries()
    assert len(rows) == sum(len(c["indicators"]) for c in raw.values())
    for row in rows:
        assert row["value"] == raw[row["iso2"].lower()]["indicators"][row["indicator"]]["value"]


def test_methodology_links_the_downloads_with_their_sizes(built_site):
    for lang in LANGUAGES:
        url = f"{PREFIX[lang]}metodologia/"
        page = built_site.page(url)
        downloads = re.findall(r'<li><a href="([^"]+)" download>.*?</a> · <code>(.*?)</code> · (.*?)</li>', page.article)
        assert {path for _, path, _ in downloads} == {"data/countries.json", "data/countries.csv", "data/countries.schema.json",
                                                      "data/changelog.csv", "datapackage.json"}
        for href, path, size in downloads:
            assert built_site.resolve(url, href) == path
            assert_size_shown(size, (built_site.root / path).stat().st_size)


def test_home_counts_equal_the_data(built_site, site_data):
    raw = raw_countries()
    total = len(raw)
    values = [c["indicators"]["test_compulsory"]["value"] for c in raw.values()]
    in_law, unknown = values.count("in_law"), values.count("unknown")
    assert total - unknown >= 2, "the real data know this answer for several countries"
    for lang in LANGUAGES:
        home = built_site.page(PREFIX[lang])
        ui = {k: site_data.ui[k].get(lang)[0] for k in ("count_compulsory_in_law", "count_share", "count_share_all")}
        share = (ui["count_share_all"].format(known=total - unknown) if in_law == total - unknown
                 else ui["count_share"].format(n=in_law, known=total - unknown))
        sentence = ui["count_compulsory_in_law"].format(share=share, unknown=unknown, total=total)
        assert sentence in home.text
        about = built_site.page(f"{PREFIX[lang]}acerca/")
        assert sentence in about.text  # the about page states no fact by hand: it shows the computed figure
        assert 'class="rt-map"' in home.article
