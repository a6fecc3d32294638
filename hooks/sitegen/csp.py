"""The Content-Security-Policy: only the site itself, and only the theme's own inline scripts.

Material's templates write a few small inline scripts. Each is allowed by its SHA-256
hash, computed from the templates' source before any page is written, never from the
built pages: a script that reached a page from data (or from anywhere else) is not in the
templates, so it has no hash and does not run. A script whose text depends on where the
page is (`__md_scope=new URL("../..", location)`) is rendered for every such place.

The policy is sent twice: in `_headers` (for the hosts that read it) and in a `<meta
http-equiv>` on every page (for every other host, and for the offline bundle). A `<meta>`
cannot carry `frame-ancestors`, `report-uri` or `sandbox`; browsers ignore them there.
`_headers` applies to every page, so it lists every hash; a page's `<meta>` lists only
those of the theme's scripts that the page holds (`narrow_to_page`: two or three where
the theme could write seventeen, about 0.6 KB less on each page). A browser enforces both
policies, so a page can run no more than its own `<meta>` allows.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

from jinja2 import Environment, TemplateNotFound, meta
from markupsafe import Markup

# An inline script: no src, and not a data block (<script type="application/json">).
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)
# A template named in {% extends %}, {% include %}, {% import %} or {% from %} (by a literal:
# Material names the others, icons and language files, by expressions).
_REFERENCE = re.compile(r"""\{%-?\s*(?:extends|include|import|from)\s+(["'])([^"']+)\1""")
_NOT_IN_META = ("frame-ancestors", "report-uri", "sandbox")
# What a script's template text may depend on to be rendered here: where the page is, and
# the site's configuration (the same for every page).
_PAGE_INDEPENDENT = {"base_url", "config"}


def script_hash(body: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts in a page or in a template's source."""
    return INLINE_SCRIPT.findall(html)


def _templates_used(env: Environment, start: Iterable[str]) -> list[str]:
    """`start` and every template they extend, include or import (by a literal name)."""
    seen, todo = [], list(start)
    while todo:
        name = todo.pop(0)
        if name in seen:
            continue
        try:
            source = env.loader.get_source(env, name)[0]
        except TemplateNotFound:
            continue
        seen.append(name)
        todo += [match.group(2) for match in _REFERENCE.finditer(source)]
    return seen


def theme_script_hashes(env: Environment, start: Iterable[str], base_urls: Iterable[str], config) -> set[str]:
    """Hashes of the inline scripts that the templates reached from `start` can write, for
    pages at each of `base_urls`. Scripts whose text depends on the page itself (not only
    on its place) are left out: they cannot be known in advance, so they may not run."""
    hashes = set()
    for name in _templates_used(env, start):
        for body in inline_scripts(env.loader.get_source(env, name)[0]):
            if "{{" not in body and "{%" not in body:
                hashes.add(script_hash(body))
                continue
            if not meta.find_undeclared_variables(env.parse(body)) <= _PAGE_INDEPENDENT:
                continue
            template = env.from_string(body)
            hashes |= {script_hash(template.render(base_url=base, config=config, page=None)) for base in base_urls}
    return hashes


def content_security_policy(script_hashes: Iterable[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src " + " ".join(["'self'", *sorted(script_hashes)]),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


# The form editor (/admin/, admin.py): Decap CMS writes its styles inline (CSS-in-JS), checks
# its configuration with ajv, which compiles validators with `new Function` ('unsafe-eval':
# only Decap's own script runs there, no inline script), and talks to GitHub's API, or under
# `make edit` to decap-server on this machine. Nothing else: no fonts, no images or scripts
# from other hosts (its GitHub status check is refused).
def admin_policy(local_port: int) -> str:
    local = f"http://127.0.0.1:{local_port} http://localhost:{local_port}"
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        f"connect-src 'self' https://api.github.com {local}",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def meta_policy(policy: str) -> str:
    """The policy as a `<meta http-equiv>` can carry it."""
    return "; ".join(d for d in policy.split("; ") if d.split(" ", 1)[0] not in _NOT_IN_META)


_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def narrow_to_page(html: str, theme_hashes: Iterable[str]) -> str:
    """A rendered page whose `<meta>` policy allows, of the theme's scripts
    (`theme_hashes`, from theme_script_hashes), only those the page holds. A script that is
    not the theme's gets no hash here either: the page's scripts only choose among hashes
    known before any page was written."""
    match = _META.search(html)
    if match is None:
        return html  # no policy in this page (`mkdocs serve`)
    used = {script_hash(body) for body in inline_scripts(html)} & set(theme_hashes)
    directives = [("script-src " + " ".join(["'self'", *sorted(used)])) if d.startswith("script-src ") else d
                  for d in Markup(match.group(1)).unescape().split("; ")]
    # In a double-quoted attribute ' needs no escaping (&#39; was 4 bytes more each time).
    content = str(Markup.escape("; ".join(directives))).replace("&#39;", "'")
    return html[:match.start(1)] + content + html[match.end(1):]
