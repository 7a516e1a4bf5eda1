"""What the screenshots show, asserted in real Chromium on every page of the built sitemap, in both
languages: on a phone, no error, failed request or other host; on a desktop, a language switcher that
lands on the same page in the other language; the Korean font stack in use, no Hangul word broken
inside, nothing wider than the screen, tap targets of at least 44 px (contrast in both palettes:
test_look.py), a comparison table that never squeezes a column under about 8 syllables, and a 404 page in
the reader's language."""

from __future__ import annotations

import pytest
from sitebrowser import language_roots, site_pages

from tests.browser.conftest import settle

pytestmark = pytest.mark.browser

PHONE, TABLET, DESKTOP = (360, 740), (768, 1024), (1280, 900)
# Text whose words must never break inside: headings, links, table cells, questions, navigation.
WORDS = "h1, h2, h3, h4, a, th, td, summary, .md-nav__link, .md-header__topic, .md-tabs__link, p, li"
# Controls a reader taps, as opposed to links inside running text (WCAG 2.5.5 exempts those).
TAP_TARGETS = ("button, summary, .md-button, label.hc-search, .md-header__button, .md-search__icon, "
               ".grid.cards > ul > li, .hc-channels > li, .hc-top-questions a, .hc-related li a, .hc-next-steps a, "
               ".md-footer__link")
KOREAN_FONTS = ("Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR")


@pytest.fixture(scope="module")
def pages(site) -> list[str]:
    return site_pages(site)


def test_every_page_keeps_words_whole_fits_the_screen_and_has_44_px_controls(screen, site, pages):
    """Each page is loaded once, on a phone, where most readers are: no console error, no failed
    request and nothing from another host. The window is then turned to a tablet's size and a
    desktop's, as a reader turning a tablet or widening a window does, and measured at each; on the
    desktop its language switcher lands on the same page in the next language, with none of those
    problems either. The sitemap lists each page followed by its other languages', so the page the
    switcher lands on is measured where it landed (resized to a phone's size first), not loaded
    again. Each problem names its page and width."""
    problems: dict[str, list[str]] = {}
    landed = None
    for path in pages:
        page = screen(path, PHONE, loaded=path == landed)
        for name, size in (("phone", PHONE), ("tablet", TABLET), ("desktop", DESKTOP)):
            resize(page, size)
            found = page.evaluate(
                "([words, targets]) => [...hcLayout.brokenHangulWords(words), ...hcLayout.overflowing(), "
                "...hcLayout.smallTargets(targets, 44)]", [WORDS, TAP_TARGETS])
            if size == PHONE:
                found += page.problems  # its load's (a landed page's were the switch's, below)
                page.problems.clear()
                if page.evaluate("document.documentElement.scrollWidth") > PHONE[0]:
                    found.append("the page scrolls sideways")
            if size == DESKTOP:
                switched, landed = switch_language(page, path, language_roots(site))
                found += switched
            if found:
                problems[f"/{path} ({name}, {size[0]} px)"] = found[:5]
    assert not problems, problems


def resize(page, size: tuple[int, int]) -> None:
    """The window at `size`, the page laid out again for it."""
    if page.viewport_size != dict(zip(("width", "height"), size)):
        page.set_viewport_size(dict(zip(("width", "height"), size)))
        page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    assert page.evaluate("innerWidth") == size[0]


def switch_language(page, path: str, roots: dict[str, str]) -> tuple[list[str], str]:
    """Picks the next language in the page's switcher: what went wrong (also in the page load it
    came from), or nothing when it landed on the same page in that language; and where it landed."""
    langs = list(roots)
    here = next((lang for lang, root in roots.items() if root and path.startswith(root)), langs[0])
    other = langs[(langs.index(here) + 1) % len(langs)]
    landing = roots[other] + path.removeprefix(roots[here])
    target = page.url.removesuffix(path) + landing
    page.locator(".md-header__option .md-select").hover()
    found = list(page.problems)  # the page's own load, before the click moves on
    page.problems.clear()
    page.locator(f"a.md-select__link[hreflang={other}]").click()
    page.wait_for_url(target)
    settle(page)  # its problems all seen, none left to abort at the next page
    if (lang := page.evaluate("document.documentElement.lang")) != other:
        found.append(f"the switcher to {other} shows a page in {lang!r}")
    found += page.problems
    page.problems.clear()  # reported here, as the switch's: not again when the landing page is measured
    return found, landing


def test_korean_font_stack_is_what_the_browser_uses(screen, site):
    for root in language_roots(site).values():
        page = screen(root, DESKTOP)
        for element in ("body", ".md-typeset h1", ".md-nav__link", ".md-typeset a", ".md-search__input"):
            family = page.locator(element).first.evaluate("e => getComputedStyle(e).fontFamily")
            assert family.split(",")[0].strip() != "_" and all(font in family for font in KOREAN_FONTS), (root, element, family)


CELL_WIDTHS = """() => [...document.querySelectorAll('table.hc-methods :is(th, td)')].flatMap(cell => {
    if ((cell.closest('thead') || cell).getBoundingClientRect().width <= 1) return [];  // header row hidden in card view
    const s = getComputedStyle(cell);
    const inner = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    const problems = inner < 7.5 * parseFloat(s.fontSize) ? [`${cell.textContent.trim().slice(0, 20)}: ${Math.round(inner)} px`] : [];
    // A cell shown as a card's row carries its column's name.
    const label = s.display === 'block' && cell.tagName === 'TD' ? getComputedStyle(cell, '::before').content : '';
    if (label && label.replace(/"/g, '') !== cell.dataset.label) problems.push(`card cell without its column name: ${label}`);
    return problems;
})"""


def test_comparison_table_never_squeezes_a_column_under_eight_syllables(screen, site, pages):
    """At each width from a small phone to a wide desktop, as a reader turning a phone or resizing a
    window sees it: one page load per page, the window resized."""
    with_tables = [path for path in pages if "hc-methods" in (site / path / "index.html").read_text(encoding="utf-8")]
    assert with_tables, "no page shows the support-channel table"
    problems = {}
    for path in with_tables:
        page = screen(path, (320, 900))
        for width in (320, 360, 390, 600, 768, 1024, 1280, 1440):
            resize(page, (width, 900))
            found = page.evaluate(CELL_WIDTHS) + page.evaluate("hcLayout.overflowing()")
            if found:
                problems[f"/{path} at {width} px"] = found[:5]
    assert not problems, problems


def test_header_title_fits_a_360_px_phone_in_every_language(screen, site):
    for lang, root in language_roots(site).items():
        title = screen(root, PHONE).locator(".md-header__topic:first-child .md-ellipsis")
        clipped = title.evaluate("e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1")
        assert not clipped, f"{lang}: the site name is cut off on a 360 px screen"


@pytest.mark.parametrize("below", ["no-such-page/", "faq/no-such-page/", "a/b/c/"])
def test_missing_address_gets_the_404_in_the_language_of_its_folder(tab, base_url, site, below):
    page = tab
    for lang, root in language_roots(site).items():
        response = page.goto(base_url + root + below)
        assert response.status == 404
        page.problems.clear()  # the 404 itself is the point
        heading = page.locator("h1:visible")
        assert heading.count() == 1
        assert heading.evaluate("h => h.closest('[lang]').lang") == lang
        assert page.evaluate("document.documentElement.lang") == lang
        home = heading.locator("xpath=..").locator("a").first.get_attribute("href")
        assert home.rstrip("/").endswith(root.rstrip("/")), home
        assert page.evaluate("window.__csp") == []


def test_end_of_article_blocks_read_as_part_of_the_page(screen):
    """The "still need help?" and related-articles blocks every article ends with: no admonition
    look, 44 px links, readable, in both palettes."""
    for scheme in ("light", "dark"):
        page = screen("support/email/", PHONE, scheme)
        blocks = page.locator(".hc-next-steps, .hc-related")
        assert blocks.count() == 2
        for block in blocks.all():
            style = block.evaluate("e => { const s = getComputedStyle(e); return [s.borderLeftWidth, s.boxShadow]; }")
            assert style == ["0px", "none"], style  # not an admonition's coloured edge and shadow
        found = page.evaluate("""() => [
            ...hcLayout.smallTargets('.hc-next-steps a, .hc-related li a', 44),
            ...hcLayout.contrast('.hc-next-steps :is(h2, p, a), .hc-related :is(h2, a)', 4.5),
            ...hcLayout.brokenHangulWords('.hc-next-steps *, .hc-related *'),
            ...hcLayout.overflowing(),
        ]""")
        assert not found, found
