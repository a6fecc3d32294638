"""opendata.py's per-country files and data change log, and the package it describes them in."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import io
import json

from hooks.sitegen import datapackage, model as m, opendata


def test_change_log_csv_is_newest_first_and_keeps_formulas_as_text(site_data):
    country = site_data.countries[0]
    later = dt.date(2031, 1, 1)
    changed = dataclasses.replace(country, changelog=(m.ChangeEntry(later, m.Text(es="=HYPERLINK(1)")),
                                                      *country.changelog))
    site = dataclasses.replace(site_data, countries=(changed, *site_data.countries[1:]))
    rows = list(csv.DictReader(io.StringIO(opendata.changelog_csv(site))))
    assert list(rows[0]) == opendata.CHANGELOG_HEADER
    assert rows[0]["date"] == "2031-01-01" and rows[0]["text_es"] == "'=HYPERLINK(1)" and rows[0]["text_en"] == ""
    assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    assert len(rows) == sum(len(c.changelog) for c in site.countries)


def test_every_country_has_its_file_and_the_package_lists_it_with_its_hash(site_data):
    files = {f.path: f.content for f in opendata.open_data_files(site_data)}
    whole = json.loads(files[opendata.JSON_PATH])
    package = json.loads(files[datapackage.PACKAGE_PATH])
    described = {r["path"]: r for r in package["resources"]}
    for country in site_data.countries:
        path = opendata.country_path(country.iso2)
        one = json.loads(files[path])
        assert one["country"] == next(c for c in whole["countries"] if c["iso2"] == country.iso2)
        assert one["dataset"]["version"] == package["version"] == datapackage.dataset_version(site_data)
        assert described[path]["hash"] == "sha256:" + hashlib.sha256(files[path]).hexdigest()
        assert described[path]["bytes"] == len(files[path])
    # the CSV's Table Schema names its columns in the file's order
    assert [f["name"] for f in opendata.CSV_SCHEMA["fields"]] == opendata.CSV_HEADER
    assert [f["name"] for f in opendata.CHANGELOG_SCHEMA["fields"]] == opendata.CHANGELOG_HEADER
    assert opendata.open_data_files(site_data)[-1].content == files[datapackage.PACKAGE_PATH]  # same bytes again
