"""citation.py and datapackage.py on their own: escaping, formats, the version rule."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest

from hooks.sitegen import citation, datapackage, model as m
from hooks.sitegen.context import RenderContext
from hooks.sitegen.paths import profile_path
from tests.citeblocks import parse_bibtex, unescape_bibtex

TODAY = dt.date(2026, 12, 2)
NASTY = 'Red {de} 100% & #1 $x_y^2 ~ "quotes" \\ </code><script>alert(1)</script>'


def named(site: m.SiteData, name: str) -> m.SiteData:
    return dataclasses.replace(site, settings=dataclasses.replace(site.settings, network_name=m.Text(es=name, en=name,
                                                                                                      pt=name)))


def test_bibtex_escapes_every_special_character():
    escaped = citation.bibtex_text(NASTY)
    assert unescape_bibtex(escaped) == " ".join(NASTY.split())
    assert re.search(r"(?<!\\)[%&#$_]", escaped) is None  # each one escaped
    assert "^" not in escaped and "~" not in escaped
    assert citation.bibtex_text("a\n\n  b") == "a b"


@pytest.mark.parametrize("lang", m.LANGUAGES)
def test_formats_carry_the_same_facts_and_parse(site_data, lang):
    site = named(site_data, NASTY)
    ctx = RenderContext(site, lang, TODAY, site_url="https://example.test/x/")
    c = citation.profile_citation(ctx, "AR", profile_path("AR"))
    kind, key, fields = parse_bibtex(citation.bibtex(c))
    assert kind == "misc" and key == f"redtrasex-ar-{datapackage.dataset_version(site)}"
    assert unescape_bibtex(fields["author"][1:-1]) == " ".join(NASTY.split())  # {{...}}: an institution
    assert fields["url"] == f"https://example.test/x/{'' if lang == 'es' else lang + '/'}paises/ar/"
    assert fields["urldate"] == TODAY.isoformat() and fields["version"] == datapackage.dataset_version(site)
    [item] = json.loads(citation.csl_json(c))
    assert item["author"] == [{"literal": NASTY}] and item["type"] == "dataset"
    assert item["accessed"] == {"date-parts": [[2026, 12, 2]]} and item["URL"] == fields["url"]
    assert item["version"] in citation.plain(c, ctx) and NASTY in citation.plain(c, ctx)


def test_without_a_site_address_no_address_is_given(site_data):
    ctx = RenderContext(site_data, "es", TODAY)
    c = citation.dataset_citation(ctx, "metodologia.md")
    assert c.url is None and "url =" not in citation.bibtex(c) and "URL" not in json.loads(citation.csl_json(c))[0]


def test_the_version_moves_with_a_new_change_log_line(site_data):
    before = datapackage.dataset_version(site_data)
    assert len(before) == 10 and dt.datetime.strptime(before, "%Y.%m.%d")
    country = site_data.countries[0]
    later = datapackage.version_date(site_data) + dt.timedelta(days=3)
    changed = dataclasses.replace(country, changelog=(m.ChangeEntry(later, m.Text(es="x")), *country.changelog))
    site = dataclasses.replace(site_data, countries=(changed, *site_data.countries[1:]))
    assert datapackage.dataset_version(site) == later.strftime("%Y.%m.%d") != before


def test_licence_as_data_package_names_it(site_data):
    assert datapackage.licence(site_data) == {"name": "CC-BY-4.0", "path": site_data.settings.data_license[1],
                                              "title": site_data.settings.data_license[0]}
