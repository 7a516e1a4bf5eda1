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


@pytest.fixture
def page(browser, base_url):
    """A fresh phone-sized page that records failed requests, console errors and other hosts."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR")
    page = context.new_page()
    watch(page, base_url)
    yield page
    context.close()


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


def browsers_own(url: str) -> bool:
    """The tab's icon (mkdocs.yml's theme.favicon): the browser fetches it when it likes, not the page."""
    return urlsplit(url).path.rsplit("/", 1)[-1].startswith("favicon.")
