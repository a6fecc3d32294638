"""The Content-Security-Policy (from the theme's templates, never from the pages) and the
`_headers` file."""

import base64
import hashlib

from jinja2 import DictLoader, Environment

from hooks.sitegen.csp import content_security_policy, inline_scripts, meta_policy, script_hash, theme_script_hashes
from hooks.sitegen.headers import headers_file, parse_headers_file, security_headers


def test_only_inline_executable_scripts_are_found():
    html = ('<script>var a=1</script><script src="x.js"></script>'
            '<script id="__config" type="application/json">{"a": 1}</script>')
    assert inline_scripts(html) == ["var a=1"]
    digest = base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode()
    assert script_hash("var a=1") == f"'sha256-{digest}'"


def test_theme_scripts_are_hashed_from_the_templates_for_every_place_a_page_can_be():
    env = Environment(loader=DictLoader({
        "main.html": '{% extends "base.html" %}{% block body %}{{ page.content }}{% endblock %}',
        "base.html": '<script>var fixed=1</script>{% include "partials/scope.html" %}{% block body %}{% endblock %}'
                     '{% if false %}{% include "partials/per-page.html" %}{% endif %}',
        "partials/scope.html": '<script>scope=new URL("{{ base_url }}",location)</script>',
        "partials/per-page.html": '<script>go("{{ page.meta.location }}")</script>',
        "unused.html": "<script>never()</script>",
    }))
    hashes = theme_script_hashes(env, ["main.html", "404.html"], [".", "../.."], config={})
    assert hashes == {script_hash("var fixed=1"), script_hash('scope=new URL(".",location)'),
                      script_hash('scope=new URL("../..",location)')}
    # what a page holds has no say: a script written into a page is not in the templates
    assert script_hash("alert(1)") not in hashes


def test_the_meta_policy_is_the_headers_policy_without_what_a_meta_cannot_carry():
    policy = content_security_policy({"'sha256-abc'"})
    assert "frame-ancestors 'none'" in policy
    meta = meta_policy(policy)
    assert meta == policy.replace("; frame-ancestors 'none'", "")
    assert "unsafe-inline" not in policy and "script-src 'self' 'sha256-abc'" in meta


def test_headers_file_round_trips_and_allows_only_the_site():
    headers = parse_headers_file(headers_file(security_headers(content_security_policy({"'sha256-abc'"}))))
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self' 'sha256-abc'" in csp
    assert "frame-ancestors 'none'" in csp and "http" not in csp
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
