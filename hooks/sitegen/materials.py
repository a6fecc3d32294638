"""Campaign materials: posters, leaflets, guides, social media cards, audio and video that
member organizations download, print and share, in their language.

- `data/materials/<id>.yml`: one material (schemas/material.schema.json);
- `data/material-topics.yml`: the catalogue of topics;
- `data/campaign.yml`: the texts of the campaign page;
- `docs/materiales/files/`: the files themselves, served at `materiales/files/<name>` from
  the site's root whatever the language (most are made by scripts/make_materials.py).

`load_materials()` reads and checks the data (every problem at once, with file:line:col);
`materials_pages()` makes the catalogue, one page per material and the campaign page, in
one language; `materials_for_country()` lists a country's materials for its profile.
Plain Python: nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from . import model as m
from .localize import country_name, human_size, language_name, language_names, long_date, sort_key
from .model import GeneratedPage
from .paths import COUNTRIES_INDEX, profile_path, relative_url, site_file_url
from .load import read_checked, read_parsed
from .problems import DataProblems, Problem
from .render import render
from .schemas import suggestion
from .views import Ui, localized
from .yamlsource import YamlDocument

ROOT = Path(__file__).resolve().parents[2]

TYPES = ("poster", "leaflet", "guide", "social_card", "audio", "video")
ALL = "all"  # a file without words, or a material meant for every member country
FILE_LANGUAGES = (*m.LANGUAGES, ALL)
EXTERNAL_TYPES = {"video"}  # only large videos may live on another site
THUMBNAIL_FORMATS = {"svg", "png", "jpg", "jpeg", "webp"}

FILES_DIR = "docs/materiales/files"  # in the repository
FILES_URL = "materiales/files"  # on the site, from its root, for every language
CATALOGUE = "materiales/index.md"
CAMPAIGN = "campana.md"

MEDIA_TYPES = {"pdf": "application/pdf", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
               "jpeg": "image/jpeg", "webp": "image/webp", "mp3": "audio/mpeg", "ogg": "audio/ogg",
               "mp4": "video/mp4", "webm": "video/webm", "zip": "application/zip"}

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_SAFE_PATH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")


def material_path(material_id: str) -> str:
    return f"materiales/{material_id}.md"


# -- the model ------------------------------------------------------------------------

@dataclass(frozen=True)
class Topic:
    id: str
    label: m.Text


@dataclass(frozen=True)
class MaterialFile:
    """One downloadable file; size and SHA-256 are read from the file when the data load."""

    language: str  # es, en, pt, or all for a file without words
    format: str  # pdf, svg, png...
    path: str | None = None  # inside docs/materiales/files/
    url: str | None = None  # only for an external video
    external: bool = False
    size_bytes: int | None = None
    sha256: str | None = None

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name if self.path else self.url.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Licence:
    name: str
    attribution: m.Text
    url: str | None = None


@dataclass(frozen=True)
class Material:
    id: str
    file: str  # the data file, e.g. data/materials/derechos-prueba-vih.yml
    type: str
    title: m.Text
    description: m.Text
    topics: tuple[str, ...]
    countries: tuple[str, ...]  # ("all",) or lower-case member codes
    files: tuple[MaterialFile, ...]
    licence: Licence
    credits: m.Text
    published: dt.date
    thumbnail: str | None = None

    @property
    def for_all_countries(self) -> bool:
        return ALL in self.countries

    def meant_for(self, iso2: str) -> bool:
        return self.for_all_countries or iso2.lower() in self.countries

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages it can be had in (a file without words counts for all of them)."""
        have = {f.language for f in self.files}
        return tuple(lang for lang in m.LANGUAGES if lang in have or ALL in have)

    def files_in(self, lang: str) -> tuple[MaterialFile, ...]:
        return tuple(f for f in self.files if f.language in (lang, ALL))


@dataclass(frozen=True)
class CampaignMessage:
    id: str
    title: m.Text
    text: m.Text


@dataclass(frozen=True)
class Campaign:
    title: m.Text
    lead: m.Text
    messages_title: m.Text
    messages: tuple[CampaignMessage, ...]
    countries_link: m.Text
    materials_title: m.Text
    materials_intro: m.Text
    use_title: m.Text
    use: tuple[m.Text, ...]


# -- loading and checking -------------------------------------------------------------

def _text(raw) -> m.Text | None:
    return m.Text(raw["es"], raw.get("en") or None, raw.get("pt") or None) if raw else None


def _path_problem(doc: YamlDocument, where: tuple, value: str, root: Path, what_es: str, what_en: str) -> Problem | None:
    """A file named in the data must be a plain relative path that exists in docs/materiales/files/."""
    if not _SAFE_PATH.match(value):
        return doc.problem(where, f"«{value}» no es un nombre de archivo válido: escriba la ruta dentro de {FILES_DIR}/ "
                                  "con letras sin acentos, números, «-», «_» y «.» (ej.: folleto-es.pdf)",
                           f"'{value}' is not a valid file name: write the path inside {FILES_DIR}/ with plain "
                           "letters, digits, '-', '_' and '.' (e.g. leaflet-en.pdf)")
    if not (root / FILES_DIR / value).is_file():
        return doc.problem(where, f"{what_es}: no existe el archivo {FILES_DIR}/{value}; agréguelo o ejecute "
                                  "python scripts/make_materials.py",
                           f"{what_en}: file {FILES_DIR}/{value} does not exist; add it or run "
                           "python scripts/make_materials.py")
    return None


def _material_problems(doc: YamlDocument, topics: dict[str, Topic] | None, members: set[str], today: dt.date,
                       root: Path, seen_ids: dict[str, str]) -> list[Problem]:
    """The rules a schema cannot express; `seen_ids` maps each id to the file it belongs to."""
    problems = []
    data = doc.data
    stem = Path(doc.file).stem
    mid = data["id"]
    if not _ID.match(mid):
        problems.append(doc.problem(("id",), f"«{mid}» no es un id válido: use minúsculas sin acentos, números y «-»",
                                    f"'{mid}' is not a valid id: use lower-case plain letters, digits and '-'"))
    elif mid != stem:
        problems.append(doc.problem(("id",), f"el id «{mid}» debe ser igual al nombre del archivo («{stem}»)",
                                    f"id '{mid}' must be the same as the file name ('{stem}')"))
    owner = seen_ids.get(mid)
    if owner and owner != doc.file:
        problems.append(doc.problem(("id",), f"el id «{mid}» ya está en {owner}",
                                    f"id '{mid}' is already used in {owner}"))

    if topics is not None:
        for i, topic in enumerate(data["topics"]):
            if topic not in topics:
                es, en = suggestion(topic, topics)
                problems.append(doc.problem(
                    ("topics", i), f"«{topic}» no es un tema de data/material-topics.yml; se espera uno de: "
                                   f"{', '.join(topics)}{es}",
                    f"'{topic}' is not a topic of data/material-topics.yml; expected one of: {', '.join(topics)}{en}"))
            elif data["topics"].index(topic) != i:
                problems.append(doc.problem(("topics", i), f"el tema «{topic}» está repetido",
                                            f"topic '{topic}' is listed twice"))

    countries = data["countries"]
    expected = ", ".join(sorted(members))
    if isinstance(countries, str):
        if countries != ALL:
            problems.append(doc.problem(
                ("countries",), f"escriba «all» (todos los países de la Red) o una lista de códigos, ej.: [ar, bo]; "
                                f"no «{countries}»",
                f"write 'all' (every member country) or a list of codes, e.g. [ar, bo]; not '{countries}'"))
    else:
        for i, code in enumerate(countries):
            where = ("countries", i)
            if code == ALL:
                if len(countries) > 1:
                    problems.append(doc.problem(where, "«all» ya incluye a todos los países: escriba solo «countries: all»",
                                                "'all' already means every country: write just 'countries: all'"))
            elif code.lower() in members and code != code.lower():
                problems.append(doc.problem(where, f"escriba el código en minúsculas: «{code.lower()}»",
                                            f"write the code in lower case: '{code.lower()}'"))
            elif code not in members:
                es, en = suggestion(code.lower(), members)
                problems.append(doc.problem(
                    where, f"«{code}» no es un país de la Red; se espera «all» o uno de: {expected}{es}",
                    f"'{code}' is not a member country; expected 'all' or one of: {expected}{en}"))
            elif countries.index(code) != i:
                problems.append(doc.problem(where, f"el país «{code}» está repetido", f"country '{code}' is listed twice"))

    for i, f in enumerate(data["files"]):
        where = ("files", i)
        path, url, external = f.get("path"), f.get("url"), f.get("external", False)
        if bool(path) == bool(url):
            problems.append(doc.problem(where, "cada archivo lleva «path» (un archivo del sitio) o «url» (un video "
                                               "externo), uno de los dos",
                                        "each file needs either 'path' (a file of the site) or 'url' (an external "
                                        "video), not both"))
            continue
        if url:
            if not external:
                problems.append(doc.problem(where + ("url",), "un archivo con «url» debe llevar «external: true»",
                                            "a file with a 'url' must have 'external: true'"))
            if data["type"] not in EXTERNAL_TYPES:
                problems.append(doc.problem(where + ("url",), "solo un video grande puede estar en otro sitio; los "
                                                              f"demás archivos van en {FILES_DIR}/",
                                            f"only a large video may be kept on another site; other files go in "
                                            f"{FILES_DIR}/"))
            if not url.startswith("https://"):
                problems.append(doc.problem(where + ("url",), f"«{url}» debe empezar con https://",
                                            f"'{url}' must start with https://"))
            continue
        if external:
            problems.append(doc.problem(where + ("external",), "«external: true» es solo para un video con «url»",
                                        "'external: true' is only for a video with a 'url'"))
        problem = _path_problem(doc, where + ("path",), path, root, "archivo del material", "material file")
        if problem:
            problems.append(problem)
        elif not _format_matches(path, f["format"]):
            problems.append(doc.problem(where + ("format",), f"el formato «{f['format']}» no coincide con el archivo {path}",
                                        f"format '{f['format']}' does not match file {path}"))

    if data.get("thumbnail"):
        thumb = data["thumbnail"]
        problem = _path_problem(doc, ("thumbnail",), thumb, root, "miniatura", "thumbnail")
        if problem:
            problems.append(problem)
        elif PurePosixPath(thumb).suffix.lower().lstrip(".") not in THUMBNAIL_FORMATS:
            problems.append(doc.problem(("thumbnail",), f"la miniatura debe ser una imagen: {', '.join(sorted(THUMBNAIL_FORMATS))}",
                                        f"the thumbnail must be an image: {', '.join(sorted(THUMBNAIL_FORMATS))}"))

    if dt.date.fromisoformat(data["published"]) > today:
        problems.append(doc.problem(("published",), f"la fecha {data['published']} está en el futuro",
                                    f"date {data['published']} is in the future"))
    return problems


def _format_matches(path: str, fmt: str) -> bool:
    suffix = PurePosixPath(path).suffix.lower().lstrip(".")
    return suffix == fmt or {suffix, fmt} == {"jpg", "jpeg"}


def _file_digest(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return path.stat().st_size, digest.hexdigest()


def _material(doc: YamlDocument, root: Path) -> Material:
    d = doc.data
    files = []
    for f in d["files"]:
        size = sha = None
        if f.get("path"):
            size, sha = _file_digest(root / FILES_DIR / f["path"])
        files.append(MaterialFile(f["language"], f["format"], f.get("path"), f.get("url"), bool(f.get("external")),
                                  size, sha))
    countries = (ALL,) if d["countries"] == ALL or ALL in d["countries"] else tuple(d["countries"])
    licence = d["licence"]
    return Material(
        id=d["id"], file=doc.file, type=d["type"], title=_text(d["title"]), description=_text(d["description"]),
        topics=tuple(d["topics"]), countries=countries, files=tuple(files),
        licence=Licence(licence["name"], _text(licence["attribution"]), licence.get("url")),
        credits=_text(d["credits"]), published=dt.date.fromisoformat(d["published"]), thumbnail=d.get("thumbnail"))


def _campaign(d) -> Campaign:
    return Campaign(
        title=_text(d["title"]), lead=_text(d["lead"]), messages_title=_text(d["messages_title"]),
        messages=tuple(CampaignMessage(x["id"], _text(x["title"]), _text(x["text"])) for x in d["messages"]),
        countries_link=_text(d["countries_link"]),
        materials_title=_text(d["materials_title"]), materials_intro=_text(d["materials_intro"]),
        use_title=_text(d["use_title"]), use=tuple(_text(x) for x in d["use"]))


def _read_material(path: Path, root: Path, problems: list[Problem]) -> YamlDocument | None:
    """A material ready to check, or None. A draft (`draft: true`, as `make new-material`
    writes) is not published and not yet held to the rules: only its YAML must be sound."""
    found: list[Problem] = []
    doc, valid = read_parsed(path, root, "material.schema.json", found)
    if doc is not None and isinstance(doc.data, dict) and doc.data.get("draft") is True:
        return None
    problems.extend(found)
    return doc if valid else None


def load_materials(root: Path, member_codes: set[str], today: dt.date) -> tuple[tuple[Material, ...], dict[str, Topic]]:
    """Reads `root/data/materials/*.yml` and `root/data/material-topics.yml`, and checks
    `root/data/campaign.yml` too, so that one run reports every problem.

    Raises `DataProblems` listing every problem, each at its file:line:col. Materials come
    sorted by id; each file's size and SHA-256 are read from `root/docs/materiales/files/`.
    """
    members = {code.lower() for code in member_codes}
    problems: list[Problem] = []
    topics_doc = read_checked(root / "data" / "material-topics.yml", root, "material-topics.schema.json", problems)
    topics = {key: Topic(key, _text(label)) for key, label in topics_doc.data.items()} if topics_doc else None
    read_checked(root / "data" / "campaign.yml", root, "campaign.schema.json", problems)
    folder = root / "data" / "materials"
    docs = [_read_material(path, root, problems) for path in sorted(folder.glob("*.yml"))]
    # Each id belongs to the file of that name (or, failing that, to the first file using it).
    seen_ids: dict[str, str] = {}
    for doc in sorted((d for d in docs if d), key=lambda d: Path(d.file).stem != d.data["id"]):
        seen_ids.setdefault(doc.data["id"], doc.file)
    for doc in docs:
        if doc:
            problems += _material_problems(doc, topics, members, today, root, seen_ids)
    if problems:
        raise DataProblems(problems)
    materials = sorted((_material(doc, root) for doc in docs if doc), key=lambda x: x.id)  # drafts are None
    return tuple(materials), topics


def materials_fingerprint(root: Path) -> str:
    """Changes whenever a material's data or one of its files changes (the data loader's
    fingerprint only sees data/*.yml): lets `mkdocs serve` know when to load again."""
    digest = hashlib.sha256()
    watched = [root / "data" / "material-topics.yml", root / "data" / "campaign.yml",
               *sorted((root / "data" / "materials").glob("*.yml")), *sorted((root / FILES_DIR).rglob("*"))]
    for path in watched:
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}\n".encode())
    return digest.hexdigest()


def load_campaign(root: Path) -> Campaign:
    """The campaign page's texts (`root/data/campaign.yml`); raises `DataProblems`."""
    problems: list[Problem] = []
    doc = read_checked(root / "data" / "campaign.yml", root, "campaign.schema.json", problems)
    if problems:
        raise DataProblems(problems)
    return _campaign(doc.data)


# -- a new material (make new-material ID=...) ----------------------------------------

NEW_MATERIAL_TEMPLATE = """\
# yaml-language-server: $schema=../../schemas/material.schema.json
#
# Material creado con `make new-material ID={id}` el {today}. Guía: CONTRIBUTING.md.
# POR COMPLETAR: cada campo vacío ("") o marcado. Es un borrador: no se publica.
# Cuando esté listo, borre la línea «draft: true»: desde entonces `make check` y la
# compilación dicen qué falta, con su línea. / A draft, not published: remove the
# "draft: true" line when it is ready, and the checks say what is still missing.

draft: true
id: {id}
type: leaflet  # POR COMPLETAR: poster, leaflet, guide, social_card, audio o video

title:
  es: ""  # POR COMPLETAR (en y pt pueden esperar: se muestra el título en español)

description:
  es: ""  # POR COMPLETAR: una o dos frases sobre para qué sirve

topics: []  # POR COMPLETAR: ids de data/material-topics.yml, p. ej. [hiv_testing_rights]

countries: all  # o una lista de países de la Red, p. ej. [ar, bo]

files:  # POR COMPLETAR: copie el archivo en docs/materiales/files/ con este nombre
  - language: es
    path: {id}-es.pdf
    format: pdf

licence:
  name: "CC BY 4.0"
  url: "https://creativecommons.org/licenses/by/4.0/"
  attribution:
    es: ""  # POR COMPLETAR: «Título», Red de Trabajadoras Sexuales de Latinoamérica y el Caribe (RedTraSex), {year}. Licencia CC BY 4.0

credits:
  es: "Red de Trabajadoras Sexuales de Latinoamérica y el Caribe (RedTraSex)."

published: {today}
"""


def new_material(material_id: str, root: Path = ROOT, today: dt.date | None = None) -> Path:
    """Starts `data/materials/<id>.yml`: the build then lists, line by line, what to fill in."""
    material_id = (material_id or "").strip()
    today = today or dt.date.today()
    if not _ID.match(material_id):
        raise SystemExit(f"«{material_id}» no es un id válido: minúsculas sin acentos, números y «-» "
                         "(ej.: make new-material ID=folleto-condones) / not a valid id: lower-case plain letters, "
                         "digits and '-' (e.g. make new-material ID=condom-leaflet)")
    target = root / "data" / "materials" / f"{material_id}.yml"
    if target.exists():
        raise SystemExit(f"{target.relative_to(root)} ya existe; no se cambió nada. / already exists; nothing changed.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(NEW_MATERIAL_TEMPLATE.format(id=material_id, today=today.isoformat(), year=today.year),
                      encoding="utf-8")
    return target


# -- small helpers for the views ------------------------------------------------------

def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def file_url(lang: str, page: str, file_path: str, directory_urls: bool = True) -> str:
    """Relative link from `page` (in language `lang`) to a file in docs/materiales/files/.

    The files are served once, at `materiales/files/<path>` from the site's root; a page in
    English or Portuguese lives under `en/` or `pt/`.
    """
    return site_file_url(lang, page, f"{FILES_URL}/{quote(file_path)}", directory_urls)


def _type_label(ui: Ui, kind: str) -> str:
    return ui["material_type_" + kind]


def _topic_labels(material: Material, topics: dict[str, Topic], lang: str) -> list[dict]:
    return [{"id": t, "label": topics[t].label.get(lang)[0] if t in topics else t} for t in material.topics]


def _file_view(f: MaterialFile, lang: str, page: str, directory_urls: bool) -> dict:
    language = language_name(f.language, lang) if f.language != ALL else None
    return {
        "language": f.language, "language_name": language,
        "format": f.format.upper(), "media_type": MEDIA_TYPES.get(f.format),
        "size": human_size(f.size_bytes, lang) if f.size_bytes is not None else None,
        "size_bytes": f.size_bytes, "sha256": f.sha256, "name": f.name, "external": f.external,
        "url": f.url if f.external else file_url(lang, page, f.path, directory_urls),
        "hreflang": f.language if f.language != ALL else None,
    }


def _ordered_files(material: Material, lang: str) -> list[MaterialFile]:
    """The reader's language first, then the others in the site's order."""
    order = [lang, *(x for x in FILE_LANGUAGES if x != lang)]
    return sorted(material.files, key=lambda f: order.index(f.language))


def _availability(material: Material, lang: str, ui: Ui) -> dict:
    available = lang in material.languages
    return {
        "available": available,
        "only_in": None if available else ui.materials_only_in.format(languages=language_names(material.languages, lang)),
        "languages": [{"code": c, "name": language_name(c, lang)} for c in material.languages],
        "languages_text": language_names(material.languages, lang),
    }


def material_card(site: m.SiteData, material: Material, topics: dict[str, Topic], lang: str, from_page: str,
                  directory_urls: bool = True) -> dict:
    """What a material's card shows, on any page in language `lang`."""
    ui = Ui(site, lang)
    return {
        "id": material.id, "anchor": f"material-{material.id}",
        "type": material.type, "type_label": _type_label(ui, material.type),
        "title": localized(material.title, lang), "description": localized(material.description, lang),
        "url": relative_url(from_page, material_path(material.id), directory_urls),
        "thumbnail": file_url(lang, from_page, material.thumbnail, directory_urls) if material.thumbnail else None,
        "topics": _topic_labels(material, topics, lang),
        "countries": list(material.countries),
        "files": [_file_view(f, lang, from_page, directory_urls) for f in _ordered_files(material, lang)],
        "licence": {"name": material.licence.name, "url": material.licence.url},
        "published": long_date(material.published, lang), "published_iso": material.published.isoformat(),
        **_availability(material, lang, ui),
    }


def _in_order(materials, lang: str) -> list[Material]:
    """Newest first, then by title in the reader's language."""
    by_title = sorted(materials, key=lambda x: sort_key(x.title.get(lang)[0]))
    return sorted(by_title, key=lambda x: x.published, reverse=True)


# -- view-models ----------------------------------------------------------------------

def catalogue_view(site: m.SiteData, materials, topics: dict[str, Topic], lang: str,
                   directory_urls: bool = True) -> dict:
    ui = Ui(site, lang)
    groups = []
    for kind in TYPES:
        chosen = [x for x in materials if x.type == kind]
        if chosen:
            groups.append({"type": kind, "anchor": kind.replace("_", "-"), "heading": ui["material_group_" + kind],
                           "cards": [material_card(site, x, topics, lang, CATALOGUE, directory_urls)
                                     for x in _in_order(chosen, lang)]})
    used_topics = {t for x in materials for t in x.topics}
    named_countries = sorted(((c.iso2.lower(), country_name(c.iso2, lang)) for c in site.countries),
                             key=lambda pair: sort_key(pair[1]))
    filters = [
        {"name": "type", "label": ui.materials_filter_type,
         "options": [{"value": g["type"], "label": _type_label(ui, g["type"])} for g in groups]},
        {"name": "topic", "label": ui.materials_filter_topic,
         "options": sorted(({"value": t.id, "label": t.label.get(lang)[0]} for t in topics.values() if t.id in used_topics),
                           key=lambda o: sort_key(o["label"]))},
        {"name": "country", "label": ui.country,
         "options": [{"value": code, "label": name} for code, name in named_countries]},
        {"name": "language", "label": ui.materials_filter_language,
         "options": [{"value": c, "label": _capitalized(language_name(c, lang))} for c in m.LANGUAGES]},
    ]
    return {"groups": groups, "filters": filters, "total": len(materials),
            "campaign_url": relative_url(CATALOGUE, CAMPAIGN, directory_urls),
            # The filter script is loaded by this page only.
            "script": site_file_url(lang, CATALOGUE, "assets/materials.js", directory_urls)}


def material_view(site: m.SiteData, material: Material, topics: dict[str, Topic], lang: str,
                  directory_urls: bool = True) -> dict:
    ui = Ui(site, lang)
    page = material_path(material.id)
    card = material_card(site, material, topics, lang, page, directory_urls)
    if material.for_all_countries:
        countries = []
    else:
        named = sorted(((code, country_name(code, lang)) for code in material.countries), key=lambda p: sort_key(p[1]))
        countries = [{"name": name, "url": relative_url(page, profile_path(code), directory_urls)} for code, name in named]
    others = [c for c in material.languages if c != lang]
    return {
        **card,
        "countries_list": countries,
        "credits": localized(material.credits, lang),
        "attribution": localized(material.licence.attribution, lang),
        "also_in": language_names(others, lang) if others else None,
        "back_url": relative_url(page, CATALOGUE, directory_urls),
        "campaign_url": relative_url(page, CAMPAIGN, directory_urls),
        "type_url": relative_url(page, CATALOGUE, directory_urls, material.type.replace("_", "-")),
        "sha256_help": ui.materials_sha256_help,
    }


def campaign_view(site: m.SiteData, materials, topics: dict[str, Topic], campaign: Campaign, lang: str,
                  directory_urls: bool = True) -> dict:
    def text(value: m.Text) -> dict:
        view = localized(value, lang)
        view["text"] = view["text"].replace("{countries}", str(len(site.countries)))
        return view

    cards = []
    for material in sorted(_in_order(materials, lang), key=lambda x: TYPES.index(x.type)):
        card = material_card(site, material, topics, lang, CAMPAIGN, directory_urls)
        card["main_file"] = next((f for f in card["files"] if f["language"] in (lang, ALL)), None)
        cards.append(card)
    return {
        "title": text(campaign.title), "slogan": localized(site.settings.slogan, lang), "lead": text(campaign.lead),
        "messages_title": text(campaign.messages_title),
        "messages": [{"id": x.id, "title": text(x.title), "text": text(x.text)} for x in campaign.messages],
        "countries_link": text(campaign.countries_link),
        "materials_title": text(campaign.materials_title), "materials_intro": text(campaign.materials_intro),
        "materials": cards,
        "use_title": text(campaign.use_title), "use": [text(x) for x in campaign.use],
        "catalogue_url": relative_url(CAMPAIGN, CATALOGUE, directory_urls),
        "countries_url": relative_url(CAMPAIGN, COUNTRIES_INDEX, directory_urls),
    }


def materials_for_country(site: m.SiteData, materials, iso2: str, lang: str, from_page: str,
                          directory_urls: bool = True) -> list[dict]:
    """The materials meant for one country, for a section of its profile: those made for
    it first, then those for every member country."""
    ui = Ui(site, lang)
    chosen = [x for x in _in_order(materials, lang) if x.meant_for(iso2)]
    chosen.sort(key=lambda x: (x.for_all_countries, TYPES.index(x.type)))
    return [{"id": x.id, "title": localized(x.title, lang), "type": x.type, "type_label": _type_label(ui, x.type),
             "url": relative_url(from_page, material_path(x.id), directory_urls),
             "specific": not x.for_all_countries, **_availability(x, lang, ui)}
            for x in chosen]


def materials_country_section(site: m.SiteData, materials, iso2: str, lang: str, from_page: str,
                              directory_urls: bool = True) -> str:
    """Markdown for a profile: a heading and the list of the country's materials ("" if none)."""
    items = materials_for_country(site, materials, iso2, lang, from_page, directory_urls)
    if not items:
        return ""
    return render("materials-country.md.j2", items=items, ui=Ui(site, lang), page_lang=lang,
                  catalogue_url=relative_url(from_page, CATALOGUE, directory_urls) + f"?country={iso2.lower()}")


# -- the pages ------------------------------------------------------------------------

def materials_paths(materials) -> list[str]:
    """Every page `materials_pages()` makes (the same in each language)."""
    return [CATALOGUE, *(material_path(x.id) for x in materials), CAMPAIGN]


def materials_pages(site: m.SiteData, materials, topics: dict[str, Topic], lang: str, directory_urls: bool = True,
                    campaign: Campaign | None = None) -> list[GeneratedPage]:
    """The catalogue, one page per material and the campaign page, in language `lang`.

    `campaign` is what `load_campaign()` returns; when it is not given, it is read from
    this repository's data/campaign.yml.
    """
    campaign = campaign or load_campaign(ROOT)
    common = {"ui": Ui(site, lang), "page_lang": lang, "campaign_title": localized(campaign.title, lang)}
    pages = [GeneratedPage(CATALOGUE, render("materials-index.md.j2",
                                             v=catalogue_view(site, materials, topics, lang, directory_urls), **common))]
    for material in materials:
        view = material_view(site, material, topics, lang, directory_urls)
        pages.append(GeneratedPage(material_path(material.id), render("materials-detail.md.j2", p=view, **common)))
    pages.append(GeneratedPage(CAMPAIGN, render(
        "materials-campaign.md.j2", v=campaign_view(site, materials, topics, campaign, lang, directory_urls), **common)))
    return pages
