"""Every data file the form editor can open, written back the way Decap CMS saves it, still
passes every check (`load_site`, as `make check` runs it) and holds the same data.

Decap's own YAML format (decap-cms-core's `formats/yaml.js`, with the `yaml` package it
uses) does the writing, run by Node on a copy of the project; the entry goes through
Immutable.js first, as in the editor (which is what reorders the keys of a long mapping).
The browser test (test_editor_admin.py) checks one real save through the form."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from hooks.sitegen.editorconfig import editor_config
from hooks.sitegen.load import load_site
from hooks.sitegen.yamlsource import load_yaml
from tests.conftest import ROOT, copy_project
from tests.datafiles import edit

MODULES = ROOT / "node_modules"
FORMAT = MODULES / "decap-cms-core/dist/esm/formats"

DRIVER = """
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import format from './yaml.mjs';
const require = createRequire(%(modules)s + '/');
const { fromJS } = require('immutable');
const jobs = JSON.parse(readFileSync(0, 'utf8'));
for (const { path, keys } of jobs) {
  const data = fromJS(format.fromFile(readFileSync(path, 'utf8'))).toJS();
  writeFileSync(path, format.toFile(data, keys));
}
"""


def _decap_format(folder: Path) -> Path:
    """decap-cms-core's YAML format as ES modules Node can load from `folder`."""
    yaml_url = (MODULES / "yaml/index.js").as_uri()
    source = (FORMAT / "yaml.js").read_text(encoding="utf-8")
    source = source.replace("from 'yaml';", f"from '{yaml_url}';").replace("from './helpers';", "from './helpers.mjs';")
    (folder / "yaml.mjs").write_text(source, encoding="utf-8")
    shutil.copyfile(FORMAT / "helpers.js", folder / "helpers.mjs")
    driver = folder / "save.mjs"
    driver.write_text(DRIVER % {"modules": json.dumps(str(MODULES))}, encoding="utf-8")
    return driver


def _editable_files(project: Path) -> list[tuple[Path, list[str]]]:
    """Each file the editor opens, with its form's top-level fields (the order Decap writes)."""
    jobs = []
    for collection in editor_config(project)["collections"]:
        if "folder" in collection:
            keys = [f["name"] for f in collection["fields"]]
            jobs += [(p, keys) for p in sorted((project / collection["folder"]).glob("*.yml"))]
        for file in collection.get("files", ()):
            jobs.append((project / file["file"], [f["name"] for f in file["fields"]]))
    return jobs


def test_files_saved_by_the_editor_pass_every_check_and_keep_their_data(tmp_path):
    if not (FORMAT / "yaml.js").is_file() or not shutil.which("node"):
        pytest.skip("the npm packages are not installed (make node-tools)")
    project = copy_project(tmp_path / "project")
    # Texts that YAML 1.2, as Decap writes it, leaves unquoted, and YAML 1.1 reads otherwise
    # (a base-60 number, an underscored number, its `=` value).
    edit(project, "data/countries/hn.yml", "  contact: null\n", '  contact: "10:30"\n')
    edit(project, "data/ui.yml", '  pt: "Legenda"', '  pt: "1_000"')
    edit(project, "data/site.yml", 'city:\n    es: "Buenos Aires, Argentina"', 'city:\n    es: "="')
    jobs = _editable_files(project)
    assert len(jobs) >= 17 + 7 + 3  # countries, materials, campaign, ui, site
    before = {path: load_yaml(path, project)[0].data for path, _ in jobs}
    result = subprocess.run(["node", str(_decap_format(tmp_path))], capture_output=True, text=True,
                            input=json.dumps([{"path": str(p), "keys": k} for p, k in jobs]))
    assert result.returncode == 0, result.stderr
    for path, _ in jobs:
        text = path.read_text(encoding="utf-8")
        assert "#" not in text.split("\n", 1)[0]  # rewritten: the comments are gone, as CONTRIBUTING says
        after, problems = load_yaml(path, project)
        assert not problems, problems
        assert after.data == before[path], path.name
    assert "contact: 10:30\n" in (project / "data/countries/hn.yml").read_text(encoding="utf-8")  # unquoted
    load_site(project)
