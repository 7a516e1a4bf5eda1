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
# runs the rules that read colours; the light run has every rule.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


@pytest.fixture(scope="module", params=["light", "dark"])
def palette_page(request, browser):
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run scripts/test, which installs it from package-lock.json")
    # axe is injected as an inline script, which the site's own CSP rightly refuses.
    context = browser.new_context(color_scheme=request.param, bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.palette = request.param
    yield page
    context.close()


@pytest.mark.parametrize("url", URLS)
def test_no_wcag_21_aa_violations(palette_page, base_url, url):
    palette_page.goto(base_url + url)
    palette_page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    only = {"type": "tag", "values": WCAG_21_AA} if palette_page.palette == "light" else {"type": "rule", "values": COLOUR_RULES}
    violations = palette_page.evaluate(
        "async (only) => (await axe.run(document, {runOnly: only})).violations"
        ".map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`)",
        only,
    )
    assert violations == []


@pytest.mark.parametrize("root", ["", "en/"])
def test_faq_answers_open_and_close_from_the_keyboard_with_visible_focus(page, base_url, root):
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
