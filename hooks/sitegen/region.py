"""The Network's region (`data/region.yml`) and the rule it sets for country files.

A country file is named by the code of a country the Network may cover, so that a
`zz.yml` (no country), `eu.yml` (not a country) or `fr.yml` (outside the region) is
refused instead of published as a member. The list is data: the Network adds a country
by adding its code there.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel import Locale

from .maps import load_geometry
from .problems import Problem
from .project import Project
from .yamlsource import YamlDocument, load_yaml

REGION_FILE = "data/region.yml"
# Babel also names groupings and ISO's user-assigned codes (EU "European Union", ZZ
# "Unknown Region", QO, XA...): they are not countries. XK (Kosovo) is one.
_NOT_COUNTRIES = {"AA", "EU", "EZ", "UN", "ZZ"}
ISO_CODES = {code.lower() for code in Locale("en").territories
             if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
             and not code.startswith("Q") and (not code.startswith("X") or code == "XK")}
_CODE = re.compile(r"^[a-z]{2}$")
_HOW_TO_ADD_ES = (f"si la Red suma ese país, agrega su código a {REGION_FILE} (el comentario al comienzo "
                  "del archivo explica cómo)")
_HOW_TO_ADD_EN = f"if the Network adds that country, add its code to {REGION_FILE} (its opening comment says how)"


def region_codes(doc: YamlDocument, map_codes: set[str] | None, problems: list[Problem]) -> set[str]:
    """The region's codes from a schema-checked region.yml; a code that is not a real
    ISO country, is repeated or has no shape on the map is a problem (and left out)."""
    codes: set[str] = set()
    for i, code in enumerate(doc.data["countries"]):
        path = ("countries", i)
        if not _CODE.match(code) or code not in ISO_CODES:
            problems.append(doc.problem(path, f"«{code}» no es un código ISO de país de dos letras en minúsculas "
                                              "(ej.: bo)",
                                        f"'{code}' is not a lower-case two-letter ISO country code (e.g. bo)"))
        elif code in codes:
            problems.append(doc.problem(path, f"el país «{code}» está repetido", f"country '{code}' is listed twice"))
        elif map_codes is not None and code.upper() not in map_codes:
            problems.append(doc.problem(path, f"el mapa no tiene la forma de «{code}»: agrégala a "
                                              "data/geo/latin-america.json (ver data/geo/README.md)",
                                        f"the map has no shape for '{code}': add it to data/geo/latin-america.json "
                                        "(see data/geo/README.md)"))
        else:
            codes.add(code)
    return codes


def country_file_problems(paths: list[Path], region: set[str], root: Path, synthetic_codes: bool = False) -> list[Problem]:
    """Each `data/countries/<code>.yml` must be named by a code of the region.

    `synthetic_codes` (the benchmark only) accepts any two lower-case letters, to build
    networks larger than the world's list of countries.
    """
    problems = []
    for path in paths:
        code = path.stem
        rel = path.relative_to(root).as_posix()
        if synthetic_codes and _CODE.match(code):
            continue
        if code != code.lower() and code.lower() in region:
            problems.append(Problem(rel, 1, 1, "", f"escribe el nombre del archivo en minúsculas: «{code.lower()}.yml»",
                                    f"write the file name in lower case: '{code.lower()}.yml'"))
        elif code not in region and code.lower() in ISO_CODES:
            name_es, name_en = Locale("es").territories[code.upper()], Locale("en").territories[code.upper()]
            problems.append(Problem(
                rel, 1, 1, "", f"«{code}» ({name_es}) no está en la lista de países de la región de la Red; "
                               f"{_HOW_TO_ADD_ES}",
                f"'{code}' ({name_en}) is not in the list of the Network's region; {_HOW_TO_ADD_EN}"))
        elif code not in region:
            problems.append(Problem(
                rel, 1, 1, "", f"«{code}» no es el código de un país de la región de la Red: el archivo se llama "
                               f"como el código ISO del país, en minúsculas (ej.: bo.yml); {_HOW_TO_ADD_ES}",
                f"'{code}' is not the code of a country of the Network's region: the file is named by the "
                f"country's lower-case ISO code (e.g. bo.yml); {_HOW_TO_ADD_EN}"))
    return problems


def map_codes(geometry_file: Path) -> set[str] | None:
    """The upper-case codes the map has a shape for (None if the map file cannot be read:
    its own check says why)."""
    try:
        return set(load_geometry(geometry_file).shapes)
    except (OSError, ValueError):
        return None


def naming_problems(region_doc: YamlDocument, country_paths: list[Path], project: Project,
                    synthetic_codes: bool = False) -> list[Problem]:
    """The region list's own problems, then each country file not named by one of its codes."""
    problems: list[Problem] = []
    region = region_codes(region_doc, map_codes(project.geometry_file), problems)
    return problems + country_file_problems(country_paths, region, project.root, synthetic_codes)


def listed_codes(root: Path) -> set[str]:
    """The codes written in `data/region.yml` (for `make new-country`, once the data load)."""
    doc, _ = load_yaml(root / REGION_FILE, root)
    return set(doc.data["countries"]) if isinstance(doc.data, dict) else set()
