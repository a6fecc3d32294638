"""The `_headers` file read by Netlify and Cloudflare Pages: security headers for every page.

The Content-Security-Policy comes from csp.py; every page also carries it in a `<meta>`
(without `frame-ancestors`), and its referrer policy in `<meta name="referrer">`. The other
headers here have no `<meta>` form: only hosts that read this file send them.

No Cache-Control header, on purpose (README.md, "Hosting", has the figures): `no-store` would
make every returning reader download each page again, to keep out of the browser's cache
copies that the history list already betrays and that "clear cached images and files" deletes.
"""

from __future__ import annotations


def security_headers(policy: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": policy,
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
