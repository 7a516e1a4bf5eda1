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


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        ("ko", "쿠팡 앱의 마이쿠팡 > 결제수단 관리에서 바꿉니다.\n", "docs/ko/x.md:8: menu path '마이쿠팡 > 결제수단'"),
        ("ko", "설정 › 계정 › 결제 순서로 누르세요.\n", "menu path '설정 › 계정 › 결제'"),
        ("en", "Open Settings > Payment methods.\n", "menu path 'Settings > Payment'"),
        ("en", "Tap Account → Membership.\n", "menu path 'Account → Membership.'"),
        ("ko", "요금은 월 7,890원입니다.\n", "amount '7,890원'"),
        ("ko", "₩4,990에 이용할 수 있습니다.\n", "amount '₩4,990'"),
        ("en", "It costs 7,890 KRW a month.\n", "amount '7,890 KRW'"),
        ("ko", "결제 후 7일 이내에 해지하면 환불됩니다.\n", "duration or deadline '7일 이내'"),
        ("ko", "24시간 상담할 수 있습니다.\n", "duration or deadline '24시간'"),
        ("ko", "해지 뒤 한 달 동안 볼 수 있습니다.\n", "duration or deadline '한 달 동안'"),
        ("en", "Refunds are possible within 7 days.\n", "duration or deadline '7 days'"),
        ("en", "Replies take three business days.\n", "duration or deadline 'three business days'"),
        ("ko", "| 항목 | 값 |\n|---|---|\n| 요금 | 월 7,890원 |\n", "docs/ko/x.md:10: amount"),
    ],
)
def test_fact_shaped_statements_are_named_with_their_line_and_how_to_move_them(lang, body, expected):
    found = [p for p in problems(body, lang) if "[fact-statements]" in p]
    assert any(expected in p for p in found), found
    assert all("data/facts.yml" in p and "<!-- hc:fact ID -->" in p for p in found)


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        ("ko", "어제 저녁 9시쯤부터 1~2단계를 해 봤고, 11월 24일에 문의했습니다. 몇 분 기다려 보세요.\n"),
        ("ko", "원인을 찾으려면 2원인을 모두 보세요. 화면 안내를 따르세요.\n"),
        ("ko", "<!-- hc:fact payment-menu --> 그리고 <span>글</span>\n"),
        ("ko", "> 인용한 문장입니다.\n"),
        ("en", "Wait a few minutes, then try again. Step 3 of 5.\n"),
        ("ko", "```text\n설정 > 결제 7,900원 7일 이내\n```\n"),
        ("ko", "`설정 > 결제`는 예시입니다.\n"),
    ],
)
def test_ordinary_prose_and_markers_are_not_fact_shaped(lang, body):
    assert not [p for p in problems(body, lang) if "[fact-statements]" in p]


@pytest.mark.parametrize(
    ("lang", "body", "expected"),
    [
        ("ko", "고객지원은 세 가지 창구로 이용할 수 있습니다.\n", "'세 가지 창구'"),
        ("ko", "문의 방법은 3가지 고객지원 채널이 있습니다.\n", "'3가지 고객지원 채널'"),
        ("ko", "두 가지 문의 방법이 있습니다.\n", "'두 가지 문의 방법'"),
        ("en", "You can reach support through three channels.\n", "'three channels'"),
        ("en", "There are three ways: the help center, email and phone.\n", "'three ways'"),
        ("en", "Reach customer support in four ways.\n", "'in four ways'"),
    ],
)
def test_a_hand_written_channel_count_points_to_the_marker(lang, body, expected):
    found = [p for p in problems(body, lang) if "[channel-count]" in p]
    assert any(expected in p and "<!-- hc:channel-count -->" in p for p in found), found


def test_other_counts_and_the_marker_are_not_channel_counts():
    assert not [p for p in problems("세 가지 역할을 합니다. 세 가지를 기억하세요. <!-- hc:channel-count --> 창구로 문의하세요.\n")
                if "[channel-count]" in p]


def test_every_rule_says_what_it_is_for():
    from helpcenter.checks import RULES
    for rule in RULES:
        assert rule.NAME and (rule.__doc__ or "").strip(), rule.__name__
