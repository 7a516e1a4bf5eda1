"""The built site in a real browser: served on loopback as a static host would (with its _headers),
and Debian's Chromium driven by Playwright (its own browser download does not work offline).

Shared by the browser tests, scripts/screenshots.py and tools/eval/searcheval.py.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import subprocess
import sys
import threading
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
_XHTML = "{http://www.w3.org/1999/xhtml}link"
_LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"
# Without the background-networking flags Chromium keeps calling home, which this sandbox refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def site_pages(site: Path) -> list[str]:
    """Site-relative paths of every page in the built sitemap, each followed by its other languages'."""
    paths: dict[str, None] = {}
    for url in ElementTree.parse(site / "sitemap.xml").getroot():
        paths[urlsplit(url.findtext(_LOC, "")).path.lstrip("/")] = None
        paths.update(dict.fromkeys(urlsplit(link.get("href", "")).path.lstrip("/") for link in url.iter(_XHTML)))
    return list(paths)


def language_roots(site: Path) -> dict[str, str]:
    """hreflang → the site-relative folder of that language's home page ("" for the default)."""
    for url in ElementTree.parse(site / "sitemap.xml").getroot():
        if urlsplit(url.findtext(_LOC, "")).path.lstrip("/") == "":
            return {link.get("hreflang", ""): urlsplit(link.get("href", "")).path.lstrip("/") for link in url.iter(_XHTML)}
    return {}


def site_headers(site: Path) -> dict[str, str]:
    """The headers the site's own _headers file asks every path to be served with; none for a site
    without that file (a plain Material build in searcheval.py, an old build in scripts/preview-changes)."""
    if not (site / "_headers").is_file():
        return {}
    lines = (site / "_headers").read_text(encoding="utf-8").splitlines()
    return dict(line.strip().split(": ", 1) for line in lines if line.startswith("  "))


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as a static host configured from its _headers would (CSP included), answers a
    missing address with the root 404.html, and compresses text with gzip when the browser accepts
    it, as static hosts do."""

    headers_to_send: dict[str, str] = {}
    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def do_GET(self) -> None:
        target = Path(self.translate_path(self.path))
        if not target.exists():
            return self._not_found()
        if target.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().do_GET()  # the standard redirect to the folder's address
            target = target / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not target.is_file() or target.suffix not in self.COMPRESSIBLE:
            return super().do_GET()
        stat = target.stat()
        body = _gzipped(target, stat.st_mtime_ns, stat.st_size)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        # As for an uncompressed file (and as static hosts send for every file): without it the
        # browser could never reuse a compressed file from its cache.
        self.send_header("Last-Modified", self.date_time_string(int(target.stat().st_mtime)))
        self.end_headers()
        self.wfile.write(body)

    def handle(self) -> None:
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser moved on to the next page before this answer ended

    def _not_found(self) -> None:
        # As GitHub Pages (the documented host) and `mkdocs serve` do: the root 404.html, whatever
        # the language of the missing address.
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args) -> None:
        pass


@functools.lru_cache(maxsize=512)
def _gzipped(file: Path, mtime_ns: int, size: int) -> bytes:
    """A file compressed once, not on every request: the tests load the theme's scripts and styles
    hundreds of times, and the server shares its Python process (and lock) with the browser's
    driver. Keyed by the file's date and size, so a file written again is compressed again."""
    return gzip.compress(file.read_bytes(), 6)


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """The built site on a free loopback port, with its security headers."""
    server = _server(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()


@contextlib.contextmanager
def serve_apart(site: Path) -> Iterator[str]:
    """serve(), from a process of its own, for timings (tools/bench): in this process the server
    waits for the lock of the Python that drives the browser, which polls the page every 30 ms. A
    keystroke's fragments took 10-20 ms longer that way (a warm keystroke's p95 93-103 ms against
    83 on the same site), a delay no static host adds."""
    process = subprocess.Popen([sys.executable, __file__, str(site)], stdout=subprocess.PIPE, text=True)
    try:
        port = int(process.stdout.readline()) if process.stdout else 0
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait()


def _server(site: Path) -> http.server.ThreadingHTTPServer:
    handler = type("Handler", (_SiteHandler,), {"headers_to_send": site_headers(site)})
    return http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))


@contextlib.contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_for_results(page, query: str) -> None:
    """Wait until the search box shows its answer to `query`, not to a half-typed prefix of it
    (search.js marks its result list with the query it answers)."""
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__list')?.getAttribute('data-hc-results-for') === q",
        arg=query,
    )


if __name__ == "__main__":  # serve_apart's server: its port on the first line, then serves until ended
    _apart = _server(Path(sys.argv[1]))
    print(_apart.server_port, flush=True)
    _apart.serve_forever()
