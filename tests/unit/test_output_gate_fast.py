"""The output gate's quick pass (Gate.passes) lets a page through only when the full walk finds
nothing in it: every hostile page of the suite, every generated one, and every nesting depth around
the limit gets the walk's verdict, also from a gate that has judged other pages before."""

from __future__ import annotations

import pytest
from helpcenter import nesting
from helpcenter.gate_policy import CONTENT_POLICY
from helpcenter.output_gate import Gate, direction_controls, script_hash
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from tests.unit.test_output_gate import HOSTILE, INERT, POLICY, new_gate
from tests.unit.test_output_gate_parser import HOSTILE_TREE, INERT_TREE, MARKUP

THEME_SCRIPT = "var theme = 1"
SCRIPTS = frozenset({script_hash(THEME_SCRIPT)})


def _verdicts(gate: Gate, text: str, *, redirect: bool = False) -> tuple[bool, list]:
    root = LexborHTMLParser(text, scripting=True).root
    assert root is not None
    return gate.passes(root, SCRIPTS, redirect=redirect), gate.walk(root.traverse(), SCRIPTS, redirect=redirect)


def _agree(gate: Gate, text: str) -> None:
    for redirect in (False, True):
        quick, walked = _verdicts(gate, text, redirect=redirect)
        assert quick == (walked == []), (text, walked)


PAGES = [*HOSTILE.values(), *INERT.values(), *HOSTILE_TREE.values(), *INERT_TREE.values()]


@pytest.mark.parametrize("policy", [POLICY, CONTENT_POLICY], ids=["site", "content"])
def test_the_quick_pass_lets_through_exactly_the_pages_the_walk_finds_nothing_in(policy):
    # A fresh gate, then one that has remembered the verdicts of every page before (a build's gate).
    shared = new_gate(policy)
    for page in PAGES + PAGES[::-1]:
        _agree(new_gate(policy), page)
        _agree(shared, page)
    assert any(not _verdicts(new_gate(policy), page)[0] for page in HOSTILE.values())


def test_a_fresh_gate_remembers_nothing_of_the_gate_it_came_from():
    # new_gate() (test_output_gate.py): the tests' way to a gate that has judged nothing, thousands of times.
    short = [page for page in PAGES if len(page) < 2000]  # not the 200 KB pages: their size is tested above
    judged = Gate(POLICY)
    for page in short:
        judged.check(page)
    before, fresh = judged.judged, judged.fresh()
    assert before and fresh.judged == 0
    for page in short:
        assert fresh.check(page) == Gate(POLICY).check(page), page
    assert fresh.judged and judged.judged == before  # what one judges, the other does not remember


def test_a_tag_judged_clean_on_one_page_does_not_pass_with_another_value_or_place():
    gate = new_gate(POLICY)
    link = '<a class="md-nav__link" href="{}">x</a>'
    assert _verdicts(gate, link.format("../account/")) == (True, [])
    for hostile in (link.format("java\tscript:alert(1)"), link.format("../account/") + '<form><input type="text"></form>',
                    '<h2 id="a">x</h2>' * 2, f"<script>{THEME_SCRIPT}</script><script>other</script>"):
        _agree(gate, hostile)
        assert not _verdicts(gate, hostile)[0], hostile
    assert _verdicts(gate, f"<head><script>{THEME_SCRIPT}</script></head>") == (True, [])


@pytest.mark.parametrize("levels", range(nesting.LIMIT - 4, nesting.LIMIT + 2))
def test_depth_is_counted_as_the_walk_counts_it(levels):
    # html, body, then `levels` divs: the deepest element is levels + 2 deep; the limit holds at 256.
    for text in ("<div>" * levels, "<div>" * (levels - 1) + "<!-- a comment in the deepest -->",
                 "<div>" * levels + "</div>" * levels + "<p>after</p>"):
        _agree(new_gate(POLICY), text)
    assert _verdicts(new_gate(POLICY), "<div>" * levels)[0] == (levels + 2 <= nesting.LIMIT)


@settings(max_examples=400, deadline=None)
@given(st.lists(MARKUP, min_size=1, max_size=3))
def test_generated_markup_gets_the_walk_s_verdict(pages):
    # Several pages through one gate, so verdicts remembered from one are looked up on the next.
    for policy in (CONTENT_POLICY, POLICY):
        gate = new_gate(policy)
        for text in pages:
            _agree(gate, text)
            assert gate.check(text) == new_gate(policy).check(text), text


def test_a_page_given_as_utf8_bytes_too_gets_the_same_findings():
    # A page's build encodes it once (its size, its digest): the gate parses those bytes.
    for policy in (POLICY, CONTENT_POLICY):
        for page in PAGES + ["<p>가나다 \u202e tfel</p>", "<p>&#x202E;</p>", "<a href='x\u2066'>y</a>", "<p>\u2029 \u202f \u2065 \u206a</p>"]:
            assert new_gate(policy).check(page, SCRIPTS, data=page.encode("utf-8")) == new_gate(policy).check(page, SCRIPTS), page


# Pages that make check() read the text although it was given only the bytes: controls (the finding
# names the character), many tags (measured before parsing), too deep for the measure.
TEXT_NEEDED = ["<p>가나다 \u202e tfel</p>", "<p>&#x202E;</p>", "<a href='x\u2066'>y</a>", "<p>\u2029 \u202f \u2065 \u206a</p>",
               "<p>가</p>" * (nesting.PARSE_FIRST // 2 + 1), "<div>가" * (nesting.PARSE_FIRST + 1),
               "<ul><li>목록" * (nesting.LIMIT + 10) + "<p>\u202e</p>"]


def test_a_page_given_only_as_its_bytes_gets_the_findings_of_its_text():
    # The pool's workers receive only the bytes (text None): decoded only where a rule reads the text.
    for policy in (POLICY, CONTENT_POLICY):
        for page in PAGES + TEXT_NEEDED:
            assert Gate(policy).check(None, SCRIPTS, data=page.encode("utf-8")) == Gate(policy).check(page, SCRIPTS), page
    assert any(Gate(POLICY).check(None, data=page.encode("utf-8")) for page in TEXT_NEEDED[:2] + TEXT_NEEDED[-2:])
    with pytest.raises(TypeError):
        Gate(POLICY).check(None)


def test_a_script_or_settings_block_remembered_from_one_page_is_judged_again_on_the_next():
    # The hashes and JSON verdicts of bodies are remembered for the build; what a body may be still
    # depends on each page's own list (a redirect page's script is not allowed in an article).
    gate = Gate(POLICY)
    script, block = f"<script>{THEME_SCRIPT}</script>", '<script type="application/ld+json">{{"name": "{}"}}</script>'
    assert gate.check(script + block.format("a"), SCRIPTS) == []
    assert gate.check(script, frozenset()) == Gate(POLICY).check(script, frozenset()) != []
    assert gate.check(script + block.format("a") + block.format('b"'), SCRIPTS) == Gate(POLICY).check(block.format('b"'), SCRIPTS) != []
    assert gate.check(script + block.format("a"), SCRIPTS) == []


def test_the_remembered_bodies_are_bounded_and_verdicts_do_not_depend_on_them(monkeypatch):
    monkeypatch.setattr("helpcenter.output_gate._MAX_BODIES", 40)
    gate, block = Gate(POLICY), '<script type="application/json" id="__config">{{"n": "{}"}}</script>'
    for number in range(20):
        page = block.format(number) + f"<script>{THEME_SCRIPT}{number}</script>"
        assert gate.check(page, SCRIPTS) == Gate(POLICY).check(page, SCRIPTS) != []
        assert gate.check(block.format(number), SCRIPTS) == []
    assert gate._remembered <= 40


NEAR_CONTROLS = st.sampled_from(["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
                                 "\u2029", "\u202f", "\u2065", "\u206a", "\u200e", "\u200f", "’", "가", "&#", "x", "X", "0", "202",
                                 "E", "e", "206", "8238", "8294", ";", "<p>"])


@settings(max_examples=400, deadline=None)
@given(st.lists(NEAR_CONTROLS | st.text(max_size=3), max_size=20).map("".join))
def test_the_controls_are_found_in_the_bytes_exactly_when_in_the_text(text):
    assert direction_controls(text, text.encode("utf-8")) == direction_controls(text), text
    assert direction_controls(None, text.encode("utf-8")) == direction_controls(text), text


URL_PIECES = st.sampled_from(["/", "//", "\\", ":", ".", "..", "a", "J", "#", "?", "=", "&", " ", ",", "1x", "\t", "\n", "\x00",
                              "\u00a0", "javascript", "http", "data", "image/png", "가", "&colon;", "%3A", "use"])
NAMES = st.sampled_from(["href", "src", "srcset", "cite", "class", "title", "id", "onclick", "style", "action", "formaction",
                         "xlink:href", "poster", "HREF", "fill", "data-x", "rel", "target", "alt", "width"])


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(["a", "img", "source", "q", "use", "link", "script", "div", "svg", "image", "iframe", "blockquote"]),
       st.dictionaries(NAMES, st.lists(URL_PIECES, max_size=8).map("".join) | st.none(), max_size=4))
def test_an_element_let_through_for_its_plain_urls_is_one_the_rules_find_nothing_on(tag, attrs):
    for policy in (POLICY, CONTENT_POLICY):
        gate = new_gate(policy)
        if gate._plain_urls(tag, attrs):
            assert gate.element_findings(tag, attrs) == (), (tag, attrs)


def test_the_navigation_s_links_are_let_through_and_hostile_addresses_are_not():
    gate = new_gate(POLICY)
    assert gate._plain_urls("a", {"href": "../a00031/", "class": "md-nav__link"})
    assert gate._plain_urls("img", {"src": "../assets/x.png", "srcset": "../x.png 1x, ../x2.png 2x", "alt": "x"})
    for href in ("javascript:alert(1)", "//evil.example/", "/\\evil", "java\tscript:x", " https://x/", "\x01//x"):
        assert not gate._plain_urls("a", {"href": href}), href
        _agree(gate, f'<a href="{href}">x</a>')
    for href in ("javascript:alert(1)", "//evil.example/", "java\tscript:x"):
        assert gate.check(f'<img src="{href}">'), href
    assert not gate._plain_urls("use", {"href": "../x"})  # <use> may only point inside the page
    assert not gate._plain_urls("a", {"href": "../x", "onclick": "y"})


def test_svg_names_as_the_tree_spells_them_get_the_walk_s_verdict():
    # Lexbor's tree spells some SVG names in camelCase (viewBox, gradientUnits): the quick pass takes
    # them as plain as their lower-case names, and nothing else with them.
    gate = new_gate(POLICY)
    assert {"viewBox", "viewbox"} <= gate.plain["svg"]
    assert all(name.lower() in gate.plain[tag] for tag in gate.plain for name in gate.plain[tag])  # other case only
    icon = '<svg viewBox="0 0 24 24" xmlns="http://www.w3.org/2000/svg"><path d="M0 0h24"></path></svg>'
    assert _verdicts(gate, icon) == (True, [])
    for hostile in ('<svg viewBox="0 0 1 1" onLoad="alert(1)"></svg>', '<svg viewBox="0 0 1 1"><use xlink:href="javascript:x"></use></svg>',
                    '<svg viewBox="0 0 1 1"><linearGradient gradientUnits="x" href="//evil.test/"></linearGradient></svg>',
                    '<svg viewBox="0 0 1 1" style="x"></svg>', '<div viewBox="1">x</div>'):
        _agree(gate, hostile)
    assert not _verdicts(gate, '<svg viewBox="0 0 1 1" onLoad="alert(1)"></svg>')[0]
