"""The real site, built strictly into a temp dir: every page, both languages, no broken link."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import PROJECT
from tests.html import LANGS, file_for, html_files, page_path, read, resolve, url_of
from tests.pages import PAGES, nav_files


def support_methods() -> dict:
    return yaml.safe_load((PROJECT / "data" / "support-methods.yml").read_text(encoding="utf-8"))


BOTH = [(lang, path, titles[LANGS.index(lang)]) for path, *titles in PAGES for lang in LANGS]


def test_strict_build_prints_no_warning(real_build):
    assert not re.search(r"^WARNING", real_build.log, re.M), real_build.log


@pytest.mark.parametrize(("lang", "path", "title"), BOTH, ids=[f"{lang}:/{path}" for lang, path, _ in BOTH])
def test_every_page_exists_in_both_languages_with_its_lang_and_title(site, lang, path, title):
    page = read(site, page_path(lang, path))
    assert page.html["lang"] == lang
    assert page.title.get_text().startswith(title)
    if path:  # the home page's heading asks "how can we help?" instead of repeating the title
        assert page.find("h1").get_text(strip=True).rstrip("¶") == title


@pytest.mark.parametrize(("lang", "path", "title"), BOTH, ids=[f"{lang}:/{path}" for lang, path, _ in BOTH])
def test_every_page_has_its_own_short_meta_description(site, lang, path, title):
    description = read(site, page_path(lang, path)).find("meta", attrs={"name": "description"})["content"]
    assert 20 <= len(description) <= 160 and not description.startswith("TODO")
    others = {read(site, page_path(lang, p)).find("meta", attrs={"name": "description"})["content"] for p, *_ in PAGES if p != path}
    assert description not in others


@pytest.mark.parametrize(("lang", "path", "title"), BOTH, ids=[f"{lang}:/{path}" for lang, path, _ in BOTH])
def test_language_switcher_points_at_the_same_page_in_the_other_language(site, lang, path, title):
    here = page_path(lang, path)
    switcher = {a["hreflang"]: a["href"] for a in read(site, here).select("a.md-select__link[hreflang]")}
    assert set(switcher) == set(LANGS)
    for other in LANGS:
        assert resolve(here, switcher[other])[0] == page_path(other, path)


def _internal_links(site: Path):
    for file in html_files(site):
        page = url_of(site, file)
        for tag in read(site, file.relative_to(site).as_posix()).select("a[href], link[href], script[src], img[src]"):
            href = str(tag.get("href") or tag.get("src") or "")
            if urlsplit(href).scheme or href.startswith("//"):
                continue
            yield page, href


def test_no_internal_link_is_broken(site):
    broken = []
    for page, href in _internal_links(site):
        target, fragment = resolve(page, href)
        file = file_for(site, target)
        if not file.is_file():
            broken.append(f"/{page}: {href} -> missing /{target}")
        elif fragment and file.suffix == ".html" and not read(site, file.relative_to(site).as_posix()).find(id=fragment):
            broken.append(f"/{page}: {href} -> no #{fragment}")
    assert not broken, "\n".join(broken)


def test_no_page_loads_anything_from_another_host(site):
    loads = []
    for file in html_files(site):
        page = read(site, file.relative_to(site).as_posix())
        for tag in page.select("script[src], link[href]:not([rel=canonical]):not([rel=alternate]), img[src], iframe"):
            url = tag.get("src") or tag.get("href") or ""
            if urlsplit(url).scheme in ("http", "https") and not url.startswith("http://127.0.0.1:8000/"):
                loads.append(f"{url_of(site, file)}: {url}")
    assert not loads, "\n".join(loads)
    css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_korean_headings_get_readable_hangul_anchors(site):
    generated = [h["id"] for file in html_files(site) for h in read(site, file.relative_to(site).as_posix()).select(".md-typeset h2[id], .md-typeset h3[id]")]
    assert any(re.search(r"[가-힣]", i) for i in generated)
    assert not [i for i in generated if re.fullmatch(r"_\d+", i)]


@pytest.mark.parametrize(("url", "lang", "heading"), [("404.html", "ko", "페이지를 찾을 수 없습니다"), ("en/404.html", "en", "Page not found")])
def test_404_page_is_in_the_readers_language(site, url, lang, heading):
    page = read(site, url)
    assert page.html["lang"] == lang and page.find("h1").get_text(strip=True) == heading


@pytest.mark.parametrize("lang", LANGS)
def test_edit_link_opens_the_pages_own_source_file(site, lang):
    for file, (path, *_) in zip(nav_files(PROJECT / "mkdocs.yml"), PAGES):
        edit = read(site, page_path(lang, path)).find("a", rel="edit")
        assert edit is None or edit["href"].endswith(f"/edit/main/docs/{lang}/{file}")
    assert any(read(site, page_path(lang, path)).find("a", rel="edit") for path, *_ in PAGES)


@pytest.mark.parametrize("lang", LANGS)
def test_faq_questions_are_collapsible_with_an_answer_under_topic_headings(site, lang):
    faq = read(site, page_path(lang, "faq/"))
    questions = faq.select("details.question")
    assert questions
    assert all(q.summary.get_text(strip=True) and q.get_text(strip=True) != q.summary.get_text(strip=True) for q in questions)
    assert all(q.find_previous("h2") for q in questions)


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_is_search_topics_questions_and_channels_without_article_chrome(site, lang):
    home = read(site, page_path(lang, ""))
    content = home.select_one(".md-content")
    first = content.select_one(".hc-home > *")
    assert first.select_one('label.hc-search[for="__search"]'), "the search comes first"
    assert len(content.select(".grid.cards li a")) >= 3
    assert len(content.select(".hc-top-questions li a")) >= 3
    channels = {li["data-channel"]: li.a["href"].split("/")[-2] for li in content.select(".hc-channels > li")}
    assert channels and all(channel == page for channel, page in channels.items())
    # No edit action, last-updated date, feedback or previous/next links: an entry page, not an article.
    assert not content.select('a[rel="edit"], .hc-last-updated, .hc-feedback, .md-source-file')
    assert all(nav.has_attr("hidden") for nav in home.select(".md-footer__inner"))
    assert home.title.get_text() == home.find("meta", property="og:site_name")["content"]


@pytest.mark.parametrize("lang", LANGS)
def test_logo_is_inline_svg_named_after_the_site(site, lang):
    home = read(site, page_path(lang, ""))
    assert home.find("link", rel="icon")["href"].endswith("assets/favicon.svg")
    logo = home.select_one(".md-header .md-logo svg")
    assert not home.select(".md-logo img"), "an <img> cannot take the header's colour"
    assert logo["role"] == "img" and logo["aria-label"] == home.find("meta", property="og:site_name")["content"]


def test_sitemap_lists_every_page_in_both_languages_with_its_alternates(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path, *_ in PAGES:
        for lang in LANGS:
            assert f"<loc>http://127.0.0.1:8000/{page_path(lang, path)}</loc>" in sitemap
    assert sitemap.count('hreflang="en"') == sitemap.count("<url>")


def test_hreflang_links_do_not_match_the_selector_that_makes_the_theme_fetch_sitemaps(site):
    # Material fetches sitemap.xml beside every link[rel=alternate] (exact value); ours read " alternate".
    for path, *_ in PAGES:
        html = (site / path / "index.html").read_text(encoding="utf-8")
        assert 'rel="alternate"' not in html and html.count('rel=" alternate"') == len(LANGS) + 1  # + x-default
