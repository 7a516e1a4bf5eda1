"""The preview's draft mode: each problem lands on the page it names, in that page's language."""

from __future__ import annotations

from helpcenter import draft

PAGE = '<html><body><div><article class="md-content__inner md-typeset"><h1>T</h1></article></div></body></html>'


def test_problems_are_placed_on_the_page_they_name():
    assert draft.locate("docs/en/support/email.md:12: something [rule]").src == "en/support/email.md"
    assert draft.locate("Doc file 'ko/faq.md' contains a link 'x.md', but ...").src == "ko/faq.md"
    assert draft.locate("data/support-methods.yml:80: invalid YAML").src is None


def test_banner_is_in_the_pages_language_and_escapes_the_message():
    korean = draft.banner(["docs/ko/a.md:3: <b> is wrong"], [], "ko")
    assert "이 페이지에서 고칠 점 1개" in korean and "&lt;b&gt;" in korean and "<b>" not in korean
    english = draft.banner([], ["data/x.yml:1: bad"], "en")
    assert "1 problem(s) to fix across the site" in english and "data/x.yml:1: bad" in english
    assert draft.banner([], [], "ko") == ""


def test_banner_goes_at_the_top_of_the_content_and_replaces_an_earlier_one():
    once = draft.with_banner(PAGE, draft.banner(["first"], [], "en"))
    assert once.index("first") > once.index("<article") and once.index("first") < once.index("<h1>")
    again = draft.with_banner(once, draft.banner(["second"], [], "en"))
    assert "second" in again and "first" not in again
    assert draft.with_banner(again, "") == PAGE


def test_failure_page_names_the_error_in_every_language_and_reloads():
    page = draft.failure_page(["data/support-methods.yml:80: invalid YAML: <x>"], ["ko", "en"])
    assert "사이트를 만들지 못했습니다" in page and "The site could not be built" in page
    assert "data/support-methods.yml:80: invalid YAML: &lt;x&gt;" in page and 'http-equiv="refresh"' in page
