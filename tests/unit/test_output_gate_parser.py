"""The output gate sees the tree a reader's browser builds: markup whose meaning depends on HTML5
tree construction (foreign content, foster parenting, raw text, attributes merged onto <html>,
entities in URLs) is refused when a browser would run it, and the verdicts the gate remembers from
one page never change the verdict on another."""

from __future__ import annotations

from typing import Any

import pytest
from helpcenter.gate_policy import CONTENT_POLICY
from helpcenter.output_gate import Gate, check_html
from hypothesis import given, settings
from hypothesis import strategies as st
from justhtml import JustHTML

from tests.conftest import ROOT
from tests.unit.test_output_gate import HOSTILE, INERT, POLICY, new_gate

# Known ways of getting a live element or URL past a checker that reads markup differently from
# the browser (mutation XSS, namespace confusion, parser quirks).
HOSTILE_TREE = {
    "image inside a select": '<select><img src=x onerror=alert(1)></select>',
    "image fostered out of a table": "<table><img src=x onerror=alert(1)></table>",
    "HTML breaking out of SVG's style": "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "MathML mglyph/style confusion": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "noscript closed inside an attribute": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "nested forms and MathML": "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "SVG end of paragraph then style": '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    "xlink:href javascript in SVG": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "MathML href": '<math href="javascript:alert(1)">x</math>',
    "<image> read as <img>": "<image src=x onerror=alert(1)>",
    "attributes merged onto <html>": "<p>x</p><html onclick=alert(1)>",
    "attributes merged onto <body>": "<p>x</p><body onload=alert(1)>",
    "declarative shadow root": "<div><template shadowrootmode=open><script>alert(1)</script></template></div>",
    "named entity colon": '<a href="javascript&colon;alert(1)">x</a>',
    "named entity newline": '<a href="java&NewLine;script:alert(1)">x</a>',
    "named entity tab": '<a href="java&Tab;script:alert(1)">x</a>',
    "entity without semicolon": '<a href="&#106avascript:alert(1)">x</a>',
    "zero-padded entity": '<a href="&#0000106avascript:alert(1)">x</a>',
    "SVG script with entities": "<svg><script>alert&#40;1)</script></svg>",
    "HTML inside annotation-xml": '<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>',
    "HTML inside SVG desc": "<svg><desc><img src=x onerror=alert(1)></desc></svg>",
    "after a textarea": "<textarea></textarea><img src=x onerror=alert(1)>",
    "after CDATA in SVG": "<svg><![CDATA[ ]]><script>alert(1)</script></svg>",
    "after a --!> comment": "<!--x--!><img src=x onerror=alert(1)>",
    "after a bogus comment": "<? x ><img src=x onerror=alert(1)>",
    "upper-case foreignObject": "<svg><FOREIGNOBJECT><p>x</p></FOREIGNOBJECT></svg>",
    "SVG set to a javascript href": '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
    "frameset replacing the body": "<frameset onload=alert(1)>",
    "image input": "<input type=image src=x onerror=alert(1)>",
    "details ontoggle": "<details open ontoggle=alert(1)>",
    "ping to another site": '<a href="/" ping="https://evil.test">x</a>',
    "srcset with a data URL": '<img srcset="data:image/png;base64,AA 1x" alt=x>',
    "script inside a select": "<select><script>alert(1)</script></select>",
    "MathML style": "<math><style><img src=x onerror=alert(1)></style></math>",
    "embed fostered out of a table": "<table><tr><embed src=x></tr></table>",
    "handler on an element the tree builder reopens": "<b><p onclick=alert(1)>x</b>y</p>",
}
# What a browser reads as text or as one harmless attribute, however alarming it looks.
INERT_TREE = {
    "markup inside a title (text)": "<title><img src=x onerror=alert(1)></title>",
    "slashes inside an unquoted value (one src)": "<img/src=x/onerror=alert(1) alt=x>",
    "handler text in a code span": "<p><code>&lt;img onerror=alert(1)&gt;</code></p>",
    "a stray end tag": "<p>x</p></script></div>",
}


@pytest.mark.parametrize("case", list(HOSTILE_TREE))
def test_markup_live_in_the_browser_s_tree_is_refused(case):
    assert check_html(HOSTILE_TREE[case], CONTENT_POLICY), case
    assert check_html(HOSTILE_TREE[case], POLICY), case


@pytest.mark.parametrize("case", list(INERT_TREE))
def test_markup_the_browser_reads_as_text_passes(case):
    assert check_html(INERT_TREE[case], CONTENT_POLICY) == []


def test_a_gate_used_for_a_whole_build_gives_every_page_its_own_verdict():
    # One Gate serves every page of a build and remembers verdicts on start tags: the verdict on any
    # page is the one a fresh gate gives, whatever pages came before, in either order.
    pages = [*HOSTILE.values(), *INERT.values(), *HOSTILE_TREE.values(), *INERT_TREE.values()]
    shared = Gate(POLICY)
    for page in pages + pages[::-1]:
        assert shared.check(page) == check_html(page, POLICY), page


def test_what_one_page_declares_does_not_count_on_the_next():
    gate = Gate(POLICY)
    heading = '<h2 id="account">x</h2>'
    assert gate.check(heading) == [] and gate.check(heading) == []  # the same id on two pages
    assert gate.check(heading + heading)  # twice on one page
    link = '<a class="md-nav__link" href="{}">x</a>'
    assert gate.check(link.format("../account/")) == []
    assert gate.check(link.format("java\tscript:alert(1)"))  # same tag and class, another value


class _Node:
    """A justhtml node seen through the names the gate reads from selectolax's nodes."""

    def __init__(self, node, parent: _Node | None) -> None:
        self.node, self.parent, self.mem_id = node, parent, id(self)
        self.tag = node.name
        self.is_element_node = not node.name.startswith("#")
        self.attributes = dict(node.attrs or {}) if self.is_element_node else {}

    def text(self) -> str:
        found, stack = [], [self.node]
        while stack:
            node = stack.pop()
            if node.name == "#text":
                found.append(node.data or "")
            stack += reversed(list(getattr(node, "children", None) or []))
        return "".join(found)


def _justhtml_tree(text: str) -> list[_Node]:
    """The elements of justhtml's tree (an independent implementation of the same HTML5 parsing
    algorithm) in document order."""
    found: list[_Node] = []
    stack: list[tuple[Any, _Node | None]] = [(JustHTML(text, sanitize=False).root, None)]
    while stack:
        node, parent = stack.pop()
        wrapped = _Node(node, parent)
        found.append(wrapped)
        stack += [(child, wrapped) for child in reversed(list(getattr(node, "children", None) or []))]
    return found


PIECES = st.sampled_from([
    "<", ">", "/", "=", '"', "'", " ", "\n", "\t", "<p>", "</p>", "<a href=", "javascript:", "&#106;", "&#x3a;", "&colon;",
    "onclick=x", "<svg>", "</svg>", "<math>", "<mi>", "<mtext>", "<mglyph>", "<table>", "<tr>", "<td>", "</table>", "<select>",
    "<option>", "</select>", "<template>", "</template>", "<noscript>", "</noscript>", "<script>", "</script>", "<style>",
    "</style>", "<title>", "</title>", "<textarea>", "</textarea>", "<!--", "-->", "--!>", "<![CDATA[", "]]>",
    "<img src=x onerror=y>", "<iframe>", "<xmp>", "<frameset>", "<form>", "</form>", '<input type="text">', "<html onclick=a>",
    "<body onload=b>", "<foreignObject>", "<desc>", '<annotation-xml encoding="text/html">', "<b>", "</b>", "<font color=x>",
    "<plaintext>", "<div>", "</div>", "<object>", "<base href=x>", '<meta http-equiv="refresh" content="0;url=x">',
    "<a>", "</a>", "<code>", "<details>", "<summary>", '<script type="application/json" id="__config">', "{}", "가",
])
MARKUP = st.lists(PIECES | st.text(max_size=4), max_size=40).map("".join)


@settings(max_examples=500, deadline=None)
@given(MARKUP)
def test_what_the_gate_passes_is_inert_in_a_second_html5_parser_s_tree(text):
    # Two implementations of the HTML Standard's parser (Lexbor in C, which the gate uses, and the
    # pure-Python justhtml): whatever passes the gate, the same rules find nothing in the other's tree.
    for policy in (CONTENT_POLICY, POLICY):
        gate = new_gate(policy)
        if not gate.check(text):
            assert gate.walk(_justhtml_tree(text)) == [], text


# An SVG file opened on its own is read by an XML parser, which does what an HTML parser does not.
HOSTILE_SVG = {
    "entity expanding to a script": '<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
    "DTD of its own, no entity used": '<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]><svg xmlns="http://www.w3.org/2000/svg"/>',
    "XSLT stylesheet": '<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    "script in another prefix": '<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></svg>',
    "script in CDATA": '<svg xmlns="http://www.w3.org/2000/svg"><script><![CDATA[alert(1)]]></script></svg>',
    "handler": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "not well-formed": '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0"></svg>',
}
ORDINARY_SVG = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
                '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="http://www.w3.org/2000/svg" '
                'viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#4a3aff"/><path fill="#fff" d="M7 8h18"/></svg>')


@pytest.mark.parametrize("case", list(HOSTILE_SVG))
def test_an_svg_file_is_read_as_the_xml_document_it_is(case):
    assert Gate(POLICY).check_svg(HOSTILE_SVG[case]), case


def test_an_ordinary_svg_file_passes():
    assert Gate(POLICY).check_svg(ORDINARY_SVG) == []
    assert Gate(POLICY).check_svg((ROOT / "docs" / "assets" / "favicon.svg").read_text(encoding="utf-8")) == []
