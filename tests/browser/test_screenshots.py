"""The visual review kit (scripts/screenshots): every page a reader can reach is on the contact
sheet, in both languages, and the sheet shows each page at a phone's width in both palettes."""

from __future__ import annotations

import base64
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


# Mean luminance (0 black, 1 white) of a PNG, read by the browser itself from a canvas.
LUMINANCE = """async (data) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + data;
  await image.decode();
  const canvas = Object.assign(document.createElement('canvas'), {width: image.width, height: image.height});
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
  let sum = 0;
  for (let i = 0; i < pixels.length; i += 4) sum += 0.2126 * pixels[i] + 0.7152 * pixels[i + 1] + 0.0722 * pixels[i + 2];
  return sum / (pixels.length / 4) / 255;
}"""


@pytest.mark.slow  # screenshot generation: the scheduled CI run takes it (scripts/test -m slow)
def test_contact_sheet_shows_each_page_at_phone_width_in_a_light_and_a_dark_palette(browser, base_url, site, tmp_path):
    roots = list(language_roots(site).values())
    wanted = roots + [root + "no-such-page/" for root in roots]  # the home pages and the 404 pages
    sheet = shoot(browser, base_url, site, tmp_path, wanted, ["phone"], ["light", "dark"]).read_text(encoding="utf-8")
    assert all(f"<h2>/{path}</h2>" in sheet for path in wanted), "a page is missing from the contact sheet"
    images = re.findall(r'<img [^>]*src="([^"]+)"', sheet)
    assert len(images) == len(wanted) * 2
    blank = browser.new_page()
    try:
        for light, dark in zip(images[::2], images[1::2]):
            for name in (light, dark):
                png = (tmp_path / name).read_bytes()
                assert int.from_bytes(png[16:20], "big") == 360, f"{name} is not the width of a 360 px phone"
            brightness = {name: blank.evaluate(LUMINANCE, base64.b64encode((tmp_path / name).read_bytes()).decode())
                          for name in (light, dark)}
            # What a reviewer sees: a page in the light palette, then the same page dark (not blank, not the same).
            assert brightness[light] > 0.6 and brightness[dark] < brightness[light] - 0.25, brightness
    finally:
        blank.close()
