"""Screenshots of the key pages at phone and desktop widths, in both languages, for a reviewer to
look at: written to reports/screenshots/ by every run of the suite."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.browser

FOLDER = ROOT / "reports" / "screenshots"
PAGES = {"home": "", "faq": "faq/", "support-methods": "support/methods/"}
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(PAGES))
def test_screenshot(browser, base_url, name, width, lang):
    context = browser.new_context(viewport=dict(zip(("width", "height"), WIDTHS[width])))
    page = context.new_page()
    page.goto(base_url + ("" if lang == "ko" else "en/") + PAGES[name])
    FOLDER.mkdir(parents=True, exist_ok=True)
    target = FOLDER / f"{name}-{lang}-{width}.png"
    page.screenshot(path=str(target), full_page=True)
    context.close()
    assert target.stat().st_size > 10_000  # a rendered page, not a blank image
