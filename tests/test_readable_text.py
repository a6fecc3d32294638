"""Text that reads right when it is read as plain text (copied, read aloud, indexed, extracted):
no two words glued where one element ends and the next begins, no mark run into its answer."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hooks.sitegen.model import LANGUAGES

# The end of a word (or of a sentence) touching the start of the next one: "penalizado.¿Es",
# "lícitaLa", "TodosAfiche". Only where an element boundary falls between the two: inside one
# text, "WhatsApp" or "RedTraSex" is a name, not a glue.
GLUED = re.compile(r"[a-záéíóúñçãõâêôü]{2}[.:;)]?(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñçãõâêôü]|[¿¡])")
SKIPPED = {"script", "style", "svg", "template"}


class _TextRuns(HTMLParser):
    """The article's texts as `textContent` gives them: one string, with the offsets where a tag stood."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.boundaries: set[int] = set()
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in SKIPPED
        self.boundaries.add(len(self.text))

    def handle_startendtag(self, tag, attrs):
        self.boundaries.add(len(self.text))

    def handle_endtag(self, tag):
        self._skip -= tag in SKIPPED
        self.boundaries.add(len(self.text))

    def handle_data(self, data):
        if not self._skip:
            self.text += data


def glued_pairs(article: str) -> list[str]:
    runs = _TextRuns()
    runs.feed(article)
    found = []
    for match in GLUED.finditer(runs.text):
        if match.end() in runs.boundaries:  # the next word starts where another element does
            found.append(runs.text[max(0, match.start() - 30):match.end() + 30].replace("\n", " "))
    return found


def test_the_detector_finds_the_glues_readers_met():
    assert glued_pairs('<blockquote><p>penalizado.</p></blockquote><figcaption><cite>¿Es legal?</cite></figcaption>')
    assert glued_pairs('<p class="admonition-title">Información</p><p>Esta página</p>')
    assert glued_pairs('<select><option>Todos</option><option>Afiche</option></select>')
    assert not glued_pairs('<blockquote><p>penalizado.</p></blockquote> <figcaption><cite>¿Es legal?</cite></figcaption>')
    assert not glued_pairs("<p>Comparte por WhatsApp con la RedTraSex.</p>")


def test_no_page_glues_the_end_of_one_element_to_the_next(built_site):
    glued = []
    for url in built_site.html_urls():
        article = built_site.page(url).article
        glued += [f"{url or '/'}: …{snippet}…" for snippet in glued_pairs(article)]
    assert not glued, "\n".join(glued[:40])


def test_the_disputed_mark_is_set_apart_from_the_answer(built_site, site_data):
    words = site_data.ui["sources_disagree"]
    seen = 0
    for country in site_data.countries:
        for lang in LANGUAGES:
            page = built_site.page(f"{'' if lang == 'es' else lang + '/'}paises/{country.slug}/")
            for mark in re.findall(r'<span class="rt-disputed">(.*?)</span>', page.article, re.S):
                assert mark == f"({words.get(lang)[0]})", (country.iso2, lang, mark)
                seen += 1
    assert seen or not any(a.disputed for c in site_data.countries for a in c.answers.values())


def test_a_law_status_agrees_with_any_law_name(site_data):
    # "Código Penal" is masculine, "Ley" feminine: a status must not be a participle that picks one.
    participle = re.compile(r"\b\w+(?:ada|ado|ida|ido|ída|ído)s?\b", re.I)
    for key in ("law_status_in_force", "law_status_repealed", "law_status_replaced", "law_status_struck_down"):
        for lang in ("es", "pt"):
            text = site_data.ui[key].get(lang)[0]
            assert not participle.search(text), (key, lang, text)


def test_a_count_of_all_known_answers_says_all(built_site):
    # "En 13 de los 13 países…" is no sentence: "En los 13 países…", "In all 13…", "Nos 13…".
    same = re.compile(r"\b(\d+) (?:de los|of the|dos) \1 (?:países|countries)\b")
    for lang in LANGUAGES:
        home = built_site.page("" if lang == "es" else f"{lang}/")
        assert not same.search(home.text), (lang, same.search(home.text).group(0))


def test_the_questions_without_answers_read_as_one_sentence(built_site, site_data):
    # "Sin información verificada sobre: modelo legal, prueba gratuita, …": no capital mid-sentence
    # (an acronym keeps its capitals: "HIV exposure").
    for country in site_data.countries:
        for lang in LANGUAGES:
            page = built_site.page(f"{'' if lang == 'es' else lang + '/'}paises/{country.slug}/")
            line = re.search(r'<li class="rt-answers-unknown">(.*?)</li>', page.article, re.S)
            if not line:
                continue
            for title in re.findall(r'<a class="rt-jump" href="#[a-z_]+">(.*?)</a>', line.group(1)):
                assert not re.match(r"[A-ZÁÉÍÓÚ][a-záéíóúñçãõ]", title), (country.iso2, lang, title)


def test_a_map_legend_reads_as_one(built_site, site_data):
    # "Sí, por ley: 1 país", not "Sí, por ley 1"
    for lang in LANGUAGES:
        page = built_site.page("mapas/" if lang == "es" else f"{lang}/mapas/")
        items = re.findall(r'<span class="rt-map-legend-label">[^<]+</span>: <span class="rt-map-legend-count">([^<]+)</span>',
                           page.article)
        assert items, lang
        for text in items:
            count = int(text.split()[0])
            key = "map_countries_one" if count == 1 else "map_countries_other"
            assert text == site_data.ui[key].get(lang)[0].format(n=count), (lang, text)
