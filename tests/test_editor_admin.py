"""The form editor at /admin/ (hooks/sitegen/admin.py): in the built site but out of the
readers' way, under its own policy; and `make edit` (scripts/edit.py), through which one
answer is changed with the form and saved into a valid data file."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from hooks.sitegen.editorconfig import editor_config_yaml
from hooks.sitegen.headers import parse_headers_file
from hooks.sitegen.load import load_site
from hooks.sitegen.yamlsource import load_yaml
from tests.conftest import ROOT, copy_project
from tests.test_csp import headers_policy, page_policies


def test_admin_is_noindex_out_of_sitemap_search_and_navigation(built_site):
    page = built_site.root / "admin" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert re.search(r'<meta name="robots" content="noindex[^"]*">', html)
    assert "admin" not in (built_site.root / "sitemap.xml").read_text(encoding="utf-8")
    for index in built_site.root.rglob("search_index.json"):
        assert "admin/" not in {doc["location"].split("#")[0] for doc in json.loads(index.read_text())["docs"]}
    for url in ("", "en/", "paises/hn/", "pt/campana/"):
        assert "admin/" not in built_site.page(url).html, url
    # Everything it loads is the site's own: no address of another host in the page.
    assert not re.search(r'(src|href)="(https?:)?//', html)
    script = ROOT / "node_modules/decap-cms/dist/decap-cms.js"
    assert (built_site.root / "admin/decap-cms.js").read_bytes() == script.read_bytes()
    assert (built_site.root / "admin/config.yml").read_text(encoding="utf-8") == editor_config_yaml(ROOT)


def test_admin_has_its_own_policy_and_the_readers_keep_theirs(built_site):
    readers = headers_policy(built_site)
    head = page_policies((built_site.root / "admin/index.html").read_text(encoding="utf-8"))
    assert len(head.policies) == 1 and head.scripts_before == 0
    editor = head.policies[0]
    assert editor != readers.replace("; frame-ancestors 'none'", "")
    assert "connect-src 'self' https://api.github.com" in editor and "'unsafe-inline'" in editor
    assert "script-src 'self' 'unsafe-eval';" in editor  # no inline script, no other host
    assert "unsafe" not in readers and "api.github.com" not in readers
    text = (built_site.root / "_headers").read_text(encoding="utf-8")
    admin_headers = parse_headers_file(text, "/admin/*")
    assert admin_headers["Content-Security-Policy"] == editor + "; frame-ancestors 'none'"
    assert text.index("/*\n") < text.index("/admin/*\n")  # the more specific rule comes after
    assert parse_headers_file(text)["Content-Security-Policy"] == readers


# -- make edit ------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str, data: bytes | None = None) -> bool:
    try:
        request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _wait(condition, seconds: float, what: str) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture()
def editing(tmp_path):
    """`make edit`'s two programs (scripts/edit.py) on a copy of the project, at free ports."""
    project = copy_project(tmp_path / "project")
    site_port, server_port = _free_port(), _free_port()
    log = (tmp_path / "edit.log").open("w")
    process = subprocess.Popen([sys.executable, str(project / "scripts/edit.py"), "--root", str(project),
                                "--port", str(server_port), "--dev-addr", f"127.0.0.1:{site_port}"],
                               cwd=project, stdout=log, stderr=subprocess.STDOUT)
    site, server = f"http://127.0.0.1:{site_port}/", f"http://127.0.0.1:{server_port}/api/v1"
    try:
        _wait(lambda: process.poll() is None and _answers(site + "admin/config.yml")
              and _answers(server, b'{"action": "info"}'), 180, "make edit to start")
        yield project, site, server, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)  # what Ctrl-C does
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()
    assert not _answers(site + "admin/") and not _answers(server, b'{"action": "info"}')  # both stopped


def test_make_edit_changes_one_answer_through_the_form_into_a_valid_file(browser, editing):
    project, site, server, process = editing
    path = project / "data/countries/hn.yml"
    before, problems = load_yaml(path, project)
    assert not problems
    catalogue, _ = load_yaml(project / "data/indicators.yml", project)
    first = catalogue.data["groups"][0]["indicators"][0]  # the form's first answer
    current = before.data["indicators"][first["id"]]["value"]
    new = next(v for v in catalogue.data["scales"][first["scale"]] if v["code"] != current)

    page = browser.new_page()
    refused = []  # requests the editor's policy refused: none may be needed
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text
            and "inline script" not in m.text else None)  # (mkdocs serve's live reload: refused, as wanted)
    page.goto(site + "admin/")
    page.get_by_role("button", name="Iniciar sesión").click()  # the local backend: no account
    page.goto(site + "admin/#/collections/paises/entries/hn")
    label = page.locator("label").filter(has_text=re.compile(r"^Respuesta$")).first
    label.wait_for(timeout=30000)
    choice = page.locator(f"#{label.get_attribute('for')}")
    choice.click()
    page.keyboard.type(new["label"]["es"])  # the select shows labels, never codes
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Publicar").first.click()
    page.get_by_role("menuitem", name="Publicar ahora").click()
    _wait(lambda: load_yaml(path, project)[0].data != before.data, 30, "the file to be saved")
    page.close()

    after, problems = load_yaml(path, project)
    assert not problems
    assert after.data["indicators"][first["id"]]["value"] == new["code"]
    # Nothing else changed in the data (the layout did: Decap writes the file anew).
    after.data["indicators"][first["id"]]["value"] = current
    assert after.data == before.data
    load_site(project)  # the whole site's data still pass every check
    assert not refused, refused


# -- Decap's files ----------------------------------------------------------------------
def test_without_decaps_script_the_build_says_how_to_install_it(tmp_path):
    from hooks.sitegen.admin import decap_files, editor_missing
    (missing,) = editor_missing(tmp_path)
    assert missing.file == "node_modules/decap-cms/dist/decap-cms.js" and "make node-tools" in missing.message_es
    dist = tmp_path / "node_modules/decap-cms/dist"
    dist.mkdir(parents=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("not Decap", encoding="utf-8")
    (dist / "decap-cms.js").symlink_to(secret)  # a link is never copied into the site
    assert editor_missing(tmp_path)
    (dist / "decap-cms.js").unlink()
    (dist / "decap-cms.js").write_text("// decap", encoding="utf-8")
    (dist / "103.decap-cms.js").write_text("// a part", encoding="utf-8")
    (dist / "103.decap-cms.js.map").write_text("{}", encoding="utf-8")
    assert not editor_missing(tmp_path)
    assert [p.name for p in decap_files(tmp_path)] == ["decap-cms.js", "103.decap-cms.js"]


def test_the_editor_configuration_is_made_again_only_when_its_sources_change(tmp_path, monkeypatch):
    from hooks.sitegen import admin
    from hooks.sitegen.cache import ContentCache

    project = copy_project(tmp_path / "project")
    made = []
    monkeypatch.setattr(admin, "editor_config_yaml", lambda root, local_port: made.append(root) or f"# {len(made)}\n")
    cache, site_dir = ContentCache(), tmp_path / "site"
    for _ in range(2):  # two rebuilds of `mkdocs serve`, nothing changed
        cache.new_build()
        admin.write_admin(site_dir, project, "Red", cache=cache)
    assert len(made) == 1
    ui = project / "data/ui.yml"
    ui.write_text(ui.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    cache.new_build()
    admin.write_admin(site_dir, project, "Red", cache=cache)
    assert len(made) == 2 and (site_dir / "admin/config.yml").read_text(encoding="utf-8") == "# 2\n"
