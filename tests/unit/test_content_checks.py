"""Each content rule catches what it is for, says where and how to fix it, and passes the real pages."""

from __future__ import annotations

import pytest
from helpcenter import frontmatter, translations
from helpcenter.checks import Source, run_rules
from helpcenter.datafile import load_schema

from tests.conftest import ROOT

SCHEMA = load_schema(ROOT / "data" / "front-matter.schema.json")
HEAD = "---\ntitle: 결제 오류 해결\ndescription: 결제가 안 될 때 결제 수단과 카드 정보를 먼저 확인하는 방법을 안내합니다.\n---\n\n# 결제 오류 해결\n\n"
AVOID = {"ko": {"캡쳐": "화면 캡처"}, "en": {"log in": "sign in"}}


def problems(body: str, lang: str = "ko") -> list[str]:
    return [str(p) for p in run_rules(Source("docs/ko/x.md", HEAD + body, lang), avoid=AVOID)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<script>alert(1)</script>\n", "docs/ko/x.md:8: raw <script> in a page"),
        ('<iframe src="https://evil.test"></iframe>\n', "docs/ko/x.md:8: embedded <iframe>"),
        ('<a href="#" onclick="steal()">x</a>\n', "inline event handler 'onclick='"),
        ("[click](javascript:alert(1))\n", "'javascript:' URL"),
        ('<a href="JavaScript:alert(1)">x</a>\n', "'JavaScript:' URL"),
        ("![](shot.png)\n", "image without alt text"),
        ('<img src="shot.png">\n', "<img> without alt text"),
        ("#### 너무 깊은 제목\n", "heading level 4 after level 1 skips a level: use ##"),
        ("# 두 번째 제목\n", "a second '# ' title"),
        ("고객센터 1588-1234로 전화하세요.\n", "phone number '1588-1234' in a page"),
        ("02-123-4567\n", "phone number '02-123-4567'"),
        ("help@example.com 으로 보내세요.\n", "email address 'help@example.com' in a page"),
        ("화면을 캡쳐해서 보내세요.\n", "'캡쳐': our term is '화면 캡처'"),
    ],
)
def test_rule_reports_file_line_and_fix(body, expected):
    found = problems(body)
    assert any(expected in p for p in found), found


def test_code_is_not_content():
    body = "```html\n<script>x</script>\n1588-1234 help@example.com\n```\n\n`<iframe>` 예시\n"
    assert problems(body) == []


def test_english_glossary_matches_whole_words_only():
    assert problems("Please log in again.\n", "en") and not problems("Check the login screen.\n", "en")


def test_card_number_placeholder_is_not_a_phone_number():
    assert problems("카드 번호(0000-0000-0000-0000)는 보내지 마세요.\n") == []


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("title: T\n", "description is missing from the front matter"),
        ("title: 결제\ndescription: TODO 이 페이지에서 독자가 얻는 것을 한 문장으로 쓰세요\n", "description 'TODO"),
        ("title: 결제\ndescription: " + "가" * 161 + "\n", "description is 161 characters, at most 160"),
        ("title: 결제\ndescripton: 결제가 안 될 때 확인할 내용을 정리했습니다.\n", "unknown front matter key 'descripton'"),
        ("title: [결제\n", "front matter is not valid YAML"),
    ],
)
def test_bad_front_matter_is_named_with_its_line(front, expected):
    found = [str(p) for p in frontmatter.check("docs/ko/x.md", f"---\n{front}---\n\n# x\n", SCHEMA, "ko", "ko")]
    assert any(expected in p and p.startswith("docs/ko/x.md:") for p in found), found


def test_translation_must_record_its_source_revision():
    text = "---\ntitle: Payment\ndescription: What to check first when a payment fails, then who to contact.\n---\n"
    assert "source_revision is missing" in str(frontmatter.check("docs/en/x.md", text, SCHEMA, "en", "ko")[0])


def test_missing_translation_is_reported_for_the_page_that_lacks_it():
    found = [str(p) for p in translations.missing({"ko": ["a.md", "b.md"], "en": ["a.md"]}, "ko")]
    assert found == ["docs/ko/b.md:1: no en version (docs/en/b.md); scripts/new-page creates both [translation]"]


def test_stale_means_the_source_changed_since_the_recorded_revision():
    recorded = translations.revision("원문")
    assert not translations.is_stale(recorded, translations.revision("원문")) and translations.is_stale(recorded, translations.revision("고친 원문"))


def test_every_real_page_passes_every_rule():
    found = []
    for path in sorted((ROOT / "docs").glob("*/**/*.md")):
        lang = path.relative_to(ROOT / "docs").parts[0]
        rel = f"docs/{path.relative_to(ROOT / 'docs').as_posix()}"
        text = path.read_text(encoding="utf-8")
        found += run_rules(Source(rel, text, lang), avoid=AVOID) + frontmatter.check(rel, text, SCHEMA, lang, "ko")
    assert not found, "\n".join(map(str, found))


def test_an_unclosed_quote_in_front_matter_is_reported_where_it_opens():
    text = '---\ntitle: "Unclosed\ndescription: A description that is long enough to pass.\n---\n\n# T\n'
    (problem,) = frontmatter.check("docs/en/x.md", text, SCHEMA, "ko", "ko")
    assert problem.line == 2 and "quoted scalar starts here and is never closed" in problem.message


def test_a_new_pages_translation_is_not_outdated_but_must_be_marked_translated():
    text = "---\ntitle: New page\ndescription: A description that is long enough to pass.\nsource_revision: new\n---\n\n# New page\n"
    (problem,) = frontmatter.check("docs/en/x.md", text, SCHEMA, "en", "ko")
    assert problem.line == 4 and "run scripts/mark-translated docs/en/x.md" in problem.message
    assert not translations.is_stale("new", "0123456789ab")
