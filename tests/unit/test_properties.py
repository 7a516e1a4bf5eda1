"""Property tests (Hypothesis): whatever a writer types, the front-matter, marker and FAQ parsers
give a writer's error or a result, never a traceback and never unbounded work, and the output gate
either finds something or the fragment is inert (no script, handler or javascript: URL survives)."""

from __future__ import annotations

import time

import pytest
from helpcenter import faq, frontmatter, markers, search_records
from helpcenter.checks import RULES, Source
from helpcenter.checks import files as file_checks
from helpcenter.errors import ContentError
from helpcenter.gate_policy import CONTENT_POLICY
from helpcenter.output_gate import check_html, url_scheme
from hypothesis import given, settings
from hypothesis import strategies as st
from justhtml import JustHTML

from tests.unit.test_output_gate import new_gate

SCHEMA = {"type": "object", "properties": {"title": {"type": "string"}}, "additionalProperties": False}
PIECES = st.sampled_from(["---", "\n", "title: ", "&a ", "*a", "[", "]", "{", "}", ": ", "- ", "'", '"', "\t", "? ", "1",
                          "<!--", "-->", " hc:", "contact", '="', "<", ">", "`", "<script>", "</summary>", "</details>",
                          '<details class="question">', "<summary>", "onclick=", "javascript:", "&#106;", "가", " "])
TEXT = st.lists(PIECES | st.text(max_size=8), max_size=80).map("".join)
# Not a speed target: a ceiling that only catastrophic (quadratic, exponential) work crosses; the
# cases this suite stands for took minutes, the linear code takes well under a second on 200 KB.
BOUND = 10.0


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    assert time.perf_counter() - start < BOUND
    return result


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_front_matter_gives_problems_never_a_traceback(text):
    problems = timed(frontmatter.check, "docs/ko/x.md", text, SCHEMA, "ko", "ko")
    assert all(p.path == "docs/ko/x.md" and p.line >= 1 for p in problems)
    timed(frontmatter.alias_problems, "docs/ko/x.md", text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_markers_expand_or_say_where(text):
    try:
        timed(markers.expand_markers, text, {"contact": lambda m: "<b>c</b>"}, "docs/ko/x.md")
    except ContentError as error:
        assert str(error).startswith("docs/ko/x.md:")


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_faq_questions_are_found_in_bounded_time_and_become_plain_text_search_records(text):
    marked, questions = timed(faq.mark_questions, text, lambda value, sep: "q")
    page = search_records.PageText("faq/", "ko", "FAQ", marked, tuple(questions))
    records = timed(search_records.records, [page], {"ko": ""})
    assert len(records) == 1 + len(questions)
    # Text, not markup: search.js shows records with textContent, and the build's gate refuses any
    # record whose text would be live if some renderer inserted it as HTML.
    assert all(isinstance(record[field], str) for record in records for field in ("url", "title", "content"))


def _live_nodes(fragment: str) -> list[str]:
    """Script elements, event handlers and non-web URLs in the tree a browser would build (justhtml's
    tree builder: an independent reading from the gate's tokenizer walk)."""
    found, stack = [], [JustHTML(fragment, sanitize=False, fragment=True).root]
    while stack:
        node = stack.pop()
        stack += list(getattr(node, "children", None) or [])
        if template := getattr(node, "template_content", None):
            stack.append(template)
        if node.name in ("script", "iframe", "object", "embed", "base", "style", "form"):
            found.append(node.name)
        for name, value in (getattr(node, "attrs", None) or {}).items():
            if name.startswith("on") or (name in ("href", "src", "action") and url_scheme(value or "") not in (None, "http", "https", "mailto", "tel")):
                found.append(f"{node.name} {name}={value}")
    return found


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_the_gate_passes_only_inert_markup(text):
    findings = timed(new_gate(CONTENT_POLICY).check, text)
    if not findings:
        assert _live_nodes(text) == []


def test_hostile_200kb_inputs_stay_bounded():
    for text in ['<details class="question"><summary>x' * 6000, "<!-- hc:contact " * 12000, "](x" * 66000,
                 "---\n" + "a: &a [x]\n" * 100 + "---\n", "<a " * 66000, "<p onclick=" * 18000]:
        timed(check_html, text, CONTENT_POLICY)
        timed(faq.mark_questions, text, lambda value, sep: "q")
        timed(frontmatter.check, "docs/ko/x.md", text, SCHEMA, "ko", "ko")
        try:
            timed(markers.expand_markers, text, {"contact": lambda m: ""}, "docs/ko/x.md")
        except ContentError:
            pass


# 200 KB pages of what makes a scan retry: runs that open something never closed, long lines,
# deep nesting, digits, arrows. Each rule reads them in bounded time (they took some rules hours).
ADVERSARIAL_UNITS = ["`", "`` ", "``a`", "&#x", "&#", "_a", "*a", "**a", "1", "111,", "1,000", "<", "<!--", "<b>x", "<div>\n\n",
                     "<span ", "[", "[a](", "![", "](", ">", "> ", "- ", "    ", "\t", "a", "word ", "설정 > ", "a>", "->", "›",
                     "7일", "7 days ", "{: ", "{ #a ", ":smile", "++ctrl+", "|a", "\\", "~~~\n", "```\n", "# a\n", "a\n=\n",
                     "<!-- hc:", "8<-", "\u202e", "가", "(c)--> "]
ADVERSARIAL = {repr(unit): "---\ntitle: T\ndescription: D\n---\n\n# T\n\n" + unit * (200_000 // len(unit)) for unit in ADVERSARIAL_UNITS}
ADVERSARIAL["deep list"] = "".join("  " * depth + "- x\n" for depth in range(400))
ADVERSARIAL["mixed"] = "\n\n".join(unit * (4_000 // len(unit)) for unit in ADVERSARIAL_UNITS)


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_every_content_rule_reads_200kb_adversarial_pages_in_bounded_time(text):
    source = Source("docs/ko/x.md", text, "ko")
    for rule in RULES:
        problems = timed(rule.check, source)
        assert all(problem.path == "docs/ko/x.md" and problem.line >= 1 for problem in problems)
    for check in (file_checks.bracket_steps, file_checks.angle_steps, file_checks.inline_steps, file_checks.block_steps):
        timed(check, "docs/ko/x.md", text)


def test_code_spans_are_masked_as_markdown_renders_them():
    def masked(line):
        return Source("x.md", line, "ko").prose[0]

    assert masked("a `<b>` c") == "a       c"
    assert masked("``a`b`` `c`") == "           "  # a longer run holds shorter ones
    assert masked("``a` b") == "     b"  # Python-Markdown opens with one of the two backticks: <code>`a</code>
    assert masked("`` a `") == "      "
    assert masked("a `` b ` c") == "a" + " " * 8 + "c"
    assert masked("`open only") == "`open only"  # never closed: prose
    assert masked("`" * 200_000) == "`" * 200_000  # one run, nothing closes it
