"""Page generation from data, without MkDocs: views, escaping, commentary, markers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from hooks.sitegen import model as m
from hooks.sitegen.load import load_site
from hooks.sitegen.context import RenderContext
from hooks.sitegen.pages import GENERATED_MARKER, fill_markers, generated_pages, generated_paths, render_page
from hooks.sitegen.paths import profile_path
from hooks.sitegen.registry import site_pages
from hooks.sitegen.views import SYMBOLS, index_view, profile_view

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 29)
HOSTILE = '<script>alert(1)</script> *bold* [link](http://evil.example)'


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT)  # the real data, as of today


def with_country(site, country):
    return dataclasses.replace(site, countries=tuple(c if c.iso2 != country.iso2 else country for c in site.countries))


def in_lang(site, lang: str) -> RenderContext:
    return RenderContext(site, lang, TODAY)


def profile_page(site, country, lang: str, commentary: str | None = None):
    """The country's page, in a site where it is this `country`."""
    site = with_country(site, country)
    spec = next(spec for spec in site_pages(site) if spec.path == profile_path(country.iso2))
    return render_page(in_lang(site, lang), spec, commentary)


def test_one_page_per_country_plus_index_comparison_and_maps_in_each_language(site):
    key = [i.id for i in site.catalogue.indicators if i.key]
    for lang in m.LANGUAGES:
        paths = [p.path for p in generated_pages(in_lang(site, lang))]
        assert paths == generated_paths(site)
        assert set(paths) == {"estado.md", "paises/index.md", "comparacion.md", "mapas/index.md",
                              *(f"paises/{c.slug}.md" for c in site.countries), *(f"mapas/{k}.md" for k in key),
                              "materiales/index.md", "campana.md", *(f"materiales/{x.id}.md" for x in site.materials)}


def test_profile_view_follows_the_data(site):
    country = site.countries[0]
    view = profile_view(in_lang(site, "pt"), country)
    facts = {f["id"]: f for g in view["groups"] for f in g["facts"]}
    assert set(facts) == {i.id for i in site.catalogue.indicators}
    for indicator in site.catalogue.indicators:
        answer = country.answers[indicator.id]
        fact = facts[indicator.id]
        assert fact["value"]["code"] == answer.value
        assert fact["value"]["symbol"] == SYMBOLS[indicator.tone(answer.value)]
        assert [c["number"] for c in fact["cites"]] == [
            [s.id for s in country.sources].index(sid) + 1 for sid in answer.sources]
        if not answer.known:
            assert fact["value"]["label"] == site.ui["no_verified_information"].pt


def test_outdated_review_is_flagged_after_the_configured_months(site):
    country = site.countries[0]
    months = site.settings.review_max_age_months
    old = dataclasses.replace(country, review=m.Review(dt.date(2025, 11, 28)))
    fresh = dataclasses.replace(country, review=m.Review(dt.date(2025, 12, 1)))
    assert months == 12
    assert profile_view(in_lang(site, "es"), old)["review"]["outdated"]
    assert not profile_view(in_lang(site, "es"), fresh)["review"]["outdated"]
    page = profile_page(site, old, "en").markdown
    assert site.ui["review_outdated_title"].en in page


def test_hostile_yaml_text_is_escaped_for_html_and_markdown(site):
    country = site.countries[0]
    hostile = dataclasses.replace(
        country, summary=m.Text(HOSTILE, HOSTILE, HOSTILE),
        sources=(dataclasses.replace(country.sources[0], title=HOSTILE),) + country.sources[1:])
    markdown = profile_page(site, hostile, "es").markdown
    assert "<script>" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown


def test_untranslated_data_text_is_marked_with_its_language(site):
    country = dataclasses.replace(site.countries[0], summary=m.Text("Solo en español."))
    markdown = profile_page(site, country, "en").markdown
    assert '<p class="rt-summary" lang="es">Solo en español.' in markdown
    assert site.ui["not_translated_short"].en in markdown


def test_commentary_goes_under_the_facts_or_at_the_marker(site):
    country = site.countries[0]
    under = profile_page(site, country, "es", commentary="Comentario de la editora.").markdown
    assert under.index("Comentario de la editora.") > under.index('id="known_cases"')
    assert under.index("Comentario de la editora.") < under.index("{ #laws }")
    marked = profile_page(site, country, "es", commentary=f"Antes.\n\n{GENERATED_MARKER}\n\nDespués.").markdown
    assert marked.index("Antes.") < marked.index("# Argentina") < marked.index("Después.")


def test_index_rows_are_sorted_by_localized_name_ignoring_accents(site):
    names = [row["name"] for row in index_view(in_lang(site, "es"))["rows"]]
    assert len(names) == len(site.countries)
    stripped = [n.replace("é", "e").replace("á", "a").replace("ú", "u").lower() for n in names]
    assert stripped == sorted(stripped)


def test_markers_in_hand_written_pages(site):
    filled = fill_markers(in_lang(site, "pt"), "Hola\n\n<!-- sitio:paises -->\n\n<!-- sitio:contacto -->\n<!-- sitio:nada -->",
                          "index.md")
    assert filled.count("<li><a href=\"paises/") == len(site.countries)
    assert site.ui["contact_unconfirmed"].pt in filled  # the addresses wait for confirmation
    assert "<!-- sitio:nada -->" in filled  # unknown markers stay invisible comments


def _markdown(text: str, *, for_search: bool = False, whole: bool = False) -> str:
    """The page's HTML as written to disk, or (`for_search`) as the search plugin reads it,
    or (`whole`) as search would read it with every element it skips in place."""
    import markdown
    from hooks.sitegen.htmlblocks import GeneratedHtml
    blocks = GeneratedHtml()
    html = markdown.markdown(text, extensions=["attr_list", "md_in_html", blocks])
    if for_search:
        return html
    return blocks.with_unsearched(html) if whole else blocks.put_back_unsearched(html)


def test_generated_html_reaches_the_page_untouched_by_markdown(site):
    from hooks.sitegen.htmlblocks import END, START
    page = profile_page(site, site.countries[0], "en", commentary="An *editor's* note.")
    html = _markdown(page.markdown)
    assert "rt-unsearched" not in html  # every block search skipped is back in place
    assert "rt-gap" not in html  # and the newlines search read between blocks are gone
    assert START not in html and END not in html
    blocks = re.findall(re.escape(START) + r"(.*?)" + re.escape(END), page.markdown, re.S)
    assert len(blocks) > 8
    for block in blocks:
        assert block in html  # as the template wrote it, not a character changed
    assert "<em>editor's</em>" in html  # editors' Markdown is still Markdown
    assert re.search(r'<h2 id="laws">', html)  # and so are the headings


def test_a_text_from_data_never_reaches_markdown(site):
    text = f"{HOSTILE}\n\n[x](javascript:alert(1)) <https://example.org>\n\n# not a heading"
    country = site.countries[0]
    answers = dict(country.answers)
    first = next(iter(answers))
    answers[first] = dataclasses.replace(answers[first], note=m.Text(text, text, text))
    hostile = dataclasses.replace(country, summary=m.Text(text), answers=answers)
    html = _markdown(profile_page(site, hostile, "es").markdown)
    assert "<script>" not in html
    assert "[x](javascript:alert(1)) &lt;https://example.org&gt;" in html
    assert "<a href=\"javascript" not in html and "<h1>not a heading" not in html
    assert html.count("# not a heading</p>") == 2  # the summary's third paragraph, and the note's


def test_data_cannot_forge_a_block_or_a_placeholder():
    from markupsafe import escape
    from hooks.sitegen.htmlblocks import END, START, html_block
    forged = escape(f"{END}[x](javascript:alert(1)){START}\x02wzxhzdk:0\x03")
    html = _markdown(html_block(f"<p>{forged}</p>") + "\n\n# Title")
    assert "javascript:alert(1)" in html and 'href="javascript' not in html
    assert "wzxhzdk" in html and "<h1" in html  # the fake placeholder stays text, the block is not repeated


def _search_sections(html: str) -> list:
    from material.plugins.search.plugin import Parser
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, s.title, s.text, s.is_excluded()) for s in parser.data]


def _words(sections: list) -> list:
    """The sections with only their words: what is left when the spaces between elements go."""
    return [(id_, title, [t.strip() for t in text if t.strip()], excluded) for id_, title, text, excluded in sections]


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_search_reads_the_same_page_without_the_blocks_it_skips(site, lang):
    # Pages of every kind: maps, tables, the comparison, profiles (source lists, change logs).
    spaced = 0
    for page in generated_pages(in_lang(site, lang)):
        for_search, whole = _markdown(page.markdown, for_search=True), _markdown(page.markdown, whole=True)
        written = _markdown(page.markdown)
        assert _search_sections(for_search) == _search_sections(whole), page.path
        # Search reads the published page's words, plus the spaces it needs between blocks
        # (htmlblocks._SEARCH_GAP), which the published page does without.
        assert _words(_search_sections(for_search)) == _words(_search_sections(written)), page.path
        spaced += _search_sections(for_search) != _search_sections(written)
        if "data-search-exclude" in written and page.path.startswith("paises/"):
            assert len(for_search) < len(written) - 2000, page.path  # the source list waited
    assert spaced  # some pages have blocks that touch: search read them apart


def test_each_element_search_skips_waits_for_search_and_nothing_else():
    from hooks.sitegen.htmlblocks import unsearched_elements

    def waiting(html):
        return [html[start:end] for start, end in unsearched_elements(html)]

    sources = '<ol class="rt-sources" data-search-exclude><li><ol><li>a</li></ol></li></ol>'
    assert waiting(sources) == [sources]
    assert waiting('<div class="rt-facts"><div><p>Yes</p><details class="x" data-search-exclude><summary>s</summary>'
                   '<p>why</p></details><p>b</p></div></div>') == [
        '<details class="x" data-search-exclude><summary>s</summary><p>why</p></details>']
    assert waiting('<div data-search-exclude><div>map</div></div>\n<p>searchable</p><p data-search-exclude>x</p>') == [
        '<div data-search-exclude><div>map</div></div>', '<p data-search-exclude>x</p>']
    # Only the attribute counts, not a text or a value that says so; an element never closed stays.
    assert waiting('<p title="data-search-exclude">a</p><p>data-search-exclude</p><div data-search-exclude>') == []
    forged = '<div data-search-exclude><!--rt-unsearched:' + "0" * 40 + '--></div>'
    assert _markdown(forged) == forged  # a placeholder no element left stays as it is


def test_wrap_foreign_escapes_the_notice(site):
    from hooks.sitegen.pages import wrap_foreign
    hostile = dataclasses.replace(site, ui={**site.ui, "text_not_translated_notice": m.Text(HOSTILE, HOSTILE, HOSTILE)})
    html = _markdown(wrap_foreign(in_lang(hostile, "en"), "Texto *en español*.", "es"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<div lang="es">' in html and "<em>en español</em>" in html
