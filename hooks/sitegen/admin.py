"""The form editor at `/admin/` (Decap CMS): written into the built site after every build.

Its page is not an MkDocs page: it is written here, after the build, so it is in no
navigation, sitemap or search index, and it has its own Content-Security-Policy (csp.py,
`admin_policy`), in a `<meta>` and in `_headers`. Decap's script is the copy installed by
npm (package-lock.json: `make node-tools`), served by the site itself. Left out of the
offline bundle: editing needs GitHub or `make edit`.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from . import csp
from .cache import ContentCache
from .editorconfig import DEFAULT_LOCAL_PORT, editor_config_yaml
from .problems import Problem
from .render import environment

FOLDER = "admin"
SCRIPT = "decap-cms.js"
# `make edit` passes decap-server's port (its PORT) to the build under this name.
PORT_VARIABLE = "DECAP_SERVER_PORT"


class EditorMissing(Exception):
    """Decap's files are not installed (node_modules/)."""


def decap_dist(root: Path) -> Path:
    return root / "node_modules" / "decap-cms" / "dist"


def decap_files(root: Path) -> list[Path]:
    """Decap's script and the parts it loads when needed (code-editor modes: `<n>.decap-cms.js`,
    found next to the script), without the source maps."""
    dist = decap_dist(root)
    main = dist / SCRIPT
    modules = (root / "node_modules").resolve()
    # npm's copy, and nothing a link could put in its place (node_modules may itself be a link).
    if not main.is_file() or main.is_symlink() or not main.resolve().is_relative_to(modules):
        raise EditorMissing(
            f"falta {main.relative_to(root)}: instala los paquetes de npm con «make node-tools» / "
            f"{main.relative_to(root)} is missing: install the npm packages with 'make node-tools'")
    return [main, *sorted(p for p in dist.glob(f"*.{SCRIPT}") if p.name.split(".")[0].isdigit())]


def editor_missing(root: Path) -> list[Problem]:
    """A problem when Decap's script is not installed, or is not a plain file of node_modules/."""
    try:
        decap_files(root)
    except EditorMissing as missing:
        es, en = str(missing).split(" / ", 1)
        return [Problem(f"node_modules/decap-cms/dist/{SCRIPT}", 1, 1, "", es, en)]
    return []


def local_port(environ=os.environ) -> int:
    value = environ.get(PORT_VARIABLE, "")
    return int(value) if value.isdigit() else DEFAULT_LOCAL_PORT


def write_admin(site_dir: Path, root: Path, network_name: str, *, environ=os.environ,
                cache: ContentCache | None = None) -> None:
    """Writes `admin/index.html`, `admin/config.yml` and Decap's script into `site_dir`.
    The configuration (0.3 s to make) is made again only when what it is made from changes."""
    target = site_dir / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    port = local_port(environ)
    for source in decap_files(root):
        copy = target / source.name
        stat = source.stat()
        if not copy.is_file() or (copy.stat().st_size, copy.stat().st_mtime) != (stat.st_size, stat.st_mtime):
            shutil.copy2(source, copy)  # 5 MB: copied again only when npm installed another one
    cache = cache or ContentCache()
    sources = (root / "schemas", root / "data" / "indicators.yml", root / "data" / "ui.yml", root / "data" / "site.yml")
    config = cache.get("editor configuration", (port, *(cache.digest(path) for path in sources)),
                       lambda: editor_config_yaml(root, local_port=port))
    (target / "config.yml").write_text(config, encoding="utf-8")
    page = environment(root / "hooks" / "templates").get_template("admin.html.j2").render(
        policy=csp.meta_policy(csp.admin_policy(port)), network_name=network_name, script=SCRIPT)
    (target / "index.html").write_text(page, encoding="utf-8")
