"""The interface texts the site needs from `data/ui.yml`, and the `{placeholders}` in them.

This is the one list of the keys the templates (hooks/templates/, overrides/) and the code
read from `ui`: a `ui.yml` without one of them would break pages, and one with a key not
listed holds a text nobody reads (often a misspelt key). tests/test_ui_texts.py collects
every use in hooks/ and overrides/ and checks that it matches this list.

Some texts are filled in by the site (`"Verificado por {org} el {date}"`, with Python's
str.format, or by assets/materials.js): only the names the code fills in may appear in
braces there, and braces nowhere else, so that `{meses}` or `{0}` is a message for the
editor, not a crash of the build.
"""

from __future__ import annotations

import difflib
import string

from .problems import Problem
from .yamlsource import YamlDocument

# key -> the names the site fills in ("{org}"); every other text has no braces.
PLACEHOLDERS = {
    "verified_by": ("org", "date"),
    "review_outdated": ("months",),
    "count_compulsory_in_law": ("share", "unknown", "total"),
    "count_confidential": ("share", "unknown", "total"),
    "count_hiv_law": ("share", "unknown", "total"),
    "count_positive_result": ("share", "unknown", "total"),
    "count_share": ("n", "known"),
    "count_share_all": ("known",),
    "count_none_known": ("question",),
    "count_one_known": ("question", "country", "answer"),
    "count_unknown": ("n", "total"),
    "unknown_of_total": ("n", "total"),
    "quote_in_language": ("language",),
    "law_ended_in": ("status", "year"),
    "law_replaced_by": ("law",),
    "verification_sheet_title": ("country",),
    "verification_sheet_made": ("date", "reviewed"),
    "materials_only_in": ("languages",),
    "materials_filter_status": ("shown", "total"),  # filled in the browser, by materials.js
    "map_countries_one": ("n",),
    "map_countries_other": ("n",),
    "feed_title": ("network",),
    "feed_new_country": ("country",),
    "feed_country_changed": ("country",),
    "feed_new_material": ("title",),
    "cite_profile_title": ("country",),
    "brief_download": ("size",),
    "brief_data_date": ("date",),
    "brief_site_path": ("path",),
    "embed_download": ("size",),
    "map_source_line": ("network", "address", "date"),
    "map_licence_line": ("licence", "url"),
}

KEYS = frozenset("""
    no_verified_information tone_protective tone_mixed tone_harmful tone_unknown legend
    last_reviewed pending_verification verified_by review_outdated_title review_outdated
    answers_title answers_unknown_on answers_how_to_help
    secondary_sources_note not_legal_advice_title not_legal_advice get_help_from get_help_network
    organization_website
    sources_disagree what_this_means source sources secondary_source accessed
    source_type_law source_type_court_ruling source_type_government source_type_database source_type_study
    source_type_organization source_type_news source_type_encyclopedia
    source_weight_law source_weight_court_ruling source_weight_government source_weight_database source_weight_study
    source_weight_organization source_weight_news source_weight_encyclopedia
    laws law_number read_the_text report_correction report_correction_text report_correction_issue
    report_correction_email correction_issue_title changelog all_countries phase_1 phase_2
    countries_title countries_intro countries_table_caption country email corrections_email secretariat
    not_translated_short not_translated_notice text_not_translated_notice
    not_found_title not_found_text go_home quick_exit quick_exit_hint browsing_safely
    comparison_title comparison_intro comparison_hiv_caption comparison_sex_work_caption comparison_scroll_hint
    map_countries_one map_countries_other map_tap_list
    maps_title maps_intro map_description map_as_list other_maps
    count_compulsory_in_law count_confidential count_hiv_law count_positive_result count_share count_share_all
    count_none_known
    count_one_known count_unknown unknown_per_column unknown_of_total
    quote_in_language law_status_in_force law_status_repealed law_status_replaced law_status_struck_down
    law_ended_in law_replaced_by
    verification_sheet_title verification_sheet_intro verification_sheet_made verify_correct verify_wrong
    verify_dont_know verify_comments verify_answer verify_signature
    download_json download_csv download_schema license_label
    material_type_poster material_type_leaflet material_type_guide material_type_social_card
    material_type_audio material_type_video
    material_group_poster material_group_leaflet material_group_guide material_group_social_card
    material_group_audio material_group_video
    materials_title materials_intro materials_campaign materials_filters materials_filter_type
    materials_filter_topic materials_filter_language materials_filter_any materials_filter_clear
    materials_filter_status materials_none materials_topics materials_languages materials_only_in
    materials_all_languages materials_download materials_external_video materials_files
    materials_file_language materials_format materials_size materials_sha256 materials_verify_file
    materials_variant_story
    materials_sha256_help
    materials_licence_and_credits materials_licence materials_credits materials_attribution
    materials_published materials_meant_for materials_all_countries materials_other_languages
    materials_also_in materials_no_other_languages materials_all materials_for_country_title
    footer_links open_data made_with offline_download breadcrumbs home contact_unconfirmed
    status_title status_intro status_missing_pages status_missing_texts status_reviews
    status_old_reviews status_pending status_none
    feed_title feed_subtitle feed_new_country feed_country_changed feed_new_material feed_subscribe
    feed_subscribe_hint
    cite_title cite_intro cite_dataset_title cite_dataset_description cite_profile_title cite_in cite_version
    cite_dataset cite_text cite_data_version cite_accessed_note cite_country_data download_changelog
    download_package download_countries
    brief_download brief_title brief_data_date brief_live_page brief_site_path brief_not_legal_advice
    brief_answer brief_disputed brief_verification
    map_description_image embed_title embed_intro embed_relative_note embed_download map_source_line map_licence_line
""".split())


def ui_problems(doc: YamlDocument) -> list[Problem]:
    """Missing and unknown keys, and braces the site would not fill in, in a checked ui.yml."""
    problems = []
    texts = doc.data
    for key in sorted(KEYS - set(texts)):
        problems.append(Problem(doc.file, 1, 1, "", f"falta el texto «{key}», que usan las páginas; agrégalo con es, "
                                                    "en y pt", f"text '{key}' is missing and the pages use it; add it "
                                                               "with es, en and pt"))
    for key in texts:
        if key not in KEYS:
            close = difflib.get_close_matches(key, sorted(KEYS), n=1, cutoff=0.6)
            es, en = (f" (¿querías decir «{close[0]}»?)", f" (did you mean '{close[0]}'?)") if close else ("", "")
            problems.append(doc.problem(
                (key,), f"el sitio no usa ningún texto «{key}»{es}; corrige el nombre o borra el texto (si es un "
                        "texto nuevo del sitio, agrégalo también a hooks/sitegen/uitexts.py)",
                f"the site uses no text '{key}'{en}; fix the name or delete the text (if it is a new text of "
                "the site, add it to hooks/sitegen/uitexts.py too)"))
            continue
        for lang, text in texts[key].items():
            problem = _placeholder_problem(doc, (key, lang), text, PLACEHOLDERS.get(key, ()))
            if problem:
                problems.append(problem)
    return problems


def _placeholder_problem(doc: YamlDocument, path: tuple, text, allowed: tuple) -> Problem | None:
    if not isinstance(text, str) or ("{" not in text and "}" not in text):
        return None
    if not allowed:
        return doc.problem(path, "este texto no lleva llaves { }: el sitio no completa nada en él; bórralas",
                           "this text takes no braces { }: the site fills nothing in; delete them")
    names = ", ".join("{" + name + "}" for name in allowed)
    keep_es, keep_en = f"usa solo {names}, tal cual", f"use only {names}, as they are"
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return doc.problem(path, f"hay una llave {{ o }} sin su pareja; {keep_es}",
                           f"a brace {{ or }} has no partner; {keep_en}")
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if name not in allowed or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            return doc.problem(path, f"el sitio no completa «{shown}» en este texto; {keep_es}",
                               f"the site does not fill in '{shown}' in this text; {keep_en}")
    return None
