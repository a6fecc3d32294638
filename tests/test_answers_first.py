"""Answers first, in Chromium at a cheap phone's size: the profile answers the two questions
a sex worker comes with (can a test be forced, what a positive result leads to) near the top,
and its links are large enough to tap."""

from __future__ import annotations

import pytest

from hooks.sitegen.model import DEFAULT_LANGUAGE, LANGUAGES

PREFIX = {lang: ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") for lang in LANGUAGES}
PHONE = {"width": 390, "height": 844}
QUESTIONS = ("test_compulsory", "positive_result")  # can a test be forced; what a positive result leads to
MIN_TARGET = 24  # CSS px, WCAG 2.2 target size (minimum)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def answer_bottom(page, indicator_id: str) -> float:
    """How far down the page the opening block's answer to a question ends: the line's link
    to the full answer and the value it gives (for an unknown answer, the line's opening
    "Sin información verificada sobre:")."""
    line = page.locator(".rt-answers li").filter(has=page.locator(f'a[href="#{indicator_id}"]'))
    assert line.count() == 1, indicator_id
    boxes = [line.locator(f'a[href="#{indicator_id}"]').bounding_box(),
             line.locator(".rt-value").first.bounding_box()]
    return max(box["y"] + box["height"] for box in boxes)  # page top = 0: the page is not scrolled


@pytest.mark.parametrize("lang", LANGUAGES)
def test_honduras_answers_both_questions_within_one_and_a_half_screens(phone, base_url, lang, capsys):
    phone.goto(base_url + PREFIX[lang] + "paises/hn/")
    assert phone.evaluate("window.scrollY") == 0
    bottoms = {q: answer_bottom(phone, q) for q in QUESTIONS}
    with capsys.disabled():
        print(f"\n  paises/hn/ ({lang}) at 390x844: " + ", ".join(f"{q} ends at {y:.0f} px" for q, y in bottoms.items()))
    for question, bottom in bottoms.items():
        assert bottom <= 1.5 * PHONE["height"], (question, bottom)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_line_jumps_to_its_full_answer(phone, base_url, lang):
    phone.goto(base_url + PREFIX[lang] + "paises/hn/")
    for question in QUESTIONS:
        phone.locator(f'.rt-answers a[href="#{question}"]').click()
        assert phone.url.endswith(f"#{question}")
        # the full answer comes into view (waiting out a smooth scroll, if the theme makes one)
        phone.wait_for_function("""el => { const top = el.getBoundingClientRect().top;
                                           return top >= 0 && top < innerHeight; }""",
                                arg=phone.locator(f"#{question}").element_handle(), timeout=5000)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_answer_links_are_large_enough_to_tap(phone, base_url, lang):
    phone.goto(base_url + PREFIX[lang] + "paises/mx/")
    links = phone.locator(".rt-answers a, .rt-fact a.rt-what")
    assert links.count() > 23  # the opening block, and a "what this means" per question
    sizes = links.evaluate_all("""els => els.flatMap(a => [...a.getClientRects()]
        .map(r => [a.getAttribute('href'), r.width, r.height]))""")
    small = [s for s in sizes if s[1] < MIN_TARGET or s[2] < MIN_TARGET]
    assert not small, small
