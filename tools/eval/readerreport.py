"""What a reader's phone gets: page weight against a budget, and Lighthouse scores (mobile).

Builds the site, serves it on loopback with its security headers, then
  - loads the home page in each language in headless Chromium with an empty cache and adds up the
    bytes of every response (as served here, uncompressed, and gzipped as static hosts serve it);
  - runs Lighthouse (npm, against Debian's Chromium) in mobile mode on the home, FAQ and
    support-methods pages in both languages, --runs times each (Total Blocking Time moves by 100 ms
    and more between runs), and writes its JSON reports to reports/lighthouse/.
Prints the figures against the targets, medians when there are several runs, with the metrics that
move most (Total Blocking Time, Largest Contentful Paint); asserts nothing.

    scripts/python tools/eval/readerreport.py [--no-lighthouse] [--runs N] [--pages home faq] [--site FOLDER]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from project import ROOT, built_site
from sitebrowser import CHROMIUM, CHROMIUM_ARGS, chromium, serve

BUDGET_GZIP_BYTES = 350_000  # first load of the home page, compressed as hosts serve it
LIGHTHOUSE_PAGES = {"home": "", "faq": "faq/", "support-methods": "support/methods/"}
LIGHTHOUSE_TARGET = 0.98
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {"TBT": "total-blocking-time", "LCP": "largest-contentful-paint", "FCP": "first-contentful-paint"}  # in ms


def page_weight(browser, url: str, site: Path, base: str) -> dict[str, int]:
    """Bytes of every response of a first visit (empty cache), raw and gzipped, by resource type."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    seen: list[tuple[str, str]] = []
    page.on("response", lambda r: seen.append((r.url, r.request.resource_type)))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    context.close()
    totals: dict[str, int] = {"raw": 0, "gzip": 0}
    for address, kind in seen:
        path = address.removeprefix(base).split("?")[0].split("#")[0]
        file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
        if file.is_file():
            data = file.read_bytes()
            totals["raw"] += len(data)
            totals["gzip"] += len(gzip.compress(data, 6))
            totals[kind] = totals.get(kind, 0) + len(data)
    return totals


def lighthouse(url: str, report: Path) -> dict[str, float]:
    """Scores of the four categories and the moving metrics (ms) of one Lighthouse run."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run(
        [str(ROOT / "node_modules/.bin/lighthouse"), url, "--quiet", "--output=json", f"--output-path={report}",
         "--form-factor=mobile", f"--chrome-flags={flags}"],
        check=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: result["categories"][name]["score"] for name in CATEGORIES}
    return scores | {name: result["audits"][audit]["numericValue"] for name, audit in METRICS.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-lighthouse", action="store_true", help="page weight only (fast)")
    parser.add_argument("--site", type=Path, help="an existing build (default: build the project now)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the medians are printed")
    parser.add_argument("--pages", nargs="*", choices=list(LIGHTHOUSE_PAGES), default=list(LIGHTHOUSE_PAGES))
    args = parser.parse_args()
    with built_site(args.site) as site:
        with serve(site) as base:
            with chromium() as browser:
                print(f"Page weight, first load of the home page (budget {BUDGET_GZIP_BYTES:,} bytes gzipped)")
                for lang, root in (("ko", ""), ("en", "en/")):
                    weight = page_weight(browser, base + root, site, base)
                    kinds = ", ".join(f"{k} {v:,}" for k, v in sorted(weight.items()) if k not in ("raw", "gzip"))
                    verdict = "within" if weight["gzip"] <= BUDGET_GZIP_BYTES else "OVER"
                    print(f"  {lang}: {weight['raw']:,} bytes uncompressed, {weight['gzip']:,} gzipped "
                          f"({weight['gzip'] / BUDGET_GZIP_BYTES:.2f} of budget, {verdict}); {kinds}")
            if args.no_lighthouse:
                return 0
            folder = ROOT / "reports" / "lighthouse"
            folder.mkdir(parents=True, exist_ok=True)
            runs = f", median of {args.runs} runs" if args.runs > 1 else ""
            print(f"\nLighthouse, mobile (target {LIGHTHOUSE_TARGET:.2f} in each category; served with gzip, as hosts do{runs})")
            print(f"  {'page':<22}" + "".join(f"{c:>16}" for c in CATEGORIES) + "".join(f"{m + ' ms':>9}" for m in METRICS))
            for name in args.pages:
                for lang, root in (("ko", ""), ("en", "en/")):
                    results = [lighthouse(base + root + LIGHTHOUSE_PAGES[name], folder / f"{name}-{lang}{'-' + str(run) if run else ''}.json")
                               for run in range(args.runs)]
                    median = {key: statistics.median(r[key] for r in results) for key in results[0]}
                    cells = "".join(f"{median[c]:>15.2f}{'' if median[c] >= LIGHTHOUSE_TARGET else '!'}" for c in CATEGORIES)
                    print(f"  {name + ' ' + lang:<22}{cells}" + "".join(f"{median[m]:>9.0f}" for m in METRICS), flush=True)
                    if args.runs > 1:
                        each = ", ".join(f"{r['performance']:.2f} (TBT {r['TBT']:.0f})" for r in results)
                        print(f"  {'':<22}performance of each run: {each}", flush=True)
            print(f"\nReports: {folder.relative_to(ROOT)}/ ('!' marks a score under the target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
