"""The security headers file: hashes of inline scripts only, and a parseable _headers."""

import base64
import hashlib

from hooks.sitegen.headers import headers_file, inline_script_hashes, parse_headers_file, security_headers


def test_only_inline_executable_scripts_are_hashed():
    html = ('<script>var a=1</script><script src="x.js"></script>'
            '<script id="__config" type="application/json">{"a": 1}</script>')
    digest = base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode()
    assert inline_script_hashes(html) == {f"'sha256-{digest}'"}


def test_headers_file_round_trips_and_allows_only_the_site():
    headers = parse_headers_file(headers_file(security_headers({"'sha256-abc'"})))
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self' 'sha256-abc'" in csp
    assert "frame-ancestors 'none'" in csp and "http" not in csp
    assert headers["Referrer-Policy"] == "no-referrer"
