"""`make diff-facts BASE=<revision>` on a small git repository made here: the project's data,
schemas, hooks and Makefile, committed, then changed (an answer and its sources, Spanish
texts left without their translations, a new country, a new material), partly committed
and partly left in the working tree. The report must name each change, with the labels of
the data, in Spanish and then in English."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hooks.sitegen import mdtext
from hooks.sitegen.load import load_site
from hooks.sitegen.localize import country_name
from tests.datafiles import ROOT, edit

VENV = Path(sys.executable).parent.parent
STALE_BOTH = "la traducción al inglés y al portugués puede estar desactualizada"


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def make_repo(target: Path) -> Path:
    """A git repository holding what `make diff-facts` needs, everything committed once."""
    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ("data", "schemas", "hooks", "docs/materiales"):
        shutil.copytree(ROOT / folder, target / folder, ignore=ignore)
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, target / name)
    git(target, "init", "-q", "-b", "main")
    git(target, "config", "user.email", "test@example.org")
    git(target, "config", "user.name", "Test")
    git(target, "add", ".")
    git(target, "commit", "-q", "-m", "base")
    return target


def diff_facts(repo: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-s", "diff-facts", *args, f"VENV={VENV}"], cwd=repo, capture_output=True,
                          text=True, timeout=300, env={**os.environ, **(env or {})})


def halves(report: str) -> tuple[str, str]:
    """The Spanish half and the English half of a report."""
    spanish, english = report.split("## What changes in the data", 1)
    assert spanish.startswith("## Qué cambia en los datos")
    return spanish, english


def section(text: str, heading: str) -> str:
    """The lines under `#### heading`, up to the next heading."""
    match = re.search(rf"^#### {re.escape(heading)}\n(.*?)(?=^#|\Z)", text, re.S | re.M)
    assert match, f"no section {heading!r} in:\n{text}"
    return match.group(1)


@pytest.fixture(scope="module")
def changed(tmp_path_factory):
    """The repository, its base commit, and the report of every change against it."""
    repo = make_repo(tmp_path_factory.mktemp("facts") / "repo")
    base = git(repo, "rev-parse", "HEAD")
    # Committed: Honduras' compulsory test from "no" to in_law, one source swapped for another.
    edit(repo, "data/countries/hn.yml",
         'value: "no"\n    sources: [laprensa-reforma-2015-grupos, onusidalac-reforma-2015, reportarsinmiedo-reforma]',
         'value: in_law\n    sources: [laprensa-reforma-2015-grupos, onusidalac-reforma-2015, laprensa-reforma-2015-matrimonio]')
    git(repo, "commit", "-q", "-am", "Honduras: compulsory test")
    # Left in the working tree: Spanish texts changed without (all) their translations...
    edit(repo, "data/ui.yml", 'es: "La dirección no existe o cambió.', 'es: "Esta dirección no existe o cambió.')
    ar_summary = load_site(repo).countries[0].summary  # Argentina, the first by code
    edit(repo, "data/countries/ar.yml", f'es: "{ar_summary.es[:40]}', f'es: "Hoy: {ar_summary.es[:40]}')
    edit(repo, "data/countries/ar.yml", f'en: "{ar_summary.en[:40]}', f'en: "Today: {ar_summary.en[:40]}')
    # ... a new country and a new material, with the project's own scaffolds.
    for target, arg in (("new-country", "ISO=br"), ("new-material", "ID=folleto-nuevo")):
        made = subprocess.run(["make", "-s", target, arg, f"VENV={VENV}"], cwd=repo, capture_output=True, text=True)
        assert made.returncode == 0, made.stderr
    summary, comment = repo.parent / "summary.md", repo.parent / "comment.md"
    result = diff_facts(repo, f"BASE={base}", f"OUT={comment}", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 0, result.stderr
    return {"repo": repo, "base": base, "result": result, "site": load_site(repo), "summary": summary,
            "comment": comment}


def test_an_answer_changed_is_told_with_its_question_and_labels(changed):
    site = changed["site"]
    indicator = site.catalogue.indicator("test_compulsory")
    hn = next(c for c in site.countries if c.iso2 == "HN")
    spanish, english = halves(changed["result"].stdout)
    for half, lang in ((spanish, "es"), (english, "en")):
        text = section(half, country_name("HN", lang))
        old = indicator.scale_value("no").label.get(lang)[0]
        new = indicator.scale_value("in_law").label.get(lang)[0]
        quote = "«{}»" if lang == "es" else "“{}”"
        line = f"- {quote.format(mdtext.escape(indicator.question.get(lang)[0]))} {old} → {new}"
        assert line in text, text
        added = hn.source("laprensa-reforma-2015-matrimonio")
        verb_added, verb_removed = ("fuente añadida", "fuente quitada") if lang == "es" else ("source added", "source removed")
        assert f"  - {verb_added}: {mdtext.escape(added.title)} (`{added.url}`)" in text
        assert text.count(verb_added) == 1 and text.count(verb_removed) == 1, text


def test_the_removed_source_is_named_by_title_and_address(changed):
    base_hn = subprocess.run(["git", "-C", str(changed["repo"]), "show", f"{changed['base']}:data/countries/hn.yml"],
                             capture_output=True, text=True).stdout
    block = base_hn[base_hn.index("  - id: reportarsinmiedo-reforma"):]
    title = re.search(r'title: "(.*)"', block).group(1)
    url = re.search(r'url: "(.*)"', block).group(1)
    assert f"fuente quitada: {mdtext.escape(title)} (`{url}`)" in changed["result"].stdout


def test_texts_changed_in_spanish_only_are_flagged_with_the_languages_left_behind(changed):
    spanish, english = halves(changed["result"].stdout)
    ui_line = next(line for line in spanish.splitlines() if "`not_found_text`" in line)
    assert ui_line.endswith(f"{STALE_BOTH}.") and "«Esta dirección no existe o cambió." in ui_line
    assert "### Textos de la interfaz" in spanish and "### Interface texts" in english
    argentina = section(spanish, "Argentina")
    # Summary: Spanish and English changed, Portuguese did not.
    assert "- Resumen: cambió el español y no su traducción: «Hoy: " in argentina
    assert "la traducción al portugués puede estar desactualizada" in argentina
    assert "al inglés" not in argentina
    assert "- Summary: the Spanish changed and its translation did not: “Hoy: " in section(english, "Argentina")
    assert "the Portuguese translation may be out of date" in section(english, "Argentina")
    assert "the English and Portuguese translations may be out of date" in english


def test_a_new_country_and_a_new_material_are_named(changed):
    spanish, english = halves(changed["result"].stdout)
    indicators = len(changed["site"].catalogue.indicators)
    assert f"País nuevo (`data/countries/br.yml`). 0 de {indicators} respuestas conocidas." in section(spanish, "Brasil")
    assert f"New country (`data/countries/br.yml`). 0 of {indicators} answers known." in section(english, "Brazil")
    assert "Material nuevo: `folleto-nuevo`" in spanish and "New material: `folleto-nuevo`" in english


def test_nothing_unchanged_is_listed_and_the_data_load(changed):
    out = changed["result"].stdout
    changed_countries = {"Argentina", "Brasil", "Honduras"}
    assert set(re.findall(r"^#### (.+)$", halves(out)[0], re.M)) == changed_countries
    assert "no se cargan" not in out and "problema(s)" not in out
    assert "Traceback" not in out + changed["result"].stderr


def test_report_goes_to_the_job_summary_and_the_comment_file(changed):
    out = changed["result"].stdout
    assert changed["summary"].read_text(encoding="utf-8").strip() == out.strip()
    assert changed["comment"].read_text(encoding="utf-8").strip() == out.strip()


def test_a_branch_name_works_too_and_no_change_says_so(changed):
    repo = changed["repo"]
    result = diff_facts(repo, "BASE=main")  # the committed answer is in main: only the rest shows
    assert result.returncode == 0, result.stderr
    assert "No → " not in result.stdout and "`not_found_text`" in result.stdout
    clean = make_repo(repo.parent / "clean")
    nothing = diff_facts(clean, "BASE=HEAD")
    assert nothing.returncode == 0 and "Ningún dato cambió." in nothing.stdout and "No fact changed." in nothing.stdout


@pytest.mark.parametrize("arg, words", [
    ("BASE=", ["Falta BASE", "make diff-facts BASE=origin/main", "BASE, the revision to compare with, is missing"]),
    ("BASE=no-such-branch", ["«no-such-branch» no es una revisión", "git fetch origin main",
                             "'no-such-branch' is not a revision"]),
    ("BASE=--output=/tmp/x", ["no es una revisión"]),
])
def test_a_missing_or_wrong_base_names_the_fix(changed, arg, words):
    result = diff_facts(changed["repo"], arg)
    assert result.returncode != 0
    for word in words:
        assert word in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stdout.strip() == ""


def test_a_base_whose_data_do_not_load_is_said_plainly_and_still_compared(tmp_path):
    repo = make_repo(tmp_path / "repo")
    edit(repo, "data/countries/hn.yml", "value: unknown", "value: desconocido")  # Honduras' first answer
    git(repo, "commit", "-q", "-am", "broken")
    edit(repo, "data/countries/hn.yml", "value: desconocido", "value: unknown")
    result = diff_facts(repo, "BASE=HEAD")
    assert result.returncode == 0, result.stderr
    spanish, english = halves(result.stdout)
    assert re.search(r"^> Los datos de `HEAD · [0-9a-f]{10}` no se cargan \(1 problema\(s\); el primero: "
                     r"data/countries/hn\.yml:\d+:\d+: «desconocido» no es una respuesta posible", spanish, re.M)
    assert "> The data at `HEAD · " in english and "do not load" in english
    site = load_site(repo)
    question = site.catalogue.indicator("legal_model").question.get("es")[0]
    assert f"- «{mdtext.escape(question)}» `desconocido` → Sin información verificada" in section(spanish, "Honduras")
    assert "Traceback" not in result.stdout + result.stderr


def test_a_file_that_cannot_be_read_is_named_once(tmp_path):
    repo = make_repo(tmp_path / "repo")
    edit(repo, "data/countries/hn.yml", "phase: 1", "phase: [1")  # no longer YAML
    result = diff_facts(repo, "BASE=HEAD")
    assert result.returncode == 0, result.stderr
    spanish, english = halves(result.stdout)
    assert section(spanish, "Honduras").strip() == "- No se puede leer `data/countries/hn.yml` en este cambio: " \
                                                   "`make check` dice por qué."
    assert "> Los datos de este cambio tienen 1 problema(s)" in spanish
    assert "`data/countries/hn.yml` cannot be read in this change" in english


def test_a_long_report_is_cut_at_a_line_and_says_so():
    from hooks.sitegen.difffacts import cut

    text = "".join(f"- line {i}\n" for i in range(1000))
    assert cut(text, len(text)) == text
    short = cut(text, 100)
    assert len(short) < 300 and short.startswith("- line 0\n") and "recortado" in short and "cut:" in short
    assert "- line 9\n" in short and "- line 20" not in short


def test_data_strings_cannot_become_markup():
    hostile = "[x](https://evil.example) ![i](https://evil.example/i.png) <b>@someone</b> #12 `code`\nline"
    escaped = mdtext.escape(hostile)
    assert "\n" not in escaped
    for raw in ("[x]", "![", "<b>", "@someone", " #12", "`code`"):
        assert raw not in escaped
    assert mdtext.code("a`b") == "``a`b``"
