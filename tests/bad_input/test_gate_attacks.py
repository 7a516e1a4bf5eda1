"""Hostile markup the first rounds' cases did not cover, judged by the output gate as a browser
would read it: what runs, loads or misleads is refused, with a message that says how to fix it."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import material
import pytest
from helpcenter import gate_policy, nesting, rules
from helpcenter.output_gate import NAME, Gate
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs_redirects.plugin import HTML_TEMPLATE
from selectolax.lexbor import LexborHTMLParser, LexborNode

from tests.paths import ROOT

THEME = Path(material.__file__).parent / "templates"
TEMPLATES = gate_policy.build_policy([ROOT / "overrides", THEME], [HTML_TEMPLATE])
POLICY = dataclasses.replace(TEMPLATES, scripts=TEMPLATES.scripts | {"assets/javascripts/site.js"}, site_path="/help/")
BODY = "<!doctype html><html><head><title>t</title></head><body><p>text</p>{}</body></html>"

HOSTILE = {
    # A same-site file runs under CSP 'self': only the theme's and mkdocs.yml's scripts may be loaded.
    "script a writer added under docs/": '<script src="../assets/evil.js"></script>',
    "script with a query": '<script src="../assets/javascripts/evil.js?v=1"></script>',
    "script reached through ..": '<script src="../assets/javascripts/../../evil.js"></script>',
    "script outside the site's path": '<script src="/assets/javascripts/site.js"></script>',
    "script of the theme's that no template loads": '<script src="../assets/javascripts/lunr/tinyseg.js"></script>',
    "script with a body and a src": '<script src="../assets/javascripts/site.js">alert(1)</script>',
    # Metadata, stylesheets and policies belong to <head>, which content never reaches.
    "meta referrer in the body": '<meta name="referrer" content="unsafe-url">',
    "second policy in the body": '<meta http-equiv="Content-Security-Policy" content="script-src *">',
    "stylesheet link in the body": '<link rel="stylesheet" href="../assets/evil.css">',
    # SVG paint refers to other documents through CSS url(), and CSS escapes spell url.
    "SVG fill from another site": '<svg viewBox="0 0 1 1"><path d="M0" fill="url(https://evil.test/x.svg#a)"/></svg>',
    "SVG clip-path, escaped": '<svg viewBox="0 0 1 1"><path d="M0" clip-path="\\75 rl(https://evil.test/x#a)"/></svg>',
    # Text that reads in another order than it is written.
    "right-to-left override": "<p>invoice\u202egnp.exe</p>",
    "isolate, as a character reference": "<p>a&#x2067;b</p>",
    "override, decimal reference with zeros": '<a href="../x/" title="&#0008238;x">x</a>',
    # Ways around a JSON or URL check.
    "javascript URL with a C0 control first": '<a href="\x01javascript:alert(1)">x</a>',
    "javascript URL split by a newline entity": '<a href="java&NewLine;script&colon;alert(1)">x</a>',
    "srcset entry with a scheme": '<img alt="x" src="a.png" srcset="a.png 1x, data:image/svg+xml,x 2x">',
    "MathML link": '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "select, whose content a newer parser keeps": "<select><img src=x onerror=alert(1)></select>",
}

INERT = {
    "the theme's bundle from a deep page": '<script src="../../assets/javascripts/bundle.{}.min.js"></script>',
    "extra_javascript from the 404 page": '<script src="/help/assets/javascripts/site.js"></script>',
    "a script our 404 template loads": '<script src="/help/assets/javascripts/not-found.js"></script>',
    "SVG fill from the page's own gradient": '<svg viewBox="0 0 1 1"><path d="M0" fill="url(#g)" stroke="#000"/></svg>',
    "text-direction marks (not controls)": "<p>a\u200eb\u200fc &#x200E;</p>",
    "markup inside a textarea is text": "<textarea><img src=x onerror=alert(1)></textarea>",
}


def _bundle() -> str:
    return next(path.name.split(".")[1] for path in (THEME / "assets" / "javascripts").glob("bundle.*.min.js"))


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_markup_in_a_page_is_refused(case):
    assert Gate(POLICY).check(BODY.format(HOSTILE[case])), case


@pytest.mark.parametrize("case", list(INERT))
def test_what_only_looks_hostile_passes(case):
    assert Gate(POLICY).check(BODY.format(INERT[case].format(_bundle()))) == [], case


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9">{}</svg>'
# An SVG file opened on its own is parsed as XML: inside <desc> or <title> an HTML parser reads a
# <textarea> or <title> as raw text, so the HTML reading saw no script where the XML one runs it.
HOSTILE_SVG = {
    "script inside a textarea inside desc": "<desc><textarea><script>alert(1)</script></textarea></desc>",
    "script inside title inside desc": "<desc><title><script>alert(1)</script></title></desc>",
    "handler inside a textarea inside title": '<title><textarea><rect onclick="alert(1)"/></textarea></title>',
    "element of another namespace": '<x:a xmlns:x="http://example.test/ns">x</x:a>',
    "link by xlink:href": '<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="javascript:alert(1)"><rect width="1" height="1"/></a>',
}


@pytest.mark.parametrize("case", list(HOSTILE_SVG))
def test_an_svg_file_is_checked_as_the_xml_tree_a_browser_builds(case):
    assert Gate(POLICY).check_svg(SVG.format(HOSTILE_SVG[case])), case


def test_an_ordinary_svg_file_with_a_description_passes():
    assert Gate(POLICY).check_svg(SVG.format('<title>Logo</title><desc>A play button</desc><rect width="9" height="9"/>')) == []


def test_deep_nesting_is_refused_before_parsing_with_a_writer_s_message():
    page = BODY.format("<details><summary>x</summary>" * 3000)
    (found,) = Gate(POLICY).check(page)
    assert f"more than {nesting.LIMIT}" in found.message and "nest fewer" in found.message


def test_a_page_of_few_tags_nested_deep_is_refused_from_its_tree():
    # Few tags parse quickly however they nest: the walk measures the tree itself.
    page = BODY.format("<blockquote>" * 300 + "x")
    (found,) = Gate(POLICY).check(page)
    assert found.message.startswith("elements nested at least 257 deep") and found.needle == "<blockquote"


def test_an_ordinary_writer_s_deepest_page_passes():
    # Ten levels of lists inside an admonition, a tab and a question: more than writers nest.
    item = '<ul><li>x<div class="admonition note"><div class="tabbed-set"><div class="tabbed-content">' \
           '<details class="question"><summary>q</summary>'
    page = BODY.format(item * 10 + "x" + "</details></div></div></div></li></ul>" * 10)
    assert Gate(POLICY).check(page) == []


def test_the_output_gate_is_a_rule_like_the_others():
    assert rules.severity(NAME) == "error"
    assert any(rule.NAME == NAME for rule in rules.ALL)


def _lexbor_depth(text: str) -> int:
    """The deepest chain of elements in Lexbor's tree that the estimate counts (not html, head,
    body, which a parser adds, nor void elements or those closed by their next sibling)."""
    root = LexborHTMLParser(text, scripting=True).root
    deepest = 0
    for node in root.traverse() if root is not None else []:
        depth = 0
        parent: LexborNode | None = node
        while parent is not None:
            if parent.is_element_node and (parent.tag or "").lower() not in nesting._IMPLIED | nesting._VOID | {"html", "head", "body"}:
                depth += 1
            parent = parent.parent
        deepest = max(deepest, depth)
    return deepest


TAGS = st.sampled_from(["<div>", "</div>", "<ul>", "</ul>", "<li>", "<b>", "</b>", "<a>", "</a>", "<p>", "</p>", "<svg>",
                        "</svg>", "<g/>", "<desc>", "<math>", "<mi>", "<table>", "<td>", "</table>", "<form>", "</form>",
                        "<span>", "</span>", "<x>", "</x>", "<details>", "</details>", "<br>", "<textarea>", "</textarea>",
                        "<!--", "-->", "<script>", "</script>", "<select>", "<div/>", "<em>", "</em>", "<title>", "</title>",
                        "<style>", "</style>", "<noscript>", "<mtext>", "<h1>", "<button>", "<dl>", "<dd>", "x"])


@settings(max_examples=300, deadline=None)
@given(st.lists(TAGS, max_size=60).map("".join))
def test_the_depth_estimate_is_never_far_below_the_parser_s(text):
    # Far below would let a hostile page past the limit into the parser's slow path. The estimate
    # keeps no list items, paragraphs or cells on its stack, so an end tag among them may close
    # one element early: a few levels, never more.
    assert nesting.depth(text, 10_000) + 3 >= _lexbor_depth(text), text


def test_invisible_characters_in_a_page_are_named_with_line_and_column():
    from helpcenter.checks import Source, invisible_text

    text = "---\ntitle: x\n---\n# 제목\n\n결제\u200b오류 &#x202E;gnp\n`code \x00`\n&#65; &#x200E; 😀\n"
    found = [str(problem) for problem in invisible_text.check(Source("docs/ko/a.md", text, "ko"))]
    assert [line.split(": ")[0] for line in found] == ["docs/ko/a.md:6", "docs/ko/a.md:6", "docs/ko/a.md:7"]
    assert "U+200B (ZERO WIDTH SPACE) at column 3" in found[0] and "U+202E" in found[1] and "delete it" in found[0]


HOSTILE_CSS = {
    "image from another site": "a{background:url(https://tracker.test/pixel.png)}",
    "protocol-relative, quoted": 'a{background:url( "//tracker.test/x" )}',
    "import from another site": '@import "https://evil.test/a.css";',
    "a URL spelt with a CSS escape": "a{background:url(h\\74tps://evil.test/x)}",
    "data URL that is no image": "a{background:url(data:text/html,x)}",
    "image-set from another site": 'a{background:image-set("https://evil.test/x.png" 1x)}',
    "IE expression": "a{width:expression(alert(1))}",
    "XBL binding": "a{-moz-binding:url(x.xml#a)}",
}


@pytest.mark.parametrize("case", list(HOSTILE_CSS))
def test_a_stylesheet_of_the_site_s_own_loads_nothing_from_elsewhere(case):
    from helpcenter.output_gate import check_css

    assert check_css(HOSTILE_CSS[case]), case


def test_the_site_s_stylesheet_passes():
    from helpcenter.output_gate import check_css

    assert check_css((ROOT / "docs" / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")) == []
    assert check_css('@import "print.css"; a{background:url(../images/x.png), url(data:image/svg+xml;base64,AA)}') == []


def test_an_emoji_drawn_from_a_cdn_is_named_by_its_shortcode():
    img = '<img alt="😄" class="twemoji" src="https://cdn.jsdelivr.net/gh/jdecked/twemoji@16.0.1/assets/svg/1f604.svg" title=":smile:">'
    (found,) = Gate(POLICY).check(BODY.format(f"<p>x {img}</p>"))
    assert found.needle == ":smile:" and "type the emoji itself (😄)" in found.message


def test_writer_tooling_reads_a_gate_finding_as_an_error_of_its_rule():
    from helpcenter import results
    from helpcenter.checks import Problem

    line = str(Problem("snippets/ko/x.md", 3, NAME, "inline <script> that is not one of the theme's (alert(1)) (in the published page /faq/)"))
    (entry,) = results.from_message(rules.severity(NAME), line)
    assert (entry["file"], entry["line"], entry["rule"], entry["severity"]) == ("snippets/ko/x.md", 3, NAME, "error")
