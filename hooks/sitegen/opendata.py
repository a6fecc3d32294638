"""The open data published with the site, made from the same data as the pages:
data/countries.json and .csv, one JSON file per country (data/countries/<iso>.json), the
data's change log (data/changelog.csv), the JSON Schemas of the JSON files, and the
Data Package that describes them all (datapackage.json, see datapackage.py)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from . import datapackage, model as m
from .cache import ContentCache
from .localize import country_name

JSON_PATH = "data/countries.json"
CSV_PATH = "data/countries.csv"
SCHEMA_PATH = "data/countries.schema.json"
COUNTRY_SCHEMA_PATH = "data/country.schema.json"
CHANGELOG_PATH = "data/changelog.csv"


def country_path(iso2: str) -> str:
    return f"data/countries/{iso2.lower()}.json"

CSV_HEADER = [
    "iso2", *(f"country_{lang}" for lang in m.LANGUAGES), "group", "indicator", "value",
    *(f"label_{lang}" for lang in m.LANGUAGES), "disputed", *(f"note_{lang}" for lang in m.LANGUAGES),
    "source_urls", "source_types", "source_articles", "source_quotes", "laws_status",
    "last_reviewed", "verification_status", "verified_by", "verified_on", "answer_verified_by", "answer_verified_on",
]


def _texts(text: m.Text | None) -> dict | None:
    return None if text is None else {lang: getattr(text, lang) for lang in m.LANGUAGES}


def _names(iso2: str) -> dict:
    return {lang: country_name(iso2, lang) for lang in m.LANGUAGES}


def _label(indicator: m.Indicator, code: str) -> dict | None:
    value = indicator.scale_value(code)
    return _texts(value.label) if value else None


def _status(country: m.Country) -> str:
    return "verified" if country.review.verified else "pending_verification"


def _verified(answer: m.Answer) -> dict | None:
    return {"by": answer.verified.by, "on": answer.verified.on.isoformat()} if answer.verified else None


def as_json(site: m.SiteData) -> dict:
    catalogue = site.catalogue
    return {
        "title": _texts(site.settings.network_name),
        "license": {"name": site.settings.data_license[0], "url": site.settings.data_license[1]},
        "indicators": [{
            "id": i.id, "group": i.group_id, "question": _texts(i.question), "explanation": _texts(i.explanation),
            "values": [{"code": v.code, "label": _texts(v.label)} for v in i.values]
                      + [{"code": m.UNKNOWN, "label": _texts(site.ui["no_verified_information"])}],
        } for i in catalogue.indicators],
        "countries": [{
            "iso2": c.iso2, "name": _names(c.iso2), "phase": c.phase,
            "organization": {"name": c.organization.name, "website": c.organization.website},
            "summary": _texts(c.summary),
            "review": {"last_reviewed": c.review.last_reviewed.isoformat(), "status": _status(c),
                       "verified_by": c.review.verified_by,
                       "verified_on": c.review.verified_on.isoformat() if c.review.verified_on else None},
            "answers": [{
                "indicator": i.id, "value": c.answers[i.id].value, "label": _label(i, c.answers[i.id].value),
                "disputed": c.answers[i.id].disputed, "note": _texts(c.answers[i.id].note),
                "sources": list(c.answers[i.id].sources),
                "verified": _verified(c.answers[i.id]),
            } for i in catalogue.indicators],
            "laws": [{"id": law.id, "name": law.name, "number": law.number, "year": law.year, "articles": law.articles,
                      "url": law.url, "status": law.status, "repealed_year": law.repealed_year,
                      "replaced_by": law.replaced_by}
                     for law in c.laws],
            "sources": [{"id": s.id, "title": s.title, "language": s.language, "publisher": s.publisher, "url": s.url,
                         "type": s.type, "date": s.date, "accessed": s.accessed.isoformat(),
                         "law": s.law, "article": s.article, "quote": s.quote}
                        for s in c.sources],
        } for c in site.countries],
    }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell):
    """A text that a spreadsheet would run as a formula (`=HYPERLINK(...)`) is kept as text,
    with a leading apostrophe, as spreadsheets themselves write it (OWASP's advice)."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_START) else cell


class _InertWriter:
    def __init__(self, out):
        self._writer = csv.writer(out, lineterminator="\n")

    def writerow(self, row):
        self._writer.writerow([_inert(cell) for cell in row])


def as_csv(site: m.SiteData) -> str:
    out = io.StringIO()
    writer = _InertWriter(out)
    writer.writerow(CSV_HEADER)
    for c in site.countries:
        names = _names(c.iso2)
        for i in site.catalogue.indicators:
            answer = c.answers[i.id]
            label = _label(i, answer.value) or _texts(site.ui["no_verified_information"])
            note = _texts(answer.note) or {}
            sources = [c.source(sid) for sid in answer.sources]
            writer.writerow([
                c.iso2, *(names[lang] for lang in m.LANGUAGES), i.group_id, i.id, answer.value,
                *(label[lang] for lang in m.LANGUAGES), "yes" if answer.disputed else "no",
                *(note.get(lang) or "" for lang in m.LANGUAGES),
                " | ".join(s.url for s in sources), " | ".join(s.type for s in sources),
                " | ".join(s.article or "" for s in sources), " | ".join(s.quote or "" for s in sources),
                " | ".join(f"{c.law(s.law).name}: {c.law(s.law).status}" for s in sources if s.law),
                c.review.last_reviewed.isoformat(), _status(c), c.review.verified_by or "",
                c.review.verified_on.isoformat() if c.review.verified_on else "",
                answer.verified.by if answer.verified else "",
                answer.verified.on.isoformat() if answer.verified else "",
            ])
    return out.getvalue()


def as_country_json(site: m.SiteData, whole: dict, country: m.Country) -> dict:
    """One country's file: its entry of countries.json as it is, with what is needed to
    read and cite it alone (the indicators, the licence, the version, its change log)."""
    entry = next(c for c in whole["countries"] if c["iso2"] == country.iso2)
    return {
        "dataset": {"title": whole["title"], "version": datapackage.dataset_version(site), "license": whole["license"],
                    "package": datapackage.PACKAGE_PATH},
        "indicators": whole["indicators"],
        "country": entry,
        "changelog": [{"date": c.date.isoformat(), "text": _texts(c.text)} for c in country.changelog],
    }


CHANGELOG_HEADER = ["date", "iso2", *(f"text_{lang}" for lang in m.LANGUAGES)]


def changelog_csv(site: m.SiteData) -> str:
    """Every line of every country's change log, newest first, then by country."""
    out = io.StringIO()
    writer = _InertWriter(out)
    writer.writerow(CHANGELOG_HEADER)
    rows = [(c.date, country.iso2, c.text) for country in site.countries for c in country.changelog]
    for day, iso2, text in sorted(rows, key=lambda row: row[0], reverse=True):
        writer.writerow([day.isoformat(), iso2, *(getattr(text, lang) or "" for lang in m.LANGUAGES)])
    return out.getvalue()


def _field(name: str, description: str, kind: str = "string", **more) -> dict:
    return {"name": name, "type": kind, "description": description, **more}


def _per_language(prefix: str, what: str) -> list[dict]:
    return [_field(f"{prefix}_{lang}", f"{what} in {lang} (empty: not translated yet)") for lang in m.LANGUAGES]


# Table Schemas (https://datapackage.org/standard/table-schema/) of the two CSV files.
CSV_SCHEMA = {
    "fields": [
        _field("iso2", "ISO 3166-1 alpha-2 code of the country", constraints={"required": True, "pattern": "[A-Z]{2}"}),
        *_per_language("country", "The country's name"),
        _field("group", "The group of questions the indicator belongs to"),
        _field("indicator", "The indicator (question) id: see 'indicators' in data/countries.json",
               constraints={"required": True}),
        _field("value", "The answer's code; 'unknown' when there is no verified information",
               constraints={"required": True}),
        *_per_language("label", "The answer's label"),
        _field("disputed", "Whether the sources disagree", "boolean", trueValues=["yes"], falseValues=["no"]),
        *_per_language("note", "A note on the answer"),
        _field("source_urls", "Addresses of the answer's sources, separated by ' | '"),
        _field("source_types", "Kind of each source (law, court_ruling, ...), in the same order"),
        _field("source_articles", "The article of each source the answer rests on, in the same order"),
        _field("source_quotes", "The words of each source the answer rests on, in the same order"),
        _field("laws_status", "'Law: status' of the laws the sources cite"),
        _field("last_reviewed", "When the country's profile was last reviewed", "date"),
        _field("verification_status", "'verified' or 'pending_verification' (by the member organization)",
               constraints={"enum": ["verified", "pending_verification"]}),
        _field("verified_by", "Who verified the whole profile"),
        _field("verified_on", "When the whole profile was verified", "date"),
        _field("answer_verified_by", "Who verified this answer"),
        _field("answer_verified_on", "When this answer was verified", "date"),
    ],
    "primaryKey": ["iso2", "indicator"],
    "missingValues": [""],
}
CHANGELOG_SCHEMA = {
    "fields": [
        _field("date", "The day of the change", "date", constraints={"required": True}),
        _field("iso2", "ISO 3166-1 alpha-2 code of the country", constraints={"required": True, "pattern": "[A-Z]{2}"}),
        *_per_language("text", "What changed"),
    ],
    "missingValues": [""],
}


@dataclass(frozen=True)
class OpenDataFile:
    path: str  # from the site root
    content: bytes


def published_files(site: m.SiteData, cache: ContentCache) -> list[OpenDataFile]:
    """`open_data_files(site)`, made once per version of the data (the methodology pages
    show their sizes in each language, and the build then writes them)."""
    return cache.get("open data", site.fingerprint or id(site), lambda: open_data_files(site))


def _json(value: dict) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def open_data_files(site: m.SiteData) -> list[OpenDataFile]:
    """The files to publish, with their exact bytes (the pages show their sizes), the
    Data Package that describes them last."""
    whole = as_json(site)
    resources = [
        datapackage.Resource("countries-json", JSON_PATH, "Every country, every answer, with its sources",
                             _json(whole), json_schema=SCHEMA_PATH),
        datapackage.Resource("countries-csv", CSV_PATH, "One row per country and indicator",
                             as_csv(site).encode("utf-8"), table_schema=CSV_SCHEMA),
        datapackage.Resource("changelog", CHANGELOG_PATH, "The change log of the data, per country",
                             changelog_csv(site).encode("utf-8"), table_schema=CHANGELOG_SCHEMA),
        *(datapackage.Resource(f"country-{c.slug}", country_path(c.iso2), f"{c.iso2}: one country's file",
                               _json(as_country_json(site, whole, c)), json_schema=COUNTRY_SCHEMA_PATH)
          for c in site.countries),
    ]
    return [
        *(OpenDataFile(r.path, r.content) for r in resources),
        OpenDataFile(SCHEMA_PATH, site.project.open_data_schema.read_bytes()),
        OpenDataFile(COUNTRY_SCHEMA_PATH, site.project.open_data_country_schema.read_bytes()),
        OpenDataFile(datapackage.PACKAGE_PATH, datapackage.package_file(site, resources)),
    ]
