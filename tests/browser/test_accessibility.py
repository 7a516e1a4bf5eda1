"""axe-core (npm, pinned in package-lock.json) finds no WCAG 2.1 A or AA violation on any page, in
either language, in the light or the dark palette; FAQ answers work from the keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import ROOT
from tests.pages import PAGES

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
URLS = [root + path for path, *_ in PAGES for root in ("", "en/")]


# The palettes change colours only (CSS custom properties on the same markup): in the dark one, axe
# runs the rules that read colours; the light run has every rule. The palette follows the reader's
# system (mkdocs.yml's automatic palette), so each page is loaded once, checked light, then switched
# to dark as a reader's phone does at dusk, and checked again.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
SCHEMES = {"light": "default", "dark": "slate"}
AXE_RUN = ("async (only) => (await axe.run(document, {runOnly: only})).violations"
           ".map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`)")


@pytest.fixture(scope="module")
def axe_page(browser):
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run scripts/test, which installs it from package-lock.json")
    # axe comes with every page the tab opens, as a script the browser adds (the site's own CSP rightly
    # refuses inline scripts), handed to it once: added to each page after its load, its 500 KB
    # went from Python to the browser each time, 0.4 s of CPU per page, as much as the page's load.
    context = browser.new_context(color_scheme="light", bypass_csp=True, viewport={"width": 1280, "height": 900})
    context.add_init_script(path=AXE)
    yield context.new_page()
    context.close()


def shows(page, scheme: str) -> None:
    """Wait until the theme shows the palette of the reader's system, its switch finished."""
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s"
                           " && !document.body.hasAttribute('data-md-color-switching')", arg=SCHEMES[scheme])


@pytest.mark.parametrize("url", URLS)
def test_no_wcag_21_aa_violations_in_the_light_or_the_dark_palette(axe_page, base_url, url):
    axe_page.emulate_media(color_scheme="light")
    axe_page.goto(base_url + url)
    shows(axe_page, "light")
    violations = {"light": axe_page.evaluate(AXE_RUN, {"type": "tag", "values": WCAG_21_AA})}
    axe_page.emulate_media(color_scheme="dark")
    shows(axe_page, "dark")
    violations["dark"] = axe_page.evaluate(AXE_RUN, {"type": "rule", "values": COLOUR_RULES})
    assert violations == {"light": [], "dark": []}


@pytest.mark.parametrize("root", ["", "en/"])
def test_faq_answers_open_and_close_from_the_keyboard_with_visible_focus(tab, base_url, root):
    page = tab
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + root + "faq/")
    question = page.locator("details.question").first
    summary = question.locator("summary")
    summary.focus()
    outline = summary.evaluate("e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }")
    assert outline[0] != "none" and outline[1] != "0px" or outline[2] != "none", outline
    page.keyboard.press("Enter")
    expect(question).to_have_attribute("open", "")
    page.keyboard.press("Space")
    expect(question).not_to_have_attribute("open", "")
