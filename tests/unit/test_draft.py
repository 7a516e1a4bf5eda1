"""The preview's draft mode: each problem lands on the page it names, in that page's language."""

from __future__ import annotations

from helpcenter import draft

from tests.paths import ROOT

UI_TEXT = ROOT / "data" / "ui-text.yml"
WORDS = draft.failure_words(UI_TEXT, ["ko", "en"])

PAGE = '<html><body><div><article class="md-content__inner md-typeset"><h1>T</h1></article></div></body></html>'


def test_problems_are_placed_on_the_page_they_name():
    assert draft.locate("docs/en/support/email.md:12: something [rule]").src == "en/support/email.md"
    assert draft.locate("Doc file 'ko/faq.md' contains a link 'x.md', but ...").src == "ko/faq.md"
    assert draft.locate("data/support-methods.yml:80: invalid YAML").src is None


def test_banner_is_in_the_pages_language_and_escapes_the_message():
    korean = draft.banner(["docs/ko/a.md:3: <b> is wrong"], [], WORDS["ko"])
    assert "이 페이지에서 고칠 점 1개" in korean and "&lt;b&gt;" in korean and "<b>" not in korean
    english = draft.banner([], ["data/x.yml:1: bad"], WORDS["en"])
    assert "1 problem(s) to fix across the site" in english and "data/x.yml:1: bad" in english
    assert draft.banner([], [], WORDS["ko"]) == ""


def test_banner_goes_at_the_top_of_the_content_and_replaces_an_earlier_one():
    once = draft.with_banner(PAGE, draft.banner(["first"], [], WORDS["en"]))
    assert once.index("first") > once.index("<article") and once.index("first") < once.index("<h1>")
    again = draft.with_banner(once, draft.banner(["second"], [], WORDS["en"]))
    assert "second" in again and "first" not in again
    assert draft.with_banner(again, "") == PAGE


def test_failure_page_names_the_error_in_every_language_and_reloads():
    page = draft.failure_page(["data/support-methods.yml:80: invalid YAML: <x>"], WORDS)
    assert "사이트를 만들지 못했습니다" in page and "The site could not be built" in page
    assert "data/support-methods.yml:80: invalid YAML: &lt;x&gt;" in page and 'http-equiv="refresh"' in page


def test_the_preview_s_words_come_from_the_interface_text_of_each_configured_language(tmp_path):
    """A third language's words are its block of data/ui-text.yml; without mkdocs.yml's list, every
    language the file has; a file that cannot be read still gives a failure page."""
    ui = tmp_path / "ui-text.yml"
    ui.write_text(UI_TEXT.read_text(encoding="utf-8") + "ja:\n  draft: {page: 'p {count}', site: 's {count}', note: n, failed: 失敗, retry: r}\n",
                  encoding="utf-8")
    assert draft.banner(["x"], [], draft.failure_words(ui, ["ja"])["ja"]).count("p 1") == 1
    assert list(draft.failure_words(ui, [])) == ["ko", "en", "ja"]
    assert '<section lang="ja"><h1>失敗' in draft.failure_page(["m"], draft.failure_words(ui, ["ja", "ko"]))
    ui.write_text("ko: [unclosed\n", encoding="utf-8")
    assert "The site could not be built" in draft.failure_page(["data/ui-text.yml:1: invalid YAML"], draft.failure_words(ui, ["ko"]))
