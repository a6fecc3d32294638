"""Country profiles and the countries index, as built: every country, language and fact."""

from __future__ import annotations

import html
import re

from hooks.sitegen.localize import country_name
from hooks.sitegen.model import DEFAULT_LANGUAGE, LANGUAGES
from tests.conftest import HOSTILE

PREFIX = {lang: ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") for lang in LANGUAGES}


def fact_blocks(page):
    """indicator id -> the HTML of its fact block on a profile (a fact holds no other <div>)."""
    return dict(re.findall(r'<div class="rt-fact(?: rt-fact-unknown)?" id="([a-z_]+)">(.*?)</div>', page.article, re.S))


def answers_block(page) -> str:
    """The block that opens a profile ("En resumen"), or "" if there is none."""
    found = re.search(r'<section class="rt-answers".*?</section>', page.article, re.S)
    return found.group(0) if found else ""


def test_every_country_file_has_a_profile_in_every_language(built_site, site_data):
    assert len(site_data.countries) >= 1
    for country in site_data.countries:
        for lang in LANGUAGES:
            page = built_site.page(f"{PREFIX[lang]}paises/{country.slug}/")
            assert page.lang == lang
            name = country_name(country.iso2, lang)
            assert re.search(rf"<h1[^>]*>{re.escape(html.escape(name, quote=False))}</h1>", page.article), (lang, name)


def test_profile_labels_are_all_in_the_page_language(built_site, site_data):
    catalogue = site_data.catalogue
    for country in site_data.countries:
        for lang in LANGUAGES:
            page = built_site.page(f"{PREFIX[lang]}paises/{country.slug}/")
            facts = fact_blocks(page)
            assert set(facts) == {i.id for i in catalogue.indicators}
            for group in catalogue.groups:
                assert group.title.get(lang)[0] in html.unescape(page.article)
            for indicator in catalogue.indicators:
                block = html.unescape(facts[indicator.id])
                assert indicator.question.get(lang)[0] in block
                answer = country.answers[indicator.id]
                if answer.known:
                    label = indicator.scale_value(answer.value).label
                    assert label.get(lang)[0] in block
                    others = {label.get(o)[0] for o in LANGUAGES} - {label.get(lang)[0]}
                    shown = re.search(r'<span class="rt-value[^"]*">.*?</span> (.*?)</span>', block).group(1)
                    assert shown not in others, (country.iso2, lang, indicator.id, shown)
                else:
                    assert site_data.ui["no_verified_information"].get(lang)[0] in block


def test_every_known_fact_cites_a_source_listed_on_the_page(built_site, site_data):
    for country in site_data.countries:
        for lang in LANGUAGES:
            page = built_site.page(f"{PREFIX[lang]}paises/{country.slug}/")
            assert len(fact_blocks(page)) == len(site_data.catalogue.indicators)
            for indicator_id, block in fact_blocks(page).items():
                cites = re.findall(r'<a href="#(src-\d+)"', block)
                if country.answers[indicator_id].known:
                    assert cites, (country.iso2, lang, indicator_id)
                for anchor in cites:
                    assert anchor in page.ids
            sources = re.findall(r'<li id="src-\d+">.*?<a href="([^"]+)"', page.article)
            assert [html.unescape(url) for url in sources] == [s.url for s in country.sources]


def test_unknown_is_said_in_the_readers_language(built_site, site_data):
    for lang in LANGUAGES:
        page = built_site.page(f"{PREFIX[lang]}paises/ar/")
        unknown = [i for i, a in site_data.countries[0].answers.items() if not a.known]
        assert unknown, "Argentina has unknown answers in the data"
        text = site_data.ui["no_verified_information"].get(lang)[0]
        for indicator_id in unknown:
            assert text in fact_blocks(page)[indicator_id]


def test_review_status_and_correction_link(built_site, site_data):
    for country in site_data.countries:
        for lang in LANGUAGES:
            page = built_site.page(f"{PREFIX[lang]}paises/{country.slug}/")
            status = (site_data.ui["pending_verification"].get(lang)[0] if not country.review.verified
                      else site_data.ui["verified_by"].get(lang)[0].split("{")[0])
            assert status in page.text
            assert f'datetime="{country.review.last_reviewed.isoformat()}"' in page.article
            assert site_data.settings.repository + "/issues/new?" in page.article
            assert site_data.ui["not_legal_advice"].get(lang)[0] in page.text


def test_old_review_shows_a_warning_and_fresh_does_not(edge_site, built_site, site_data):
    import datetime as dt
    from hooks.sitegen.localize import months_between
    limit = site_data.settings.review_max_age_months
    for lang in LANGUAGES:
        warning = site_data.ui["review_outdated_title"].get(lang)[0]
        assert warning in edge_site.page(f"{PREFIX[lang]}paises/ar/").text  # reviewed in January 2024
        for country in site_data.countries:  # the real profiles: a warning exactly when due
            old = months_between(country.review.last_reviewed, dt.date.today()) >= limit
            assert (warning in built_site.page(f"{PREFIX[lang]}paises/{country.slug}/").text) == old


def test_yaml_text_is_escaped_on_the_page(edge_site):
    page = edge_site.page("paises/ar/")
    assert "<script>alert" not in page.html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page.html or \
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page.html
    assert "<b>bold</b>" not in page.article
    assert HOSTILE in page.text


def test_editors_commentary_is_placed_in_the_generated_profile(edge_site):
    english = edge_site.page("en/paises/ar/")
    assert "An editor's commentary on AMMAR's work." in english.text
    assert english.article.count("<h1") == 1
    # the commentary comes under the generated facts
    assert english.article.index("commentary on AMMAR") > english.article.index('id="known_cases"')
    # no English commentary leaks into the other languages
    assert "commentary on AMMAR" not in edge_site.page("paises/ar/").text


def test_untranslated_commentary_is_shown_in_spanish_and_marked(edge_site, site_data):
    spanish = edge_site.page("paises/bo/")
    assert "Comentario de la editora" in spanish.text and "rt-untranslated-notice" not in spanish.article
    for lang in ("en", "pt"):
        page = edge_site.page(f"{lang}/paises/bo/")
        assert site_data.ui["text_not_translated_notice"].get(lang)[0] in page.text
        assert re.search(r'<div lang="es">\s*<p>Comentario de la editora, <em>solo en español</em>', page.article)


def test_countries_index_lists_every_country_with_key_answers(built_site, site_data):
    key = [i for i in site_data.catalogue.indicators if i.key]
    for lang in LANGUAGES:
        page = built_site.page(f"{PREFIX[lang]}paises/")
        rows = re.findall(r'<tr><th scope="row"><a href="([^"]+)">(.*?)</a></th>(.*?)</tr>', page.article, re.S)
        assert len(rows) == len(site_data.countries)
        by_name = {html.unescape(name): (href, cells) for href, name, cells in rows}
        for country in site_data.countries:
            href, cells = by_name[country_name(country.iso2, lang)]
            assert built_site.resolve(f"{PREFIX[lang]}paises/", href) == f"{PREFIX[lang]}paises/{country.slug}/"
            links = re.findall(r'<td data-title="[^"]*"><a href="([^"]+)">', cells)
            assert len(links) == len(key)
            for indicator, link in zip(key, links):
                assert link.endswith(f"#{indicator.id}")


def test_values_are_never_shown_by_colour_alone(built_site):
    for lang in LANGUAGES:
        for url in (f"{PREFIX[lang]}paises/", f"{PREFIX[lang]}paises/bo/", f"{PREFIX[lang]}comparacion/"):
            article = built_site.page(url).article
            values = re.findall(r'<span class="rt-value rt-tone-(\w+)"><span class="rt-sym" aria-hidden="true">(.)</span> ([^<]+)</span>',
                                article)
            # every coloured value on the page, and each with a symbol and a text label
            assert len(values) == article.count('<span class="rt-value rt-tone-') > 0
            for tone, symbol, label in values:
                assert symbol.strip() and label.strip()


def test_home_lists_member_countries_from_data(built_site, site_data):
    for lang in LANGUAGES:
        home = built_site.page(PREFIX[lang])
        listed = re.findall(r'<ul class="rt-country-list">(.*?)</ul>', home.article, re.S)[0]
        names = [html.unescape(n) for n in re.findall(r">([^<]+)</a>", listed)]
        assert sorted(names) == sorted(country_name(c.iso2, lang) for c in site_data.countries)


def test_each_answer_quotes_its_main_source_with_cite_and_lang(built_site, site_data):
    """Under an answer, the words of its first source, in the document's language, never translated."""
    quoted = 0
    for country in site_data.countries:
        for lang in LANGUAGES:
            facts = fact_blocks(built_site.page(f"{PREFIX[lang]}paises/{country.slug}/"))
            for indicator_id, block in facts.items():
                answer = country.answers[indicator_id]
                main = country.source(answer.sources[0]) if answer.sources else None
                quotes = re.findall(r'<blockquote cite="([^"]*)" lang="([^"]*)"><p>(.*?)</p></blockquote>', block, re.S)
                if not (main and main.quote):
                    assert not quotes, (country.iso2, indicator_id)
                    continue
                quoted += 1
                assert [tuple(html.unescape(part) for part in q) for q in quotes] == [
                    (main.url, main.language, main.quote)], (country.iso2, lang, indicator_id)
                assert ('class="rt-quote-lang"' in block) == (main.language != lang), (country.iso2, lang, indicator_id)
    assert quoted >= len(site_data.countries), "most profiles quote the legal text behind their answers"


def test_every_law_says_whether_it_is_in_force(built_site, site_data):
    for country in site_data.countries:
        for lang in LANGUAGES:
            page = built_site.page(f"{PREFIX[lang]}paises/{country.slug}/")
            items = re.findall(r'<ul class="rt-laws">(.*?)</ul>', page.article, re.S)
            shown = re.findall(r'<span class="rt-law-status[^"]*">(.*?)</span>', items[0] if items else "", re.S)
            assert len(shown) == len(country.laws), (country.iso2, lang)
            for law, label in zip(country.laws, shown):
                status = site_data.ui["law_status_" + law.status].get(lang)[0]
                assert html.unescape(label).startswith(status), (country.iso2, lang, law.id, label)
                if not law.in_force and law.repealed_year:
                    assert str(law.repealed_year) in label


def test_belize_says_its_hiv_offences_were_repealed_in_2023(built_site, site_data):
    belize = next(c for c in site_data.countries if c.iso2 == "BZ")
    assert belize.answers["criminalisation_status"].value == "repealed"
    ended = [law for law in belize.laws if not law.in_force]
    assert ended and all(law.repealed_year == 2023 for law in ended)
    for lang, words in (("es", "Ya no está vigente: se derogó en 2023"), ("en", "Repealed in 2023"),
                       ("pt", "Não está mais em vigor: revogação em 2023")):
        page = built_site.page(f"{PREFIX[lang]}paises/bz/")
        assert words in html.unescape(page.article)
        status_block = fact_blocks(page)["criminalisation_status"]
        label = site_data.catalogue.indicator("criminalisation_status").scale_value("repealed").label.get(lang)[0]
        assert label in html.unescape(status_block)


def test_index_and_comparison_say_how_many_answers_are_unknown(built_site, site_data):
    total = len(site_data.countries)
    key = site_data.catalogue.key_indicators
    for lang in LANGUAGES:
        page = built_site.page(f"{PREFIX[lang]}paises/")
        footer = re.findall(r"<tfoot><tr><th scope=\"row\">(.*?)</th>(.*?)</tr></tfoot>", page.article, re.S)
        assert footer and footer[0][0] == site_data.ui["unknown_per_column"].get(lang)[0]
        counts = re.findall(r"<td[^>]*>(.*?)</td>", footer[0][1])
        expected = [site_data.ui["unknown_of_total"].get(lang)[0].format(
            n=sum(1 for c in site_data.countries if not c.answers[i.id].known), total=total) for i in key]
        assert counts == expected
        comparison = built_site.page(f"{PREFIX[lang]}comparacion/")
        assert comparison.article.count("<tfoot>") == 2
        tables = re.findall(r"<thead><tr>(.*?)</tr></thead>.*?<tfoot><tr>(.*?)</tr></tfoot>", comparison.article, re.S)
        assert len(tables) == 2
        questions = {html.unescape(i.question.get(lang)[0]): i for i in site_data.catalogue.indicators}
        for head, foot in tables:
            columns = [questions[html.unescape(q)] for q in re.findall(r'<abbr title="([^"]*)"', head)]
            shown = re.findall(r"<td[^>]*>(.*?)</td>", foot)
            assert columns and shown == [site_data.ui["unknown_of_total"].get(lang)[0].format(
                n=sum(1 for c in site_data.countries if not c.answers[i.id].known), total=total) for i in columns]


def test_unconfirmed_contacts_are_not_shown(built_site, site_data):
    """Addresses the Secretariat has not confirmed could reach a stranger: none is shown,
    the contact page says how to reach the Network instead, and profiles offer no e-mail."""
    import dataclasses

    from hooks.sitegen.context import RenderContext
    from hooks.sitegen.pages import fill_markers

    settings = site_data.settings
    assert not settings.contact_confirmed  # today's data: POR CONFIRMAR in data/site.yml
    for lang in LANGUAGES:
        contact = built_site.page(f"{PREFIX[lang]}contacto/")
        assert site_data.ui["contact_unconfirmed"].get(lang)[0] in html.unescape(contact.article)
        assert settings.email not in contact.html and "mailto:" not in contact.html
        assert "mailto:" not in built_site.page(f"{PREFIX[lang]}paises/ar/").article
    confirmed = dataclasses.replace(site_data, settings=dataclasses.replace(settings, contact_confirmed=True))
    shown = fill_markers(RenderContext(confirmed, "es"), "<!-- sitio:contacto -->", "contacto.md")
    assert f"mailto:{settings.email}" in shown
    assert site_data.ui["contact_unconfirmed"].es not in shown


def test_the_questions_a_reader_comes_with_are_key():
    """Can a test be forced, and what does a positive result lead to: the profile's first block
    shows the key indicators, so these two must stay key (data/indicators.yml)."""
    from hooks.sitegen.load import load_site
    from tests.conftest import ROOT
    key = {i.id for i in load_site(ROOT).catalogue.key_indicators}
    assert {"test_compulsory", "positive_result"} <= key


def test_every_profile_opens_with_its_key_answers_and_one_line_of_unknowns(built_site, site_data):
    ui = site_data.ui
    for country in site_data.countries:
        for lang in LANGUAGES:
            page = built_site.page(f"{PREFIX[lang]}paises/{country.slug}/")
            block = answers_block(page)
            assert block, (country.iso2, lang)
            # before every group of answers, after the review line
            assert page.article.index('class="rt-review"') < page.article.index(block) < page.article.index('class="rt-facts"')
            lines = re.findall(r"<li( class=\"rt-answers-unknown\")?>(.*?)</li>", block, re.S)
            known = [i for i in site_data.catalogue.key_indicators if country.answers[i.id].known]
            unknown = [i for i in site_data.catalogue.indicators if not country.answers[i.id].known]
            assert [bool(cls) for cls, _ in lines] == [False] * len(known) + [True] * bool(unknown)
            for indicator, (_, line) in zip(known, lines):
                answer = country.answers[indicator.id]
                assert f'href="#{indicator.id}"' in line and indicator.short_title(lang) in html.unescape(line)
                assert indicator.scale_value(answer.value).label.get(lang)[0] in html.unescape(line)
                assert (ui["sources_disagree"].get(lang)[0] in line) == answer.disputed
            if unknown:
                line = lines[-1][1]
                assert ui["answers_unknown_on"].get(lang)[0] in html.unescape(line)
                jumps = re.findall(r'<a class="rt-jump" href="#([a-z_]+)">', line)
                assert sorted(jumps) == sorted(i.id for i in unknown)  # every unknown, key or not, once
                assert jumps[:sum(i.key for i in unknown)] == [i.id for i in unknown if i.key]  # key ones first
                assert 'href="#correction"' in line and "correction" in page.ids
            for target in re.findall(r'href="#([^"]+)"', block):
                assert target in page.ids


def test_known_answers_come_first_in_each_group(built_site, site_data):
    for country in site_data.countries:
        page = built_site.page(f"paises/{country.slug}/")
        order = re.findall(r'<div class="rt-fact(?: rt-fact-unknown)?" id="([a-z_]+)">', page.article)
        for group in site_data.catalogue.groups:
            shown = [i for i in order if i in {g.id for g in group.indicators}]
            known = [i.id for i in group.indicators if country.answers[i.id].known]
            assert shown == known + [i.id for i in group.indicators if i.id not in known], (country.iso2, group.id)


def test_each_question_links_to_its_explanation_once_on_the_methodology_page(built_site, site_data):
    for lang in LANGUAGES:
        methodology = built_site.page(f"{PREFIX[lang]}metodologia/")
        for indicator in site_data.catalogue.indicators:
            assert html.unescape(indicator.explanation.get(lang)[0].split("\n\n")[0]) in html.unescape(methodology.article)
        for country in site_data.countries:
            page = built_site.page(f"{PREFIX[lang]}paises/{country.slug}/")
            assert not re.search(r"<details(?! class=\"rt-citation\")", page.article)  # no box per answer any more
            for indicator in site_data.catalogue.indicators:
                assert indicator.explanation.get(lang)[0] not in html.unescape(page.article)
            for indicator_id, block in fact_blocks(page).items():
                href = re.search(r'<p class="rt-q">.*?<a class="rt-what" href="([^"]+)"', block, re.S).group(1)
                assert built_site.resolve(page.url, href) == f"{PREFIX[lang]}metodologia/#method-{indicator_id}"
                assert f"method-{indicator_id}" in methodology.ids


def test_search_reads_the_answers_once_without_the_links_around_them(built_site, site_data):
    import json
    for lang in LANGUAGES:
        index = json.loads((built_site.root / PREFIX[lang] / "search/search_index.json").read_text(encoding="utf-8"))
        profiles = [d for d in index["docs"] if d["location"].startswith("paises/") and len(d["location"]) > len("paises/")]
        text = " ".join(d["text"] for d in profiles)
        assert profiles and site_data.catalogue.indicators[0].question.get(lang)[0] in html.unescape(text)
        assert site_data.ui["what_this_means"].get(lang)[0] not in text
        assert site_data.ui["answers_unknown_on"].get(lang)[0] not in text  # the opening summary repeats the answers
