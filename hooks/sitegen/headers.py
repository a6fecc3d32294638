"""The `_headers` file read by Netlify and Cloudflare Pages: security headers for every page.

The Content-Security-Policy allows only the site itself. The theme writes a few small
inline scripts; each is allowed by its SHA-256 hash, computed from the built pages.

No Cache-Control header, on purpose (README.md, "Hosting", has the figures): `no-store` would
make every returning reader download each page again, to keep out of the browser's cache
copies that the history list already betrays and that "clear cached images and files" deletes.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)


def inline_script_hashes(html: str) -> set[str]:
    """CSP source expressions for the inline scripts of one page."""
    return {f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"
            for body in _INLINE_SCRIPT.findall(html)}


def content_security_policy(script_hashes) -> str:
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


def security_headers(script_hashes) -> dict[str, str]:
    return {
        "Content-Security-Policy": content_security_policy(script_hashes),
        "Referrer-Policy": "no-referrer",
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def headers_file(headers: dict[str, str]) -> str:
    lines = ["# Security headers for Netlify and Cloudflare Pages; written by the build.", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    return "\n".join(lines) + "\n"


def parse_headers_file(text: str) -> dict[str, str]:
    """The headers of the `/*` block of a `_headers` file (for tests and local servers)."""
    headers, inside = {}, False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith((" ", "\t")):
            inside = line.strip() == "/*"
            continue
        if inside:
            name, _, value = line.strip().partition(":")
            headers[name.strip()] = value.strip()
    return headers
