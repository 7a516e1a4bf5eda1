"""What the design promises a reader, as the browser draws it (issue 17), on the pages that show
most of it (the home page, the FAQ, the support channels), in both languages, on a phone and a
desktop, in both palettes: text, logo and controls readable; the home page is an entry page (search
first, no article chrome, the site's name as its title); the logo is named after the site and drawn
in the header's colour; every FAQ question is the same accordion in the brand colour; headings are
strong and body text has room to breathe. Each page is loaded once per size and palette, and every
check below reads that one load. test_layout.py checks every page for broken words, overflow and
tap targets."""

from __future__ import annotations

import pytest
from sitebrowser import language_roots

pytestmark = pytest.mark.browser

PHONE, DESKTOP = (360, 740), (1280, 900)
PATHS = ("", "faq/", "support/methods/")
# Shown and laid out, as a reader would see it (checkVisibility: display, visibility, opacity).
SHOWN = "e => e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}) && e.getClientRects().length > 0"
ARTICLE_CHROME = "a[rel=edit], .md-content__button, .md-source-file, .hc-last-updated, .hc-feedback, .md-footer__link"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_key_pages_keep_the_design_s_promises_and_stay_readable_in_both_palettes(screen, site, scheme, size):
    problems = {}
    for root in language_roots(site).values():
        for path in PATHS:
            page = screen(root + path, size, scheme)
            found = palette_shown(page, scheme)
            if path == "faq/":
                found += faq_questions_are_one_accordion(page)  # first: it needs them closed
            if path == "":
                found += home_page_is_an_entry_page(page, size)
            else:
                found += headings_are_strong_and_body_text_has_room(page)
            if size == DESKTOP:  # on a phone the logo is in the navigation drawer
                found += logo_is_named_after_the_site_in_the_header_colour(page)
            found += readable(page)
            if found:
                problems[f"/{root}{path} {scheme}"] = found[:5]
    assert not problems, problems


def palette_shown(page, scheme: str) -> list[str]:
    """The palette the reader's system asks for is the one shown: Material's slate is dark, default white."""
    palette, background = page.evaluate("[document.body.getAttribute('data-md-color-scheme'), "
                                        "getComputedStyle(document.body).backgroundColor]")
    found = [f"palette {palette!r} shown"] if palette != ("slate" if scheme == "dark" else "default") else []
    return found + ([f"background {background}"] if (background == "rgb(255, 255, 255)") != (scheme == "light") else [])


def readable(page) -> list[str]:
    """Text, logo and controls against their background, every FAQ answer open."""
    page.evaluate("document.querySelectorAll('details.question').forEach(d => d.open = true)")
    return page.evaluate("""() => [
        ...hcLayout.contrast('.md-header__button.md-logo svg', 3),
        ...hcLayout.contrast('.md-header__topic .md-ellipsis, .md-typeset h1, .md-typeset h2, .md-typeset p, '
          + '.md-typeset a, .md-typeset summary, .md-typeset td, .md-typeset th, .hc-search, .md-tabs__link', 4.5),
    ]""")


def home_page_is_an_entry_page(page, size: tuple[int, int]) -> list[str]:
    found = []
    site_name = page.locator("meta[property='og:site_name']").get_attribute("content")
    if page.title() != site_name:
        found.append(f"the home page's title is {page.title()!r}, not the site's name")
    shown = page.evaluate(f"sel => [...document.querySelectorAll(sel)].filter({SHOWN}).map(e => e.outerHTML.slice(0, 80))",
                          ARTICLE_CHROME)
    if shown:
        found.append(f"an entry page shows no edit action, date, feedback or previous/next links: {shown}")
    # The first thing a reader can act on in the page's content is the search, on the first screen.
    first = page.evaluate(f"sel => [...document.querySelectorAll(sel)].filter({SHOWN})[0]?.matches('label.hc-search[for=__search]')",
                          ".md-content :is(a[href], label, button, summary, input, textarea)")
    if not first:
        found.append("the search is not the first control of the home page")
    box = page.locator("label.hc-search").bounding_box()
    if box is None:
        found.append("the search is not shown")
    elif box["y"] + box["height"] > size[1]:
        found.append(f"the search ends {box['y'] + box['height']:.0f} px down, below the first screen")
    # Then the topics, the most-asked questions and the contact channels, in that order.
    tops = page.evaluate("""() => ['.hc-search', '.grid.cards', '.hc-top-questions', '.hc-channels']
        .map(sel => document.querySelector('.md-content ' + sel)).filter(Boolean).map(e => e.getBoundingClientRect().top)""")
    if len(tops) < 3 or tops != sorted(tops):
        found.append(f"search, topics, questions and channels are not in that order: {tops}")
    return found


def logo_is_named_after_the_site_in_the_header_colour(page) -> list[str]:
    """The header shows the logo from tablet width up."""
    site_name = page.locator("meta[property='og:site_name']").get_attribute("content")
    logo = page.locator(".md-header .md-logo").get_by_role("img", name=site_name, exact=True)
    if site_name.strip().lower() == "logo" or logo.count() != 1 or not logo.is_visible():
        return ["no logo named after the site in the header"]
    fill, header = logo.evaluate("e => [getComputedStyle(e).fill, getComputedStyle(e.closest('.md-header')).color]")
    return [f"logo drawn in {fill}, header text is {header}"] if fill != header else []


def faq_questions_are_one_accordion(page) -> list[str]:
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
    if styles["count"] <= 1:
        return [f"{styles['count']} FAQ question(s)"]
    found = [] if len(styles["closed"]) == 1 and len(styles["open"]) == 1 else [f"questions look different: {styles}"]
    # The question's icon and its open edge take the brand colour links have, not a theme colour of their own.
    if styles["marker"] != styles["brand"] or styles["edge"] != styles["brand"]:
        found.append(f"the questions are not in the brand colour: {styles}")
    return found


def headings_are_strong_and_body_text_has_room(page) -> list[str]:
    weight, h1_size, body_size, leading = page.evaluate("""() => {
        const h = getComputedStyle(document.querySelector('.md-typeset h1'));
        const p = getComputedStyle(document.querySelector('.md-content__inner > p:not([class])'));
        return [Number(h.fontWeight), parseFloat(h.fontSize), parseFloat(p.fontSize), parseFloat(p.lineHeight) / parseFloat(p.fontSize)];
    }""")
    found = [f"the page title is weight {weight}"] if weight < 700 else []
    # Full contrast (AAA), not the theme's light grey title.
    found += [f"the page title is light: {light}" for light in page.evaluate("hcLayout.contrast('.md-typeset h1', 7)")[:1]]
    if h1_size < 1.4 * body_size:
        found.append(f"the page title ({h1_size} px) is not 1.4 times the body text ({body_size} px)")
    if body_size < 15 or leading < 1.6:
        found.append(f"body text {body_size} px with line height {leading:.2f}")
    return found
