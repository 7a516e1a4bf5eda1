"""The feedback question and the notice bar, used as a reader uses them."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect
from sitebrowser import serve

from tests.browser.conftest import browsers_own

pytestmark = pytest.mark.browser


def test_yes_thanks_the_reader_without_sending_anything(tab, base_url):
    page = tab
    page.goto(base_url + "en/payment/errors/")
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda r: browsers_own(r.url) or requests.append(r.url))  # not the page sending anything
    page.locator("[data-hc-feedback-yes]").click()
    expect(page.locator(".hc-feedback__thanks")).to_be_visible()
    assert requests == []


def test_no_offers_help_first_then_a_warned_report_with_only_the_page_and_the_readers_words(tab, base_url):
    page = tab
    page.goto(base_url + "payment/errors/")
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda r: browsers_own(r.url) or requests.append(r.url))
    page.locator("[data-hc-feedback-no]").click()
    more = page.locator(".hc-feedback__more")
    expect(more.locator('a[href="#still-need-help"]')).to_be_visible()
    expect(more.locator('a[href="#related"]')).to_be_visible()
    report = page.locator("[data-hc-feedback-report]")
    expect(report).to_be_hidden()  # nothing public until the reader asks for it
    page.locator(".hc-feedback__report > summary").click()
    expect(page.locator(".hc-feedback__warning")).to_be_visible()
    expect(page.locator(".hc-feedback__warning")).to_contain_text("GitHub")
    page.locator("[data-hc-feedback-words]").fill("해지 방법을 찾고 있었어요")
    body = parse_qs(urlsplit(report.get_attribute("href")).query)["body"][0]
    assert body.endswith("해지 방법을 찾고 있었어요") and "payment/errors/" in body and "docs/" not in body
    assert body.count("payment/errors/") == 1, "typing again replaces the words, it does not repeat the page"
    page.locator("[data-hc-feedback-words]").fill("다른 말")
    assert parse_qs(urlsplit(report.get_attribute("href")).query)["body"][0].endswith("\n\n다른 말")
    assert requests == []


def test_notice_can_be_dismissed_and_stays_dismissed_on_every_page(browser, changed):
    """tests/changed.py's notice, which links a page: once dismissed, it stays hidden on pages at
    every folder depth (the theme remembers a dismissal by the notice's HTML, link included)."""
    with serve(changed.site) as base:
        page = browser.new_page()
        page.goto(base + "en/")
        banner = page.locator(".md-banner")
        expect(banner).to_contain_text("Restart the app")
        expect(banner.locator("a")).to_have_count(1)
        banner.locator("button").click()
        expect(banner).to_be_hidden()
        for path in ("en/faq/", "en/support/email/", "en/"):
            page.goto(base + path)
            expect(page.locator(".md-banner")).to_be_hidden()
        page.close()
