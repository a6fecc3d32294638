"""The contexts a value from data can land in, besides HTML text and attributes (which
autoescape covers): an address in an href, a text of several paragraphs, a Markdown heading."""

from hooks.sitegen.render import markdown_text, paragraphs, safe_url


def test_only_web_addresses_become_links():
    for url in ("https://example.org/a?b=c#d", "http://example.org", 'https://x.org/"onclick="alert(1)'):
        assert safe_url(url) == url  # (the quote is escaped by the template, in the attribute)
    for url in ("javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>",
                "vbscript:x", "//evil.example/", "/relative", "https://", "https://exa mple.org", "mailto:a@b.c"):
        assert safe_url(url) == "about:blank", url


def test_a_text_is_split_into_paragraphs_where_the_yaml_had_a_blank_line():
    import yaml
    quoted = yaml.safe_load('t: "one\n  line\n\n  two"')["t"]  # YAML gives "one line\ntwo"
    block = yaml.safe_load("t: |\n  one line\n\n  two\n")["t"]  # and "one line\n\ntwo\n"
    assert paragraphs(quoted) == paragraphs(block) == ["one line", "two"]
    assert paragraphs(" alone ") == ["alone"] and paragraphs("a\n \n\nb") == ["a", "b"]


def test_a_heading_text_is_one_line_of_escaped_text():
    assert markdown_text('A "quoted" <b>x</b>\n\n[y](javascript:z) # {: #id }') == (
        'A "quoted" &lt;b&gt;x&lt;/b&gt; \\[y\\]\\(javascript:z\\) \\# \\{: \\#id \\}')
