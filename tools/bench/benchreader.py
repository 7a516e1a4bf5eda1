"""The reader's side of search, measured in headless Chromium on the built sites of one corpus size.

Three variants side by side: this project (Pagefind fed by the Korean analysis, search.js), plain
Material for MkDocs (its lunr index and worker), and plain Pagefind (the Pagefind CLI run over the
plain Material pages, searched through its JavaScript API, Material's own search blocked).

For each language it prints:
  reading KiB      search bytes (as transferred, gzip) of an article page read and scrolled, search untouched
  first search KiB search bytes downloaded between typing a query right after load and its results
  to results s     typing right after load → results, CPU slowed 4x, without and with Slow 4G
  keystroke p95 ms each further keystroke, warm, until the list answers it and has not changed for 250 ms:
                   over one phrase (its 8-21 keys make the p95 its slowest key or two), and over that
                   phrase and three more, typed in each of the CPU profile's two pages (Korean 60 keys,
                   English 152: a Korean p95 of one page's 30 keys was its slowest key or two again; not
                   for plain Material, whose keystrokes never settle within the limit)
  heap MiB         JavaScript heap of the page and its workers after those searches
Prints figures and asserts nothing.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from sitebrowser import chromium, serve_apart

# DevTools' "Slow 4G": 562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up.
SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 1.6 * 1024 * 1024 / 8 * 0.9,
           "uploadThroughput": 750 * 1024 / 8 * 0.9}
CPU_SLOWDOWN = 4
QUERIES = {"ko": ("결제 오류", "비밀번호 재설정"), "en": ("payment failed", "reset password")}
# Typed one character at a time once search is warm.
KEYSTROKES = {"ko": "결제 수단 변경", "en": "change payment method"}
# Typed after KEYSTROKES in the same page, each into an emptied box: a reader's other questions.
MORE_KEYSTROKES = {"ko": ("비밀번호 재설정", "환불 요청", "고객센터 전화번호"),
                   "en": ("reset password", "cancel subscription", "customer service phone")}
SEARCH_URL_PARTS = ("search", "lunr", "pagefind", "hc-vocabulary")
ARTICLE = "library/g001/a00001/"  # the first article benchcorpus writes
RESULTS = ".md-search-result__item, .hc-search-empty"
TIMEOUT_MS = 120_000

# Plain Pagefind has no search box on a Material page: its API is called as a search UI would.
PAGEFIND_SEARCH = """async ([base, query]) => {
  window.__pf = window.__pf || await import(base + "pagefind/pagefind.js");
  const found = await window.__pf.search(query);
  await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  return found.results.length;
}"""

# The last change of the result list, and (search.js marks the list with the query it answers) whether
# it answers what the box holds now: a keystroke whose list is already right (결제 then "결제 ")
# may change no item, only that mark.
WATCH_RESULTS = """() => {
  window.__changed = 0;
  new MutationObserver(() => { window.__changed = performance.now(); })
    .observe(document.querySelector(".md-search-result"), {subtree: true, childList: true, characterData: true,
                                                           attributes: true, attributeFilter: ["data-hc-results-for"]});
}"""
SETTLED = """answers => [performance.now(), window.__changed,
  !answers || document.querySelector(".md-search-result__list").getAttribute("data-hc-results-for")
    === document.querySelector("input.md-search__input").value]"""


def _search_bytes(requests: list) -> int:
    """Bytes of search files as transferred (gzip where the server compressed them). A worker's
    script reports no body size (Pagefind's pagefind-worker.js, Material's search worker), so its
    Content-Length counts instead: it used to count as 0."""
    sizes: dict[str, int] = {}  # an address fetched twice (the second from the browser's cache) counts once
    for request in requests:
        response = request.response() if any(part in request.url for part in SEARCH_URL_PARTS) else None
        if response:
            size = request.sizes()["responseBodySize"] or int(response.headers.get("content-length") or 0)
            sizes[request.url] = max(size, sizes.get(request.url, 0))
    return sum(sizes.values())


def _page(browser, network: bool):
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    if network:
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    requests: list = []
    page.on("requestfinished", lambda request: requests.append(request))
    return context, page, cdp, requests


def _heap(page, cdp) -> int:
    """Bytes of JavaScript heap in use by the page and by each of its workers (Material's lunr
    worker, Pagefind's worker). A worker's heap is read over DevTools: `performance.memory` does not
    exist in a worker, so reading it there counted every worker as 0."""
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    sessions: list[str] = []
    replies: dict[str, dict] = {}
    cdp.on("Target.attachedToTarget", lambda event: sessions.append(event["sessionId"]))
    cdp.on("Target.receivedMessageFromTarget", lambda event: replies.__setitem__(event["sessionId"], json.loads(event["message"])))
    cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": False, "flatten": False})
    page.wait_for_timeout(300)
    for session in sessions:
        cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": json.dumps({"id": 1, "method": "Runtime.getHeapUsage"})})
    for _ in range(50):
        if len(replies) >= len(sessions):
            break
        page.wait_for_timeout(100)
    workers = sum(int(reply.get("result", {}).get("usedSize", 0)) for reply in replies.values())
    return int(metrics.get("JSHeapUsedSize", 0)) + workers


class Variant:
    """How a reader searches in one variant: where its pages are and how a query is typed and awaited."""

    def __init__(self, engine: str, home: str):
        self.engine, self.home = engine, home  # home: the language's root URL

    def block(self, page) -> None:
        if self.engine == "pagefind":  # plain Pagefind: Material's own search must not run as well
            page.route("**/search/search_index.json", lambda route: route.abort())
            page.route("**/workers/search.*", lambda route: route.abort())

    def first_search(self, page, query: str) -> float:
        """Seconds from typing `query` right after the page loaded to its results on screen."""
        start = time.perf_counter()
        if self.engine == "pagefind":
            page.evaluate(PAGEFIND_SEARCH, [self.home, query])
        else:
            page.locator("label.md-header__button[for=__search]").click()
            page.locator("input.md-search__input").type(query)
            page.locator(RESULTS).first.wait_for(state="visible")
        return time.perf_counter() - start

    def keystrokes(self, page, text: str) -> list[float]:
        """Milliseconds from each further keystroke to the results it brings."""
        times = []
        if self.engine == "pagefind":
            for end in range(1, len(text) + 1):
                start = page.evaluate("performance.now()")
                page.evaluate(PAGEFIND_SEARCH, [self.home, text[:end]])
                times.append(page.evaluate("performance.now()") - start)
            return times
        box = page.locator("input.md-search__input")
        box.fill("")
        page.evaluate(WATCH_RESULTS)
        for char in text:
            start = page.evaluate("performance.now()")
            page.keyboard.type(char)
            times.append(_settled(page, start, answers=self.engine == "ours"))
        return times


def _settled(page, start: float, answers: bool, quiet_ms: float = 250, limit_ms: float = 5000) -> float:
    """Milliseconds from `start` to the last change of the result list, once it stopped changing
    (and, with `answers`, once it answers what the box holds)."""
    while True:
        now, changed, answered = page.evaluate(SETTLED, answers)
        if changed > start and answered and now - changed > quiet_ms:
            return changed - start
        if now - start > limit_ms:
            return max(changed - start, limit_ms) if changed > start else limit_ms
        page.wait_for_timeout(30)


def measure_variant(browser, variant: Variant, lang: str) -> dict:
    figures: dict = {}
    # Reading: an article opened and scrolled, search untouched.
    context, page, _, requests = _page(browser, network=False)
    variant.block(page)
    page.goto(variant.home + ARTICLE, wait_until="load")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(1500)
    figures["reading_bytes"] = _search_bytes(requests)
    context.close()
    pooled: list[float] = []  # every phrase's keys, in both pages of the CPU profile
    for profile, network in (("cpu", False), ("slow4g", True)):
        seconds = []
        for query in QUERIES[lang]:
            print(f"  reader: {variant.engine} {lang} {profile} {query!r}", file=sys.stderr, flush=True)
            context, page, cdp, requests = _page(browser, network)
            variant.block(page)
            page.goto(variant.home, wait_until="domcontentloaded")
            before = len(requests)
            seconds.append(variant.first_search(page, query))
            page.wait_for_timeout(200)
            if profile == "cpu":
                first = query == QUERIES[lang][0]
                if first:
                    figures["first_search_bytes"] = _search_bytes(requests[before:])
                    keys = variant.keystrokes(page, KEYSTROKES[lang])
                    figures["keystroke_p95_ms"] = statistics.quantiles(keys, n=20)[-1]
                    pooled.extend(keys)
                if variant.engine != "material":
                    for text in MORE_KEYSTROKES[lang] if first else (KEYSTROKES[lang], *MORE_KEYSTROKES[lang]):
                        pooled.extend(variant.keystrokes(page, text))
                if first:
                    figures["heap_bytes"] = _heap(page, cdp)
            context.close()
        figures[f"to_results_{profile}_s"] = statistics.median(seconds)
    figures["keystrokes_p95_ms"] = statistics.quantiles(pooled, n=20)[-1] if variant.engine != "material" else None
    return figures


def measure(variants: dict[str, dict]) -> dict[str, dict[str, dict]]:
    """Variant name → language → figures. `variants`: name → {"engine": "ours", "material" or
    "pagefind", "sites": {lang: (built site folder, the language's path in it)}}."""
    results: dict[str, dict[str, dict]] = {}
    with ExitStack() as stack:
        browser = stack.enter_context(chromium())
        servers: dict[Path, str] = {}
        for name, spec in variants.items():
            results[name] = {}
            for lang, (folder, prefix) in spec["sites"].items():
                if folder not in servers:
                    servers[folder] = stack.enter_context(serve_apart(folder))
                results[name][lang] = measure_variant(browser, Variant(spec["engine"], servers[folder] + prefix), lang)
    return results


def report(results: dict[str, dict[str, dict]], articles: int) -> list[str]:
    """Markdown table rows of one corpus size."""
    lines = []
    for name, languages in results.items():
        for lang, f in languages.items():
            lines.append(f"| {articles} | {lang} | {name} | {f['reading_bytes'] / 1024:.1f} | {f['first_search_bytes'] / 1024:.1f} | "
                         f"{f['to_results_cpu_s']:.2f} | {f['to_results_slow4g_s']:.2f} | {f['keystroke_p95_ms']:.0f} | "
                         f"{'—' if f['keystrokes_p95_ms'] is None else round(f['keystrokes_p95_ms'])} | "
                         f"{f['heap_bytes'] / 2**20:.1f} |")
    return lines


HEADER = ["| articles/lang | lang | variant | reading KiB | first search KiB | to results s (CPU 4x) | "
          "to results s (CPU 4x + Slow 4G) | keystroke p95 ms (1 phrase) | keystroke p95 ms (4 phrases, 2 pages) | heap MiB |",
          "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"]
