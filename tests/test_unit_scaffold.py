"""`make new-country` ends by telling the editor what to fill in and how to see the profile."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import copy_project

VENV = Path(sys.executable).parent.parent


def test_new_country_says_what_to_fill_in_and_how_to_preview(tmp_path):
    project = copy_project(tmp_path / "project")
    result = subprocess.run(["make", "-s", "new-country", "ISO=br", f"VENV={VENV}"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    spanish, english = out.split("\nCreated: ")
    assert spanish.startswith("Creado: data/countries/br.yml (Brasil)")
    assert english.startswith("data/countries/br.yml (Brazil)")
    for text in (spanish, english):
        for field in ("sources:", "indicators:", "laws:", "organization:", "summary:", "phase:", "data/indicators.yml",
                      "make check", "make serve", "http://127.0.0.1:8000/paises/br/",
                      "http://127.0.0.1:8000/en/paises/br/", "http://127.0.0.1:8000/pt/paises/br/"):
            assert field in text, (field, text)
    assert "completa" in spanish and "«POR COMPLETAR»" in spanish  # tú: "completa", not "complete"
    assert "fill in" in english
    assert (project / "data/countries/br.yml").exists()
