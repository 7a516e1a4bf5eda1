"""The end of every article, the unofficial-site notice, facts and feedback, as readers get them, and
how they follow a change to the data."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from tests.changed import RENAMED_EMAIL
from tests.conftest import ROOT
from tests.html import LANGS, file_for, html_files, page_path, read, resolve, url_of

SUPPORT = yaml.safe_load((ROOT / "data" / "support-methods.yml").read_text(encoding="utf-8"))
TOPICS = yaml.safe_load((ROOT / "data" / "topics.yml").read_text(encoding="utf-8"))


def articles(site):
    """Every built page but the home pages, the 404 page and redirects."""
    for file in html_files(site):
        url = url_of(site, file)
        soup = read(site, url if url.endswith(".html") else url)
        if url in ("", "en/") or url.endswith("404.html") or soup.select_one("article") is None:
            continue
        yield url, soup


def test_every_article_ends_with_still_need_help_and_related_links_that_work(site):
    seen = 0
    for url, soup in articles(site):
        seen += 1
        block = soup.select_one("section.hc-next-steps")
        assert block is not None and block.h2 is not None, url
        channels = block.select("a")
        assert channels, f"{url}: no channel link"
        related = soup.select_one("nav.hc-related")
        assert related is not None and related.get("aria-label") and related.h2 is not None, url
        links = related.select("ul > li > a")
        assert 2 <= len(links) <= 4, f"{url}: {len(links)} related articles"
        for link in channels + links:
            target, _ = resolve(url, link["href"])
            assert file_for(site, target).exists(), f"{url}: {link['href']} leads nowhere"
        assert not soup.select("article .admonition.hc-next-steps"), "the block is not an admonition"
    assert seen > 2


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_has_no_next_steps_block(site, lang):
    home = read(site, page_path(lang, ""))
    assert home.select_one(".hc-next-steps") is None and home.select_one(".hc-related") is None


@pytest.mark.parametrize("lang", LANGS)
def test_the_block_recommends_the_channels_the_data_gives_the_pages_folder(site, lang):
    topic = next(t for t in TOPICS["topics"] if t["id"] == "payment")
    block = read(site, page_path(lang, "payment/errors/")).select_one("section.hc-next-steps")
    names = {m["id"]: m["name"][lang] for m in SUPPORT["methods"]}
    assert [li["data-channel"] for li in block.select("li[data-channel]")] == topic["channels"]
    assert block.select_one("a").get_text(strip=True) == names[topic["channels"][0]]
    assert topic["note"][lang] in block.get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_says_the_site_is_not_the_official_help_center(site, lang):
    for file in html_files(site):
        url = url_of(site, file)
        if (url.startswith("en/") != (lang == "en")) or read(site, url).select_one("article") is None:
            continue
        notice = read(site, url).select_one(".hc-unofficial")
        assert notice is not None and notice.get_text(strip=True), url
        korean = any("\uac00" <= c <= "\ud7a3" for c in notice.get_text())
        assert korean == (lang == "ko"), f"{url}: the notice is not in the page's language"


@pytest.mark.parametrize(("lang", "path"), [("ko", "payment/errors/"), ("en", "support/email/")])
def test_no_offers_help_first_and_a_public_report_warns_and_carries_only_page_and_words(site, lang, path):
    box = read(site, page_path(lang, path)).select_one(".hc-feedback")
    panel = box.select_one("details.hc-feedback__no")
    hrefs = [a["href"] for a in panel.select(".hc-feedback__more > ul a")]
    assert hrefs == ["#still-need-help", "#related"]
    report = panel.select_one("details.hc-feedback__report")
    parts = [el for el in report.find_all(True) if el.name in ("p", "textarea", "a")]
    assert "hc-feedback__warning" in parts[0].get("class", []), "the warning comes before anything is sent"
    korean = any("\uac00" <= c <= "\ud7a3" for c in parts[0].get_text())
    assert korean == (lang == "ko")
    query = parse_qs(urlsplit(report.select_one("a[data-hc-feedback-report]")["href"]).query)
    assert query["body"][0].strip().endswith(page_path(lang, path)) and "docs/" not in query["body"][0]
    assert set(query) == {"labels", "title", "body"}


@pytest.fixture(scope="module")
def changed_site(changed):
    """The real project with a fourth channel, payment recommending email only, a product fact shown
    on a page, official_site: true and a channel renamed (tests/changed.py)."""
    return changed.site


@pytest.mark.parametrize(("lang", "words"), [("ko", "네 가지"), ("en", "four")])
def test_the_number_of_channels_in_the_text_follows_the_data(changed_site, lang, words):
    assert words in read(changed_site, page_path(lang, "support/methods/")).select_one("article").get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_changed_recommendation_in_the_data_changes_the_block(changed_site, lang):
    block = read(changed_site, page_path(lang, "payment/errors/")).select_one("section.hc-next-steps")
    assert [li["data-channel"] for li in block.select("li[data-channel]")] == ["email"]


@pytest.mark.parametrize(("lang", "text", "not_official"), [
    ("ko", "예시 사실입니다.", "공식 안내가 아닌"), ("en", "An example fact.", "not an official source")])
def test_a_fact_shown_on_a_page_carries_its_source_date_and_kind(changed_site, lang, text, not_official):
    shown = read(changed_site, page_path(lang, "watch/devices/")).select_one(".hc-fact[data-fact=tv-app]")
    assert shown is not None and text in shown.get_text()
    assert shown.select_one("a")["href"] == "https://example.test/report" and "Example report" in shown.get_text()
    assert shown.select_one("time")["datetime"] == "2026-11-20" and not_official in shown.get_text()


def test_an_official_site_shows_no_unofficial_notice(changed_site):
    assert all(read(changed_site, url_of(changed_site, f)).select_one(".hc-unofficial") is None for f in html_files(changed_site))


def test_editing_the_data_changes_the_built_site_without_touching_a_page(changed_site):
    assert RENAMED_EMAIL in read(changed_site, "en/support/methods/").select_one("table.hc-methods").get_text()
