"""A visual review kit: every page of the built site, in both languages, at phone, tablet and
desktop widths, in the light and dark palettes, on one HTML contact sheet.

The page inventory comes from the built sitemap.xml (every <loc> and its hreflang alternates), plus
one missing address per language to show the 404 page; nothing is listed by hand.

    scripts/screenshots                          # build, then shoot everything into reports/screenshots/
    scripts/screenshots --only '' en/ faq/ en/faq/ --widths phone desktop --out reports/before
    scripts/screenshots --site /tmp/site         # an existing build

Open <out>/index.html. Asserts nothing: the browser tests check what the pictures show.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from project import ROOT, built_site
from sitebrowser import chromium, language_roots, serve, site_pages

WIDTHS = {"phone": (360, 740), "tablet": (768, 1024), "desktop": (1280, 900)}
SCHEMES = ("light", "dark")


def shoot(browser, base: str, site: Path, out: Path, only: list[str] | None, widths: list[str], schemes: list[str]) -> Path:
    """Screenshots of `site` served at `base`, and the contact sheet linking them: <out>/index.html."""
    missing = [root + "no-such-page/" for root in language_roots(site).values()]  # the 404 page
    paths = [path for path in site_pages(site) + missing if only is None or path in only]
    out.mkdir(parents=True, exist_ok=True)
    tabs = {}  # one tab per width and palette, reused from page to page
    rows = []
    try:
        for path in paths:
            cells = []
            for width in widths:
                for scheme in schemes:
                    if (width, scheme) not in tabs:
                        viewport = dict(zip(("width", "height"), WIDTHS[width]))
                        tabs[width, scheme] = browser.new_context(viewport=viewport, color_scheme=scheme).new_page()
                    page, name = tabs[width, scheme], f"{(path.strip('/') or 'home').replace('/', '_')}-{width}-{scheme}.png"
                    page.goto(base + path)
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(out / name), full_page=True)
                    cells.append((f"{width} {WIDTHS[width][0]} px, {scheme}", name))
            rows.append((path, cells))
            print(f"  /{path}: {len(cells)} screenshots", flush=True)
    finally:
        for page in tabs.values():
            page.context.close()
    sheet = out / "index.html"
    sheet.write_text(contact_sheet(rows), encoding="utf-8")
    return sheet


def contact_sheet(rows: list[tuple[str, list[tuple[str, str]]]]) -> str:
    body = []
    for path, cells in rows:
        figures = "".join(
            f'<figure><a href="{html.escape(name)}"><img loading="lazy" src="{html.escape(name)}" alt=""></a>'
            f"<figcaption>{html.escape(label)}</figcaption></figure>" for label, name in cells)
        body.append(f"<section><h2>/{html.escape(path)}</h2><div class=row>{figures}</div></section>")
    style = ("body{font:14px system-ui,sans-serif;margin:1rem}h2{font-size:1rem;margin:1.5rem 0 .5rem}"
             ".row{display:flex;gap:12px;align-items:flex-start;overflow-x:auto}"
             "figure{margin:0;flex:none;width:220px}img{width:100%;max-height:900px;object-fit:cover;"
             "object-position:top;border:1px solid #ccc}figcaption{color:#555;font-size:12px}")
    return (f"<!doctype html><meta charset=utf-8><title>Contact sheet</title><style>{style}</style>"
            f"<h1>Contact sheet: {len(rows)} pages</h1>{''.join(body)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an existing build (default: build the project now)")
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "screenshots")
    parser.add_argument("--only", nargs="*", help="only these site-relative paths, e.g. '' en/ faq/")
    parser.add_argument("--widths", nargs="*", choices=list(WIDTHS), default=list(WIDTHS))
    parser.add_argument("--schemes", nargs="*", choices=SCHEMES, default=list(SCHEMES))
    args = parser.parse_args()
    with built_site(args.site) as site, serve(site) as base, chromium() as browser:
        sheet = shoot(browser, base, site, args.out, args.only, args.widths, args.schemes)
    print(f"Contact sheet: {sheet}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
