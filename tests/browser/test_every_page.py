"""Every page, in both languages: its language switcher lands on the same page in the other language,
with no console error, no failed request and nothing from another host. (Every page on a 360 px phone,
and both palettes: tests/browser/test_layout.py.)"""

from __future__ import annotations

import pytest

from tests.pages import PAGES

pytestmark = pytest.mark.browser

URLS = [root + path for path, *_ in PAGES for root in ("", "en/")]


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
