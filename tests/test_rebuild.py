"""`mkdocs serve` rebuilds in the same process, where the hooks' module state survives:
a second build must give the same pages as the first, and see edited data."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import copy_project
from tests.htmlpages import BuiltSite


def test_a_rebuild_in_the_same_process_gives_the_same_site_and_sees_edits(tmp_path):
    project = copy_project(tmp_path / "project")
    script = textwrap.dedent(f"""
        import logging, os, pathlib
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        logging.disable(logging.WARNING)
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        def once(target):
            config = load_config("mkdocs.yml", site_dir=target)
            config.plugins.on_startup(command="serve", dirty=False)
            build(config)
        once({str(tmp_path / "first")!r})
        once({str(tmp_path / "second")!r})
        ar = pathlib.Path("data/countries/ar.yml")
        text = ar.read_text(encoding="utf-8")
        edited = text.replace('\\n  en: "', '\\n  en: "AMMAR: Encuentro editado. ', 1)  # the summary in English
        assert edited != text
        ar.write_text(edited, encoding="utf-8")
        once({str(tmp_path / "third")!r})
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    first, second, third = (BuiltSite(tmp_path / name) for name in ("first", "second", "third"))
    for url in ("", "en/", "paises/ar/", "pt/metodologia/", "en/contacto/"):
        assert first.page(url).article == second.page(url).article, url
    assert 'class="rt-country-list"' in second.page("en/").article  # markers filled on a rebuild too
    assert "AMMAR: Encuentro editado" in third.page("en/paises/ar/").article
    assert "AMMAR: Encuentro editado" not in second.page("en/paises/ar/").article
