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


def editor_headers(policy: str) -> dict[str, str]:
    """The form editor's (/admin/): its own policy, and its GitHub login window (opened on
    the login relay's address) allowed to answer it."""
    return {"Content-Security-Policy": policy, "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
            "X-Robots-Tag": "noindex"}


def headers_file(headers: dict[str, str], editor_policy: str | None = None) -> str:
    lines = ["# Security headers for Netlify and Cloudflare Pages; written by the build.", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    if editor_policy:
        # Netlify gives a path the value of its most specific rule (this one, after /*).
        lines += ["/admin/*"] + [f"  {name}: {value}" for name, value in editor_headers(editor_policy).items()]
    return "\n".join(lines) + "\n"


def parse_headers_file(text: str, block: str = "/*") -> dict[str, str]:
    """The headers of one block (`/*` unless told) of a `_headers` file (for tests and local servers)."""
    headers, inside = {}, False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line.startswith((" ", "\t")):
            inside = line.strip() == block
            continue
        if inside:
            name, _, value = line.strip().partition(":")
            headers[name.strip()] = value.strip()
    return headers
