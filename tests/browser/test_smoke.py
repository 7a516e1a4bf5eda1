"""A reader's first minute: open the home page and search, in real headless Chromium, under the published
security policy (switching language: tests/browser/test_layout.py, on every page)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sitebrowser import wait_for_results

pytestmark = pytest.mark.browser

# Well-spaced queries: single Korean words find nothing with the theme's own search (issue 4).
CASES = [
    ("", "ko", "비밀번호 재설정", "account/password-reset/"),
    ("en/", "en", "payment failed", "en/payment/errors/"),
]


@pytest.mark.parametrize(("home", "lang", "query", "expected"), CASES, ids=["ko", "en"])
def test_reader_searches_from_the_home_page_and_gets_a_matching_page(tab, base_url, home, lang, query, expected):
    page = tab
    page.goto(base_url + home)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.locator("label.hc-search").click()
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    page.keyboard.type(query)
    # Typing shows results for each half-typed prefix first; read those for the whole query.
    wait_for_results(page, query)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result mark").first).to_be_visible()  # the query is highlighted
    pages = list(dict.fromkeys(href.split("?")[0].removeprefix(base_url) for href in (a.get_attribute("href") for a in results.all())))
    assert expected in pages[:3], pages
    assert not page.problems, page.problems


def test_search_box_opens_from_the_keyboard(tab, base_url):
    page = tab
    page.goto(base_url)
    page.locator("label.hc-search").focus()
    page.keyboard.press("Enter")
    expect(page.locator("input.md-search__input")).to_be_focused()


@pytest.mark.parametrize("path", ["", "en/", "support/methods/", "en/faq/", "faq/", "contact/"])
def test_pages_run_under_the_published_security_policy_without_violations(tab, base_url, path):
    page = tab
    response = page.goto(base_url + path)
    # 'wasm-unsafe-eval' only for the search engine's WebAssembly: no 'unsafe-eval', no 'unsafe-inline'.
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in response.headers["content-security-policy"]
    page.locator("input.md-search__input").fill("결제 payment")  # the search engine runs under the policy too
    page.locator(".md-search-result__item, .hc-search-empty").first.wait_for()
    page.locator("label[for=__palette_1], label[for=__palette_2]").first.click(force=True)
    assert page.evaluate("window.__csp") == []
    assert not page.problems, page.problems


def test_palette_switch_changes_the_colours_and_the_next_page_opens_in_the_chosen_one(page, base_url):
    # The switch shows one button, the next palette's; each press moves on (auto → light → dark → auto).
    page.emulate_media(color_scheme="light")
    page.goto(base_url + "faq/")
    switch = page.locator("[data-hc-palette] label:not([hidden])")
    expect(switch).to_have_count(1)
    background = "getComputedStyle(document.querySelector('[data-md-component=header]')).backgroundColor"
    light = page.evaluate(background)
    switch.click()  # auto → light: the same colours on a light system
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    page.locator("[data-hc-palette] label:not([hidden])").click()  # → dark
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.wait_for_function(f"{background} !== {light!r}")
    # The browser's address bar takes the header's colour.
    expect(page.locator("meta[name=theme-color]")).to_have_attribute("content", "#" + "".join(
        f"{int(v):02x}" for v in page.evaluate(background).removeprefix("rgb(").removesuffix(")").split(", ")[:3]))
    page.goto(base_url + "en/")  # another page, the other language: still dark, from its first paint
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    # From the keyboard: Enter on the focused switch moves to the next palette (dark → automatic, light here).
    page.locator("[data-hc-palette] input:checked, #__palette_2").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "default")
    assert not page.problems, page.problems
