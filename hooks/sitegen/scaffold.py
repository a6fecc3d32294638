"""`make new-country ISO=xx` (and `make new-material ID=...`): start a data file that is
valid at once, with every answer `unknown` and what an editor must fill in marked.

The new country then has its profile in every language, with no code change.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from babel import Locale

from .load import load_site
from .localize import country_name
from .materials import MATERIAL_ID
from .paths import language_prefix, page_url, profile_path
from .project import REPOSITORY
from .region import REGION_FILE, listed_codes

# Where `make serve` shows the site (its --dev-addr in the Makefile).
PREVIEW = "http://127.0.0.1:8000/"

COUNTRY_TEMPLATE = """\
# yaml-language-server: $schema=../../schemas/country.schema.json
#
# {name_es}. Perfil creado con `make new-country ISO={code}` el {today}.
# POR COMPLETAR: cada línea marcada con «POR COMPLETAR». Guía: CONTRIBUTING.md.
# Cada respuesta que no sea «unknown» necesita sus fuentes (sources) y una nota si hace falta.

phase: null  # POR COMPLETAR: 1 o 2 si el país entró en una fase del proyecto

organization:
  name: null  # POR COMPLETAR: nombre de la organización nacional miembro
  website: null
  contact: null
  sources: []

summary:  # POR COMPLETAR: dos o tres frases que resuman las respuestas
  es: "Perfil en preparación: todavía no hay información verificada sobre este país."
  en: "Profile in preparation: there is no verified information about this country yet."
  pt: "Perfil em preparação: ainda não há informação verificada sobre este país."

indicators:
{indicators}
laws: []  # POR COMPLETAR: leyes con nombre, número, año, artículos y enlace

sources: []  # POR COMPLETAR: id, title, publisher, url, accessed, type

review:
  last_reviewed: {today}
  verified_by: null
  verified_on: null

changelog:
  - date: {today}
    text:
      es: "Perfil creado, sin información verificada todavía."
      en: "Profile created, with no verified information yet."
      pt: "Perfil criado, ainda sem informação verificada."
"""


def new_country(code: str, root: Path = REPOSITORY, today: dt.date | None = None) -> Path:
    code = (code or "").strip().lower()
    today = today or dt.date.today()
    if not re.fullmatch(r"[a-z]{2}", code) or code.upper() not in Locale("en").territories:
        raise SystemExit(f"«{code}» no es un código de país ISO de dos letras (ej.: make new-country ISO=br). "
                         f"/ '{code}' is not a two-letter ISO country code (e.g. make new-country ISO=br).")
    target = root / "data" / "countries" / f"{code}.yml"
    if target.exists():
        raise SystemExit(f"{target.relative_to(root)} ya existe; no se cambió nada. / already exists; nothing changed.")
    site = load_site(root, today)
    if code not in listed_codes(root):
        raise SystemExit(f"«{code}» no está en la lista de países de la región de la Red ({REGION_FILE}): agrégalo allí "
                         f"primero. / '{code}' is not in the list of the Network's region ({REGION_FILE}): add it "
                         "there first.")
    indicators = "".join(f"  {i.id}:\n    value: unknown\n" for i in site.catalogue.indicators)
    target.write_text(COUNTRY_TEMPLATE.format(name_es=country_name(code, "es"), code=code, today=today.isoformat(),
                                              indicators=indicators), encoding="utf-8")
    return target


def country_next_steps(code: str, file: str) -> str:
    """What `make new-country` ends with: what to fill in, in which file, and how to see it."""
    code = code.lower()
    es_url, en_url, pt_url = (PREVIEW + language_prefix(lang) + page_url(profile_path(code)) for lang in ("es", "en", "pt"))
    return f"""\
Creado: {file} ({country_name(code, "es")}). Todas sus respuestas dicen «unknown» por ahora.
Ahora completa en {file} cada línea marcada «POR COMPLETAR» (guía: CONTRIBUTING.md):
  1. sources: cada documento en que te basas (id, title, publisher, url, accessed, type).
  2. indicators: cada respuesta que se sepa, con su código en «value» (los códigos posibles
     están en data/indicators.yml, «scales») y sus fuentes en «sources: [id]»; lo que no se
     sepa queda «unknown».
  3. laws: las leyes que citan esas fuentes (nombre, número, año, artículos, enlace).
  4. organization: la organización nacional miembro, con la fuente que lo dice.
  5. summary: dos o tres frases que resuman las respuestas, en es, en y pt.
  6. phase: 1 o 2 si el país entró en una fase del proyecto.
Revisa lo que escribiste con `make check`. Para ver el perfil, ejecuta `make serve` y abre
{es_url} (en inglés: {en_url}; en portugués: {pt_url}).

Created: {file} ({country_name(code, "en")}). All its answers say "unknown" for now.
Now fill in, in {file}, each line marked "POR COMPLETAR" (guide: CONTRIBUTING.md):
  1. sources: each document you rely on (id, title, publisher, url, accessed, type).
  2. indicators: each answer that is known, with its code in "value" (the possible codes
     are in data/indicators.yml, "scales") and its sources in "sources: [id]"; what is not
     known stays "unknown".
  3. laws: the laws those sources cite (name, number, year, articles, link).
  4. organization: the national member organization, with the source that says so.
  5. summary: two or three sentences summing up the answers, in es, en and pt.
  6. phase: 1 or 2 if the country joined a phase of the project.
Check what you wrote with `make check`. To see the profile, run `make serve` and open
{es_url} (in English: {en_url}; in Portuguese: {pt_url}).
"""


NEW_MATERIAL_TEMPLATE = """\
# yaml-language-server: $schema=../../schemas/material.schema.json
#
# Material creado con `make new-material ID={id}` el {today}. Guía: CONTRIBUTING.md.
# POR COMPLETAR: cada campo vacío ("") o marcado. Es un borrador: no se publica.
# Cuando esté listo, borra la línea «draft: true»: desde entonces `make check` y la
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

files:  # POR COMPLETAR: copia el archivo en docs/materiales/files/ con este nombre
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


def new_material(material_id: str, root: Path = REPOSITORY, today: dt.date | None = None) -> Path:
    """Starts `data/materials/<id>.yml`: the build then lists, line by line, what to fill in."""
    material_id = (material_id or "").strip()
    today = today or dt.date.today()
    if not MATERIAL_ID.match(material_id):
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


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("country", "material"):
        print("uso / usage: python -m hooks.sitegen.scaffold country <iso2> | material <id>", file=sys.stderr)
        return 2
    kind, name = argv
    if kind == "country":
        path = new_country(name)
        print(country_next_steps(path.stem, path.relative_to(REPOSITORY).as_posix()))
        return 0
    path = new_material(name)
    print(f"Creado / created: {path.relative_to(REPOSITORY)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
