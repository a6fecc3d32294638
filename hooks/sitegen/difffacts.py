"""`make diff-facts BASE=<revision>`: what a change does to the facts, in the editors' words.

Compares the data at BASE (a branch, tag or commit) with the working tree and prints, in
Spanish and then in English, per country: each answer that changed («¿Es obligatoria la
prueba?» No → Sí, por ley) with the sources it gained or lost; each text whose Spanish
changed while a translation did not; countries and materials added or removed. Markdown,
so the same text reads in a terminal, a job summary and a pull-request comment; every
string from the data is escaped (mdtext.py): nothing in a pull request becomes a link, an
image, HTML or a mention.

    python -m hooks.sitegen.difffacts BASE [--output FILE]

Also appends the report to $GITHUB_STEP_SUMMARY when it is set. Exit code 0 when the report
was made (even if a side's data have problems: the report says so), 2 for a bad BASE.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from . import mdtext
from . import model as m
from .localize import country_name, sort_key
from .project import REPOSITORY
from .revisiondata import RevisionError, SideData, export, first_problem, read_side, resolve

COMMENT_LIMIT = 60_000  # a GitHub comment holds 65,536 characters
SUMMARY_LIMIT = 900_000  # a step's job summary holds 1 MiB
EXCERPT = 90  # characters of a changed text quoted in the report

# Everything said in the report, per language.
WORDS = {
    "es": {
        "title": "Qué cambia en los datos", "against": "frente a", "nothing": "Ningún dato cambió.",
        "broken_base": "Los datos de {rev} no se cargan ({n} problema(s); el primero: {first}). Se compara lo que "
                       "se puede leer de sus archivos.",
        "broken_work": "Los datos de este cambio tienen {n} problema(s) (`make check` los lista; el primero: "
                       "{first}). Se compara lo que se puede leer.",
        "unreadable": "No se puede leer {file} en {side}: `make check` dice por qué.", "this_change": "este cambio",
        "added_country": "País nuevo ({file}).", "removed_country": "País quitado ({file}).",
        "answers_known": "{known} de {total} respuestas conocidas.",
        "unchanged": "(la respuesta no cambia)", "no_answer": "(sin respuesta)",
        "source_added": "fuente añadida", "source_removed": "fuente quitada",
        "stale": "la traducción {which} puede estar desactualizada",
        "which": {("en",): "al inglés", ("pt",): "al portugués", ("en", "pt"): "al inglés y al portugués"},
        "stale_line": "{what}: cambió el español y no su traducción: {excerpt} — {stale}.",
        "summary": "Resumen", "note": "Nota de {question}", "changelog": "Historial de cambios ({date})",
        "text": "{path}", "catalogue": "Catálogo de indicadores", "ui": "Textos de la interfaz",
        "materials": "Materiales", "other": "Otros textos", "countries_changed": "Países",
        "added_material": "Material nuevo: {id} {title}", "removed_material": "Material quitado: {id} {title}",
    },
    "en": {
        "title": "What changes in the data", "against": "against", "nothing": "No fact changed.",
        "broken_base": "The data at {rev} do not load ({n} problem(s); the first: {first}). What can be read of "
                       "its files is compared.",
        "broken_work": "The data of this change have {n} problem(s) (`make check` lists them; the first: "
                       "{first}). What can be read is compared.",
        "unreadable": "{file} cannot be read in {side}: `make check` says why.", "this_change": "this change",
        "added_country": "New country ({file}).", "removed_country": "Country removed ({file}).",
        "answers_known": "{known} of {total} answers known.",
        "unchanged": "(the answer does not change)", "no_answer": "(no answer)",
        "source_added": "source added", "source_removed": "source removed",
        "stale": "the {which} may be out of date",
        "which": {("en",): "English translation", ("pt",): "Portuguese translation",
                  ("en", "pt"): "English and Portuguese translations"},
        "stale_line": "{what}: the Spanish changed and its translation did not: {excerpt} — {stale}.",
        "summary": "Summary", "note": "Note on {question}", "changelog": "Change log ({date})",
        "text": "{path}", "catalogue": "Indicator catalogue", "ui": "Interface texts",
        "materials": "Materials", "other": "Other texts", "countries_changed": "Countries",
        "added_material": "New material: {id} {title}", "removed_material": "Material removed: {id} {title}",
    },
}
QUOTES = {"es": "«{}»", "en": "“{}”"}
TRANSLATIONS = ("en", "pt")


# -- reading the raw data, whatever their shape -----------------------------------------

def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _in(text, lang: str) -> str | None:
    """One language of a {es, en, pt} text (Spanish when that language is missing)."""
    text = _dict(text)
    value = text.get(lang) or text.get(m.DEFAULT_LANGUAGE)
    return value if isinstance(value, str) else None


class Catalogue:
    """Questions and answer labels of one side's data/indicators.yml."""

    def __init__(self, side: SideData):
        raw = _dict(side.data("data/indicators.yml"))
        self.order: list[str] = []
        self.questions: dict[str, dict] = {}
        self.scales: dict[str, str] = {}
        for group in _list(raw.get("groups")):
            for ind in _list(_dict(group).get("indicators")):
                ind = _dict(ind)
                if isinstance(ind.get("id"), str):
                    self.order.append(ind["id"])
                    self.questions[ind["id"]] = _dict(ind.get("question"))
                    self.scales[ind["id"]] = ind.get("scale")
        self.labels = {sid: {_dict(v).get("code"): _dict(v).get("label") for v in _list(values)}
                       for sid, values in _dict(raw.get("scales")).items()}
        self.unknown = _dict(_dict(side.data("data/ui.yml")).get("no_verified_information"))

    def label(self, indicator: str, code, lang: str) -> str | None:
        if code == m.UNKNOWN:
            return _in(self.unknown, lang) or m.UNKNOWN
        return _in(self.labels.get(self.scales.get(indicator), {}).get(code), lang)


def _answers(country) -> dict:
    return {k: _dict(v) for k, v in _dict(_dict(country).get("indicators")).items()}


def _source_names(country, ids) -> set[tuple[str, str, str]]:
    """(title, address, id) of each cited source; an id not in the list stands for itself.
    The id counts: two quotes of one document are two sources."""
    sources = {_dict(s).get("id"): _dict(s) for s in _list(_dict(country).get("sources"))}
    return {(str(sources[i].get("title") or i), str(sources[i].get("url") or ""), str(i)) if i in sources
            else (str(i), "", str(i)) for i in _list(ids) if isinstance(i, (str, int))}


def texts(value, path=()) -> dict:
    """{path: text} of every trilingual text ({es: …, en: …, pt: …}) in a file's data; list
    items are named by their id (or code, or date) so that a path survives a reordering."""
    found = {}
    if isinstance(value, dict):
        if m.DEFAULT_LANGUAGE in value and set(value) <= set(m.LANGUAGES):
            return {path: value}
        for key, item in value.items():
            found.update(texts(item, path + (str(key),)))
    elif isinstance(value, list):
        seen = set()
        for index, item in enumerate(value):
            item_d = _dict(item)
            name = next((str(item_d[k]) for k in ("id", "code", "date") if k in item_d), str(index))
            name = name if name not in seen else f"{name}#{index}"
            seen.add(name)
            found.update(texts(item, path + (name,)))
    return found


def stale_translations(old_file, new_file) -> list[tuple[tuple, dict, tuple]]:
    """(path, new text, languages left behind) for each text whose Spanish changed while a
    translation that exists stayed as it was."""
    old, new = texts(old_file), texts(new_file)
    out = []
    for path, text in new.items():
        before = old.get(path)
        if before is None or before.get("es") == text.get("es"):
            continue
        behind = tuple(lang for lang in TRANSLATIONS if text.get(lang) and text.get(lang) == before.get(lang))
        if behind:
            out.append((path, text, behind))
    return out


# -- the report ---------------------------------------------------------------------------

class Report:
    def __init__(self, old: SideData, new: SideData, base_name: str):
        self.old, self.new, self.base_name = old, new, base_name
        self.old_cat, self.new_cat = Catalogue(old), Catalogue(new)

    def question(self, indicator: str, lang: str) -> str:
        q = _in(self.new_cat.questions.get(indicator), lang) or _in(self.old_cat.questions.get(indicator), lang)
        return QUOTES[lang].format(mdtext.escape(q or indicator))

    def label(self, cat: Catalogue, indicator: str, answer: dict, lang: str) -> str:
        if "value" not in answer:
            return WORDS[lang]["no_answer"]
        label = cat.label(indicator, answer["value"], lang)
        return mdtext.escape(label) if label else mdtext.code(answer["value"])

    def answer_lines(self, old_country, new_country, lang: str) -> list[str]:
        w = WORDS[lang]
        old_answers, new_answers = _answers(old_country), _answers(new_country)
        ids = [i for i in self.new_cat.order if i in old_answers or i in new_answers]
        ids += sorted((set(old_answers) | set(new_answers)) - set(ids), key=str)
        lines = []
        for ind in ids:
            before, after = old_answers.get(ind, {}), new_answers.get(ind, {})
            old_src = _source_names(old_country, before.get("sources"))
            new_src = _source_names(new_country, after.get("sources"))
            if before.get("value") == after.get("value") and old_src == new_src and ("value" in before) == ("value" in after):
                continue
            old_label = self.label(self.old_cat, ind, before, lang)
            new_label = self.label(self.new_cat, ind, after, lang)
            change = (f"{old_label} → {new_label}" if before.get("value") != after.get("value") or
                      ("value" in before) != ("value" in after) else f"{new_label} {w['unchanged']}")
            lines.append(f"- {self.question(ind, lang)} {change}")
            for kind, names in (("source_added", new_src - old_src), ("source_removed", old_src - new_src)):
                for title, url, _id in sorted(names):
                    where = f" ({mdtext.code(url)})" if url else ""
                    lines.append(f"  - {w[kind]}: {mdtext.escape(title)}{where}")
        return lines

    def describe(self, path: tuple, lang: str, country: bool) -> str:
        w = WORDS[lang]
        if country and path == ("summary",):
            return w["summary"]
        if country and len(path) == 3 and path[0] == "indicators" and path[2] == "note":
            return w["note"].format(question=self.question(path[1], lang))
        if country and len(path) == 3 and path[0] == "changelog":
            return w["changelog"].format(date=mdtext.escape(path[1]))
        if len(path) > 3 and path[0] == "groups" and path[2] == "indicators":
            path = path[3:]  # the indicator's id says enough
        return mdtext.code(" › ".join(path))

    def stale_lines(self, old_file, new_file, lang: str, country: bool = False, prefix: str = "") -> list[str]:
        w = WORDS[lang]
        lines = []
        for path, text, behind in stale_translations(old_file, new_file):
            spanish = text.get("es")
            excerpt = (QUOTES[lang].format(mdtext.escape(spanish if len(spanish) <= EXCERPT else spanish[:EXCERPT] + "…"))
                       if isinstance(spanish, str) else "")
            what = (prefix + " › " if prefix else "") + self.describe(path, lang, country)
            lines.append("- " + w["stale_line"].format(what=what, excerpt=excerpt,
                                                      stale=w["stale"].format(which=w["which"][behind])))
        return lines

    def country_sections(self, lang: str) -> list[str]:
        w = WORDS[lang]
        old, new = self.old.under("data/countries"), self.new.under("data/countries")
        out = []
        for code in sorted(set(old) | set(new), key=lambda c: sort_key(country_name(c, lang))):
            file = mdtext.code(f"data/countries/{code}.yml")
            if code not in old:
                answers = _answers(new[code])
                known = sum(1 for a in answers.values() if a.get("value") not in (None, m.UNKNOWN))
                lines = [f"- {w['added_country'].format(file=file)} "
                         f"{w['answers_known'].format(known=known, total=len(answers))}"]
            elif code not in new:
                lines = [f"- {w['removed_country'].format(file=file)}"]
            elif old[code] is None or new[code] is None:
                side = mdtext.code(self.base_name) if old[code] is None else w["this_change"]
                lines = [f"- {w['unreadable'].format(file=file, side=side)}"]
            else:
                lines = (self.answer_lines(old[code], new[code], lang)
                         + self.stale_lines(old[code], new[code], lang, country=True))
            if lines:
                out += [f"#### {mdtext.escape(country_name(code, lang))}", "", *lines, ""]
        return out

    def material_lines(self, lang: str) -> list[str]:
        w = WORDS[lang]
        old, new = self.old.under("data/materials"), self.new.under("data/materials")
        lines = []
        for ident in sorted(set(old) | set(new)):
            if ident not in old or ident not in new:
                data = _dict(new.get(ident) or old.get(ident))
                title = _in(data.get("title"), lang)
                kind = "added_material" if ident not in old else "removed_material"
                lines.append("- " + w[kind].format(id=mdtext.code(ident),
                                                   title=QUOTES[lang].format(mdtext.escape(title)) if title else "").rstrip())
            else:
                lines += self.stale_lines(old[ident], new[ident], lang, prefix=mdtext.code(ident))
        old_src, new_src = self.old.under("data/materials/src"), self.new.under("data/materials/src")
        for ident in sorted(set(old_src) & set(new_src)):
            lines += self.stale_lines(old_src[ident], new_src[ident], lang, prefix=mdtext.code(f"src/{ident}"))
        return lines

    def file_lines(self, rel: str, lang: str) -> list[str]:
        return self.stale_lines(self.old.data(rel), self.new.data(rel), lang)

    def section(self, lang: str) -> list[str]:
        w = WORDS[lang]
        lines = [f"## {w['title']} ({w['against']} {mdtext.code(self.base_name)})", ""]
        for side, key in ((self.old, "broken_base"), (self.new, "broken_work")):
            if not side.sound:
                lines += ["> " + w[key].format(rev=mdtext.code(self.base_name), n=len(side.problems),
                                               first=mdtext.escape(first_problem(side))), ""]
        body = []
        countries = self.country_sections(lang)
        if countries:
            body += [f"### {w['countries_changed']}", "", *countries]
        others = (("catalogue", self.file_lines("data/indicators.yml", lang)), ("ui", self.file_lines("data/ui.yml", lang)),
                  ("materials", self.material_lines(lang)),
                  ("other", [line for rel in ("data/campaign.yml", "data/site.yml", "data/material-topics.yml")
                             for line in self.file_lines(rel, lang)]))
        for key, found in others:
            if found:
                body += [f"### {w[key]}", "", *found, ""]
        return lines + (body or [w["nothing"], ""])

    def markdown(self) -> str:
        return "\n".join(self.section("es") + self.section("en")).rstrip() + "\n"


def report(root: Path, base: str) -> str:
    """The report comparing `base` with the working tree of `root` (RevisionError if `base` is not one)."""
    commit = resolve(root, base)
    with tempfile.TemporaryDirectory(prefix="diff-facts-") as tmp:
        export(root, commit, Path(tmp))
        old = read_side(Path(tmp))
    new = read_side(root)
    name = commit[:10] if base.strip() == commit else f"{base.strip()} · {commit[:10]}"
    return Report(old, new, name).markdown()


def cut(text: str, limit: int) -> str:
    """`text`, or as many of its lines as fit in `limit` characters, saying so."""
    if len(text) <= limit:
        return text
    kept = text[:limit].rsplit("\n", 1)[0]
    return (kept + "\n\n… (recortado: el informe completo se obtiene con `make diff-facts` / cut: run `make diff-facts` "
            "for the full report)\n")


def main(argv: list[str], root: Path = REPOSITORY, environ=os.environ) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.sitegen.difffacts", description=__doc__.split("\n")[0])
    parser.add_argument("base", nargs="?", default="", help="a branch, tag or commit, e.g. origin/main")
    parser.add_argument("--output", type=Path, help="also write the report here (cut to fit a GitHub comment)")
    args = parser.parse_args(argv)
    try:
        text = report(root, args.base)
    except RevisionError as error:
        print(error, file=sys.stderr)
        return 2
    try:
        print(text, flush=True)
    except BrokenPipeError:  # `| head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if environ.get("GITHUB_STEP_SUMMARY"):
        with open(environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(cut(text, SUMMARY_LIMIT) + "\n")
    if args.output:
        args.output.write_text(cut(text, COMMENT_LIMIT), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
