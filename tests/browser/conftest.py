"""Headless Chromium (Debian's package, driven by Playwright) against the built site on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitebrowser import CHROMIUM, chromium, serve


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/test, which installs Debian's chromium")
    with chromium() as browser:
        yield browser


LAYOUT_JS = (Path(__file__).parent / "layout.js").read_text(encoding="utf-8")


@pytest.fixture
def screen(browser, base_url):
    """screen(path, size, scheme) → the page, settled, with the measuring code (layout.js) loaded.
    One tab per size and palette, reused across pages: a page load costs seconds on a shared machine.
    screen(path, size, scheme, loaded=True): the tab is already on `path` (a click took it there and
    settled it), so it is measured without loading it again."""
    tabs = {}

    def open_(path, size, scheme="light", loaded=False):
        if (size, scheme) not in tabs:
            tabs[size, scheme] = browser.new_context(
                viewport=dict(zip(("width", "height"), size)), color_scheme=scheme).new_page()
            watch(tabs[size, scheme], base_url)
        page = tabs[size, scheme]
        if loaded:
            assert page.url == base_url + path, (page.url, path)
        else:
            page.problems.clear()
            response = page.goto(base_url + path)
            if not response.ok:
                page.problems.append(f"HTTP {response.status}: /{path}")
            settle(page)
        page.evaluate(LAYOUT_JS)  # evaluated, not a script tag: the CSP refuses inline scripts
        return page

    yield open_
    for page in tabs.values():
        page.context.close()


@pytest.fixture
def page(browser, base_url):
    """A fresh phone-sized page that records failed requests, console errors and other hosts."""
    page = phone_page(browser, base_url)
    yield page
    page.context.close()


PHONE_VIEWPORT = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def _kept_tab(browser, base_url):
    page = phone_page(browser, base_url)
    yield page
    page.context.close()


@pytest.fixture
def tab(_kept_tab):
    """As `page`, for a test that opens each of its page views itself (goto), reads nothing earlier
    tests may have left in the context's storage (a palette chosen), and neither routes requests nor
    emulates media: one phone-sized tab per test process, kept from test to test. A fresh context costs its renderer's start, and a page view in
    it four times one in a tab already open (0.43 s of CPU against 0.11 s, 26 Nov 2026); and the
    search engine's WebAssembly, compiled once per renderer, is not compiled again. Each test starts
    on a blank page, at a phone's size, with no problem recorded."""
    _kept_tab.goto("about:blank")  # the last test's page view ends here, its events with it
    _kept_tab.problems.clear()
    _kept_tab.pending.clear()
    _kept_tab.set_viewport_size(PHONE_VIEWPORT)
    return _kept_tab


def phone_page(browser, base_url: str):
    """A phone-sized page in a context of its own, watched (see watch); closing its context is the caller's."""
    page = browser.new_context(viewport=PHONE_VIEWPORT, locale="ko-KR").new_page()
    watch(page, base_url)
    return page


def watch(page, base_url: str) -> None:
    """Records in page.problems what a reader would see go wrong: console errors, failed requests,
    error statuses and requests to other hosts; and in window.__csp, security-policy violations."""
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"))
    # Content-Security-Policy violations, as the page itself sees them.
    page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));")
    # A navigation aborted because the page moved on (an old address redirecting) is no failure;
    # it raced the redirect and made the security-policy test on /contact/ fail now and then.
    # So is the tab's icon, abandoned when the page moves on (on a busy machine the browser asks for
    # it late, after the network went idle): the browser's own request, nothing a reader sees.
    page.on("requestfailed", lambda r: (r.failure == "net::ERR_ABORTED" and (r.is_navigation_request() or browsers_own(r.url)))
            or page.problems.append(f"failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and page.problems.append(f"HTTP {r.status}: {r.url}"))
    page.on("request", lambda r: r.url.startswith(base_url) or r.url.startswith("data:") or page.problems.append(f"other host: {r.url}"))
    # The page's requests still under way (settle() waits for them).
    page.pending = set()
    page.on("request", lambda r: browsers_own(r.url) or page.pending.add(r))
    page.on("requestfinished", lambda r: page.pending.discard(r))
    page.on("requestfailed", lambda r: page.pending.discard(r))


def settle(page, limit_s: float = 30) -> None:
    """Wait until the page has loaded, its fonts are ready and none of its requests is under way: then
    page.problems holds all it did, and moving on aborts nothing. Playwright's "networkidle" waits the
    same plus 500 ms of quiet on every page; after the load event our pages request nothing but the
    tab's icon (the browser's own, see browsers_own)."""
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    waited = 0.0
    while page.pending:
        if waited > limit_s:
            raise AssertionError(f"requests still under way after {limit_s} s: {sorted(r.url for r in page.pending)}")
        page.wait_for_timeout(20)  # lets Playwright deliver the requests' events
        waited += 0.02


def browsers_own(url: str) -> bool:
    """The tab's icon (mkdocs.yml's theme.favicon): the browser fetches it when it likes, not the page."""
    return urlsplit(url).path.rsplit("/", 1)[-1].startswith("favicon.")
