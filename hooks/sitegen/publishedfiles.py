"""What MkDocs copies from docs/ as it is: pages in Markdown and the campaign files.

MkDocs publishes every file of docs/ byte for byte, on the site's own address. A pull
request could add an HTML page or a script there, which no Content-Security-Policy in our
templates would cover, or an SVG image with a script in it: GitHub shows an SVG in a diff
as a picture, so a reviewer would not see the script, and opened on the site it would run
as the site. So docs/ may hold only Markdown pages and, in docs/materiales/files/, files
of the campaign's media types; and every SVG there is read, and refused unless it is a
plain drawing: known drawing elements, no script, no event handler, no link or style
that reaches outside the image. A PNG is read too: it must be one (its signature, a
sound IHDR header with its size, an IEND at the end), not another file renamed.
"""

from __future__ import annotations

import os
import struct
import xml.parsers.expat
import zlib
from pathlib import Path

from .model import MEDIA_TYPES
from .problems import Problem
from .project import Project

MEDIA_EXTENSIONS = frozenset(MEDIA_TYPES)
# Drawing, text and paint: what a campaign card or a thumbnail needs, and nothing that runs.
SVG_ELEMENTS = frozenset("""
    svg g defs symbol use title desc metadata path rect circle ellipse line polyline polygon
    text tspan textPath linearGradient radialGradient stop clipPath mask pattern marker
""".split())
_LINKS = ("href", "xlink:href")


def published_file_problems(project: Project) -> list[Problem]:
    """One problem per file of docs/ that the site must not publish as it is."""
    problems = []
    files_dir = project.relative(project.material_files)
    for here, dirs, files in os.walk(project.docs):  # links are refused elsewhere (symlinks.py), never followed
        dirs.sort()
        for name in sorted(files):
            path = Path(here) / name
            rel = project.relative(path)
            extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
            in_files_dir = path.is_relative_to(project.material_files)
            if in_files_dir and extension in MEDIA_EXTENSIONS:
                if extension == "svg":
                    problems += svg_problems(path, rel)
                elif extension == "png":
                    problems += png_problems(path, rel)
            elif not in_files_dir and extension == "md":
                continue
            elif in_files_dir:
                problems.append(Problem(
                    rel, 1, 1, "",
                    f"el sitio no publica archivos «.{extension}»; en {files_dir}/ van solo materiales: "
                    f"{', '.join(sorted(MEDIA_EXTENSIONS))}",
                    f"the site does not publish '.{extension}' files; {files_dir}/ holds only materials: "
                    f"{', '.join(sorted(MEDIA_EXTENSIONS))}"))
            else:
                problems.append(Problem(
                    rel, 1, 1, "",
                    f"en docs/ van solo páginas en Markdown (.md); los archivos de los materiales van en {files_dir}/",
                    f"docs/ holds only Markdown pages (.md); the materials' files go in {files_dir}/"))
    return problems


def svg_problems(path: Path, rel: str) -> list[Problem]:
    """The first thing in an SVG file that is not a plain drawing, at its line."""
    found: list[Problem] = []
    parser = xml.parsers.expat.ParserCreate()

    def refuse(what_es: str, what_en: str) -> None:
        if not found:
            found.append(Problem(
                rel, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1, "",
                f"esta imagen SVG no es solo un dibujo: {what_es}; el sitio publica solo SVG sin guiones, "
                "sin eventos y sin enlaces ni estilos hacia fuera de la imagen (vuelve a exportarla como SVG simple)",
                f"this SVG image is not only a drawing: {what_en}; the site publishes only SVG with no scripts, "
                "no event handlers and no links or styles reaching outside the image (export it again as plain SVG)"))

    def start(tag: str, attributes: dict) -> None:
        local = tag.rsplit(":", 1)[-1] if tag.startswith("svg:") else tag
        if local not in SVG_ELEMENTS:
            refuse(f"tiene un elemento <{tag}>", f"it has a <{tag}> element")
        for name, value in attributes.items():
            lowered = value.strip().lower()
            if name.lower().startswith("on"):
                refuse(f"el atributo «{name}» ejecuta código", f"attribute '{name}' runs code")
            elif name in _LINKS and not value.startswith("#"):
                refuse(f"enlaza «{value}»", f"it links to '{value}'")
            elif "url(" in lowered and not all(part.lstrip().startswith("#")
                                               for part in lowered.split("url(")[1:]):
                refuse(f"el atributo «{name}» carga «{value}»", f"attribute '{name}' loads '{value}'")
            elif name == "style" and ("@import" in lowered or "expression(" in lowered):
                refuse(f"el estilo «{value}» carga otro archivo", f"style '{value}' loads another file")

    def doctype(*_args) -> None:
        refuse("declara un DOCTYPE (con entidades que pueden crecer sin límite)",
               "it declares a DOCTYPE (with entities that can grow without limit)")

    def instruction(target: str, _data: str) -> None:
        refuse(f"tiene una instrucción <?{target}?>", f"it has a <?{target}?> instruction")

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = lambda *_args: doctype()
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(path.read_bytes(), True)
    except xml.parsers.expat.ExpatError as error:
        if not found:
            found.append(Problem(rel, error.lineno, error.offset + 1, "",
                                 f"no es un SVG legible ({xml.parsers.expat.ErrorString(error.code)})",
                                 f"is not a readable SVG ({xml.parsers.expat.ErrorString(error.code)})"))
    return found


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_MAX_SIDE = 8192  # pixels: larger than any campaign picture needs


def png_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's IHDR header, or None if `data` does not start as a PNG."""
    if len(data) < 33 or data[:8] != PNG_SIGNATURE or data[8:16] != b"\x00\x00\x00\rIHDR":
        return None
    if zlib.crc32(data[12:29]) != struct.unpack(">I", data[29:33])[0]:
        return None
    return struct.unpack(">II", data[16:24])


def png_problems(path: Path, rel: str) -> list[Problem]:
    """A problem if the file named .png is not a whole PNG image of a sensible size."""
    data = path.read_bytes()
    size = png_size(data)
    if size is None:
        return [Problem(rel, 1, 1, "", "no es una imagen PNG (le falta la firma o la cabecera IHDR de un PNG): "
                                       "vuelve a exportarla como PNG",
                        "is not a PNG image (it lacks a PNG's signature or IHDR header): export it again as PNG")]
    width, height = size
    if not (0 < width <= PNG_MAX_SIDE and 0 < height <= PNG_MAX_SIDE):
        return [Problem(rel, 1, 1, "", f"la imagen PNG mide {width} × {height} píxeles; se espera como mucho "
                                       f"{PNG_MAX_SIDE} × {PNG_MAX_SIDE}",
                        f"the PNG image is {width} × {height} pixels; at most {PNG_MAX_SIDE} × {PNG_MAX_SIDE} is "
                        "expected")]
    if data[-12:] != b"\x00\x00\x00\x00IEND\xaeB`\x82":
        return [Problem(rel, 1, 1, "", "la imagen PNG está cortada (no termina con IEND): vuelve a exportarla",
                        "the PNG image is cut short (it does not end with IEND): export it again")]
    return []
