"""One voice per language: Spanish speaks with "tú" (never "usted"), Brazilian Portuguese
with "você" and Brazilian quotation marks (“ ”), everywhere a reader or an editor reads:
pages, interface texts, catalogue, campaign, materials and the messages of `make check`.

Each test lists every offending place as file:line, so that a slip is easy to find.
Legal quotations and source titles are the documents' own words and are not checked.
"""

from __future__ import annotations

import re
import sys
import tokenize
from pathlib import Path

import pytest

from hooks.sitegen.yamlsource import load_yaml
from tests.conftest import ROOT

# "usted" and the usted forms of the verbs a site like this one uses; "tú" forms are
# "contacta", "cuéntanos", "elige", "vuelve", "busca", "toca", "escribe", "revisa"...
USTED = re.compile(r"\b(" + "|".join("""
    usted ustedes contacte contáctenos cuéntenos díganos escríbanos avísenos elija vuelva busque toque
    escriba revise ejecute agregue corrija borre consulte confirme indique verifique ingrese pulse
    descargue compruebe cambie quite mueva recupere elimine asegúrese presione
    """.split()) + r")\b", re.IGNORECASE)
# Portuguese: Brazilian quotes, "você" (not "tu"), no false friends.
PT_WRONG = re.compile(r"[«»]|\bpara editoras\b|\b(?:tu|teu|tua|teus|tuas)\b"
                      r"|\blocais (?:autorizados|habilitados|impõem)\b|\bou locais\b", re.IGNORECASE)
# The documents' own words: laws are quoted as they are, titles as published.
VERBATIM = {"quote", "title", "name", "article"}


def _strings(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))
    elif isinstance(value, str):
        yield path, value


def _data_files() -> list[Path]:
    data = ROOT / "data"
    return sorted([*data.glob("*.yml"), *data.glob("materials/*.yml"), *data.glob("materials/src/*.yml"),
                   *data.glob("countries/*.yml")])


def _yaml_hits(lang: str, pattern: re.Pattern) -> list[str]:
    hits = []
    for path in _data_files():
        doc, problems = load_yaml(path, ROOT)
        assert not problems, problems
        country = path.parent.name == "countries"
        for where, text in _strings(doc.data):
            if lang not in where:
                continue
            if country and VERBATIM & {k for k in where if isinstance(k, str)}:
                continue
            for match in pattern.finditer(text):
                line, _ = doc.where(where)
                hits.append(f"{doc.file}:{line}: «{match.group(0)}» in {text[:80]!r}")
    return hits


def _markdown_hits(folder: str, pattern: re.Pattern) -> list[str]:
    hits = []
    for path in sorted((ROOT / "docs" / folder).glob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in pattern.finditer(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: «{match.group(0)}» in {line.strip()[:80]!r}")
    return hits


def _python_strings(path: Path):
    with path.open("rb") as f:
        for token in tokenize.tokenize(f.readline):
            if token.type == tokenize.STRING or token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
                yield token.start[0], token.string


def _message_hits() -> list[str]:
    """The words of `make check`, the scaffolds and the materials script (Spanish halves)."""
    hits = []
    files = [*sorted((ROOT / "hooks/sitegen").glob("*.py")), ROOT / "hooks/i18n_bridge.py",
             ROOT / "scripts/make_materials.py"]
    for path in files:
        for line, text in _python_strings(path):
            for match in USTED.finditer(text):
                hits.append(f"{path.relative_to(ROOT)}:{line}: «{match.group(0)}» in {text[:80]!r}")
    return hits


def test_spanish_pages_speak_with_tu():
    hits = _markdown_hits("es", USTED)
    assert not hits, "Spanish pages use 'usted' forms; write with 'tú':\n" + "\n".join(hits)


def test_spanish_data_texts_speak_with_tu():
    hits = _yaml_hits("es", USTED)
    assert not hits, "Spanish texts use 'usted' forms; write with 'tú':\n" + "\n".join(hits)


def test_make_check_speaks_with_tu():
    hits = _message_hits()
    assert not hits, "messages use 'usted' forms; write with 'tú':\n" + "\n".join(hits)


def test_portuguese_pages_are_brazilian():
    hits = _markdown_hits("pt", PT_WRONG)
    assert not hits, "Portuguese pages: use “ ”, 'você', 'estabelecimentos':\n" + "\n".join(hits)


def test_portuguese_data_texts_are_brazilian():
    hits = _yaml_hits("pt", PT_WRONG)
    assert not hits, "Portuguese texts: use “ ”, 'você', 'estabelecimentos':\n" + "\n".join(hits)


@pytest.mark.parametrize("text, pattern, found", [
    ("Elija un país", USTED, True), ("Elige un país", USTED, False),
    ("Vuelva al inicio o busque un país", USTED, True), ("Toque un encabezado", USTED, True),
    ("Cuéntenos qué está mal", USTED, True), ("Cuéntanos qué está mal", USTED, False),
    ("escriba AAAA-MM-DD", USTED, True), ("escribe AAAA-MM-DD", USTED, False),
    ("seção «Perfis por país»", PT_WRONG, True), ("seção “Perfis por país”", PT_WRONG, False),
    ("(para editoras)", PT_WRONG, True), ("autoridades, polícia ou locais impõem", PT_WRONG, True),
    ("espaços locais, nacionais e regionais", PT_WRONG, False), ("o teu país", PT_WRONG, True),
])
def test_the_patterns_catch_what_they_should(text, pattern, found):
    assert bool(pattern.search(text)) is found


def test_a_slip_is_reported_at_its_file_and_line(tmp_path, monkeypatch):
    docs = tmp_path / "docs" / "es"
    docs.mkdir(parents=True)
    (docs / "pagina.md").write_text("# Título\n\nSi tienes dudas, contacte a la Red.\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    assert _markdown_hits("es", USTED) == ["docs/es/pagina.md:3: «contacte» in 'Si tienes dudas, contacte a la Red.'"]


def test_python_strings_are_read_with_their_line(tmp_path):
    path = tmp_path / "x.py"
    path.write_text('a = 1\nmsg = ("bien", "escriba la fecha")\n', encoding="utf-8")
    assert [(line, text) for line, text in _python_strings(path) if USTED.search(text)] == [(2, '"escriba la fecha"')]


# -- phrases a native reader would not write (issue 14) -----------------------------

def test_the_phrases_named_in_the_review_stay_fixed():
    doc, _ = load_yaml(ROOT / "data/indicators.yml", ROOT)
    indicators = {i["id"]: i for g in doc.data["groups"] for i in g["indicators"]}
    scales = {name: {v["code"]: v["label"] for v in values} for name, values in doc.data["scales"].items()}
    for key in ("covers_non_disclosure", "covers_exposure", "covers_transmission"):
        question = indicators[key]["question"]
        assert question["es"].startswith("¿La ley castiga") and question["pt"].startswith("A lei pune"), key
    assert indicators["covers_non_disclosure"]["question"]["pt"] == \
        "A lei pune quem não revela o diagnóstico ao parceiro ou à parceira?"
    assert scales["check_interval"]["under_15_days"]["es"] == "Más de una vez cada 15 días"
    assert scales["positive_result"]["no_legal_consequence"]["es"] == "La ley no prevé consecuencias"
    assert "uma norma exige o teste" in indicators["test_compulsory"]["explanation"]["pt"]


UNKNOWN = {"es": "Sin información verificada", "en": "No verified information", "pt": "Sem informação verificada"}


def test_methodology_names_the_unknown_value_once(built_site):
    for lang, prefix in (("es", ""), ("en", "en/"), ("pt", "pt/")):
        text = built_site.page(f"{prefix}metodologia/").text
        assert UNKNOWN[lang] in text
        assert f"{UNKNOWN[lang]} ({UNKNOWN[lang].lower()})" not in text, lang


def test_the_member_organization_is_linked_by_name_not_by_raw_address(built_site):
    for prefix, word in (("", "sitio web"), ("en/", "website"), ("pt/", "site")):
        page = built_site.page(f"{prefix}paises/pe/")
        assert re.search(r'<a href="https://[^"]+" rel="noopener noreferrer">' + word + "</a>", page.article), prefix
        assert not re.search(r">https?://[^<]+</a>\)", page.article), prefix
