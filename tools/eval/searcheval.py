"""How well readers find pages: every query of tests/search/queries.yml, as a reader would search.

Builds the site from the same content with our search and with plain Material (no hooks of ours),
and indexes the plain build with stock Pagefind too. Types every query into the real search box of
ours and plain Material in headless Chromium, and asks plain Pagefind through its JavaScript API in
the same browser, then prints side by side, per language and per query class: recall@3 (an expected
page among the first three distinct pages) and MRR, then the queries that miss, index sizes and the
time from the last keystroke to results. Queries marked `pending` count only once their pages are in
the built site's sitemap. Prints figures; asserts nothing (tests/browser/test_search_quality.py
holds the targets).

    scripts/python tools/eval/searcheval.py [--only ours|plain|pagefind|"ours, no analyzer"]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import benchprojects
import yaml
from helpcenter import pagefind_binary
from project import ROOT, build, copy_project
from sitebrowser import chromium, serve

QUERIES = ROOT / "tests" / "search" / "queries.yml"
DEFAULT_LANGUAGE = "ko"
# name: (our project or plain Material's?, build environment, how it is searched). "no analyzer" is
# ours without Kiwi's morpheme cuts in the Korean index, to show what Kiwi adds (on request only: one
# more build). Plain Pagefind indexes the plain Material pages, as its documentation sets it up.
VARIANTS = {
    "ours": (True, {}, "box"),
    "plain": (False, {}, "box"),
    "pagefind": (False, {}, "pagefind"),
    "ours, no analyzer": (True, {"HC_KOREAN_ANALYZER": "none"}, "box"),
}
DEFAULT_VARIANTS = ("ours", "plain", "pagefind")


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    kind: str
    expect: tuple[str, ...]
    pending: bool = False  # its page is being written: counted once the page is in the site


def _adhoc(query: str) -> Query:
    """A query given with --query: Korean, or English as en:TEXT."""
    lang, text = query.split(":", 1) if query.startswith("en:") else ("ko", query)
    return Query(lang, text, "adhoc", ())


@dataclass(frozen=True)
class Outcome:
    query: Query
    pages: tuple[str, ...]  # distinct result pages, best first, as paths under the language root
    milliseconds: float

    @property
    def rank(self) -> int | None:
        return next((i + 1 for i, page in enumerate(self.pages) if page in self.query.expect), None)


def load_queries(path: Path = QUERIES, site: Path | None = None) -> list[Query]:
    """The queries; with the built `site`, only the pending ones whose pages its sitemap lists."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = [Query(lang, str(q["q"]), q["class"], tuple(q["expect"]), bool(q.get("pending")))
               for lang, items in data.items() for q in items]
    if site is None:
        return [q for q in queries if not q.pending]
    published = sitemap_paths(site)
    return [q for q in queries if not q.pending or all(_root(q.lang) + page in published for page in q.expect)]


def sitemap_paths(site: Path) -> set[str]:
    """Every page address the sitemap lists, every language's, as paths without the host ("en/faq/")."""
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    return {urlsplit(url).path.lstrip("/") for url in re.findall(r'(?:<loc>|href=")([^<"]+)', text)}


def _root(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def recall_at(outcomes: list[Outcome], k: int = 3) -> float:
    return sum(1 for o in outcomes if o.rank and o.rank <= k) / len(outcomes)


def mean_reciprocal_rank(outcomes: list[Outcome]) -> float:
    return sum(1 / o.rank for o in outcomes if o.rank) / len(outcomes)


_PLACEHOLDER = """() => JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"""
# Every query of one language, typed into the search box by one in-page loop (a round trip from
# Python per step cost most of a run). Each query is typed into an empty box, as a phone keyboard
# commits text (one input event; Material's own search reads the box on keyup), and its results are
# read once the box shows its answer to exactly that query: our search.js marks the result list with
# the query it answers (data-hc-results-for), plain Material only changes the line above the list.
# A box that never answers fails the run, naming the query.
_TYPE_EACH = """async ([queries, placeholder, timeout]) => {
  const input = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  const list = document.querySelector('.md-search-result__list');
  const marked = document.querySelector('[data-hc-search]') !== null;
  const until = (done, what) => new Promise((resolve, reject) => {
    if (done()) return resolve();
    const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); clearTimeout(timer); resolve(); } });
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`the search box showed no ${what} within ${timeout} ms`)); }, timeout);
    observer.observe(document.querySelector('.md-search-result'), {subtree: true, childList: true, characterData: true, attributes: true});
  });
  const type = (text) => {
    input.value = text;
    input.dispatchEvent(new Event('input', {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
  };
  const outcomes = [];
  for (const query of queries) {
    type('');
    await until(() => meta.textContent.trim() === placeholder, 'placeholder for an empty box');
    const start = performance.now();
    type(query);
    await until(marked ? () => list.getAttribute('data-hc-results-for') === query : () => meta.textContent.trim() !== placeholder,
                `results for ${JSON.stringify(query)}`);
    outcomes.push([[...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href), performance.now() - start]);
  }
  return outcomes;
}"""
QUERY_TIMEOUT_MS = 60_000  # a shared, loaded machine can be slow; a box that never answers still fails


_PAGEFIND = """async (query) => {
  window.__pagefind = window.__pagefind || await import('/pagefind/pagefind.js');
  const search = await window.__pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  return data.map(d => new URL(d.url, location.href).href);
}"""


def run_pagefind_queries(browser, base_url: str, queries: list[Query]) -> list[Outcome]:
    """Ask stock Pagefind (its own index of the built HTML, one per page language) through its API."""
    outcomes = []
    for lang in sorted({q.lang for q in queries}):
        root = _root(lang)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base_url + root)
        for query in (q for q in queries if q.lang == lang):
            start = time.perf_counter()
            hrefs = page.evaluate(_PAGEFIND, query.text)
            elapsed = (time.perf_counter() - start) * 1000
            outcomes.append(Outcome(query, _distinct_pages(hrefs, base_url + root), elapsed))
        page.close()
    return outcomes


def build_plain(project: Path, site: Path) -> None:
    """Plain Material for MkDocs (search plugin, no hooks, no i18n) over the same pages, one project
    per language (scripts/benchprojects.py), laid out as ours is: Korean at the root, others below."""
    for lang, config in benchprojects.plain_projects(project, project.parent / f"{project.name}-plain").items():
        build(config.parent, site / _root(lang), strict=False, quiet=True, check=True)


def index_pagefind(site: Path) -> None:
    """Stock Pagefind (the binary the site is indexed with) over the built HTML, as its documentation
    sets it up (no configuration)."""
    subprocess.run([str(pagefind_binary.executable()), "--site", str(site), "--output-subdir", "pagefind"],
                   check=True, capture_output=True, text=True)


def run_queries(browser, base_url: str, queries: list[Query]) -> list[Outcome]:
    """Type each query into the search box of its language's home page and read the result pages."""
    outcomes = []
    for lang in sorted({q.lang for q in queries}):
        root = _root(lang)
        mine = [q for q in queries if q.lang == lang]
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base_url + root)
        page.locator("input.md-search__input").click()  # opens the box; the engine starts loading
        answers = page.evaluate(_TYPE_EACH, [[q.text for q in mine], page.evaluate(_PLACEHOLDER), QUERY_TIMEOUT_MS])
        outcomes += [Outcome(query, _distinct_pages(hrefs, base_url + root), ms) for query, (hrefs, ms) in zip(mine, answers)]
        page.close()
    return outcomes


def _distinct_pages(hrefs: list[str], language_root: str) -> tuple[str, ...]:
    pages = []
    for href in hrefs:
        path = href.split("#")[0].split("?")[0]
        path = path[len(language_root):] if path.startswith(language_root) else "(other language) " + path
        if path not in pages:
            pages.append(path)
    return tuple(pages)


def index_bytes(site: Path) -> int:
    """Bytes of every search index file: Material's JSON, Pagefind's bundle."""
    files = [*site.rglob("search_index.json"), *(p for p in site.glob("**/pagefind*/**/*") if p.is_file())]
    return sum(p.stat().st_size for p in files)


def report(results: dict[str, list[Outcome]], sizes: dict[str, int]) -> None:
    names = list(results)
    print(f"{'':<22}" + "".join(f"{name:>22}" for name in names))
    for lang in sorted({o.query.lang for o in next(iter(results.values()))}):
        rows = {name: [o for o in outcomes if o.query.lang == lang] for name, outcomes in results.items()}
        count = len(next(iter(rows.values())))
        print(f"{lang} ({count} queries; per class: recall@3 / MRR (queries))")
        print(f"{'  recall@3':<22}" + "".join(f"{recall_at(r):>22.3f}" for r in rows.values()))
        print(f"{'  MRR':<22}" + "".join(f"{mean_reciprocal_rank(r):>22.3f}" for r in rows.values()))
        for kind in sorted({o.query.kind for o in next(iter(rows.values()))}):
            cells = []
            for r in rows.values():
                subset = [o for o in r if o.query.kind == kind]
                cells.append(f"{recall_at(subset):.2f} / {mean_reciprocal_rank(subset):.2f} ({len(subset)})")
            print(f"{'  ' + kind:<22}" + "".join(f"{c:>22}" for c in cells))
        print(f"{'  ms to results, median':<22}" + "".join(f"{statistics.median(o.milliseconds for o in r):>22.0f}" for r in rows.values()))
    print(f"{'index bytes (all langs)':<22}" + "".join(f"{sizes[name]:>22,}" for name in names))
    for name, outcomes in results.items():
        misses = [o for o in outcomes if not (o.rank and o.rank <= 3)]
        print(f"\n{name}: {len(misses)} queries miss the top 3")
        for o in misses:
            print(f"  [{o.query.lang}] {o.query.text!r} expected {list(o.query.expect)} got {list(o.pages[:3])}")
        lower = [o for o in outcomes if o.rank and 1 < o.rank <= 3]
        print(f"{name}: {len(lower)} queries find an expected page at rank 2 or 3 (what MRR loses)")
        for o in lower:
            print(f"  [{o.query.lang}] {o.query.text!r} rank {o.rank}: {list(o.pages[:3])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=list(VARIANTS), action="append", help="a variant to run (repeatable); default: " + ", ".join(DEFAULT_VARIANTS))
    parser.add_argument("--query", action="append",
                        help="instead of queries.yml: show the pages this Korean query finds (repeatable); prefix with en: for English")
    args = parser.parse_args()
    variants = {name: VARIANTS[name] for name in (args.only or DEFAULT_VARIANTS)}
    results, sizes, queries = {}, {}, None
    with tempfile.TemporaryDirectory() as temp, chromium() as browser:
        for name, (hooks, env, engine) in variants.items():
            project = copy_project(Path(temp) / name)
            site = Path(temp) / f"site-{name}"
            if hooks:
                build(project, site, strict=False, quiet=True, check=True, env=env)
            else:
                build_plain(project, site)
            if engine == "pagefind":
                index_pagefind(site)
            sizes[name] = index_bytes(site)
            if queries is None:  # pending queries count once the site has their pages; all variants build the same content
                queries = load_queries(site=site)
                if args.query:
                    queries = [_adhoc(query) for query in args.query]
            with serve(site) as base_url:
                run = run_pagefind_queries if engine == "pagefind" else run_queries
                results[name] = run(browser, base_url, queries)
    if args.query:
        for name, outcomes in results.items():
            for o in outcomes:
                print(f"{name} [{o.query.lang}] {o.query.text!r}: {list(o.pages[:6])}")
        return
    report(results, sizes)


if __name__ == "__main__":
    main()
