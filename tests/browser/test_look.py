"""What the design promises a reader, as the browser draws it (issue 17), in both languages and
palettes: the home page is an entry page (search first, no article chrome, the site's name as its
title), the logo is named after the site and drawn in the header's colour, every FAQ question is the
same accordion in the brand colour, headings are strong and body text has room to breathe.
test_layout.py checks every page for broken words, overflow, tap targets and contrast."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitebrowser import language_roots

pytestmark = pytest.mark.browser

PHONE, DESKTOP = (360, 740), (1280, 900)
# Shown and laid out, as a reader would see it (checkVisibility: display, visibility, opacity).
SHOWN = "e => e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}) && e.getClientRects().length > 0"
LAYOUT_JS = (Path(__file__).parent / "layout.js").read_text(encoding="utf-8")
ARTICLE_CHROME = "a[rel=edit], .md-content__button, .md-source-file, .hc-last-updated, .hc-feedback, .md-footer__link"


@pytest.fixture
def tab(browser, base_url):
    """tab(path, size, scheme) → a page at that size in that palette, loaded and settled."""
    contexts = []

    def open_(path: str, size: tuple[int, int], scheme: str = "light"):
        context = browser.new_context(viewport={"width": size[0], "height": size[1]}, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        page.evaluate(LAYOUT_JS)  # evaluated, not a script tag: the CSP refuses inline scripts
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_home_page_opens_on_the_search_with_no_article_chrome_and_the_site_name_as_title(tab, site, size):
    for lang, root in language_roots(site).items():
        page = tab(root, size)
        site_name = page.locator("meta[property='og:site_name']").get_attribute("content")
        assert page.title() == site_name, (lang, page.title())
        shown = page.evaluate(f"sel => [...document.querySelectorAll(sel)].filter({SHOWN}).map(e => e.outerHTML.slice(0, 80))",
                              ARTICLE_CHROME)
        assert not shown, (lang, "an entry page shows no edit action, date, feedback or previous/next links", shown)
        # The first thing a reader can act on in the page's content is the search, on the first screen.
        first = page.evaluate(f"sel => [...document.querySelectorAll(sel)].filter({SHOWN})[0]?.matches('label.hc-search[for=__search]')",
                              ".md-content :is(a[href], label, button, summary, input, textarea)")
        assert first, (lang, "the search is not the first control of the home page")
        box = page.locator("label.hc-search").bounding_box()
        assert box["y"] + box["height"] <= size[1], (lang, f"the search ends {box['y'] + box['height']:.0f} px down, below the first screen")
        # Then the topics, the most-asked questions and the contact channels, in that order.
        tops = page.evaluate("""() => ['.hc-search', '.grid.cards', '.hc-top-questions', '.hc-channels']
            .map(sel => document.querySelector('.md-content ' + sel)).filter(Boolean).map(e => e.getBoundingClientRect().top)""")
        assert len(tops) >= 3 and tops == sorted(tops), (lang, tops)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_logo_is_named_after_the_site_and_drawn_in_the_header_colour(tab, site, scheme):
    """The header shows the logo from tablet width up (on a phone it is in the navigation drawer)."""
    for root in language_roots(site).values():
        for path in (root, root + "faq/"):
            page = tab(path, DESKTOP, scheme)
            site_name = page.locator("meta[property='og:site_name']").get_attribute("content")
            logo = page.locator(".md-header .md-logo").get_by_role("img", name=site_name, exact=True)
            assert logo.count() == 1 and logo.is_visible(), (path, scheme, "no logo named after the site in the header")
            assert site_name.strip().lower() != "logo"
            fill, header = logo.evaluate("e => [getComputedStyle(e).fill, getComputedStyle(e.closest('.md-header')).color]")
            assert fill == header, (path, scheme, f"logo drawn in {fill}, header text is {header}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_faq_questions_are_one_accordion_in_the_brand_colour(tab, site, scheme):
    for lang, root in language_roots(site).items():
        page = tab(root + "faq/", DESKTOP, scheme)
        styles = page.evaluate("""() => {
            const probe = document.querySelector('.md-content__inner').appendChild(document.createElement('a'));
            probe.href = '#';
            const brand = getComputedStyle(probe).color;  // the theme's link colour, which the brand sets
            probe.remove();
            const look = d => { const s = getComputedStyle(d), m = getComputedStyle(d.querySelector('summary'), '::before');
                return JSON.stringify([s.borderTopColor, s.borderTopLeftRadius, s.backgroundColor, m.backgroundColor]); };
            const questions = [...document.querySelectorAll('details.question')];
            const closed = new Set(questions.map(look));
            questions.forEach(d => d.open = true);
            const open = new Set(questions.map(look));
            const marker = getComputedStyle(questions[0].querySelector('summary'), '::before').backgroundColor;
            const edge = getComputedStyle(questions[0]).borderTopColor;
            return {count: questions.length, closed: [...closed], open: [...open], brand, marker, edge};
        }""")
        assert styles["count"] > 1, lang
        assert len(styles["closed"]) == 1 and len(styles["open"]) == 1, (lang, scheme, "questions look different", styles)
        # The question's icon and its open edge take the brand colour links have, not a theme colour of their own.
        assert styles["marker"] == styles["brand"] and styles["edge"] == styles["brand"], (lang, scheme, styles)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_headings_are_strong_and_body_text_has_room(tab, site, size):
    for lang, root in language_roots(site).items():
        for path in ("faq/", "support/methods/"):
            page = tab(root + path, size)
            weight, h1_size, body_size, leading = page.evaluate("""() => {
                const h = getComputedStyle(document.querySelector('.md-typeset h1'));
                const p = getComputedStyle(document.querySelector('.md-content__inner > p:not([class])'));
                return [Number(h.fontWeight), parseFloat(h.fontSize), parseFloat(p.fontSize), parseFloat(p.lineHeight) / parseFloat(p.fontSize)];
            }""")
            assert weight >= 700, (lang, path, f"the page title is weight {weight}")
            # Full contrast (AAA), not the theme's light grey title.
            assert not page.evaluate("hcLayout.contrast('.md-typeset h1', 7)"), (lang, path, "the page title is light")
            assert h1_size >= 1.4 * body_size, (lang, path, h1_size, body_size)
            assert body_size >= 15 and leading >= 1.6, (lang, path, f"body text {body_size} px with line height {leading:.2f}")

