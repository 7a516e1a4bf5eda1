"""Security headers the built site satisfies: a Content-Security-Policy allowing exactly the theme's
own inline scripts (by hash, computed from the template files, never from the output) and nothing
from another host. The same policy goes into every page as a <meta> tag (GitHub Pages ignores
_headers), minus the directives a meta tag cannot carry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import jinja2

from .output_gate import script_hash

# One place for every directive: a new need (Pagefind's WebAssembly: "'wasm-unsafe-eval'" in
# script-src) is one entry here.
DIRECTIVES: dict[str, list[str]] = {
    "default-src": ["'self'"],
    # 'wasm-unsafe-eval': the search engine (Pagefind) compiles its WebAssembly; it allows no eval().
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # the theme's icons are data: URIs in its stylesheet
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# A <meta> policy ignores these (CSP3 §6.1: frame-ancestors, report-uri, sandbox): they stay in _headers.
HEADER_ONLY = ("frame-ancestors", "report-uri", "sandbox")
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def policy(script_hashes: Iterable[str], *, meta: bool = False) -> str:
    parts = []
    for name, sources in DIRECTIVES.items():
        if meta and name in HEADER_ONLY:
            continue
        values = sources + sorted(script_hashes) if name == "script-src" else sources
        parts.append(" ".join([name, *values]))
    return "; ".join(parts)


def meta_tag(script_hashes: Iterable[str]) -> str:
    # Only our own fixed strings and base64 hashes: nothing here needs escaping beyond the quotes.
    return '<meta http-equiv="Content-Security-Policy" content="' + policy(script_hashes, meta=True).replace('"', "&quot;") + '">'


def template_scripts(theme_dirs: Iterable[Path]) -> list[str]:
    """The bodies of the inline <script> elements the theme's template files contain, as Jinja source."""
    bodies = []
    for folder in theme_dirs:
        for file in sorted(Path(folder).rglob("*.html")):
            if ".icons" not in file.parts:
                bodies += _SCRIPT.findall(file.read_text(encoding="utf-8"))
    return bodies


def template_hashes(bodies: Iterable[str], contexts: Iterable[dict]) -> set[str]:
    """The hash of every template script rendered with every context the theme renders it with.

    A body this cannot render on its own (it needs the theme's filters or a page) gets no hash: if
    the theme does print it, the output gate reports it and this list needs that context.
    """
    environment, contexts, hashes = jinja2.Environment(undefined=jinja2.ChainableUndefined), list(contexts), set()
    for body in bodies:
        try:
            template = environment.from_string(body)
            hashes |= {script_hash(template.render(**context)) for context in contexts}
        except jinja2.TemplateError:
            continue
    return hashes


def base_urls(site_path: str, depth: int = 12) -> list[str]:
    """Every base_url MkDocs gives a page: '.' at the top, '..', '../..' deeper; the site path for 404."""
    return [".", *("/".join([".."] * level) for level in range(1, depth + 1)), site_path or "/"]


HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def headers_file(csp: str) -> str:
    """A `_headers` file (Netlify, Cloudflare Pages): every path gets the same headers."""
    lines = ["/*", f"  Content-Security-Policy: {csp}"] + [f"  {name}: {value}" for name, value in HEADERS.items()]
    return "\n".join(lines) + "\n"
