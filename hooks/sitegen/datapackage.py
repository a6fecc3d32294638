"""The open data as a citable Frictionless Data Package: `datapackage.json` at the site's
root, describing every published data file, with a dated version.

The version is the newest date written in the countries' records (a change-log line, a
review, a verification) as `YYYY.MM.DD`. Every change of a fact is meant to come with a
change-log line (CONTRIBUTING.md), so the version moves with the facts; two changes made
the same day share a version. Nothing here depends on the build's day or host.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from . import model as m

PACKAGE_PATH = "datapackage.json"
PACKAGE_NAME = "perfiles-legales-trabajo-sexual-vih"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


def version_date(site: m.SiteData) -> dt.date:
    days = [dt.date(1970, 1, 1)]
    for c in site.countries:
        days += [entry.date for entry in c.changelog]
        days += [c.review.last_reviewed] + ([c.review.verified_on] if c.review.verified_on else [])
        days += [a.verified.on for a in c.answers.values() if a.verified]
    return max(days)


def dataset_version(site: m.SiteData) -> str:
    return version_date(site).strftime("%Y.%m.%d")


def licence(site: m.SiteData) -> dict:
    """As Data Package writes it: an Open Definition id ("CC-BY-4.0"), its address, its name."""
    name, url = site.settings.data_license
    return {"name": "-".join(name.split()), "path": url, "title": name}


@dataclass(frozen=True)
class Resource:
    """One published data file, and how to read it: a Table Schema (CSV) or the address,
    from the site's root, of its JSON Schema (JSON)."""

    name: str
    path: str
    title: str
    content: bytes
    table_schema: dict | None = None
    json_schema: str | None = None

    def descriptor(self) -> dict:
        kind = "csv" if self.table_schema else "json"
        out = {"name": self.name, "path": self.path, "title": self.title, "format": kind,
               "mediatype": "text/csv" if kind == "csv" else "application/json", "encoding": "utf-8",
               "bytes": len(self.content), "hash": "sha256:" + hashlib.sha256(self.content).hexdigest()}
        if self.table_schema:
            out.update(type="table", schema=self.table_schema)
        else:
            # Data Package has no word yet for a JSON file's JSON Schema; frictionless
            # means to read it as "jsonSchema" (the tests validate the files against it).
            out["jsonSchema"] = self.json_schema
        return out


def descriptor(site: m.SiteData, resources: list[Resource]) -> dict:
    network = site.settings.network_name
    day = version_date(site)
    return {
        "$schema": PROFILE,
        "name": PACKAGE_NAME,
        "title": site.ui["cite_dataset_title"].es,
        "description": " / ".join(site.ui["cite_dataset_description"].get(lang)[0] for lang in m.LANGUAGES),
        "version": dataset_version(site),
        "created": f"{day.isoformat()}T00:00:00Z",  # the version's day, not the build's
        "homepage": site.settings.repository,
        "keywords": ["sex work", "HIV", "law", "trabajo sexual", "VIH", "trabalho sexual", "HIV criminalisation"],
        "languages": list(m.LANGUAGES),
        "licenses": [licence(site)],
        "contributors": [{"title": network.es, "roles": ["publisher"]}],
        "sources": [
            {"title": "Legal texts, court rulings, official, study and press sources, cited for each answer "
                      "(the 'sources' of each country in data/countries.json)", "path": "data/countries.json"},
            {"title": "The data files the site is made from (YAML), with their history", "path": site.settings.repository},
        ],
        "resources": [r.descriptor() for r in resources],
    }


def package_file(site: m.SiteData, resources: list[Resource]) -> bytes:
    return (json.dumps(descriptor(site, resources), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
