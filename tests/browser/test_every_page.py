"""Every page, in both languages, as a reader on a phone gets it: it loads with no console error,
no failed request and nothing from another host, fits a 360 px screen, and renders in both palettes."""

from __future__ import annotations

import pytest

from tests.pages import PAGES

pytestmark = pytest.mark.browser

URLS = [root + path for path, *_ in PAGES for root in ("", "en/")]


@pytest.mark.parametrize("url", URLS)
def test_page_works_on_a_phone(page, base_url, url):
    page.set_viewport_size({"width": 360, "height": 740})
    response = page.goto(base_url + url)
    assert response.ok
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page scrolls sideways"
    assert not page.problems, page.problems


@pytest.mark.parametrize("url", ["", "en/support/methods/", "faq/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_both_palettes_render(browser, base_url, url, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + url)
    palette = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    assert palette == ("slate" if scheme == "dark" else "default")
    assert (background == "rgb(255, 255, 255)") == (scheme == "light")


@pytest.mark.parametrize("url", URLS)
def test_language_switcher_lands_on_the_same_page_in_the_other_language(page, base_url, url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base_url + url)
    # Leaving before the search worker has fetched its scripts aborts them: a race on a busy
    # machine, not something a reader sees.
    page.wait_for_load_state("networkidle")
    other, target = ("ko", url.removeprefix("en/")) if url.startswith("en/") else ("en", "en/" + url)
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a.md-select__link[hreflang={other}]").click()
    page.wait_for_url(base_url + target)
    assert page.evaluate("document.documentElement.lang") == other
    assert not page.problems, page.problems
