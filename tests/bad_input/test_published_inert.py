"""Hostile-looking input that is only text: the strict build publishes it, and what it publishes is
inert, read by a parser of its own (justhtml, not the gate's Lexbor): no handler, no script but the
theme's (each inline one hashed in the CSP), the markup shown as text in pages and search."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from helpcenter.pagefind_index import published_address
from justhtml import JustHTML

from tests.changed import NOTICE_DAY
from tests.conftest import build, copy_project
from tests.html import edit_file

# One pytest-xdist worker runs the module: its site is built once (the `inert_site` fixture) for all its tests.
pytestmark = pytest.mark.xdist_group("inert-site")

SNIPPET = "<textarea rows=\"2\"><img src=x onerror=alert(1)></textarea>\n"
FAQ = "??? question \"`<script>`이 보여요 & 괄호\"\n\n    `<img src=x onerror=alert(1)>`는 글자로만 보입니다.\n\n"
CODE = "```html\n<script>alert(1)</script>\n<a href=\"javascript:alert(1)\">x</a>\n```\n\n"
TEXT = "&lt;img src=x onerror=alert(1)&gt; 글자와 \u200e표시 문자, :material-account:\n\n=== \"`<b>`\"\n\n    탭\n\n"
NOTICE = ("notices:\n  - id: inert\n    start: 2026-11-01\n    end: 2026-11-30\n    source: test\n"
          "    ko: '&#x202E;&lt;b&gt; 공지 \"따옴표\"'\n    en: '&#x202E;&lt;b&gt; notice \"quoted\"'\n")


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("inert")
    project = copy_project(base / "project")
    (project / "snippets" / "ko").mkdir(parents=True, exist_ok=True)
    (project / "snippets" / "ko" / "field.md").write_text(SNIPPET, encoding="utf-8")
    edit_file(project, "docs/ko/faq.md", '??? question "', FAQ + '??? question "', count=1)
    edit_file(project, "docs/ko/support/tips.md", "\n## ", "\n" + CODE + TEXT + '--8<-- "ko/field.md"\n\n## ', count=1)
    edit_file(project, "docs/en/support/tips.md", "title: ", "title: Tom & \"Jerry\" 'tips' ", count=1)
    edit_file(project, "data/notices.yml", "notices: []", NOTICE)
    result = build(project, base / "site", env={"SOURCE_DATE_EPOCH": NOTICE_DAY})
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    return base / "site"


def _elements(path: Path):
    stack: list[Any] = [JustHTML(path.read_text(encoding="utf-8"), sanitize=False).root]
    while stack:
        node = stack.pop()
        if not node.name.startswith("#"):
            yield node
        stack += list(getattr(node, "children", None) or [])
        if getattr(node, "template_content", None) is not None:
            stack.append(node.template_content)


def _text(node) -> str:
    return "".join(child.data or "" for child in node.children or [] if child.name == "#text")


def test_every_published_page_runs_only_the_theme_s_scripts(inert_site):
    csp = (inert_site / "_headers").read_text(encoding="utf-8")
    for page in inert_site.rglob("*.html"):
        for node in _elements(page):
            attrs = dict(node.attrs or {})
            assert not [name for name in attrs if name.lower().startswith("on")], (page, node.name, attrs)
            assert not re.match(r"\s*(javascript|vbscript|data):", attrs.get("href", "") or "", re.I) \
                or attrs["href"] == "javascript:void(0)", (page, attrs)
            if node.name == "script" and "src" in attrs:
                assert re.search(r"assets/javascripts/(bundle\.\w+\.min|site|search|not-found)\.js$", attrs["src"]), (page, attrs)
            elif node.name == "script" and attrs.get("type") not in ("application/json", "application/ld+json"):
                digest = base64.b64encode(hashlib.sha256(_text(node).encode()).digest()).decode()
                assert f"'sha256-{digest}'" in csp, (page, _text(node)[:80])


def test_the_markup_reaches_readers_as_text(inert_site):
    faq, tips = (inert_site / "faq" / "index.html").read_text(encoding="utf-8"), (inert_site / "support" / "tips" / "index.html").read_text(encoding="utf-8")
    assert "<code>&lt;script&gt;</code>이 보여요" in faq
    assert "&lt;img src=x onerror=alert(1)&gt;" in tips and "&amp;#x202E;&amp;lt;b&amp;gt; 공지" in tips
    english = (inert_site / "en" / "support" / "tips" / "index.html").read_text(encoding="utf-8")
    assert "Tom &amp; &quot;Jerry&quot;" in english
    # Published as written, and text all the same: a textarea's content is never markup.
    fields = [node for node in _elements(inert_site / "support" / "tips" / "index.html") if node.name == "textarea"]
    assert any([child.name for child in field.children] == ["#text"] and "<img src=x onerror" in _text(field) for field in fields)


def test_search_holds_the_question_as_text_and_the_browser_inserts_only_text(inert_site):
    fragments = [gzip.decompress(path.read_bytes()) for path in (inert_site / "pagefind" / "fragment").glob("*.pf_fragment")]
    records = [json.loads(data[data.index(b"{"):]) for data in fragments]
    titles = [record["meta"].get("title") or record["meta"]["question"] for record in records]
    assert any("<script>" in title for title in titles), titles[:5]
    assert all(not re.match(r"[a-z]+:", published_address(record), re.I) for record in records)
    vocabulary = json.loads((inert_site / "pagefind" / "hc-vocabulary.json").read_text(encoding="utf-8"))
    assert vocabulary
    root = Path(__file__).parents[2] / "docs" / "assets" / "javascripts"
    for script in [root / "search.js", *root.glob("search/*.js")]:
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment",
                             script.read_text(encoding="utf-8")), script
