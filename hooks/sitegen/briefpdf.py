"""The layout of a country brief (briefs.py): its view-model as an A4 PDF, with ReportLab.

The PDF uses the standard Helvetica fonts (built into every PDF reader, so nothing is
embedded and the files stay small); they print WinAnsi (Windows-1252), which has every
letter of Spanish and Portuguese and “ ” « » ¿ ¡, but not every character a data file may
hold: `printable()` replaces the others visibly (never a crash, never a silent loss).
Every text from data is XML-escaped before ReportLab reads it as paragraph markup.
"""

from __future__ import annotations

import io
import unicodedata
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from reportlab import rl_config

rl_config.invariant = 1  # no creation date, a fixed document id: the same bytes on every run

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer  # noqa: E402

TONE_COLOURS = {"harmful": "#b3261e", "mixed": "#8a5a00", "protective": "#1e6b32", "unknown": "#5f6368"}  # site.css
INK, GREY, ACCENT = "#1f1f1f", "#5f6368", "#6a1b4d"


# -- text -------------------------------------------------------------------------------

# Characters outside WinAnsi with a plain equivalent in it; any other is printed as its code.
_EQUIVALENTS = {"\u2010": "-", "\u2011": "-", "\u2012": "–", "\u2015": "—", "\u2212": "-", "\u2192": "->",
                "\u2190": "<-", "\u2264": "<=", "\u2265": ">=", "\u2260": "!=", "\u2248": "~", "\u2032": "'",
                "\u2033": '"', "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u2007": " ", "\u2002": " ",
                "\u2003": " ", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\u00ad": ""}


def _encodable(text: str) -> bool:
    try:
        text.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def printable(text: str) -> str:
    """`text` in the characters Helvetica prints (WinAnsi): each other character becomes
    its plain equivalent ("≤" → "<="), its letter without an unusual accent ("ǎ" → "a"),
    or, failing both, its code in brackets ("[U+4E2D]"): the reader sees that something
    could not be printed. Control characters go; line breaks stay."""
    out = []
    for char in text:
        if char in "\n\t":
            out.append(char)
        elif unicodedata.category(char) in ("Cc", "Cs"):
            continue
        elif _encodable(char):
            out.append(char)
        elif char in _EQUIVALENTS:
            out.append(_EQUIVALENTS[char])
        else:
            base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            out.append(base if base and _encodable(base) else f"[U+{ord(char):04X}]")
    return "".join(out)


def markup(text: str | None) -> str:
    """A text from data as ReportLab paragraph markup: printable, XML-escaped, one line."""
    return escape(" ".join(printable(text or "").split()))


def _paragraphs(text: str | None) -> list[str]:
    return [markup(part) for part in (text or "").split("\n\n") if part.strip()]


def _link(url: str | None) -> str:
    """An address, printed in full; clickable when it is a web address."""
    shown = markup(url)
    if urlsplit(url or "").scheme in ("http", "https"):
        return f'<a href="{escape(printable(url), {chr(34): "&quot;"})}" color="{ACCENT}">{shown}</a>'
    return shown


# -- layout -----------------------------------------------------------------------------

def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12.5, textColor=colors.HexColor(INK),
                          spaceAfter=3)
    return {
        "body": base,
        "network": ParagraphStyle("network", base, fontSize=9, textColor=colors.HexColor(ACCENT)),
        "title": ParagraphStyle("title", base, fontName="Helvetica-Bold", fontSize=22, leading=26, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", base, fontSize=12, leading=15, textColor=colors.HexColor(GREY),
                                   spaceAfter=8),
        "meta": ParagraphStyle("meta", base, fontSize=9, leading=12, spaceAfter=1.5),
        "box": ParagraphStyle("box", base, fontSize=9, leading=12, backColor=colors.HexColor("#f3eef1"),
                              borderPadding=(5, 6, 5, 6), spaceBefore=8, spaceAfter=10),
        "heading": ParagraphStyle("heading", base, fontName="Helvetica-Bold", fontSize=13, leading=16,
                                  textColor=colors.HexColor(ACCENT), spaceBefore=10, spaceAfter=5),
        "question": ParagraphStyle("question", base, fontName="Helvetica-Bold", spaceBefore=5, spaceAfter=1),
        "quote": ParagraphStyle("quote", base, fontName="Helvetica-Oblique", fontSize=8.5, leading=11, leftIndent=12,
                                textColor=colors.HexColor("#333333"), spaceAfter=1),
        "caption": ParagraphStyle("caption", base, fontSize=8, leading=10, leftIndent=12,
                                  textColor=colors.HexColor(GREY)),
        "small": ParagraphStyle("small", base, fontSize=8.5, leading=11, spaceAfter=2.5),
        "footer": ParagraphStyle("footer", base, fontSize=7.5, leading=9, textColor=colors.HexColor(GREY)),
    }


def _cites(cites: list[dict]) -> str:
    """" [1] [3]": the numbers of the sources listed at the end (markup: numbers only)."""
    return "".join(f" [{int(c['number'])}]" for c in cites)


def _text(t: dict | None, texts: dict, style, not_translated: bool = True) -> list:
    """A localized text (views.localized) as paragraphs, marked when it is not translated."""
    if not t:
        return []
    parts = _paragraphs(t["text"])
    if parts and not t["translated"] and not_translated:
        parts[-1] += f" <i>({markup(texts['not_translated_short'])})</i>"
    return [Paragraph(part, style) for part in parts]


def _law_line(law: dict, texts: dict) -> str:
    bits = [f"<b>{markup(law['name'])}</b>"]
    if law["number"]:
        bits.append(f"{markup(texts['law_number'])} {markup(law['number'])}")
    if law["year"]:
        bits.append(str(law["year"]))
    if law["articles"]:
        bits.append(markup(law["articles"]))
    status = markup(law["status"]) + (f" {markup(law['replaced_by'])}" if law["replaced_by"] else "")
    bits.append(status)
    if law["url"]:
        bits.append(_link(law["url"]))
    return " · ".join(bits)


def _fact(fact: dict, texts: dict, s: dict) -> KeepTogether:
    value = fact["value"]
    answer = f'{markup(texts["brief_answer"])}: <font color="{TONE_COLOURS[value["tone"]]}"><b>{markup(value["label"])}</b></font>'
    if value["tone"] != "unknown":
        answer += f" ({markup(value['tone_label'])})"
    if fact["disputed"]:
        answer += f" · <b>{markup(texts['brief_disputed'])}</b>"
    answer += _cites(fact["cites"])
    block = [Paragraph(markup(fact["question"]), s["question"]), Paragraph(answer, s["body"])]
    block += _text(fact["note"], texts, s["small"])
    quote = fact["quote"]
    if quote:
        block.append(Paragraph(f"“{markup(quote['text'])}”", s["quote"]))
        where = markup(quote["law"]["name"] if quote["law"] else quote["title"])
        if quote["article"]:
            where += f", {markup(quote['article'])}"
        if quote["law"]:
            where += f" · {markup(quote['law']['status'])}"
        if quote["language_note"]:
            where += f" · {markup(quote['language_note'])}"
        block.append(Paragraph(f"— {where}", s["caption"]))
    if fact["verified"]:
        block.append(Paragraph(markup(fact["verified"]), s["small"]))
    return KeepTogether(block)


def _source_line(source: dict, texts: dict) -> str:
    bits = [f"[{source['number']}] {markup(source['publisher'])}: <b>{markup(source['title'])}</b>"]
    if source["article"]:
        bits.append(markup(source["article"]))
    bits.append(_link(source["url"]))
    kind = markup(source["type"])
    if source["secondary"]:
        kind += f" ({markup(texts['secondary_source'])})"
    bits.append(kind)
    if source["date"]:
        bits.append(markup(source["date"]))
    bits.append(f"{markup(texts['accessed'])} {markup(source['accessed'])}")
    return " · ".join(bits)


def _story(view: dict, s: dict) -> list:
    texts, review, org = view["texts"], view["review"], view["organization"]
    story = [Paragraph(markup(view["network"]), s["network"]),
             Paragraph(markup(view["name"]), s["title"]),
             Paragraph(markup(texts["brief_title"]), s["subtitle"]),
             Paragraph(f"<b>{markup(texts['last_reviewed'])}:</b> {markup(review['last_reviewed'])}", s["meta"]),
             Paragraph(f"<b>{markup(texts['brief_verification'])}:</b> {markup(review['status'])}", s["meta"]),
             Paragraph(markup(view["data_date"]), s["meta"])]
    address = markup(view["site_path"]) if view["site_path"] else _link(view["address"])
    story.append(Paragraph(f"<b>{markup(texts['brief_live_page'])}:</b> {address}", s["meta"]))
    if review["outdated"]:
        story.append(Paragraph(f"<b>{markup(texts['review_outdated_title'])}.</b> {markup(review['outdated_text'])}",
                               s["box"]))
    help_text = (f"{markup(texts['get_help_from'])} <b>{markup(org['name'])}</b>"
                 + (f" ({_link(org['website'])})" if org["website"] else "") + _cites(org["cites"]) + "."
                 if org["name"] else markup(texts["get_help_network"]))
    story.append(Paragraph(f"<b>{markup(texts['not_legal_advice_title'])}.</b> "
                           f"{markup(texts['brief_not_legal_advice'])} {help_text}", s["box"]))
    story += _text(view["summary"], texts, s["body"])
    for group in view["groups"]:
        story.append(Paragraph(markup(group["title"]), s["heading"]))
        story += [_fact(fact, texts, s) for fact in group["facts"]]
    story.append(Paragraph(markup(texts["laws"]), s["heading"]))
    story += [Paragraph(_law_line(law, texts), s["small"]) for law in view["laws"]] or \
             [Paragraph(markup(texts["no_verified_information"]), s["small"])]
    story.append(Paragraph(markup(texts["sources"]), s["heading"]))
    story += [Paragraph(_source_line(source, texts), s["small"]) for source in view["sources"]]
    if view["changelog"]:
        story.append(Paragraph(markup(texts["changelog"]), s["heading"]))
        for change in view["changelog"]:
            story += _text({**change["text"], "text": f"{change['date']}: {change['text']['text']}"}, texts, s["small"])
    story.append(Spacer(1, 4))
    return story


def render_pdf(view: dict) -> bytes:
    """The brief as PDF bytes: A4, standard fonts, the same bytes for the same view."""
    out = io.BytesIO()
    texts, s = view["texts"], _styles()
    width, height = A4
    margin = 42
    title = printable(f"{view['name']} — {texts['brief_title']}")
    doc = SimpleDocTemplate(out, pagesize=A4, title=title, author=printable(view["network"]),
                            subject=printable(view["address"]), creator="hooks/sitegen/briefs.py", lang=view["lang"],
                            invariant=1, pageCompression=1, leftMargin=margin, rightMargin=margin, topMargin=margin,
                            bottomMargin=margin + 14)

    def footer(canvas, document) -> None:
        canvas.saveState()
        line = " · ".join([markup(view["network"]), markup(view["name"]), markup(view["address"]),
                           f"{markup(texts['license_label'])}: {markup(view['license'])}",
                           str(document.page)])
        para = Paragraph(line, s["footer"])
        _, h = para.wrap(width - 2 * margin, 30)
        para.drawOn(canvas, margin, margin - h + 4)
        canvas.restoreState()

    doc.build(_story(view, s), onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()
