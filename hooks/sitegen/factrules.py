"""Rules that keep a country profile checkable: every source points at the document
itself, says its language and quotes it briefly; every law says whether it is in force;
no answer rests only on a law that is no longer in force.

Each rule returns `Problem`s at the line of the value at fault (see load.py).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from babel import Locale

from . import model as m
from .problems import Problem
from .schemas import not_one_of, suggestion
from .yamlsource import YamlDocument

QUOTE_MAX_WORDS = 60
# ISO 639 codes Babel knows (CLDR): es, en, pt, qu (Quechua), gn (Guaraní), ...
LANGUAGE_CODES = frozenset(code for code in Locale("en").languages if code.isalpha() and code.islower())
# The one answer that may rest on a law no longer in force: the status that says so. (The
# type of a repealed law is not today's answer: the index and comparison show it alone.)
ABOUT_ENDED_LAW = {"criminalisation_status": {"repealed", "struck_down"}}


def is_home_page(url: str) -> bool:
    """A site's front page (`https://www.tiempo.hn/`), which proves nothing by itself."""
    parts = urlsplit(url)
    return parts.path in ("", "/") and not parts.query and not parts.fragment


def url_problems(doc: YamlDocument, data: dict) -> list[Problem]:
    problems = []
    places = [(("sources", i, "url"), s.get("url")) for i, s in enumerate(data.get("sources") or [])]
    places += [(("laws", i, "url"), x.get("url")) for i, x in enumerate(data.get("laws") or [])]
    for path, url in places:
        if isinstance(url, str) and is_home_page(url):
            problems.append(doc.problem(
                path,
                f"«{url}» es la página de inicio de un sitio: nadie puede comprobar el dato ahí; "
                "escribe la dirección exacta del documento (la página de la ley, el artículo o el informe)",
                f"'{url}' is a site's home page: nobody can check the fact there; "
                "write the exact address of the document (the law's page, the article or the report)"))
    return problems


def source_problems(doc: YamlDocument, data: dict) -> list[Problem]:
    problems = []
    law_ids = [x.get("id") for x in data.get("laws") or []]
    for i, source in enumerate(data.get("sources") or []):
        path = ("sources", i)
        language = source.get("language")
        if isinstance(language, str) and language not in LANGUAGE_CODES:
            es, en = suggestion(language, m.LANGUAGES)
            problems.append(doc.problem(
                path + ("language",),
                f"«{language}» no es un código de idioma ISO 639; escribe el idioma del documento: es, en, pt u otro código{es}",
                f"'{language}' is not an ISO 639 language code; write the document's language: es, en, pt or another code{en}"))
        quote = source.get("quote")
        if isinstance(quote, str) and len(quote.split()) > QUOTE_MAX_WORDS:
            problems.append(doc.problem(
                path + ("quote",),
                f"la cita tiene {len(quote.split())} palabras; cita solo las palabras en que se basa la respuesta "
                f"({QUOTE_MAX_WORDS} como máximo)",
                f"the quote has {len(quote.split())} words; quote only the words the answer rests on "
                f"(at most {QUOTE_MAX_WORDS})"))
        if source.get("law") is not None and source["law"] not in law_ids:
            problems.append(not_one_of(doc, path + ("law",), source["law"], law_ids,
                                       "el id de una ley de la lista «laws» de este archivo",
                                       "the id of a law in this file's 'laws' list"))
    return problems


def law_problems(doc: YamlDocument, data: dict) -> list[Problem]:
    problems = []
    laws = data.get("laws") or []
    ids = [x.get("id") for x in laws]
    for i, law in enumerate(laws):
        if ids.index(law.get("id")) != i:
            problems.append(doc.problem(("laws", i, "id"), f"la ley «{law.get('id')}» está repetida",
                                        f"law '{law.get('id')}' is listed twice"))
        replaced_by = law.get("replaced_by")
        if replaced_by is not None and (replaced_by not in ids or replaced_by == law.get("id")):
            problems.append(not_one_of(doc, ("laws", i, "replaced_by"), replaced_by,
                                       [x for x in ids if x != law.get("id")],
                                       "el id de otra ley de la lista «laws» de este archivo",
                                       "the id of another law in this file's 'laws' list"))
    return problems


def ended_law_basis_problems(doc: YamlDocument, data: dict) -> list[Problem]:
    """An answer whose every legal source gives the text of a law no longer in force."""
    problems = []
    laws = {x.get("id"): x for x in data.get("laws") or []}
    sources = {s.get("id"): s for s in data.get("sources") or []}
    for ind_id, answer in (data.get("indicators") or {}).items():
        if not isinstance(answer, dict) or answer.get("value") in (None, m.UNKNOWN):
            continue
        if answer.get("value") in ABOUT_ENDED_LAW.get(ind_id, ()):
            continue
        cited = [sources[sid] for sid in answer.get("sources") or [] if sid in sources]
        basis = [laws[s["law"]] for s in cited if s.get("law") in laws]
        if basis and all(x.get("status") in m.LAW_ENDED for x in basis):
            names = ", ".join(f"«{x.get('name')}»" for x in basis)
            problems.append(doc.problem(
                ("indicators", ind_id, "value"),
                f"esta respuesta se basa solo en {names}, que ya no está vigente; "
                "cita la ley que rige hoy, o escribe «value: unknown» si no se sabe",
                f"this answer rests only on {names}, which is no longer in force; "
                "cite the law in force today, or write 'value: unknown' if it is not known"))
    return problems


def fact_problems(doc: YamlDocument, data: dict) -> list[Problem]:
    """Every rule of this module for one country file."""
    return [*url_problems(doc, data), *source_problems(doc, data), *law_problems(doc, data),
            *ended_law_basis_problems(doc, data)]
