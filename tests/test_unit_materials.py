"""Campaign materials, without MkDocs: loading and checking the data, the size and SHA-256
of each file, the catalogue, material and campaign pages in three languages, and the
generated PDFs and SVGs (byte-identical when made again, in the right language)."""

from __future__ import annotations

import dataclasses
import hashlib
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.datafiles import copy_data, edit
from hooks.sitegen import model as m
from hooks.sitegen.datafolders import stray_file_problems
from hooks.sitegen.cache import ContentCache
from hooks.sitegen.context import RenderContext
from hooks.sitegen.datareader import DataReader
from hooks.sitegen.load import fingerprint, load_site
from hooks.sitegen.localize import human_size
from hooks.sitegen.materials import FILES_DIR, load_campaign, load_materials
from hooks.sitegen.materialviews import catalogue_view, materials_country_section, materials_for_country
from hooks.sitegen.model import ALL, FILE_LANGUAGES, MATERIAL_TYPES as TYPES
from hooks.sitegen.pages import render_page
from hooks.sitegen.paths import CAMPAIGN, CATALOGUE, material_file_url as file_url, material_path
from hooks.sitegen.problems import DataProblems
from hooks.sitegen.project import Project
from hooks.sitegen.registry import site_pages

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 29)
HOSTILE = '<script>alert(1)</script> *bold* [link](http://evil.example)'
SOURCES = ROOT / "data" / "materials" / "src"


def reader(root: Path) -> DataReader:
    return DataReader(Project(root))


def materials_paths(materials) -> list[str]:
    """The materials' pages, in the order the registry declares them."""
    return [CATALOGUE, *(material_path(x.id) for x in materials), CAMPAIGN]


def materials_pages(site, materials, lang: str) -> list:
    """The materials' pages of `site` with `materials` instead of its own, in `lang`."""
    chosen = dataclasses.replace(site, materials=tuple(materials))
    ctx = RenderContext(chosen, lang, TODAY)
    wanted = materials_paths(materials)
    return [render_page(ctx, spec) for spec in site_pages(chosen) if spec.path in wanted]


def in_context(site, materials, lang: str, directory_urls: bool = True) -> RenderContext:
    return RenderContext(dataclasses.replace(site, materials=tuple(materials)), lang, TODAY, directory_urls)


def needs(module: str):
    """A package the materials need (pinned in requirements.txt): a missing one fails in CI."""
    try:
        return __import__(module)
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{module} is not installed: it must be pinned in requirements.txt")
        pytest.skip(f"{module} is not installed")


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT)  # the real data, as of today


@pytest.fixture(scope="module")
def members(site):
    return {c.iso2.lower() for c in site.countries}


@pytest.fixture(scope="module")
def loaded(members):
    return load_materials(reader(ROOT), members, TODAY)


@pytest.fixture(scope="module")
def campaign():
    return load_campaign(reader(ROOT))


# -- the real data --------------------------------------------------------------------

def test_real_data_loads(loaded):
    materials, topics = loaded
    assert len(materials) >= 6
    assert {"hiv_testing_rights", "condoms_prevention", "violence", "stigma_discrimination",
            "health_mental_health", "labour_rights", "political_participation"} <= set(topics)
    files = sorted(p.stem for p in (ROOT / "data/materials").glob("*.yml"))
    assert [x.id for x in materials] == files
    for material in materials:
        assert material.type in TYPES
        assert set(material.topics) <= set(topics)
        assert material.title.es and material.published <= TODAY
        assert material.languages == m.LANGUAGES, material.id  # the starting set is in all three
        assert material.thumbnail and (ROOT / FILES_DIR / material.thumbnail).is_file()


def test_every_topic_label_is_in_three_languages(loaded):
    _, topics = loaded
    for topic in topics.values():
        assert not topic.label.missing(), topic.id


def test_size_and_sha256_are_those_of_the_file_on_disk(loaded):
    import hashlib

    materials, _ = loaded
    for material in materials:
        for f in material.files:
            data = (ROOT / FILES_DIR / f.path).read_bytes()
            assert f.size_bytes == len(data)
            assert f.sha256 == hashlib.sha256(data).hexdigest()
            # A 1080 x 1080 picture for social media weighs more than a PDF of text.
            budget = 100_000 if f.format == "png" else 60_000
            assert len(data) < budget, f"{f.path} is larger than {budget // 1000} KB"


def test_schemas_and_code_agree_on_types_and_languages():
    schema = json.loads((ROOT / "schemas/material.schema.json").read_text(encoding="utf-8"))
    assert tuple(schema["properties"]["type"]["enum"]) == TYPES
    assert tuple(schema["properties"]["files"]["items"]["properties"]["language"]["enum"]) == FILE_LANGUAGES
    for name in ("material.schema.json", "material-topics.schema.json", "campaign.schema.json",
                 "material-source.schema.json"):
        assert json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))["$id"] == name


def test_data_files_point_editors_at_their_schema():
    for path in [*(ROOT / "data/materials").glob("*.yml")]:
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../../schemas/material.schema.json"), path
    for name, schema in (("material-topics.yml", "material-topics"), ("campaign.yml", "campaign")):
        assert (ROOT / "data" / name).read_text(encoding="utf-8").startswith(
            f"# yaml-language-server: $schema=../schemas/{schema}.schema.json")


def test_every_interface_text_the_pages_use_exists(site):
    for kind in TYPES:
        assert f"material_type_{kind}" in site.ui and f"material_group_{kind}" in site.ui
    used = set()
    for template in (ROOT / "hooks/templates").glob("*materials*.j2"):
        used |= set(re.findall(r"\bui\.([a-z0-9_]+)", template.read_text(encoding="utf-8")))
    assert used and used <= set(site.ui), used - set(site.ui)


# -- editors' mistakes ----------------------------------------------------------------

@pytest.fixture
def project(tmp_path):
    """A copy of the data and the material files, for breaking on purpose."""
    return copy_data(tmp_path)


def problems_of(project: Path, members: set[str]) -> list:
    with pytest.raises(DataProblems) as caught:
        load_materials(reader(project), members, TODAY)
    return caught.value.problems


LEAFLET = "data/materials/derechos-prueba-vih.yml"


@pytest.mark.parametrize("old, new, field, words, line_offset", [
    ("path: derechos-prueba-vih-en.pdf", "path: derechos-prueba-vih-fr.pdf", "files[1].path",
     ["docs/materiales/files/derechos-prueba-vih-fr.pdf does not exist", "make_materials.py"], 0),
    ("topics: [hiv_testing_rights,", "topics: [hiv_testing_right,", "topics[0]",
     ["'hiv_testing_right' is not a topic", 'did you mean "hiv_testing_rights"'], 0),
    ("type: leaflet", "type: leaflett", "type", ["'leaflett' is not an allowed value", 'did you mean "leaflet"'], 0),
    ("countries: all", "countries: [ar, fr]", "countries[1]", ["'fr' is not a member country", "ar, bo"], 0),
    ("countries: all", "countries: [AR]", "countries[0]", ["lower case: 'ar'"], 0),
    ("countries: all", "countries: everywhere", "countries", ["write 'all'"], 0),
    ("thumbnail: derechos-prueba-vih-miniatura.svg", "thumbnail: falta.svg", "thumbnail",
     ["docs/materiales/files/falta.svg does not exist"], 0),
    ("id: derechos-prueba-vih", "id: derechos-prueba", "id", ["must be the same as the file name"], 0),
    ("published: 2026-11-29", "published: 2027-01-10", "published", ["in the future"], 0),
    ("published: 2026-11-29", "published: 2026-02-30", "published", ["not a real date"], 0),
    ('  es: "Tus derechos cuando te hacen la prueba de VIH"\n', "", "title", ["required field 'es' is missing"], 0),
    ("    path: derechos-prueba-vih-es.pdf", "    url: https://example.org/video.mp4", "files[0].url",
     ["must have 'external: true'", "only a large video"], 0),
    ("    format: pdf\n  - language: en", "    format: svg\n  - language: en", "files[0].format",
     ["format 'svg' does not match"], 0),
    ("    path: derechos-prueba-vih-es.pdf", "    path: ../../secret.pdf", "files[0].path", ["not a valid file name"], 0),
    ("  - language: es", "  - language: fr", "files[0].language", ["'fr' is not an allowed value"], 0),
    ("    format: pdf\n  - language: en", "    format: pdf\n    variant: story\n  - language: en", "files[0].variant",
     ["only for a social media card"], 1),
])
def test_each_mistake_names_file_line_field_and_fix(project, members, old, new, field, words, line_offset):
    line = edit(project, LEAFLET, old, new)
    problems = problems_of(project, members)
    matching = [p for p in problems if p.field == field]
    assert matching, [p.format() for p in problems]
    problem = matching[0]
    assert problem.file == LEAFLET
    if new:  # a removed line leaves the problem on the mapping that lost it
        assert problem.line == line + line_offset, problem.format()
    else:
        assert abs(problem.line - line) <= 1, problem.format()
    text = " ".join(p.message_en for p in matching)
    for word in words:
        assert word in text, problem.format()
    assert problem.message_es  # Spanish first, always


def test_every_problem_in_every_file_is_reported_at_once(project, members):
    edit(project, LEAFLET, "type: leaflet", "type: flyer")
    edit(project, "data/materials/folleto-violencia.yml", "topics: [violence,", "topics: [violencia,")
    edit(project, "data/material-topics.yml", 'labour_rights:\n  es: "Derechos laborales"',
         'labour_rights:\n  en_only: "Derechos laborales"')
    edit(project, "data/campaign.yml", "messages_title:", "message_title:")
    (project / FILES_DIR / "guia-salud-integral-pt.pdf").unlink()
    files = {p.file for p in problems_of(project, members)}
    assert files == {LEAFLET, "data/materials/guia-salud-integral.yml", "data/material-topics.yml",
                     "data/campaign.yml"}


def test_a_topic_is_checked_against_the_catalogue(project, members):
    edit(project, "data/materials/folleto-violencia.yml", "topics: [violence,", "topics: [violencia,")
    problem = next(p for p in problems_of(project, members) if p.field == "topics[0]")
    assert problem.file == "data/materials/folleto-violencia.yml"
    assert 'did you mean "violence"' in problem.message_en


def test_duplicate_ids_and_stray_files(project, members):
    text = (project / LEAFLET).read_text(encoding="utf-8")
    (project / "data/materials/copia.yml").write_text(text, encoding="utf-8")
    (project / "data/materials/otro.yaml").write_text(text, encoding="utf-8")
    problems = problems_of(project, members)
    messages = [(p.file, p.message_en) for p in problems]
    assert ("data/materials/copia.yml", "id 'derechos-prueba-vih' is already used in "
            "data/materials/derechos-prueba-vih.yml") in messages
    # A stray file is a problem of the data folders (checked by load_site for every folder).
    strays = [(p.file, p.message_en) for p in stray_file_problems(project)]
    assert any(f == "data/materials/otro.yaml" and "end in '.yml'" in msg for f, msg in strays)


def test_an_external_video_needs_no_file(project, members):
    path = project / "data/materials/video-campana.yml"
    text = (project / LEAFLET).read_text(encoding="utf-8").replace("id: derechos-prueba-vih", "id: video-campana")
    text = text.replace("type: leaflet", "type: video")
    files = text[text.index("files:"): text.index("licence:")]
    text = text.replace(files, "files:\n  - language: all\n    url: https://video.example.org/campana.mp4\n"
                               "    external: true\n    format: mp4\n\n")
    path.write_text(text, encoding="utf-8")
    materials, _ = load_materials(reader(project), members, TODAY)
    video = next(x for x in materials if x.id == "video-campana")
    assert video.files[0].external and video.files[0].size_bytes is None and video.files[0].sha256 is None
    assert video.languages == m.LANGUAGES  # a file for every language


# -- pages ----------------------------------------------------------------------------

def test_page_paths(site, loaded, campaign):
    materials, topics = loaded
    for lang in m.LANGUAGES:
        pages = materials_pages(site, materials, lang)
        assert [p.path for p in pages] == materials_paths(materials)
    assert materials_paths(materials)[0] == CATALOGUE == "materiales/index.md"
    assert materials_paths(materials)[-1] == CAMPAIGN == "campana.md"
    assert material_path("x") == "materiales/x.md"


def test_every_material_is_in_every_catalogue_grouped_by_type(site, loaded, campaign):
    materials, topics = loaded
    for lang in m.LANGUAGES:
        index = materials_pages(site, materials, lang)[0].markdown
        for material in materials:
            assert f'id="material-{material.id}"' in index
            assert f'href="{material.id}/"' in index
            assert material.title.get(lang)[0].replace("'", "&#39;") in index
        headings = re.findall(r"^## .* \{ #([a-z-]+) \}$", index, re.M)
        assert headings == [t.replace("_", "-") for t in TYPES if any(x.type == t for x in materials)]
        assert index.count("data-rt-material ") == len(materials)


def test_catalogue_cards_carry_what_the_filter_script_reads(site, loaded, campaign):
    materials, topics = loaded
    index = materials_pages(site, materials, "pt")[0].markdown
    assert '<form class="rt-filters" data-rt-filters hidden>' in index
    assert 'aria-live="polite"' in index
    for name in ("type", "topic", "country", "language"):
        assert f'<select id="rt-filter-{name}" name="{name}">' in index
    card = re.search(r'<article class="rt-material" id="material-derechos-prueba-vih"[^>]*>', index).group(0)
    assert 'data-type="leaflet"' in card
    assert 'data-topics="hiv_testing_rights stigma_discrimination"' in card
    assert 'data-countries="all"' in card and 'data-languages="es en pt"' in card
    script = (ROOT / "overrides/assets/materials.js").read_text(encoding="utf-8")
    for attribute in ("data-rt-filters", "data-rt-material", "data-topics", "data-countries", "data-languages",
                      "data-rt-group", "data-rt-heading", "data-rt-filter-status", "data-rt-filter-clear"):
        assert attribute in script and attribute in index
    # Downloads: format, size in the reader's language, the download attribute.
    assert ('href="../../materiales/files/derechos-prueba-vih-pt.pdf" download hreflang="pt" '
            'type="application/pdf">Baixar PDF · português · ') in index
    view = catalogue_view(in_context(site, materials, "pt"))
    countries = next(f for f in view["filters"] if f["name"] == "country")["options"]
    assert len(countries) == len(site.countries) and countries[0]["label"] == "Argentina"


def untranslated(material):
    """A material written only in Spanish so far."""
    return dataclasses.replace(
        material, title=m.Text("Solo en español todavía"), description=m.Text("Descripción en español."),
        files=tuple(f for f in material.files if f.language == "es"))


def test_an_untranslated_material_shows_in_spanish_with_a_label(site, loaded, campaign):
    materials, topics = loaded
    spanish_only = untranslated(materials[0])
    chosen = (spanish_only, *materials[1:])
    labels = {"en": "Only in Spanish", "pt": "Só em espanhol"}
    for lang, label in labels.items():
        pages = {p.path: p.markdown for p in materials_pages(site, chosen, lang)}
        for path in (CATALOGUE, CAMPAIGN):
            assert 'lang="es">Solo en español todavía</a>' in pages[path], path
            assert label in pages[path], path
        detail = pages[material_path(spanish_only.id)]
        assert '# Solo en español todavía { lang="es" }' in detail
        assert label in detail
        assert '<p class="rt-material-desc" lang="es">Descripción en español.</p>' in detail
        assert site.ui["materials_no_other_languages"].get(lang)[0] not in detail  # it exists in Spanish
    spanish = {p.path: p.markdown for p in materials_pages(site, chosen, "es")}
    assert "Solo en español" not in spanish[CATALOGUE].replace("Solo en español todavía", "")


def test_hostile_text_is_escaped_everywhere(site, loaded, campaign):
    materials, topics = loaded
    hostile = dataclasses.replace(materials[0], title=m.Text(HOSTILE, HOSTILE, HOSTILE),
                                  description=m.Text(HOSTILE),
                                  credits=m.Text(HOSTILE), licence=dataclasses.replace(
                                      materials[0].licence, attribution=m.Text(HOSTILE)))
    for lang in m.LANGUAGES:
        for page in materials_pages(site, (hostile, *materials[1:]), lang):
            assert "<script>" not in page.markdown, page.path
        detail = materials_pages(site, (hostile,), lang)[1].markdown
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in detail


def test_material_page_lists_files_with_size_sha256_licence_and_attribution(site, loaded, campaign):
    materials, topics = loaded
    material = next(x for x in materials if x.id == "derechos-prueba-vih")
    pages = {p.path: p.markdown for p in materials_pages(site, materials, "en")}
    page = pages[material_path(material.id)]
    for f in material.files:
        assert f.sha256 in page
        assert f'href="../../../materiales/files/{f.path}" download' in page
    assert "CC BY 4.0" in page and 'rel="license noopener noreferrer"' in page
    assert re.search(r'<textarea id="rt-attribution-derechos-prueba-vih" class="rt-attribution" readonly rows="3">'
                     r"“Your rights when you are tested for HIV”", page)
    assert "Also available in: Spanish and Portuguese." in page
    assert "every country of the Network" in page
    assert "Latin American and Caribbean Sex Workers&#39; Network (RedTraSex)" in page


def test_campaign_page_in_each_language(site, loaded, campaign):
    materials, topics = loaded
    titles = {"es": "# Somos parte de la solución", "en": "# We are part of the solution",
              "pt": "# Somos parte da solução"}
    for lang, title in titles.items():
        page = materials_pages(site, materials, lang)[-1].markdown
        assert page.startswith(title)
        assert site.settings.slogan.get(lang)[0] in page
        assert f" {len(site.countries)} " in page and "{countries}" not in page
        assert page.count("<li><a href=\"../materiales/") == len(materials)
        for message in campaign.messages:
            assert message.title.get(lang)[0] in page
        assert 'href="../paises/"' in page


def test_materials_for_a_country(site, loaded):
    materials, _ = loaded
    only_ar = dataclasses.replace(materials[-1], countries=("ar",))
    chosen = (*materials[:-1], only_ar)
    for_ar = materials_for_country(in_context(site, chosen, "es"), "AR", "paises/ar.md")
    assert [x["id"] for x in for_ar][0] == only_ar.id and for_ar[0]["specific"]
    assert len(for_ar) == len(chosen)
    assert for_ar[0]["url"] == f"../../materiales/{only_ar.id}/"
    assert set(for_ar[0]) >= {"title", "type_label", "url"}
    for_bo = materials_for_country(in_context(site, chosen, "pt", directory_urls=False), "bo", "paises/bo.md")
    assert only_ar.id not in [x["id"] for x in for_bo] and len(for_bo) == len(chosen) - 1
    assert for_bo[0]["url"].startswith("../materiales/") and for_bo[0]["url"].endswith(".html")
    section = materials_country_section(in_context(site, chosen, "en"), "ar", "paises/ar.md")
    assert section.startswith("## Materials to download { #materiales }")
    assert 'href="../../materiales/?country=ar"' in section
    assert materials_country_section(in_context(site, (), "en"), "ar", "paises/ar.md") == ""


@pytest.mark.parametrize("lang, page, directory_urls, expected", [
    ("es", "materiales/index.md", True, "files/a.pdf"),
    ("en", "materiales/index.md", True, "../../materiales/files/a.pdf"),
    ("pt", "materiales/folleto.md", True, "../../../materiales/files/a.pdf"),
    ("es", "materiales/folleto.md", True, "../files/a.pdf"),
    ("es", "campana.md", True, "../materiales/files/a.pdf"),
    ("es", "index.md", True, "materiales/files/a.pdf"),
    ("es", "materiales/folleto.md", False, "files/a.pdf"),
    ("en", "materiales/folleto.md", False, "../../materiales/files/a.pdf"),
    ("pt", "campana.md", False, "../materiales/files/a.pdf"),
])
def test_file_links_are_relative_to_the_page(lang, page, directory_urls, expected):
    assert file_url(lang, page, "a.pdf", directory_urls) == expected


def test_sizes_are_written_the_readers_way():
    assert human_size(4612, "pt") == "4,6 kB"
    assert human_size(4612, "en") == "4.6 kB"
    assert human_size(1_500_000, "es") == "1.5 MB"
    assert human_size(512, "en") == "512 byte"


# -- the generated files --------------------------------------------------------------

def test_make_materials_remakes_every_file_byte_for_byte(tmp_path):
    needs("reportlab")
    out = tmp_path / "files"
    result = subprocess.run([sys.executable, str(ROOT / "scripts/make_materials.py"), "--out", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    made = sorted(p.name for p in out.iterdir())
    committed = sorted(p.name for p in (ROOT / FILES_DIR).iterdir())
    assert made == committed
    for name in made:
        assert (out / name).read_bytes() == (ROOT / FILES_DIR / name).read_bytes(), name
    check = subprocess.run([sys.executable, str(ROOT / "scripts/make_materials.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_a_bad_source_is_reported_with_its_line(tmp_path):
    needs("reportlab")
    copy_data(tmp_path)  # a project: its data and the schemas they follow
    path = tmp_path / "data/materials/src/tarjeta-prueba-vih.yml"
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("layout: social_card")].count("\n") + 1
    path.write_text(text.replace("layout: social_card", "layout: sticker").replace(
        '"Confidencial"', '"Confidencial ✓"'), encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts/make_materials.py"), "--root", str(tmp_path),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"data/materials/src/tarjeta-prueba-vih.yml:{line}:" in result.stderr
    assert "'sticker' is not an allowed value" in result.stderr


def sources() -> dict:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(SOURCES.glob("*.yml"))}


def words(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def test_pdfs_say_their_text_in_their_language(loaded):
    pypdf = needs("pypdf")
    materials, _ = loaded
    by_path = {f.path: (x, f) for x in materials for f in x.files}
    checked = 0
    for stem, source in sources().items():
        if source["layout"] == "social_card":
            continue
        for lang, texts in source["languages"].items():
            name = source["output"].replace("{lang}", lang)
            material, f = by_path[name]
            assert f.language == lang and f.format == "pdf"
            reader = pypdf.PdfReader(ROOT / FILES_DIR / name)
            assert len(reader.pages) <= {"leaflet": 1, "poster": 1, "guide": 4}[source["layout"]], name
            assert reader.metadata.title == words(texts["title"])
            assert reader.trailer["/Root"]["/Lang"] == lang
            text = words(" ".join(page.extract_text() for page in reader.pages))
            for piece in (texts["title"], *(s["heading"] for s in texts.get("sections", [])), *texts.get("items", [])):
                assert words(piece) in text, (name, piece)
            for other, other_texts in source["languages"].items():
                if other != lang:
                    assert words(other_texts["title"]) not in text, (name, other)
            checked += 1
    assert checked >= 12


def test_rights_leaflet_says_what_the_issue_asks(loaded):
    pypdf = needs("pypdf")
    expected = {
        "es": ["voluntaria", "consentimiento", "confidencial", "consejería", "El resultado es tuyo",
               "organización nacional", "Las leyes cambian de un país a otro", "Perfiles por país"],
        "en": ["voluntary", "consent", "confidential", "counselling", "Your result belongs to you",
               "national organization", "Laws differ from country to country", "Country profiles"],
        "pt": ["voluntário", "consentimento", "sigiloso", "aconselhamento", "O resultado é seu",
               "organização nacional", "As leis mudam de um país para outro", "Perfis por país"],
    }
    for lang, phrases in expected.items():
        reader = pypdf.PdfReader(ROOT / FILES_DIR / f"derechos-prueba-vih-{lang}.pdf")
        text = words(reader.pages[0].extract_text())
        for phrase in phrases:
            assert phrase in text, (lang, phrase)


def test_social_cards_are_svg_in_their_language():
    for stem, source in sources().items():
        if source["layout"] != "social_card":
            continue
        for lang, texts in source["languages"].items():
            name = source["output"].replace("{lang}", lang)
            root = ET.parse(ROOT / FILES_DIR / name).getroot()
            assert root.tag == "{http://www.w3.org/2000/svg}svg" and root.get("lang") == lang
            assert root.get("viewBox") == "0 0 1080 1080"
            shown = words(" ".join(t.text for t in root.iter("{http://www.w3.org/2000/svg}text")))
            assert words(texts["title"]) in shown
            label = root.find("{http://www.w3.org/2000/svg}title").text
            assert words(texts["title"]) in label


def ihdr(data: bytes) -> tuple[int, int]:
    """A PNG's width and height, read from its IHDR chunk (the first, right after the signature)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def png_chunks(data: bytes) -> list[bytes]:
    chunks, i = [], 8
    while i < len(data):
        length = int.from_bytes(data[i:i + 4], "big")
        chunks.append(data[i + 4:i + 8])
        i += 12 + length
    return chunks


def test_every_card_is_also_a_png_of_1080_by_1080_listed_with_its_size_and_checksum(loaded):
    materials, _ = loaded
    by_id = {x.id: x for x in materials}
    cards = {stem: source for stem, source in sources().items() if source["layout"] == "social_card"}
    assert cards
    for stem, source in cards.items():
        listed = {f.path: f for f in by_id[stem].files}
        for lang in source["languages"]:
            name = source["output"].replace("{lang}", lang).removesuffix(".svg") + ".png"
            data = (ROOT / FILES_DIR / name).read_bytes()
            assert ihdr(data) == (1080, 1080), name
            # No tIME or text chunk that would change from one run or machine to the next.
            assert set(png_chunks(data)) <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}, name
            entry = listed[name]
            assert (entry.language, entry.format) == (lang, "png")
            assert entry.size_bytes == len(data) and entry.sha256 == hashlib.sha256(data).hexdigest()
            # The same card for stories and WhatsApp status: the full height of a phone screen.
            story_name = name.removesuffix(".png") + "-historia.png"
            story = (ROOT / FILES_DIR / story_name).read_bytes()
            assert ihdr(story) == (1080, 1920), story_name
            assert set(png_chunks(story)) <= {b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"}, story_name
            entry = listed[story_name]
            assert (entry.language, entry.format, entry.variant) == (lang, "png", "story")
            assert entry.size_bytes == len(story) and entry.sha256 == hashlib.sha256(story).hexdigest()


def test_cards_are_drawn_with_the_shipped_font_only():
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_materials
    assert all(f.is_file() for _, f in make_materials.CARD_FONTS.values())
    assert make_materials.SVG_FONT.startswith("'Bitstream Vera Sans'")
    svg = (ROOT / FILES_DIR / "tarjeta-prueba-vih-es.svg").read_text(encoding="utf-8")
    once, twice = make_materials.card_png(svg), make_materials.card_png(svg)
    assert once == twice == (ROOT / FILES_DIR / "tarjeta-prueba-vih-es.png").read_bytes()
    source = next(x for x in make_materials.read_sources() if x.id == "tarjeta-prueba-vih")
    story = make_materials.social_card_svg(source, "es", make_materials.STORY)
    assert 'viewBox="0 0 1080 1920"' in story
    assert make_materials.card_png(story, make_materials.STORY) == \
        (ROOT / FILES_DIR / "tarjeta-prueba-vih-es-historia.png").read_bytes()


def test_the_poster_carries_the_networks_slogan(site):
    pypdf = needs("pypdf")
    for lang in m.LANGUAGES:
        slogan = site.settings.slogan.get(lang)[0]
        text = words(pypdf.PdfReader(ROOT / FILES_DIR / f"afiche-parte-de-la-solucion-{lang}.pdf").pages[0].extract_text())
        assert words(slogan) in text, lang


def test_fingerprint_follows_the_contents_of_data_and_files(project):
    cache = ContentCache()
    before = fingerprint(Project(project), cache)
    pdf = project / FILES_DIR / "derechos-prueba-vih-es.pdf"
    os.utime(pdf, (0, 0))  # a new modification time alone changes nothing
    cache.new_build()
    assert fingerprint(Project(project), cache) == before
    pdf.write_bytes(b"%PDF-1.4 changed")
    assert fingerprint(Project(project), cache) == before  # digests are read once per build
    cache.new_build()
    assert fingerprint(Project(project), cache) != before


def test_a_new_material_tells_the_editor_what_to_fill_in(project, members):
    from hooks.sitegen.scaffold import new_material

    path = new_material("folleto-condones", project, TODAY)
    assert path == project / "data/materials/folleto-condones.yml"
    # a draft: valid at once, and not published
    materials, _ = load_materials(reader(project), members, TODAY)
    assert "folleto-condones" not in [x.id for x in materials]
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", "", 1), encoding="utf-8")
    # once it is no longer a draft, every rule applies, each at its line
    problems = [p for p in problems_of(project, members) if p.file == "data/materials/folleto-condones.yml"]
    fields = {p.field for p in problems}
    assert {"title.es", "description.es", "topics", "licence.attribution.es"} <= fields, fields
    with pytest.raises(SystemExit):
        new_material("folleto-condones", project, TODAY)  # never overwrites
    with pytest.raises(SystemExit):
        new_material("Folleto Condones", project, TODAY)
    # Once filled in and with its file, it loads.
    text = path.read_text(encoding="utf-8")
    for old, new in (('es: ""  # POR COMPLETAR (en', 'es: "Condones"  # (en'),
                     ('es: ""  # POR COMPLETAR: una', 'es: "Cómo usarlos."  # una'),
                     ("topics: []", "topics: [condoms_prevention]"),
                     ('es: ""  # POR COMPLETAR: «', 'es: "«Condones», RedTraSex."  # «')):
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    shutil.copy(ROOT / FILES_DIR / "derechos-prueba-vih-es.pdf", project / FILES_DIR / "folleto-condones-es.pdf")
    materials, _ = load_materials(reader(project), members, TODAY)
    assert "folleto-condones" in [x.id for x in materials]


def test_materials_module_does_not_import_mkdocs():
    source = (ROOT / "hooks/sitegen/materials.py").read_text(encoding="utf-8")
    assert "mkdocs" not in re.sub(r'""".*?"""', "", source, flags=re.S).lower()
    assert ALL == "all"
