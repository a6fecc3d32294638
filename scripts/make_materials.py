"""Makes the campaign materials in docs/materiales/files/ from their source texts.

    python scripts/make_materials.py            # (re)writes every generated file
    python scripts/make_materials.py --check    # exit 1 if a committed file differs from its source
    python scripts/make_materials.py --out DIR  # writes into DIR instead (used by the tests)

Each `data/materials/src/<id>.yml` holds a material's words in each language (see
schemas/material-source.schema.json). Leaflets and guides become A4 PDFs, posters an A3
PDF, social media cards a 1080 x 1080 SVG, the same picture as a 1080 x 1080 PNG (the
format WhatsApp, Instagram and Facebook take) and a 1080 x 1920 PNG for stories and
WhatsApp status; every material also gets a small SVG thumbnail without words.

The output is byte-identical on every run and every machine with the pinned packages:
ReportLab's invariant mode fixes the dates and document ids, the PDFs use the standard
Helvetica fonts (built into every PDF reader, so nothing is embedded and each file stays
a few kilobytes; they cover Spanish and Portuguese accents), and the SVGs are plain text
written here. The PNGs are drawn from those SVGs by resvg (the `resvg-py` package, its
own renderer and PNG encoder, no system library) with the system's fonts shut out: only
the Bitstream Vera Sans files that ship inside the pinned ReportLab package, so that
every machine draws the same letters; the PNG holds no date. (Checked on x86-64 Linux,
as CI runs; a processor of another kind might round the edges of letters differently,
and `--check` would say so.)

After changing a source, run this script and commit the files it wrote together with the
source; then check that `data/materials/<id>.yml` still lists them.
"""

from __future__ import annotations

import argparse
import filecmp
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab import rl_config  # noqa: E402

rl_config.invariant = 1  # no creation date, fixed document id: the same bytes on every run

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A3, A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.pdfbase.pdfmetrics import registerFont, stringWidth  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, KeepTogether, ListFlowable,  # noqa: E402
                                ListItem, NextPageTemplate, PageTemplate, Paragraph, Spacer)

import resvg_py  # noqa: E402

from hooks.sitegen.problems import DataProblems, Problem  # noqa: E402
from hooks.sitegen.project import Project  # noqa: E402
from hooks.sitegen.schemas import Schemas, schema_problems  # noqa: E402
from hooks.sitegen.yamlsource import load_yaml  # noqa: E402

LANGUAGES = ("es", "en", "pt")

# The site's colours (Material's deep purple and pink), dark enough for white text.
PURPLE = "#4a148c"
PINK = "#c2185b"
LILAC = "#f3e5f5"
ROSE = "#f8bbd0"
AMBER = "#ffb74d"
INK = "#212121"
GREY = "#555555"

MAX_PAGES = {"leaflet": 1, "guide": 4, "poster": 1}
BODY_SIZE = {"leaflet": 10, "guide": 11}  # points: large enough to read on a cheap print


@dataclass(frozen=True)
class Source:
    id: str
    file: str
    layout: str
    motif: str
    output: str
    thumbnail: str | None
    languages: dict  # lang -> texts

    def output_name(self, lang: str) -> str:
        return self.output.replace("{lang}", lang)


# -- reading the sources --------------------------------------------------------------

def _check_encoding(doc, problems: list[Problem]) -> None:
    """Helvetica in a PDF (WinAnsi) has every letter of Spanish and Portuguese, not more."""
    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, path + (i,))
        elif isinstance(value, str):
            try:
                value.encode("cp1252")
            except UnicodeEncodeError as err:
                char = value[err.start]
                problems.append(doc.problem(
                    path, f"el carácter «{char}» (U+{ord(char):04X}) no se puede imprimir con la letra de los materiales",
                    f"character '{char}' (U+{ord(char):04X}) cannot be printed with the materials' font"))
    walk(doc.data.get("languages"), ("languages",))


def read_sources(root: Path = ROOT) -> list[Source]:
    problems: list[Problem] = []
    sources = []
    project = Project(root)
    schemas = Schemas(project.schemas)
    for path in sorted((project.data / "materials" / "src").glob("*.yml")):
        doc, found = load_yaml(path, root)
        problems += found
        if doc.data is None:
            if not found:
                problems.append(Problem(doc.file, 1, 1, "", "el archivo está vacío", "the file is empty"))
            continue
        invalid = schema_problems(doc, "material-source.schema.json", schemas)
        problems += invalid
        if invalid:
            continue
        _check_encoding(doc, problems)
        d = doc.data
        sources.append(Source(path.stem, doc.file, d["layout"], d["motif"], d["output"], d.get("thumbnail"),
                              d["languages"]))
    if problems:
        raise DataProblems(problems)
    return sources


def network_names(root: Path = ROOT) -> dict[str, str]:
    doc, problems = load_yaml(root / "data" / "site.yml", root)
    if problems:
        raise DataProblems(problems)
    names = doc.data["network_name"]
    return {lang: names.get(lang) or names["es"] for lang in LANGUAGES}


# -- text -----------------------------------------------------------------------------

_BOLD = re.compile(r"\*\*(.+?)\*\*")


def rich(text: str) -> str:
    """Plain source text as ReportLab paragraph markup: escaped, with **bold**."""
    return _BOLD.sub(r"<b>\1</b>", escape(" ".join(text.split())))


def plain(text: str) -> str:
    return _BOLD.sub(r"\1", " ".join(text.split()))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking by the font's real widths (Helvetica and Arial share them)."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and stringWidth(candidate, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


# -- motifs: the drawings, in PDF and in SVG ------------------------------------------
# A motif is a list of shapes around a centre, in units of its radius, with y growing
# downwards as in SVG; the PDF renderer turns it upside up.

def _motif_shapes(motif: str, on_dark: bool) -> list[tuple]:
    ring, mark = (ROSE, AMBER) if on_dark else (PINK, PURPLE)
    if motif == "circles":  # people together
        return [("disc", -0.55, 0.2, 0.62, PINK), ("disc", 0.55, 0.2, 0.62, AMBER), ("disc", 0, -0.45, 0.62, ROSE)]
    if motif == "check":  # a right
        return [("ring", 0, 0, 0.9, ring, 0.16), ("line", [(-0.42, -0.02), (-0.1, 0.32), (0.45, -0.35)], mark, 0.2)]
    if motif == "shield":  # a person, protected
        outline = [("M", 0, -0.9), ("L", 0.72, -0.6), ("L", 0.72, 0.02), ("C", 0.72, 0.5, 0.38, 0.76, 0, 0.92),
                   ("C", -0.38, 0.76, -0.72, 0.5, -0.72, 0.02), ("L", -0.72, -0.6), ("Z",)]
        shoulders = [("M", -0.36, 0.52), ("C", -0.36, 0.08, 0.36, 0.08, 0.36, 0.52), ("Z",)]
        return [("shape", outline, PINK), ("shape", shoulders, AMBER), ("disc", 0, -0.2, 0.2, AMBER)]
    if motif == "heart":  # health
        outline = [("M", 0, 0.82), ("C", -1.15, 0.05, -0.72, -1.0, 0, -0.38), ("C", 0.72, -1.0, 1.15, 0.05, 0, 0.82),
                   ("Z",)]
        return [("shape", outline, PINK), ("line", [(-0.28, -0.1), (0.28, -0.1)], AMBER, 0.16),
                ("line", [(0, -0.38), (0, 0.18)], AMBER, 0.16)]
    if motif == "equal":  # the same rights as any worker
        return [("ring", 0, 0, 0.9, ring, 0.16), ("line", [(-0.42, -0.2), (0.42, -0.2)], mark, 0.2),
                ("line", [(-0.42, 0.2), (0.42, 0.2)], mark, 0.2)]
    raise ValueError(f"unknown motif {motif}")


def draw_motif_pdf(c: Canvas, motif: str, cx: float, cy: float, r: float, on_dark: bool) -> None:
    def at(dx: float, dy: float) -> tuple[float, float]:
        return cx + dx * r, cy - dy * r

    c.saveState()
    c.setLineCap(1)
    c.setLineJoin(1)
    for shape in _motif_shapes(motif, on_dark):
        kind = shape[0]
        if kind == "disc":
            _, dx, dy, radius, colour = shape
            c.setFillColor(colors.HexColor(colour), alpha=0.85)
            c.circle(*at(dx, dy), radius * r, stroke=0, fill=1)
        elif kind == "ring":
            _, dx, dy, radius, colour, width = shape
            c.setStrokeColor(colors.HexColor(colour))
            c.setLineWidth(width * r)
            c.circle(*at(dx, dy), radius * r, stroke=1, fill=0)
        elif kind == "line":
            _, points, colour, width = shape
            path = c.beginPath()
            path.moveTo(*at(*points[0]))
            for point in points[1:]:
                path.lineTo(*at(*point))
            c.setStrokeColor(colors.HexColor(colour))
            c.setLineWidth(width * r)
            c.drawPath(path, stroke=1, fill=0)
        else:
            _, commands, colour = shape
            path = c.beginPath()
            for op, *numbers in commands:
                points = [at(numbers[i], numbers[i + 1]) for i in range(0, len(numbers), 2)]
                if op == "M":
                    path.moveTo(*points[0])
                elif op == "L":
                    path.lineTo(*points[0])
                elif op == "C":
                    path.curveTo(*points[0], *points[1], *points[2])
                else:
                    path.close()
            c.setFillColor(colors.HexColor(colour))
            c.drawPath(path, stroke=0, fill=1)
    c.restoreState()


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def motif_svg(motif: str, cx: float, cy: float, r: float, on_dark: bool) -> str:
    def at(dx: float, dy: float) -> str:
        return f"{_n(cx + dx * r)},{_n(cy + dy * r)}"

    out = []
    for shape in _motif_shapes(motif, on_dark):
        kind = shape[0]
        if kind == "disc":
            _, dx, dy, radius, colour = shape
            out.append(f'<circle cx="{_n(cx + dx * r)}" cy="{_n(cy + dy * r)}" r="{_n(radius * r)}" fill="{colour}" '
                       f'fill-opacity="0.85"/>')
        elif kind == "ring":
            _, dx, dy, radius, colour, width = shape
            out.append(f'<circle cx="{_n(cx + dx * r)}" cy="{_n(cy + dy * r)}" r="{_n(radius * r)}" fill="none" '
                       f'stroke="{colour}" stroke-width="{_n(width * r)}"/>')
        elif kind == "line":
            _, points, colour, width = shape
            out.append(f'<polyline points="{" ".join(at(*p) for p in points)}" fill="none" stroke="{colour}" '
                       f'stroke-width="{_n(width * r)}" stroke-linecap="round" stroke-linejoin="round"/>')
        else:
            _, commands, colour = shape
            d = " ".join(op + " ".join(at(numbers[i], numbers[i + 1]) for i in range(0, len(numbers), 2))
                         for op, *numbers in commands)
            out.append(f'<path d="{d}" fill="{colour}"/>')
    return "".join(out)


# -- PDF: leaflets and guides ---------------------------------------------------------

def _styles(size: float) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName="Helvetica", fontSize=size, leading=size * 1.3, textColor=colors.HexColor(INK),
                          alignment=TA_LEFT, spaceAfter=3)
    return {
        "title": ParagraphStyle("title", base, fontName="Helvetica-Bold", fontSize=21, leading=25,
                                textColor=colors.white),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=12, leading=15, textColor=colors.HexColor(ROSE)),
        "intro": ParagraphStyle("intro", base, fontSize=size + 0.5, leading=(size + 0.5) * 1.34, spaceAfter=4),
        "heading": ParagraphStyle("heading", base, fontName="Helvetica-Bold", fontSize=12, leading=15,
                                  textColor=colors.HexColor(PURPLE), spaceBefore=6, spaceAfter=1.5),
        "body": base,
        "item": ParagraphStyle("item", base, spaceAfter=1.5),
        "footer": ParagraphStyle("footer", base, fontSize=7.5, leading=9.5, textColor=colors.HexColor(GREY)),
        "running": ParagraphStyle("running", base, fontName="Helvetica-Bold", fontSize=9, leading=11,
                                  textColor=colors.white),
    }


class ContactBox(Flowable):
    """A box where a member organization writes its own name, phone and address before
    handing the printed material out."""

    def __init__(self, title: str, fields: list[str], styles):
        super().__init__()
        self.title = Paragraph(rich(title), styles["heading"])
        self.fields = [plain(f) for f in fields]
        self.size = styles["body"].fontSize

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.title_height = self.title.wrap(available_width - 24, available_height)[1]
        self.height = 14 + self.title_height + 4 + len(self.fields) * (self.size * 1.9) + 6
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setFillColor(colors.HexColor(LILAC))
        c.setStrokeColor(colors.HexColor(PURPLE))
        c.setLineWidth(0.8)
        c.roundRect(0, 0, self.width, self.height, 6, stroke=1, fill=1)
        self.title.drawOn(c, 12, self.height - 10 - self.title_height)
        y = self.height - 14 - self.title_height - 4
        c.setFont("Helvetica", self.size)
        for field in self.fields:
            y -= self.size * 1.9
            c.setFillColor(colors.HexColor(INK))
            c.drawString(12, y + 4, field)
            start = 12 + stringWidth(field, "Helvetica", self.size) + 6
            c.setStrokeColor(colors.HexColor(GREY))
            c.setDash(1, 2)
            c.line(start, y + 3, self.width - 12, y + 3)
            c.setDash()


def _bullets(items: list[str], styles) -> ListFlowable:
    return ListFlowable(
        [ListItem(Paragraph(rich(item), styles["item"]), leftIndent=13, value="\u2022") for item in items],
        bulletType="bullet", start="\u2022", bulletColor=colors.HexColor(PINK), bulletFontSize=styles["body"].fontSize,
        leftIndent=13, bulletOffsetY=0)


def document_pdf(source: Source, lang: str, target: Path, network: str) -> int:
    """A leaflet or guide on A4; returns its number of pages."""
    texts = source.languages[lang]
    styles = _styles(BODY_SIZE[source.layout])
    width, height = A4
    margin = 42
    band = 106
    footer_height = 36
    doc = BaseDocTemplate(
        str(target), pagesize=A4, title=plain(texts["title"]), author=network,
        subject=plain(texts.get("subtitle", "")), creator="scripts/make_materials.py", lang=lang,
        displayDocTitle=True, invariant=1, pageCompression=1,
        leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin)

    def footer(c: Canvas) -> None:
        c.setStrokeColor(colors.HexColor(PINK))
        c.setLineWidth(1.2)
        c.line(margin, margin + footer_height - 8, width - margin, margin + footer_height - 8)
        para = Paragraph(rich(texts["footer"]), styles["footer"])
        _, h = para.wrap(width - 2 * margin, footer_height)
        para.drawOn(c, margin, margin + footer_height - 14 - h)

    def first_page(c: Canvas, _doc) -> None:
        c.saveState()
        c.setFillColor(colors.HexColor(PURPLE))
        c.rect(0, height - band - margin / 2, width, band + margin / 2, stroke=0, fill=1)
        draw_motif_pdf(c, source.motif, width - margin - 38, height - band / 2 - margin / 4, 40, on_dark=True)
        text_width = width - 2 * margin - 100
        title = Paragraph(rich(texts["title"]), styles["title"])
        _, th = title.wrap(text_width, band)
        parts = [(title, th)]
        if texts.get("subtitle"):
            subtitle = Paragraph(rich(texts["subtitle"]), styles["subtitle"])
            parts.append((subtitle, subtitle.wrap(text_width, band)[1]))
        total = sum(h for _, h in parts) + 6 * (len(parts) - 1)
        y = height - margin / 2 - (band - total) / 2
        for para, h in parts:
            y -= h
            para.drawOn(c, margin, y)
            y -= 6
        footer(c)
        c.restoreState()

    def later_page(c: Canvas, _doc) -> None:
        c.saveState()
        c.setFillColor(colors.HexColor(PURPLE))
        c.rect(0, height - 40, width, 40, stroke=0, fill=1)
        running = Paragraph(rich(texts["title"]), styles["running"])
        running.wrap(width - 2 * margin, 30)
        running.drawOn(c, margin, height - 26)
        footer(c)
        c.restoreState()

    body_bottom = margin + footer_height
    first = Frame(margin, body_bottom, width - 2 * margin, height - band - margin / 2 - 14 - body_bottom,
                  id="first", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    later = Frame(margin, body_bottom, width - 2 * margin, height - 40 - 16 - body_bottom,
                  id="later", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("first", [first], onPage=first_page),
                          PageTemplate("later", [later], onPage=later_page)])

    story = [NextPageTemplate("later")]
    if texts.get("intro"):
        story.append(Paragraph(rich(texts["intro"]), styles["intro"]))
    if texts.get("items"):
        story.append(_bullets(texts["items"], styles))
    for section in texts.get("sections", []):
        block = [Paragraph(rich(section["heading"]), styles["heading"])]
        if section.get("text"):
            block.append(Paragraph(rich(section["text"]), styles["body"]))
        if section.get("items"):
            block.append(_bullets(section["items"], styles))
        story.append(KeepTogether(block))
    if texts.get("contact_box"):
        box = texts["contact_box"]
        story += [Spacer(1, 6), ContactBox(box["title"], box["fields"], styles)]
    story.append(Spacer(1, 2))
    doc.build(story)
    return doc.page


# -- PDF: posters ---------------------------------------------------------------------

def poster_pdf(source: Source, lang: str, target: Path, network: str) -> int:
    texts = source.languages[lang]
    width, height = A3
    margin = 64
    c = Canvas(str(target), pagesize=A3, invariant=1, pageCompression=1, lang=lang)
    c.setTitle(plain(texts["title"]))
    c.setAuthor(network)
    c.setSubject(plain(texts.get("subtitle", texts["title"])))
    c.setCreator("scripts/make_materials.py")
    c.setViewerPreference("DisplayDocTitle", "true")

    c.setFillColor(colors.HexColor(PINK))
    c.rect(0, height - 28, width, 28, stroke=0, fill=1)
    draw_motif_pdf(c, source.motif, width - margin - 120, height - 190, 130, on_dark=False)

    # The slogan as large as fits between the drawing and the messages.
    text_width = width - 2 * margin
    size = 76
    while True:
        lines = wrap(plain(texts["title"]), "Helvetica-Bold", size, text_width)
        if len(lines) * size * 1.12 <= 480 or size <= 36:
            break
        size -= 2
    y = height - 350
    c.setFillColor(colors.HexColor(PURPLE))
    c.setFont("Helvetica-Bold", size)
    for line in lines:
        y -= size * 1.12
        c.drawString(margin, y, line)

    y -= 44
    c.setStrokeColor(colors.HexColor(PINK))
    c.setLineWidth(5)
    c.line(margin, y, margin + 180, y)
    y -= 20
    for item in texts.get("items", []):
        for i, line in enumerate(wrap(plain(item), "Helvetica-Bold", 32, text_width - 44)):
            y -= 46
            if i == 0:
                c.setFillColor(colors.HexColor(PINK))
                c.circle(margin + 10, y + 11, 9, stroke=0, fill=1)
            c.setFillColor(colors.HexColor(INK))
            c.setFont("Helvetica-Bold", 32)
            c.drawString(margin + 40, y, line)
        y -= 8

    # The network's name on one line, in a band at the foot.
    c.setFillColor(colors.HexColor(PURPLE))
    c.rect(0, 0, width, 100, stroke=0, fill=1)
    footer = plain(texts["footer"])
    footer_size = 24
    while stringWidth(footer, "Helvetica-Bold", footer_size) > text_width and footer_size > 12:
        footer_size -= 1
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", footer_size)
    c.drawString(margin, 50 - footer_size / 3, footer)
    c.showPage()
    c.save()
    return 1


# -- SVG: social media cards and thumbnails -------------------------------------------

# The cards' letters: Bitstream Vera Sans, shipped inside ReportLab (pinned), so that the
# PNG is drawn with the same font on every machine. DejaVu Sans has the same widths; a
# reader's Helvetica or Arial is narrower, so text wrapped for Vera fits with any of them.
VERA_DIR = Path(rl_config.__file__).resolve().parent / "fonts"
CARD_FONTS = {"normal": ("Vera", VERA_DIR / "Vera.ttf"), "bold": ("VeraBd", VERA_DIR / "VeraBd.ttf")}
for _name, _file in CARD_FONTS.values():
    registerFont(TTFont(_name, str(_file)))
SVG_FONT = "'Bitstream Vera Sans', 'DejaVu Sans', Helvetica, Arial, sans-serif"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class CardShape:
    """Where things go on a card: a square post, or a story (the full height of a phone
    screen). A story keeps its words out of the top and bottom 250 pixels, where the apps
    lay their own buttons over the picture."""
    width: int
    height: int
    motif: tuple[float, float, float]  # centre x, centre y, radius
    top: int  # the words sit between top and bottom
    bottom: int
    rule: int  # the pink line above the footer
    footer: int  # the footer's baseline
    sizes: tuple[tuple[int, int], ...]  # (title, text) font sizes to try, largest first


SQUARE = CardShape(1080, 1080, (910, 160, 90), 300, 930, 960, 1036,
                   ((96, 42), (84, 42), (76, 42), (76, 38), (68, 38), (68, 34)))
STORY = CardShape(1080, 1920, (540, 440, 150), 660, 1520, 1580, 1650,
                  ((104, 48), (96, 46), (88, 44), (80, 42), (76, 40), (68, 38)))


def social_card_svg(source: Source, lang: str, shape: CardShape = SQUARE) -> str:
    texts = source.languages[lang]
    size, margin = shape.width, 90
    top, bottom = shape.top, shape.bottom
    # Wrapped by Vera's own widths, a little inside the margins.
    width = (size - 2 * margin) * 0.96
    regular, bold = CARD_FONTS["normal"][0], CARD_FONTS["bold"][0]
    title = plain(texts["title"])

    def layout(title_size: int, text_size: int) -> list[tuple]:
        blocks = [(wrap(title, bold, title_size, width), title_size, round(title_size * 1.16), "bold",
                   "#ffffff", 0, False, 0)]
        if texts.get("subtitle"):
            blocks.append((wrap(plain(texts["subtitle"]), regular, text_size, width), text_size,
                           round(text_size * 1.28), "normal", ROSE, 0, False, 44))
        for i, item in enumerate(texts.get("items", [])):
            blocks.append((wrap(plain(item), bold, text_size, width - 70), text_size, round(text_size * 1.24), "bold",
                           "#ffffff", 70, True, 44 if i == 0 else 22))
        return blocks

    def height_of(blocks: list[tuple]) -> int:
        return sum(gap + len(lines) * leading for lines, _, leading, *_, gap in blocks)

    # The largest letters that fit: a title of at most two lines first, then smaller steps.
    fitting = [s for s in shape.sizes if height_of(layout(*s)) <= bottom - top]
    if not fitting:
        raise SystemExit(f"{source.file}: the {lang} card's text is too long for the card: shorten it")
    two_lines = [s for s in fitting if len(wrap(title, bold, s[0], width)) <= 2]
    blocks = layout(*(two_lines or fitting)[0])
    height = height_of(blocks)
    y = top + (bottom - top - height) / 2
    parts = [f'<rect width="{size}" height="{shape.height}" fill="{PURPLE}"/>',
             motif_svg(source.motif, *shape.motif, on_dark=True)]
    for lines, font_size, leading, weight, fill, indent, check, gap in blocks:
        y += gap
        if check:
            parts.append(motif_svg("check", margin + 22, y + leading / 2 - 4, 26, on_dark=True))
        for line in lines:
            y += leading
            parts.append(f'<text x="{margin + indent}" y="{_n(y - (leading - font_size) / 2 - font_size * 0.2)}" '
                         f'font-size="{font_size}" font-weight="{weight}" fill="{fill}">{escape(line)}</text>')
    footer = plain(texts["footer"])
    footer_size = 30
    while stringWidth(footer, regular, footer_size) > (size - 2 * margin) * 0.97 and footer_size > 18:
        footer_size -= 1
    parts.append(f'<rect x="0" y="{shape.rule}" width="{size}" height="6" fill="{PINK}"/>')
    parts.append(f'<text x="{margin}" y="{shape.footer}" font-size="{footer_size}" font-weight="normal" '
                 f'fill="#ffffff">{escape(footer)}</text>')
    label = " ".join(plain(t) for t in [texts["title"], texts.get("subtitle", ""), *texts.get("items", []),
                                        texts["footer"]] if t)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{shape.height}" '
            f'viewBox="0 0 {size} {shape.height}" '
            f'role="img" aria-labelledby="card-title" xml:lang="{lang}" lang="{lang}" '
            f'font-family="{SVG_FONT}">\n<title id="card-title">{escape(label)}</title>\n'
            + "\n".join(parts) + "\n</svg>\n")


def card_png(svg: str, shape: CardShape = SQUARE) -> bytes:
    """The card drawn as a PNG of the shape's size in pixels, with the shipped fonts only."""
    png = bytes(resvg_py.svg_to_bytes(
        svg_string=svg, skip_system_fonts=True, font_files=[str(f) for _, f in CARD_FONTS.values()],
        font_family="Bitstream Vera Sans", sans_serif_family="Bitstream Vera Sans"))
    if png[:8] != PNG_SIGNATURE or png[16:24] != shape.width.to_bytes(4, "big") + shape.height.to_bytes(4, "big"):
        raise SystemExit("resvg did not draw a PNG of the card's size")
    return png


def png_name(svg_name: str) -> str:
    return svg_name[: -len(".svg")] + ".png"


def story_name(svg_name: str) -> str:
    """tarjeta-x-es.svg -> tarjeta-x-es-historia.png: the same card, 1080 x 1920, for stories."""
    return svg_name[: -len(".svg")] + "-historia.png"


def thumbnail_svg(source: Source) -> str:
    """A small picture without words, the same in every language: the material's shape
    (a square card, a poster, a page or a booklet) with its motif."""
    size = 240
    parts = []
    if source.layout == "social_card":
        parts.append(f'<rect width="{size}" height="{size}" rx="12" fill="{PURPLE}"/>')
        parts.append(motif_svg(source.motif, 120, 120, 70, on_dark=True))
    else:
        parts.append(f'<rect width="{size}" height="{size}" fill="{LILAC}"/>')
        x, y, w, h = 50, 21, 140, 198  # a page in the proportions of A4 and A3
        page = 'fill="#ffffff" stroke="#d1c4e9" stroke-width="2"'
        if source.layout == "guide":
            parts.append(f'<rect x="{x + 12}" y="{y - 9}" width="{w}" height="{h}" {page}/>')
            x, y = x - 6, y + 4
        parts.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" {page}/>')
        if source.layout == "poster":
            parts.append(f'<rect x="{x}" y="{y}" width="{w}" height="8" fill="{PINK}"/>')
            parts.append(f'<rect x="{x}" y="{y + h - 26}" width="{w}" height="26" fill="{PURPLE}"/>')
            parts.append(motif_svg(source.motif, x + w / 2, y + 80, 46, on_dark=False))
        else:
            parts.append(f'<rect x="{x}" y="{y}" width="{w}" height="44" fill="{PURPLE}"/>')
            parts.append(f'<rect x="{x}" y="{y + h - 14}" width="{w}" height="3" fill="{PINK}"/>')
            parts.append(motif_svg(source.motif, x + w / 2, y + 110, 44, on_dark=False))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
            f'aria-hidden="true">\n' + "\n".join(parts) + "\n</svg>\n")


# -- making every file ----------------------------------------------------------------

def make_all(out_dir: Path, root: Path = ROOT) -> list[Path]:
    """Writes every generated file into `out_dir`; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    names = network_names(root)
    written = []
    for source in read_sources(root):
        for lang in LANGUAGES:
            if lang not in source.languages:
                continue
            target = out_dir / source.output_name(lang)
            if source.layout == "social_card":
                svg = social_card_svg(source, lang)
                target.write_bytes(svg.encode("utf-8"))
                png = out_dir / png_name(target.name)
                png.write_bytes(card_png(svg))
                story = out_dir / story_name(target.name)
                story.write_bytes(card_png(social_card_svg(source, lang, STORY), STORY))
                written += [png, story]
            else:
                make = poster_pdf if source.layout == "poster" else document_pdf
                pages = make(source, lang, target, names[lang])
                if pages > MAX_PAGES[source.layout]:
                    raise SystemExit(f"{source.file}: the {lang} {source.layout} takes {pages} pages; "
                                     f"at most {MAX_PAGES[source.layout]} fit: shorten the text")
            written.append(target)
        if source.thumbnail:
            target = out_dir / source.thumbnail
            target.write_bytes(thumbnail_svg(source).encode("utf-8"))
            written.append(target)
    return written


def check(root: Path = ROOT) -> int:
    """Compares freshly made files with the committed ones."""
    committed = root / "docs" / "materiales" / "files"
    with tempfile.TemporaryDirectory() as tmp:
        fresh = make_all(Path(tmp), root)
        stale = [p.name for p in fresh
                 if not (committed / p.name).is_file() or not filecmp.cmp(p, committed / p.name, shallow=False)]
    if stale:
        print("Estos archivos no coinciden con sus fuentes; ejecuta python scripts/make_materials.py "
              "/ These files do not match their sources; run python scripts/make_materials.py:", file=sys.stderr)
        for name in stale:
            print(f"  docs/materiales/files/{name}", file=sys.stderr)
        return 1
    print(f"{len(fresh)} archivos al día / {len(fresh)} files up to date")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed files")
    parser.add_argument("--out", type=Path, default=None, help="write into this folder instead")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.check:
            return check(args.root)
        out = args.out or args.root / "docs" / "materiales" / "files"
        # Made aside first: a source that fails leaves the committed files as they were.
        with tempfile.TemporaryDirectory() as tmp:
            made = make_all(Path(tmp), args.root)
            out.mkdir(parents=True, exist_ok=True)
            for path in made:
                shutil.copyfile(path, out / path.name)
                print(f"{path.stat().st_size:>7} {out / path.name}")
    except DataProblems as problems:
        print(problems.report(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
