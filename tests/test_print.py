"""A country profile printed to PDF on A4 in Chromium reads as a clean brief."""

from __future__ import annotations

import io

import pytest

from hooks.sitegen.localize import country_name


@pytest.mark.parametrize("lang, prefix", [("es", ""), ("en", "en/"), ("pt", "pt/")])
def test_profile_prints_as_a_clean_a4_brief(browser, base_url, site_data, lang, prefix):
    from pypdf import PdfReader
    country = next(c for c in site_data.countries if c.iso2 == "BO")
    page = browser.new_page()
    page.goto(base_url + prefix + "paises/bo/")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    page.close()
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5  # A4 in points
    print(f"\n  {lang}: {len(reader.pages)} A4 pages")
    assert 1 <= len(reader.pages) <= 8
    assert country_name("BO", lang) in text
    assert site_data.ui["quick_exit"].get(lang)[0] not in text  # no quick exit
    assert site_data.ui["report_correction_text"].get(lang)[0][:30] not in text
    assert site_data.catalogue.indicator("test_compulsory").question.get(lang)[0][:25] in text
    compact = text.replace(" ", "")
    for source in country.sources:  # each source's address is printed
        assert source.url.replace(" ", "") in compact, source.url
