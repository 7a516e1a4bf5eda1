"""The security policy allows exactly the inline scripts a page has, and nothing from elsewhere."""

from __future__ import annotations

import base64
import hashlib

from helpcenter.csp import headers_file, inline_script_hashes, policy


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_inline_scripts_are_hashed_and_external_scripts_and_json_are_not():
    page = '<script>a()</script><script src="x.js"></script><script id="__config" type="application/json">{}</script><SCRIPT>b()</SCRIPT>'
    assert inline_script_hashes(page) == {sha("a()"), sha("b()")}


def test_policy_allows_only_this_origin_the_hashed_scripts_and_compiling_webassembly():
    csp = policy({sha("a()")})
    assert f"script-src 'self' 'wasm-unsafe-eval' {sha('a()')}" in csp  # the search engine's wasm, no eval()
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp and "http" not in csp and "frame-ancestors 'none'" in csp


def test_headers_file_applies_to_every_path():
    text = headers_file("default-src 'self'")
    assert text.startswith("/*\n  Content-Security-Policy: default-src 'self'\n")
    assert "  X-Content-Type-Options: nosniff\n" in text and "  Referrer-Policy: strict-origin-when-cross-origin\n" in text
