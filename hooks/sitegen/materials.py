"""Campaign materials: loading and checking their data (every problem at once, with file:line:col).

- `data/materials/<id>.yml`: one material (schemas/material.schema.json);
- `data/material-topics.yml`: the catalogue of topics;
- `data/campaign.yml`: the texts of the campaign page;
- `docs/materiales/files/`: the files themselves, served at `materiales/files/<name>` from
  the site's root whatever the language (most are made by scripts/make_materials.py).

The model is in `model.py` (`Material`, `Topic`, `Campaign`), the pages in
`materialviews.py`, the scaffold of a new material in `scaffold.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path, PurePosixPath

from . import model as m
from .datareader import DataReader
from .model import ALL, Campaign, CampaignMessage, Licence, Material, MaterialFile, Topic
from .problems import DataProblems, Problem
from .schemas import suggestion
from .yamlsource import YamlDocument

EXTERNAL_TYPES = {"video"}  # only large videos may live on another site
THUMBNAIL_FORMATS = {"svg", "png", "jpg", "jpeg", "webp"}
FILES_DIR = "docs/materiales/files"  # in the repository, as editors read it in messages

MATERIAL_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_SAFE_PATH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")


def _path_problem(doc: YamlDocument, where: tuple, value: str, files: Path, what_es: str, what_en: str) -> Problem | None:
    """A file named in the data must be a plain relative path that exists in docs/materiales/files/."""
    if not _SAFE_PATH.match(value):
        return doc.problem(where, f"«{value}» no es un nombre de archivo válido: escribe la ruta dentro de {FILES_DIR}/ "
                                  "con letras sin acentos, números, «-», «_» y «.» (ej.: folleto-es.pdf)",
                           f"'{value}' is not a valid file name: write the path inside {FILES_DIR}/ with plain "
                           "letters, digits, '-', '_' and '.' (e.g. leaflet-en.pdf)")
    if not (files / value).is_file():
        return doc.problem(where, f"{what_es}: no existe el archivo {FILES_DIR}/{value}; agrégalo o ejecuta "
                                  "python scripts/make_materials.py",
                           f"{what_en}: file {FILES_DIR}/{value} does not exist; add it or run "
                           "python scripts/make_materials.py")
    return None


def _material_problems(doc: YamlDocument, topics: dict[str, Topic] | None, members: set[str], today: dt.date,
                       files: Path, seen_ids: dict[str, str]) -> list[Problem]:
    """The rules a schema cannot express; `seen_ids` maps each id to the file it belongs to."""
    problems = []
    data = doc.data
    stem = Path(doc.file).stem
    mid = data["id"]
    if not MATERIAL_ID.match(mid):
        problems.append(doc.problem(("id",), f"«{mid}» no es un id válido: usa minúsculas sin acentos, números y «-»",
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
                ("countries",), f"escribe «all» (todos los países de la Red) o una lista de códigos, ej.: [ar, bo]; "
                                f"no «{countries}»",
                f"write 'all' (every member country) or a list of codes, e.g. [ar, bo]; not '{countries}'"))
    else:
        for i, code in enumerate(countries):
            where = ("countries", i)
            if code == ALL:
                if len(countries) > 1:
                    problems.append(doc.problem(where, "«all» ya incluye a todos los países: escribe solo «countries: all»",
                                                "'all' already means every country: write just 'countries: all'"))
            elif code.lower() in members and code != code.lower():
                problems.append(doc.problem(where, f"escribe el código en minúsculas: «{code.lower()}»",
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
        if f.get("variant") and data["type"] != "social_card":
            problems.append(doc.problem(where + ("variant",), "«variant: story» es solo para una tarjeta para redes "
                                                              "sociales (type: social_card)",
                                        "'variant: story' is only for a social media card (type: social_card)"))
        if external:
            problems.append(doc.problem(where + ("external",), "«external: true» es solo para un video con «url»",
                                        "'external: true' is only for a video with a 'url'"))
        problem = _path_problem(doc, where + ("path",), path, files, "archivo del material", "material file")
        if problem:
            problems.append(problem)
        elif not _format_matches(path, f["format"]):
            problems.append(doc.problem(where + ("format",), f"el formato «{f['format']}» no coincide con el archivo {path}",
                                        f"format '{f['format']}' does not match file {path}"))

    if data.get("thumbnail"):
        thumb = data["thumbnail"]
        problem = _path_problem(doc, ("thumbnail",), thumb, files, "miniatura", "thumbnail")
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


def _material(doc: YamlDocument, reader: DataReader) -> Material:
    d = doc.data
    files = []
    for f in d["files"]:
        size = sha = None
        if f.get("path"):
            path = reader.project.material_files / f["path"]
            size, sha = path.stat().st_size, reader.cache.digest(path)
        files.append(MaterialFile(f["language"], f["format"], f.get("path"), f.get("url"), bool(f.get("external")),
                                  size, sha, f.get("variant")))
    countries = (ALL,) if d["countries"] == ALL or ALL in d["countries"] else tuple(d["countries"])
    licence = d["licence"]
    return Material(
        id=d["id"], file=doc.file, type=d["type"], title=m.Text.of(d["title"]), description=m.Text.of(d["description"]),
        topics=tuple(d["topics"]), countries=countries, files=tuple(files),
        licence=Licence(licence["name"], m.Text.of(licence["attribution"]), licence.get("url")),
        credits=m.Text.of(d["credits"]), published=dt.date.fromisoformat(d["published"]), thumbnail=d.get("thumbnail"))


def _campaign(d) -> Campaign:
    return Campaign(
        title=m.Text.of(d["title"]), lead=m.Text.of(d["lead"]), messages_title=m.Text.of(d["messages_title"]),
        messages=tuple(CampaignMessage(x["id"], m.Text.of(x["title"]), m.Text.of(x["text"])) for x in d["messages"]),
        countries_link=m.Text.of(d["countries_link"]),
        materials_title=m.Text.of(d["materials_title"]), materials_intro=m.Text.of(d["materials_intro"]),
        use_title=m.Text.of(d["use_title"]), use=tuple(m.Text.of(x) for x in d["use"]))


def _read_material(path: Path, reader: DataReader, problems: list[Problem]) -> YamlDocument | None:
    """A material ready to check, or None. A draft (`draft: true`, as `make new-material`
    writes) is not published and not yet held to the rules: only its YAML must be sound."""
    found: list[Problem] = []
    doc, valid = reader.parsed(path, "material.schema.json", found)
    if doc is not None and isinstance(doc.data, dict) and doc.data.get("draft") is True:
        return None
    problems.extend(found)
    return doc if valid else None


def load_materials(reader: DataReader, member_codes: set[str],
                   today: dt.date) -> tuple[tuple[Material, ...], dict[str, Topic]]:
    """Reads `data/materials/*.yml` and `data/material-topics.yml`, and checks
    `data/campaign.yml` too, so that one run reports every problem.

    Raises `DataProblems` listing every problem, each at its file:line:col. Materials come
    sorted by id; each file's size and SHA-256 are read from `docs/materiales/files/`.
    """
    members = {code.lower() for code in member_codes}
    problems: list[Problem] = []
    data = reader.project.data
    topics_doc = reader.checked(data / "material-topics.yml", "material-topics.schema.json", problems)
    topics = {key: Topic(key, m.Text.of(label)) for key, label in topics_doc.data.items()} if topics_doc else None
    reader.checked(data / "campaign.yml", "campaign.schema.json", problems)
    docs = [_read_material(path, reader, problems) for path in sorted((data / "materials").glob("*.yml"))]
    # Each id belongs to the file of that name (or, failing that, to the first file using it).
    seen_ids: dict[str, str] = {}
    for doc in sorted((d for d in docs if d), key=lambda d: Path(d.file).stem != d.data["id"]):
        seen_ids.setdefault(doc.data["id"], doc.file)
    for doc in docs:
        if doc:
            problems += _material_problems(doc, topics, members, today, reader.project.material_files, seen_ids)
    if problems:
        raise DataProblems(problems)
    materials = sorted((_material(doc, reader) for doc in docs if doc), key=lambda x: x.id)  # drafts are None
    return tuple(materials), topics


def load_campaign(reader: DataReader) -> Campaign:
    """The campaign page's texts (`data/campaign.yml`); raises `DataProblems`."""
    problems: list[Problem] = []
    doc = reader.checked(reader.project.data / "campaign.yml", "campaign.schema.json", problems)
    if problems:
        raise DataProblems(problems)
    return _campaign(doc.data)
