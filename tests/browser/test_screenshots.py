"""The visual review kit (scripts/screenshots): every page a reader can reach is on the contact
sheet, in both languages, and the sheet shows real rendered screenshots."""

from __future__ import annotations

import re

import pytest
from screenshots import shoot
from sitebrowser import language_roots, site_pages

pytestmark = pytest.mark.browser


def test_contact_sheet_inventory_covers_every_built_page_in_every_language(site):
    listed = set(site_pages(site))
    built = {
        page.parent.relative_to(site).as_posix().removeprefix(".") + "/"
        for page in site.rglob("index.html")
        if 'http-equiv="refresh"' not in page.read_text(encoding="utf-8")  # old addresses that redirect
    }
    built = {path.removeprefix("/") for path in built}
    assert built <= listed, sorted(built - listed)
    assert set(language_roots(site).values()) <= listed


def test_contact_sheet_shows_rendered_pages_for_each_width_and_palette(browser, base_url, site, tmp_path):
    roots = list(language_roots(site).values())
    sheet = shoot(browser, base_url, site, tmp_path, roots, ["phone"], ["light", "dark"])
    images = re.findall(r'<img [^>]*src="([^"]+)"', sheet.read_text(encoding="utf-8"))
    assert len(images) == len(roots) * 2
    assert all((tmp_path / name).stat().st_size > 10_000 for name in images)  # a rendered page, not a blank image
