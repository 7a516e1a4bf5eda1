"""The feedback question and the notice bar, used as a reader uses them."""

from __future__ import annotations


import pytest
from playwright.sync_api import expect
from sitebrowser import serve

from tests.conftest import build, copy_project
from tests.html import edit_file

pytestmark = pytest.mark.browser


def test_yes_thanks_the_reader_without_sending_anything(page, base_url):
    page.goto(base_url + "en/payment/errors/")
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.locator("[data-hc-feedback-yes]").click()
    expect(page.locator(".hc-feedback__thanks")).to_be_visible()
    assert requests == []


def test_notice_can_be_dismissed_and_stays_dismissed(browser, tmp_path):
    project = copy_project(tmp_path / "project")
    edit_file(project, "data/notices.yml", "notices: []", (
        "notices:\n  - id: app-update\n    start: 2026-11-01\n    end: 2026-11-30\n    source: test\n"
        "    ko: 앱 업데이트 후 로그인이 안 되면 앱을 다시 시작해 보세요.\n    en: Restart the app if you cannot sign in after the update.\n"))
    build(project, tmp_path / "site", check=True, env={"SOURCE_DATE_EPOCH": "1795478400"})  # 2026-11-24
    with serve(tmp_path / "site") as base:
        page = browser.new_page()
        page.goto(base + "en/")
        banner = page.locator(".md-banner")
        expect(banner).to_contain_text("Restart the app")
        banner.locator("button").click()
        expect(banner).to_be_hidden()
        page.goto(base + "en/faq/")
        expect(page.locator(".md-banner")).to_be_hidden()
        page.close()
