"""The security policy allows exactly the theme's own inline scripts, taken from its templates, and
nothing from elsewhere; the same policy reaches readers as a <meta> tag wherever _headers is ignored."""

from __future__ import annotations

from pathlib import Path

import material
from helpcenter.csp import base_urls, headers_file, meta_tag, policy, template_hashes, template_scripts
from helpcenter.output_gate import script_hash

MATERIAL = Path(material.__file__).parent / "templates"


def test_template_scripts_are_hashed_for_every_page_depth_and_never_an_injected_one():
    bodies = template_scripts([MATERIAL])
    contexts = [{"config": {"extra": {}}, "base_url": url} for url in base_urls("/")]
    hashes = template_hashes(bodies, contexts)
    scope = next(body for body in bodies if "__md_scope" in body)
    for url in (".", "..", "../../..", "/"):
        assert script_hash(scope.replace("{{ config.extra.scope | d(base_url) }}", url)) in hashes
    assert script_hash("alert(1)") not in hashes


def test_policy_allows_only_this_origin_the_hashed_scripts_and_compiling_webassembly():
    csp = policy({script_hash("a()")})
    assert f"script-src 'self' 'wasm-unsafe-eval' {script_hash('a()')}" in csp  # the search engine's wasm, no eval()
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp and "http" not in csp and "frame-ancestors 'none'" in csp


def test_meta_policy_leaves_out_what_a_meta_tag_cannot_carry():
    tag = meta_tag({script_hash("a()")})
    assert tag.startswith('<meta http-equiv="Content-Security-Policy" content="default-src')
    assert "frame-ancestors" not in tag and script_hash("a()") in tag


def test_headers_file_applies_to_every_path():
    text = headers_file("default-src 'self'")
    assert text.startswith("/*\n  Content-Security-Policy: default-src 'self'\n")
    assert "  X-Content-Type-Options: nosniff\n" in text and "  Referrer-Policy: strict-origin-when-cross-origin\n" in text
