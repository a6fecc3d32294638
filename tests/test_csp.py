"""The Content-Security-Policy on every host: in `_headers`, and in a `<meta>` on every page,
with hashes of the theme's own inline scripts only (hooks/sitegen/csp.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hooks.sitegen.csp import inline_scripts, narrow_to_page, script_hash
from hooks.sitegen.headers import parse_headers_file
from tests.browser import serve


class _Head(HTMLParser):
    """The <meta http-equiv="Content-Security-Policy"> of a page, and what comes before it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.policies: list[str] = []
        self.scripts_before = 0
        self._in_head = True

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self._in_head = False
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(attrs["content"] if self._in_head else "(outside the head)")
        if tag == "script" and not self.policies:
            self.scripts_before += 1


def page_policies(html: str) -> _Head:
    head = _Head()
    head.feed(html)
    return head


def headers_policy(site) -> str:
    return parse_headers_file((site.root / "_headers").read_text(encoding="utf-8"))["Content-Security-Policy"]


def script_sources(policy: str) -> list[str]:
    return next(d for d in policy.split("; ") if d.startswith("script-src ")).split()[1:]


def test_every_page_carries_the_headers_policy_minus_frame_ancestors(built_site):
    """The same directives as `_headers`, but script-src only names the page's own scripts."""
    policy = headers_policy(built_site)
    assert "; frame-ancestors 'none'" in policy
    allowed = set(script_sources(policy))
    urls = built_site.html_urls()
    assert {"404.html", "en/404.html", "pt/404.html", "en/paises/ar/", "pt/materiales/"} <= set(urls)
    for url in urls:
        html = built_site.page(url).html
        head = page_policies(html)
        assert len(head.policies) == 1, url
        assert head.scripts_before == 0, url  # before anything it governs
        own = ["'self'", *sorted({script_hash(body) for body in inline_scripts(html)})]
        expected = policy.replace("; frame-ancestors 'none'", "").split("; ")
        expected = [("script-src " + " ".join(own)) if d.startswith("script-src ") else d for d in expected]
        assert head.policies[0].split("; ") == expected, url
        assert set(own) <= allowed, url  # each one a hash the theme's templates give


def test_every_inline_script_is_the_themes_and_allowed_by_its_hash(built_site):
    policy = headers_policy(built_site)
    script_src = script_sources(policy)
    assert script_src[0] == "'self'" and all(s.startswith("'sha256-") for s in script_src[1:])
    found = {script_hash(body) for url in built_site.html_urls() for body in inline_scripts(built_site.page(url).html)}
    assert found and found <= set(script_src)
    # A page allows its own scripts and no other: one or two, where the theme may write 15.
    profile = built_site.page("pt/paises/mx/").html
    page_src = script_sources(page_policies(profile).policies[0])
    assert page_src == ["'self'", *sorted({script_hash(body) for body in inline_scripts(profile)})]
    assert 2 <= len(page_src) < len(script_src)


def test_the_policy_does_not_depend_on_what_the_pages_hold(built_site, edge_site):
    # The edge site holds <script> written into its data: the same policy, and no hash for it.
    assert headers_policy(edge_site) == headers_policy(built_site)
    assert script_hash("alert(1)") not in headers_policy(edge_site)


def test_a_page_narrows_its_policy_only_to_hashes_known_before():
    theme = "var a=1"
    page = ('<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; '
            'script-src &#39;self&#39; &#39;sha256-x&#39;; object-src &#39;none&#39;">'
            f"<script>{theme}</script><script>alert(1)</script><p>&lt;&quot;</p>")
    narrowed = narrow_to_page(page, {script_hash(theme), script_hash("unused()")})
    assert page_policies(narrowed).policies == [
        f"default-src 'self'; script-src 'self' {script_hash(theme)}; object-src 'none'"]
    assert narrowed.endswith(f"<script>{theme}</script><script>alert(1)</script><p>&lt;&quot;</p>")
    # a page without a theme script: 'self' alone; a page without a policy: left as it is
    assert "script-src 'self'; " in narrow_to_page(page.replace(theme, "other()"), {script_hash(theme)})
    assert narrow_to_page("<p>no policy</p>", {script_hash(theme)}) == "<p>no policy</p>"


def _answer_with(body: str):
    return lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=body)


def test_an_injected_inline_script_does_not_run_under_the_pages_own_policy(browser, built_site):
    """Served with no headers at all (as GitHub Pages would): the <meta> alone holds."""
    original = (built_site.root / "en/index.html").read_text(encoding="utf-8")
    injection = ('<script>window.rtInjected = 1</script>'
                 '<img src="data:," alt="" onerror="window.rtHandler = 1">')
    with_policy = original.replace("</article>", injection + "</article>", 1)
    without_policy = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", with_policy)
    assert with_policy != original and without_policy != with_policy
    with serve(built_site.root) as url:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        try:
            page = context.new_page()
            refused = []
            page.on("console", lambda msg: refused.append(msg.text) if "Content Security Policy" in msg.text else None)
            for path, body in (("en/", with_policy), ("en/index.html", without_policy)):
                page.route(url + path, _answer_with(body))

            # the same page without its <meta>: the injection runs (so the check below can tell)
            page.goto(url + "en/index.html")
            assert page.evaluate("[window.rtInjected, window.rtHandler]") == [1, 1]
            refused.clear()

            page.goto(url + "en/")
            page.wait_for_load_state("load")
            assert page.evaluate("[typeof window.rtInjected, typeof window.rtHandler]") == ["undefined", "undefined"]
            assert len(refused) >= 2, refused  # the script and the handler, each refused
            # the site's own scripts run: the theme's inline one (by its hash), its bundle, search
            assert page.evaluate("typeof __md_scope") == "object"
            assert page.evaluate("typeof document$") == "object"
            page.locator("label.md-search__icon, .md-header__button[for=__search]").first.click()
            page.locator("input.md-search__input").fill("Bolivia")
            page.locator(".md-search-result__item").first.wait_for(timeout=15000)
            assert len(refused) == 2, refused  # and nothing of the site's own was refused
        finally:
            context.close()
