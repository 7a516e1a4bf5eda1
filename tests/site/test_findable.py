"""What search engines, link previews and readers' feedback get from the built pages."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from helpcenter.languages import configured

from tests.changed import PHONE
from tests.conftest import PROJECT
from tests.html import LANGS, page_path, read
from tests.pages import PAGES

SITE = "http://127.0.0.1:8000/"
BOTH = [(lang, path) for path, *_ in PAGES for lang in LANGS]


def json_ld(page) -> dict:
    blocks = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    return {block["@type"]: block for block in blocks}


@pytest.mark.parametrize(("lang", "path"), BOTH, ids=[f"{lang}:/{path}" for lang, path in BOTH])
def test_every_page_has_canonical_alternates_open_graph_and_breadcrumbs(site, lang, path):
    page = read(site, page_path(lang, path))
    assert page.find("link", rel="canonical")["href"] == SITE + page_path(lang, path)
    alternates = {link["hreflang"]: link["href"] for link in page.select("link[hreflang]")}
    assert alternates == {"ko": SITE + path, "en": SITE + "en/" + path, "x-default": SITE + path}
    assert page.find("meta", property="og:title")["content"] and page.find("meta", property="og:url")["content"] == SITE + page_path(lang, path)
    assert page.find("meta", property="og:locale")["content"] == {"ko": "ko_KR", "en": "en_US"}[lang]
    crumbs = json_ld(page)["BreadcrumbList"]["itemListElement"]
    assert crumbs[0]["item"] == SITE + ("" if lang == "ko" else "en/")
    assert crumbs[-1]["item"] == SITE + page_path(lang, path)


@pytest.mark.parametrize("lang", LANGS)
def test_faq_page_structured_data_has_every_question_in_its_language(site, lang):
    page = read(site, page_path(lang, "faq/"))
    questions = [s.get_text(strip=True) for s in page.select("details.question summary")]
    faq = json_ld(page)["FAQPage"]
    assert faq["inLanguage"] == lang and [q["name"] for q in faq["mainEntity"]] == questions
    assert all(q["acceptedAnswer"]["text"] for q in faq["mainEntity"])


def test_organization_contact_points_are_exactly_the_datas_facts(site):
    data = yaml.safe_load((PROJECT / "data" / "support-methods.yml").read_text(encoding="utf-8"))
    for lang in LANGS:
        org = json_ld(read(site, page_path(lang, ""))).get("Organization")
        channels = [p["contactType"] for p in org["contactPoint"]] if org else []
        assert channels == [m["name"][lang] for m in data["methods"] if m["contact"]]  # none without a verified fact


def test_a_verified_fact_becomes_an_organization_contact_point(changed):
    org = json_ld(read(changed.site, "en/"))["Organization"]
    assert org["contactPoint"][0]["telephone"] == PHONE and org["contactPoint"][0]["contactType"] == "Phone support"
    assert org["contactPoint"][0]["availableLanguage"] == [configured(PROJECT / "mkdocs.yml").default]


def test_robots_txt_points_at_the_sitemap(site):
    assert (site / "robots.txt").read_text() == f"User-agent: *\nAllow: /\n\nSitemap: {SITE}sitemap.xml\n"


@pytest.mark.parametrize(("lang", "path"), [("ko", "payment/errors/"), ("en", "support/email/")])
def test_articles_ask_if_they_helped_and_a_report_names_the_page(site, lang, path):
    box = read(site, page_path(lang, path)).select_one(".hc-feedback")
    query = parse_qs(urlsplit(box.select_one("a[data-hc-feedback-report]")["href"]).query)
    assert query["labels"] == ["feedback"]
    assert SITE + page_path(lang, path) in query["body"][0]
    assert box.find("button", attrs={"data-hc-feedback-yes": True})


def test_home_page_does_not_ask_for_feedback(site):
    assert read(site, "").select_one(".hc-feedback") is None and read(site, "en/").select_one(".hc-feedback") is None


def test_no_notice_bar_without_an_active_notice(site):
    assert read(site, "").select_one(".md-banner") is None


def test_active_notice_shows_in_both_languages_with_its_link(changed):
    ko, en = read(changed.site, "support/"), read(changed.site, "en/support/")
    assert "앱을 다시 시작해 보세요" in ko.select_one(".md-banner").get_text()
    # From the site's root, the same on every page (the theme remembers a dismissal by the notice's HTML).
    assert en.select_one(".md-banner a")["href"] == "/en/account/sign-in/"
    assert read(changed.site, "en/support/email/").select_one(".md-banner a")["href"] == "/en/account/sign-in/"
