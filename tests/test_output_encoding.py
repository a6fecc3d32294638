"""Nothing typed into the data becomes live markup: the edge site, built with hostile strings
in site.yml, ui.yml, a material and a country file (tests/hostile.py), is read as a browser
would parse it, page by page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from hooks.sitegen.csp import inline_scripts, script_hash
from hooks.sitegen.model import DEFAULT_LANGUAGE, LANGUAGES
from tests import hostile

PREFIX = {lang: ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") for lang in LANGUAGES}
# Elements that hold phrasing content only: a <p> may not open inside them.
_CLOSES_P = {"p", "div", "ul", "ol", "li", "table", "details", "dl", "blockquote", "figure", "h1", "h2", "h3",
             "article", "section", "nav", "form", "header", "footer"}


class _Elements(HTMLParser):
    """Every element of a page with its attributes, and <p> opened inside a <p>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.nested_p: list[int] = []
        self._open_p = 0
        self._texts: dict[int, list[str]] = {}
        self._stack: list[int] = []

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            if self._open_p:
                self.nested_p.append(self.getpos()[0])
            self._open_p += 1
        elif tag in _CLOSES_P:
            self._open_p = 0  # a block element closes an open <p> (as browsers do)
        self.elements.append((tag, dict(attrs)))
        if tag not in ("br", "img", "meta", "link", "input", "hr", "path"):
            self._stack.append(len(self.elements) - 1)
            self._texts[len(self.elements) - 1] = []

    def handle_endtag(self, tag):
        if tag == "p":
            self._open_p = max(0, self._open_p - 1)
        while self._stack:
            index = self._stack.pop()
            if self.elements[index][0] == tag:
                break

    def handle_data(self, data):
        for index in self._stack:
            self._texts[index].append(data)

    def text_of(self, tag: str, **attrs) -> list[str]:
        """The text of each element `tag` whose attributes include `attrs`."""
        return [" ".join("".join(self._texts.get(i, [])).split()) for i, (t, a) in enumerate(self.elements)
                if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]


def elements(page) -> _Elements:
    parser = _Elements()
    parser.feed(page.html)
    return parser


def policy_hashes(page) -> set[str]:
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', page.html).group(1)
    script_src = next(d for d in policy.replace("&#39;", "'").split("; ") if d.startswith("script-src "))
    return set(script_src.split()[1:])


@pytest.fixture(scope="module")
def edge_pages(edge_site):
    return {url: edge_site.page(url) for url in edge_site.html_urls()}


def test_no_element_attribute_script_or_link_from_data_on_any_page(edge_pages):
    assert len(edge_pages) > 100
    for url, page in edge_pages.items():
        parsed = elements(page)
        allowed = policy_hashes(page)
        for tag, attrs in parsed.elements:
            assert tag != "rt-evil" and "data-evil" not in attrs, (url, tag, attrs)
            assert not [name for name in attrs if name.startswith("on")], (url, tag, attrs)
            for name in ("href", "src", "action", "formaction"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:text", "vbscript:")), (url, tag, attrs)
            assert not (tag == "img" and attrs.get("src") == "x"), url
            assert not (tag == "a" and attrs.get("href") == "https://example.org"), (url, "an autolink from data")
        for body in inline_scripts(page.html):
            assert "alert(" not in body, url
            assert script_hash(body) in allowed, (url, body[:80])
        assert not parsed.nested_p, (url, parsed.nested_p)


def test_titles_keep_data_as_text(edge_pages, edge_site, site_data):
    material = next(m for m in site_data.materials if m.id == hostile.MATERIAL)
    for lang in LANGUAGES:
        name = f"{site_data.settings.network_name.get(lang)[0]} {hostile.MARKUP}"
        assert edge_site.page(PREFIX[lang]).title.endswith(name)
        assert edge_site.page(f"{PREFIX[lang]}404.html").title == name
        title = edge_site.page(f"{PREFIX[lang]}materiales/{hostile.MATERIAL}/").title
        assert title == f"{material.title.get(lang)[0]} {hostile.MARKUP} - {name}", title
        # the same name in the footer, as text
        footer = elements(edge_site.page(PREFIX[lang])).text_of("div", class_="md-copyright__highlight")
        assert footer == [" ".join(name.split())]
    for url, page in edge_pages.items():
        assert page.title.endswith(hostile.MARKUP), url


def test_addresses_from_data_stay_whole_in_their_attribute(edge_pages, edge_site):
    for url, page in edge_pages.items():
        links = [attrs for tag, attrs in elements(page).elements if tag == "a" and "data-rt-quick-exit-link" in attrs]
        assert [link["href"] for link in links] == [hostile.QUICK_EXIT_URL], url
        assert set(links[0]) == {"class", "href", "rel", "title", "data-rt-quick-exit-link"}, url
        assert links[0]["title"].endswith(hostile.MARKUP)
    profile = elements(edge_site.page("paises/ar/"))
    hrefs = [attrs.get("href", "") for tag, attrs in profile.elements if tag == "a"]
    assert hostile.WEBSITE_URL in hrefs
    assert any(h.startswith(hostile.REPOSITORY_URL + "/issues/new?") for h in hrefs)


def test_interface_texts_from_data_are_text_in_every_place(edge_site, site_data):
    def ui(key, lang):
        return " ".join(f"{site_data.ui[key].get(lang)[0]} {hostile.MARKUP}".split())

    for lang in LANGUAGES:
        home = elements(edge_site.page(PREFIX[lang]))
        assert home.text_of("a", class_="rt-quick-exit__safety") == [ui("browsing_safely", lang)]
        assert ui("quick_exit", lang) in home.text_of("a", class_="rt-quick-exit__button")
        footer = next(a for t, a in home.elements if t == "nav" and a.get("class") == "rt-footer-links")
        assert footer["aria-label"] == f"{site_data.ui['footer_links'].get(lang)[0]} {hostile.MARKUP}"
        assert ui("made_with", lang) in home.text_of("nav", class_="rt-footer-links")[0]
        not_found = elements(edge_site.page(f"{PREFIX[lang]}404.html"))
        assert ui("go_home", lang) in not_found.text_of("a")
        # a hook template's text, in a paragraph and in a Markdown heading
        comparison = elements(edge_site.page(f"{PREFIX[lang]}comparacion/"))
        assert ui("comparison_intro", lang) in comparison.text_of("p")
        assert ui("laws", lang) in elements(edge_site.page(f"{PREFIX[lang]}paises/ar/")).text_of("h2", id="laws")
    # the notices of untranslated text: of an editor's commentary, and of a whole page
    for lang in ("en", "pt"):
        commentary = elements(edge_site.page(f"{lang}/paises/bo/")).text_of("p", class_="rt-untranslated-notice")
        assert commentary == [ui("text_not_translated_notice", lang)]
        page = elements(edge_site.page(f"{lang}/solo-en-espanol/")).text_of("p", class_="rt-untranslated-notice")
        assert page == [ui("not_translated_notice", lang)]


def test_a_blank_line_in_a_text_is_a_paragraph_break_and_nothing_more(edge_site):
    first, second = hostile.PARAGRAPHS.split("\n\n")
    profile = elements(edge_site.page("paises/ar/"))
    # the note (of the first indicator): its own text, then the two paragraphs added to it,
    # each a <p> of its own; the Markdown and HTML in them stay text
    notes = profile.text_of("p", class_="rt-note")
    added = notes.index(first)
    assert added > 0 and notes[added + 1] == second
    summary = profile.text_of("p", class_="rt-summary")
    assert summary[-2:] == [first, second] and len(summary) == 3
    # in a phrase (a change in the change log), the break is a line break
    changes = re.search(r'<ul class="rt-changelog".*?</ul>', edge_site.page("paises/ar/").html, re.S).group(0)
    # (a space after the break: read as plain text, the two lines stay two words apart)
    assert re.search(r"[^>]<br> Primer párrafo \*sin énfasis\*\.<br> Segundo: \[x\]", changes)
    # a material's description, on its page and in the catalogue
    detail = elements(edge_site.page(f"materiales/{hostile.MATERIAL}/")).text_of("p", class_="rt-material-desc")
    assert detail[-2:] == [first, second]
    catalogue = elements(edge_site.page("materiales/")).text_of("p", class_="rt-material-desc")
    assert first in catalogue and second in catalogue


def test_a_question_with_a_blank_line_leaves_every_page_whole(edge_site, site_data):
    question = "¿Cómo trata la ley el trabajo sexual?" + hostile.QUESTION_ADDITION
    for url in ("paises/ar/", "paises/bo/", "comparacion/", "mapas/legal_model/", "metodologia/"):
        page = edge_site.page(url)
        shown = page.text + " ".join(a.get("title", "") for t, a in elements(page).elements if t == "abbr")
        assert " ".join(question.split()) in " ".join(shown.split()), url
        assert page.html.count('<article class="md-content__inner') == 1
        assert "</article>" in page.html.split('<footer class="md-footer">')[0], url
    profile = elements(edge_site.page("paises/ar/"))
    # every indicator is still its own fact, question first (known answers before unknown
    # ones in each group: test_profiles.py checks the order)
    facts = [attrs["id"] for tag, attrs in profile.elements
             if tag == "div" and attrs.get("class") in ("rt-fact", "rt-fact rt-fact-unknown")]
    assert sorted(facts) == sorted(i.id for i in site_data.catalogue.indicators)
    assert len(profile.text_of("p", class_="rt-q")) == len(facts)
