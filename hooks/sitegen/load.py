"""Loads and checks every data file, then builds the `SiteData` the pages are made from.

All problems in all files are collected and raised together (`DataProblems`), so an
editor fixes everything in one go, and no page is ever built from half-valid data.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from . import model as m
from .answervalues import wrong_value
from .cache import ContentCache
from .datafolders import stray_file_problems
from .datareader import DataReader
from .factrules import fact_problems
from .materials import load_campaign, load_materials
from .problems import DataProblems, Problem
from .publishedfiles import published_file_problems
from .project import Project
from .region import naming_problems
from .schemas import not_one_of, suggestion
from .symlinks import symlink_problems
from .uitexts import ui_problems
from .yamlsource import YamlDocument


def fingerprint(project: Project, cache: ContentCache) -> str:
    """The digest of everything the data are made from (data files, materials' files,
    schemas): the same digest, the same `SiteData`."""
    parts = (project.data, project.material_files, project.schemas)
    return hashlib.sha256("\n".join(cache.digest(folder) for folder in parts).encode()).hexdigest()


def _real_date(raw) -> dt.date | None:
    """The date, or None when it is missing or not a real date (the schema says so)."""
    try:
        return dt.date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        return None


def _date(raw) -> dt.date | None:
    return dt.date.fromisoformat(raw) if raw else None


# -- rules across files ------------------------------------------------------------

def _catalogue_problems(doc: YamlDocument) -> list[Problem]:
    problems = []
    scales = doc.data["scales"]
    seen = set()
    for gi, group in enumerate(doc.data["groups"]):
        for ii, ind in enumerate(group["indicators"]):
            path = ("groups", gi, "indicators", ii)
            if ind["id"] in seen:
                problems.append(doc.problem(path + ("id",), f"el indicador «{ind['id']}» está repetido",
                                            f"indicator '{ind['id']}' is defined twice"))
            seen.add(ind["id"])
            if ind["scale"] not in scales:
                problems.append(not_one_of(doc, path + ("scale",), ind["scale"], scales,
                                            "una escala de este archivo", "a scale of this file"))
                continue
            codes = [v["code"] for v in scales[ind["scale"]]]
            for code in sorted(set(codes) - set(ind["tones"])):
                problems.append(doc.problem(path + ("tones",), f"falta el tono del valor «{code}»",
                                            f"the tone of value '{code}' is missing"))
            for code in sorted(set(ind["tones"]) - set(codes)):
                problems.append(doc.problem(
                    path + ("tones", code), f"«{code}» no es un valor de la escala {ind['scale']}",
                    f"'{code}' is not a value of scale {ind['scale']}"))
    return problems


def _country_problems(doc: YamlDocument, catalogue: m.Catalogue, today: dt.date) -> list[Problem]:
    problems = []
    data = doc.data
    source_ids = [s["id"] for s in data["sources"]]
    for i, sid in enumerate(source_ids):
        if source_ids.index(sid) != i:
            problems.append(doc.problem(("sources", i, "id"), f"la fuente «{sid}» está repetida",
                                        f"source '{sid}' is listed twice"))

    def check_refs(path, refs):
        for j, ref in enumerate(refs or []):
            if ref not in source_ids:
                es, en = suggestion(ref, source_ids)
                problems.append(doc.problem(
                    path + (j,), f"la fuente «{ref}» no está en la lista «sources» de este archivo{es}",
                    f"source '{ref}' is not in this file's 'sources' list{en}"))

    check_refs(("organization", "sources"), data["organization"].get("sources"))
    if data["organization"].get("name") and not data["organization"].get("sources"):
        problems.append(doc.problem(
            ("organization", "name"),
            "la organización miembro también es un dato: agrega «sources: [id]» a «organization» o escribe «name: null»",
            "the member organization is a fact too: add 'sources: [id]' to 'organization' or write 'name: null'"))
    known = {i.id: i for i in catalogue.indicators}
    for ind_id, answer in data["indicators"].items():
        path = ("indicators", ind_id)
        if ind_id not in known:
            problems.append(not_one_of(doc, path, ind_id, known, "un indicador de data/indicators.yml",
                                        "an indicator of data/indicators.yml"))
            continue
        indicator = known[ind_id]
        codes = [v.code for v in indicator.values] + [m.UNKNOWN]
        if answer["value"] not in codes:
            problems.append(wrong_value(doc, path + ("value",), answer["value"], indicator))
        if answer["value"] != m.UNKNOWN and not answer.get("sources"):
            problems.append(doc.problem(
                path + ("value",),
                "un dato sin fuente no se publica: agrega «sources: [id]» o escribe «value: unknown»",
                "a fact without a source is not published: add 'sources: [id]' or write 'value: unknown'"))
        check_refs(path + ("sources",), answer.get("sources"))
    for ind_id in known:
        if ind_id not in data["indicators"]:
            problems.append(doc.problem(
                ("indicators",), f"falta la respuesta «{ind_id}»; si no se sabe, escribe «{ind_id}: {{value: unknown}}»",
                f"answer '{ind_id}' is missing; if it is not known, write '{ind_id}: {{value: unknown}}'"))

    dated = [(("review", "last_reviewed"), data["review"]["last_reviewed"]),
             (("review", "verified_on"), data["review"].get("verified_on"))]
    dated += [(("sources", i, key), s.get(key)) for i, s in enumerate(data["sources"]) for key in ("date", "accessed")
              if _real_date(s.get(key))]
    dated += [(("changelog", i, "date"), c["date"]) for i, c in enumerate(data["changelog"])]
    dated += [(("indicators", k, "verified", "on"), a["verified"].get("on"))
              for k, a in data["indicators"].items() if isinstance(a.get("verified"), dict)]
    for path, value in dated:
        if _real_date(value) and _real_date(value) > today:
            problems.append(doc.problem(path, f"la fecha {value} está en el futuro", f"date {value} is in the future"))
    problems += fact_problems(doc, data)
    review = data["review"]
    if bool(review.get("verified_by")) != bool(review.get("verified_on")):
        problems.append(doc.problem(("review",), "escribe a la vez «verified_by» (organización) y «verified_on» (fecha), o ninguno",
                                    "write both 'verified_by' (organization) and 'verified_on' (date), or neither"))
    return problems


# -- building the model ------------------------------------------------------------

def _catalogue(data) -> m.Catalogue:
    scales = {sid: tuple(m.ScaleValue(v["code"], m.Text.of(v["label"])) for v in values)
              for sid, values in data["scales"].items()}
    return m.Catalogue(tuple(
        m.Group(g["id"], m.Text.of(g["title"]), tuple(
            m.Indicator(i["id"], g["id"], i["scale"], scales[i["scale"]], m.Text.of(i["question"]),
                        m.Text.of(i["explanation"]), dict(i["tones"]), bool(i.get("key")), m.Text.of(i.get("short")))
            for i in g["indicators"]))
        for g in data["groups"]))


def _country(doc: YamlDocument) -> m.Country:
    d = doc.data
    org = d["organization"]
    return m.Country(
        iso2=Path(doc.file).stem.upper(),
        file=doc.file,
        phase=d["phase"],
        organization=m.Organization(org["name"], org.get("website"), org.get("contact"), tuple(org.get("sources") or ())),
        summary=m.Text.of(d["summary"]),
        answers={k: m.Answer(k, a["value"], tuple(a.get("sources") or ()), bool(a.get("disputed")), m.Text.of(a.get("note")),
                             m.Verification(a["verified"]["by"], _date(a["verified"]["on"])) if a.get("verified") else None)
                 for k, a in d["indicators"].items()},
        laws=tuple(m.Law(x["id"], x["name"], x["status"], x.get("number"), x.get("year"), x.get("articles"), x.get("url"),
                         x.get("repealed_year"), x.get("replaced_by")) for x in d["laws"]),
        sources=tuple(m.Source(s["id"], s["title"], s["publisher"], s["url"], _date(s["accessed"]), s["type"],
                               s["language"], s.get("date"), s.get("law"), s.get("article"), s.get("quote"))
                      for s in d["sources"]),
        review=m.Review(_date(d["review"]["last_reviewed"]), d["review"].get("verified_by"), _date(d["review"].get("verified_on"))),
        changelog=tuple(sorted((m.ChangeEntry(_date(c["date"]), m.Text.of(c["text"])) for c in d["changelog"]),
                               key=lambda c: c.date, reverse=True)),
    )


def _settings(d) -> m.Settings:
    contact = d["contact"]
    return m.Settings(
        network_name=m.Text.of(d["network_name"]), slogan=m.Text.of(d["slogan"]),
        email=contact["email"], corrections_email=contact.get("corrections_email"), city=m.Text.of(contact.get("city")),
        social=tuple((s["name"], s["url"]) for s in d.get("social") or ()), repository=d["repository"],
        quick_exit_url=d["quick_exit_url"], review_max_age_months=d["review_max_age_months"],
        data_license=(d["data_license"]["name"], d["data_license"]["url"]), contact_confirmed=contact["confirmed"])


def load_site(root: Path, today: dt.date | None = None, *, synthetic_codes: bool = False,
              cache: ContentCache | None = None) -> m.SiteData:
    """Reads `root/data/`; raises `DataProblems` listing every problem if anything is wrong.

    `cache` (the build session's) lets a rebuild re-read only the files that changed.
    `synthetic_codes` accepts two-letter codes that are not ISO countries: only the
    benchmark uses it, to build networks larger than the world's list of countries.
    """
    today = today or dt.date.today()
    project = Project(root)
    reader = DataReader(project, cache)
    data_dir = project.data
    links = symlink_problems(project.root)
    if links:
        raise DataProblems(links)  # nothing is read through a link
    problems: list[Problem] = stray_file_problems(project.root) + published_file_problems(project)
    region_doc = reader.checked(data_dir / "region.yml", "region.schema.json", problems)
    settings_doc = reader.checked(data_dir / "site.yml", "site.schema.json", problems)
    ui_doc = reader.checked(data_dir / "ui.yml", "ui.schema.json", problems)
    catalogue_doc = reader.checked(data_dir / "indicators.yml", "indicators.schema.json", problems)
    country_paths = sorted((data_dir / "countries").glob("*.yml"))
    country_reads = [reader.parsed(p, "country.schema.json", problems) for p in country_paths]
    if region_doc:
        problems += naming_problems(region_doc, country_paths, project, synthetic_codes)
    country_docs = [doc if valid else None for doc, valid in country_reads]
    catalogue_problems = _catalogue_problems(catalogue_doc) if catalogue_doc else []
    problems += catalogue_problems
    if ui_doc:
        for key, text in ui_doc.data.items():
            for lang in m.LANGUAGES:
                if not text.get(lang):
                    problems.append(ui_doc.problem((key,), f"falta el texto en «{lang}»", f"the '{lang}' text is missing"))
        problems += ui_problems(ui_doc)
    if not catalogue_doc or catalogue_problems:
        raise DataProblems(problems)  # answers cannot be checked without a sound catalogue
    catalogue = _catalogue(catalogue_doc.data)
    for doc, valid in country_reads:
        if doc and valid:
            problems += _country_problems(doc, catalogue, today)
        elif doc:
            # A file with schema problems: its other rules are checked too where its shape
            # allows, so an editor sees every problem at once (not twice at one place).
            try:
                found = _country_problems(doc, catalogue, today)
            except (KeyError, TypeError, AttributeError, ValueError):
                found = []
            places = {(p.file, p.line, p.column) for p in problems}
            problems += [p for p in found if (p.file, p.line, p.column) not in places]
    if not country_docs:
        problems.append(Problem("data/countries", 1, 1, "", "no hay ningún país", "there is no country"))
    materials, topics, campaign = (), {}, None
    members = {Path(doc.file).stem for doc in country_docs if doc}  # materials build on the countries
    try:
        materials, topics = load_materials(reader, members, today)
        campaign = load_campaign(reader)
    except DataProblems as found:
        problems += found.problems
    if problems:
        raise DataProblems(problems)
    return m.SiteData(
        settings=_settings(settings_doc.data),
        ui={k: m.Text.of(v) for k, v in ui_doc.data.items()},
        catalogue=catalogue,
        countries=tuple(_country(doc) for doc in country_docs),
        fingerprint=fingerprint(project, reader.cache),
        materials=materials, topics=topics, campaign=campaign,
        project=project, source_types=reader.schemas.source_types(),
    )
