"""Language alternates, JSON-LD, FAQ text and notices, computed without a build."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from helpcenter.errors import ContentError
from helpcenter.faq import Question, plain_text
from helpcenter.notices import active, link, load_notices, missing_page
from helpcenter.seo import Crumb, alternates, breadcrumb_list, faq_page, organization, script_json
from helpcenter.support_data import Fact, load_support_data

from tests.conftest import ROOT

SITE = "https://help.example/"
DATA = load_support_data(ROOT / "tests/fixtures/support-methods.yml", ROOT / "data/support-methods.schema.json", "d", ["ko", "en"])


def test_alternates_are_absolute_with_x_default_in_the_default_language():
    expected = {"ko": "https://help.example/support/email/", "en": "https://help.example/en/support/email/",
                "x-default": "https://help.example/support/email/"}
    assert alternates("en/support/email/", "en", "ko", ["ko", "en"], SITE) == expected
    assert alternates("support/email/", "ko", "ko", ["ko", "en"], SITE) == expected
    assert alternates("", "ko", "ko", ["ko", "en"], SITE)["en"] == "https://help.example/en/"


def test_breadcrumbs_are_numbered_from_the_home_page():
    items = breadcrumb_list([Crumb("홈", SITE), Crumb("결제", SITE + "payment/")])["itemListElement"]
    assert [(i["position"], i["name"], i["item"]) for i in items] == [(1, "홈", SITE), (2, "결제", SITE + "payment/")]


def test_faq_page_carries_every_question_and_answer():
    data = faq_page([Question("q-a", "비밀번호를 잊었어요", "재설정하세요.")], "ko")
    assert data["@type"] == "FAQPage" and data["inLanguage"] == "ko"
    assert data["mainEntity"] == [{"@type": "Question", "name": "비밀번호를 잊었어요",
                                   "acceptedAnswer": {"@type": "Answer", "text": "재설정하세요."}}]


def test_organization_only_from_verified_facts():
    assert organization(DATA, "ko", "고객지원", SITE, "ko") is None  # the fixture has no contact fact
    phone = dataclasses.replace(DATA.method("phone"), contact=(Fact("phone", "1234-5678", "app", date(2026, 11, 1)),))
    data = dataclasses.replace(DATA, methods=(phone,))
    org = organization(data, "en", "Help", SITE, "ko")
    assert org["contactPoint"] == [{"@type": "ContactPoint", "contactType": "Phone support", "availableLanguage": ["ko"], "telephone": "1234-5678"}]
    # The language the channels answer in is the site's default language, whichever that is.
    assert organization(data, "en", "Help", SITE, "ja")["contactPoint"][0]["availableLanguage"] == ["ja"]


def test_json_ld_cannot_close_its_script_block():
    for name in ("</script><script>alert(1)</script>", "<!--<script>", "</SCRIPT >"):
        text = script_json({"name": name})
        assert "<" not in text and json.loads(text)["name"] == name


def test_answers_read_as_text_with_links_inline():
    assert plain_text("<p>자세한 내용은 <a href='x'>계정</a>을 참고하세요.</p><ul><li>하나</li><li>둘</li></ul>") == "자세한 내용은 계정을 참고하세요. 하나 둘"


NOTICES = [
    {"id": "a", "start": "2026-12-01", "end": "2026-12-07", "ko": "가", "en": "A"},
    {"id": "b", "start": "2026-12-05", "end": "2026-12-06", "ko": "나", "en": "B"},
]


def test_the_latest_started_running_notice_is_shown_and_none_outside_the_dates():
    assert active(NOTICES, date(2026, 12, 2))["id"] == "a"
    assert active(NOTICES, date(2026, 12, 5))["id"] == "b"
    assert active(NOTICES, date(2026, 12, 8)) is None


NOTICE = "notices:\n  - id: app-update\n    start: 2026-11-01\n    end: {end}\n    source: test\n    ko: 가\n    en: A\n    page: {page}\n"


def _notices(tmp_path, end="2026-11-30", page="account/sign-in.md") -> list[dict]:
    (tmp_path / "notices.yml").write_text(NOTICE.format(end=end, page=page), encoding="utf-8")
    return load_notices(tmp_path / "notices.yml", ROOT / "data/notices.schema.json", "data/notices.yml", ["ko", "en"])


def test_a_notice_linking_a_page_that_does_not_exist_names_the_line_and_the_fix(tmp_path):
    (notice,) = _notices(tmp_path, page="account/sign-on.md")
    assert missing_page(notice, "data/notices.yml", "en", lambda page: page == "account/sign-in.md") == [
        "data/notices.yml:8: notices[0] (app-update): page 'account/sign-on.md' does not exist in docs/en/; "
        "fix the path (relative to the language folder, such as account/sign-in.md) or remove `page`"]
    assert missing_page(notice, "data/notices.yml", "en", lambda page: True) == []


def test_a_notice_ending_before_it_starts_names_the_line_of_its_end(tmp_path):
    with pytest.raises(ContentError, match=r"^data/notices\.yml:4: notices\[0\] \(app-update\): end 2026-10-01 is before start 2026-11-01; fix"):
        _notices(tmp_path, end="2026-10-01")


def test_a_notice_links_its_page_from_the_site_root_whatever_the_page_it_is_on():
    assert link("http://127.0.0.1:8000/", "en/account/sign-in/") == "/en/account/sign-in/"
    assert link("https://example.github.io/help/", "account/sign-in/") == "/help/account/sign-in/"
    assert link(None, "account/sign-in/") == "/account/sign-in/"
