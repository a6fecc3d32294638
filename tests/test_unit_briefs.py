"""Country briefs (briefs.py, briefpdf.py), without MkDocs: text made printable and escaped, a PDF from a view-model,
the same bytes for the same view, and the on-disk store that keeps them between builds."""

from __future__ import annotations

import datetime as dt
import io
import os
import time

import pypdf
import pytest

from hooks.sitegen import briefpdf, briefs
from hooks.sitegen.briefstore import BriefStore
from hooks.sitegen.cache import ContentCache
from hooks.sitegen.context import RenderContext
from hooks.sitegen.localize import country_name


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture(scope="module")
def ctx(site_data):
    return RenderContext(site_data, "es", dt.date(2026, 12, 1))


@pytest.fixture(scope="module")
def country(site_data):
    return next(c for c in site_data.countries if c.iso2 == "AR")


def test_winansi_text_is_kept_and_other_characters_are_replaced_visibly():
    spanish = "¿Cómo? ¡Sí! «Ley» “n.º 1” — añadió; Portugués: ação, Ñandutí, çã õ"
    assert briefpdf.printable(spanish) == spanish
    assert briefpdf.printable("a ≤ b → c") == "a <= b -> c"
    assert briefpdf.printable("ǎ") == "a"  # a letter WinAnsi lacks, without its unusual accent
    assert briefpdf.printable("VIH 中文") == "VIH [U+4E2D][U+6587]"
    assert briefpdf.printable("a\x00b\x1bc\nd") == "abc\nd"


def test_text_from_data_is_escaped_for_reportlab_markup():
    assert briefpdf.markup('<b>x</b> & <a href="y">') == '&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href="y"&gt;'
    assert briefpdf.markup("  two\n\nlines ") == "two lines"


def test_link_is_clickable_only_for_web_addresses():
    assert '<a href="https://x.org/?a=1&amp;b=%22"' in briefpdf._link('https://x.org/?a=1&b=%22')
    assert "<a " not in briefpdf._link("javascript:alert(1)")


def test_live_address_is_absolute_only_when_the_site_url_is_known():
    assert briefs.live_address("", "en", "AR") == ("/en/paises/ar/", False)
    assert briefs.live_address("https://example.org/red/", "es", "AR") == ("https://example.org/red/paises/ar/", True)
    assert briefs.brief_path("AR", "pt") == "fichas/ficha-ar-pt.pdf"


def test_brief_shows_the_profile_in_its_language_with_its_date_and_status(ctx, country, site_data):
    view = briefs.brief_view(ctx, country)
    pdf = briefs.render_pdf(view)
    assert pdf.startswith(b"%PDF-") and len(pdf) < 150_000
    text = _text(pdf)
    assert country_name("AR", "es") in text
    assert ctx.ui.pending_verification in " ".join(text.split()) or country.review.verified
    assert briefs.data_date(country).year == 2026 and view["data_date"].split(" al ")[1].split(" (")[0] in text
    assert view["site_path"] and "/paises/ar/" in text  # SITE_URL unknown: the path, said to be one
    for indicator in site_data.catalogue.key_indicators:
        assert " ".join(indicator.question.es.split()) in text
    unknown = [f for g in view["groups"] for f in g["facts"] if f["value"]["tone"] == "unknown"]
    assert unknown and all(f["value"]["label"] == ctx.ui.no_verified_information for f in unknown)
    assert ctx.ui.no_verified_information in text
    for source in view["sources"][:3]:
        assert source["accessed"] in text


def test_brief_never_says_verified_when_nothing_is(site_data, country):
    en = RenderContext(site_data, "en", dt.date(2026, 12, 1))
    assert not country.review.verified and not any(a.verified for a in country.answers.values())
    text = _text(briefs.render_pdf(briefs.brief_view(en, country))).lower()
    assert "verified" not in text.replace("no verified information", "")


def test_disputes_are_shown_as_disputes(ctx, country):
    view = briefs.brief_view(ctx, country)
    fact = view["groups"][0]["facts"][0]
    view["groups"][0]["facts"][0] = {**fact, "disputed": True}
    assert ctx.ui.brief_disputed in _text(briefs.render_pdf(view))


def test_hostile_and_unprintable_data_neither_crash_nor_become_markup(ctx, country):
    view = briefs.brief_view(ctx, country)
    view["name"] = 'Argentina <b>negrita</b> & <font size="80">x</font> 中 ✔'
    view["summary"] = {"text": "Texto <img src='x'/> con\x07 control", "lang": "es", "translated": True}
    text = _text(briefs.render_pdf(view))
    assert "Argentina <b>negrita</b> & <font size=\"80\">x</font> [U+4E2D] [U+2714]" in text
    assert "Texto <img src='x'/> con control" in text


def test_same_view_same_bytes_and_a_changed_view_changes_the_key(ctx, country):
    view = briefs.brief_view(ctx, country)
    assert briefs.render_pdf(view) == briefs.render_pdf(briefs.brief_view(ctx, country))
    assert briefs.view_key(view) == briefs.view_key(briefs.brief_view(ctx, country))
    assert briefs.view_key({**view, "name": "Otra"}) != briefs.view_key(view)


def test_the_key_does_not_depend_on_the_url_style_but_does_on_the_site_address(site_data, country):
    plain = RenderContext(site_data, "es", dt.date(2026, 12, 1), directory_urls=True)
    offline = RenderContext(site_data, "es", dt.date(2026, 12, 1), directory_urls=False)
    hosted = RenderContext(site_data, "es", dt.date(2026, 12, 1), site_url="https://example.org/")
    assert briefs.view_key(briefs.brief_view(plain, country)) == briefs.view_key(briefs.brief_view(offline, country))
    assert briefs.view_key(briefs.brief_view(plain, country)) != briefs.view_key(briefs.brief_view(hosted, country))


def test_store_makes_once_then_reads_from_disk(tmp_path):
    made = []

    def make():
        made.append(1)
        return b"%PDF-1.4 brief %%EOF\n"

    first = BriefStore(tmp_path / "briefs")
    assert first.get("k1", make) == b"%PDF-1.4 brief %%EOF\n" and first.made == 1
    second = BriefStore(tmp_path / "briefs")  # another command: only the disk is shared
    assert second.get("k1", make) == b"%PDF-1.4 brief %%EOF\n"
    assert (second.made, second.from_disk, len(made)) == (0, 1, 1)
    (tmp_path / "briefs" / "k1.pdf").write_bytes(b"%PDF-1.4 cut sho")  # a broken file is made again
    assert second.get("k1", make).endswith(b"%%EOF\n") and len(made) == 2
    assert not list((tmp_path / "briefs").glob("*.tmp"))


def test_store_forgets_briefs_unused_for_a_month(tmp_path):
    store = BriefStore(tmp_path)
    old, new = tmp_path / "old.pdf", tmp_path / "new.pdf"
    for path in (old, new):
        path.write_bytes(b"%PDF- %%EOF")
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    store.prune()
    assert new.exists() and not old.exists()


def test_brief_is_kept_in_memory_and_gathered_for_the_site(ctx, country, tmp_path, site_data):
    from dataclasses import replace

    from hooks.sitegen.briefstore import store
    from hooks.sitegen.project import Project
    from hooks.sitegen.sitefiles import site_files
    site = replace(site_data, project=Project(tmp_path))
    here = RenderContext(site, "es", dt.date(2026, 12, 1), cache=ContentCache())
    one = briefs.brief(here, country)
    again = briefs.brief(here, country)
    kept = store(here.cache, site.project)
    assert one == again and (kept.made, kept.from_disk, kept.asked) == (1, 0, 2)
    assert site_files(here.cache).files == {"fichas/ficha-ar-es.pdf": one.content}
    assert len(list((tmp_path / ".cache" / "briefs").glob("*.pdf"))) == 1
