"""Search as a reader meets it: nothing loaded while reading, results in Material's look, a way
forward when nothing matches, the other language when the query is in its script, no script error."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sitebrowser import wait_for_results

from tests.browser.conftest import phone_page

pytestmark = pytest.mark.browser

SEARCH_FILES = ("pagefind", "search_index", "hc-vocabulary", "search/query.js", "lunr")


def search_requests(page, base_url) -> list[str]:
    requests: list[str] = []

    def record(request) -> None:
        if any(part in request.url for part in SEARCH_FILES):
            requests.append(request.url.removeprefix(base_url))

    page.on("request", record)
    return requests


# The tests that only type queries and read the answers share one tab per language (search_tab),
# run by one worker: a fresh page (its context, its load, Pagefind's WebAssembly and first index
# chunks) was most of each test's CPU. The tests of a page view's first search, of what search
# downloads, or of a browser that cannot run the search worker keep a fresh `page` of their own.
in_search_tab = pytest.mark.xdist_group("search-tab")


@pytest.fixture(scope="module")
def search_tab(browser, base_url):
    """search_tab(home) → the phone-sized tab on that language's home page, the search box emptied.
    Its problems (and its page errors, in page.errors) are all it recorded since it opened: a test
    that checks them answers for those before it too, which can only fail, never hide one."""
    tabs = {}

    def open_(home: str):
        if home not in tabs:
            tabs[home] = phone_page(browser, base_url)
            tabs[home].errors = []
            tabs[home].on("pageerror", lambda error, errors=tabs[home].errors: errors.append(str(error)))
        page = tabs[home]
        if page.url != base_url + home:  # new, or a test followed a result to its page
            page.goto(base_url + home)
        box = page.locator("input.md-search__input")
        if box.is_visible() and box.input_value():
            # An empty box empties the list (search.js), once any search still running is dropped:
            # the next test's wait for its answer cannot read the last test's.
            box.fill("")
            page.wait_for_function("() => !document.querySelector('.md-search-result__list').hasAttribute('data-hc-results-for')")
        return page

    yield open_
    for page in tabs.values():
        page.context.close()


def search(page, query: str) -> None:
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for=__search]").click()
    box.fill(query)
    wait_for_results(page, query)


@pytest.mark.parametrize("path", ["", "en/", "account/password-reset/", "en/faq/"])
def test_reading_downloads_nothing_for_search_and_the_first_search_only_its_language(page, base_url, path):
    requests = search_requests(page, base_url)
    page.goto(base_url + path)
    page.mouse.wheel(0, 2000)
    page.wait_for_load_state("networkidle")
    assert requests == [], requests
    search(page, "password" if path.startswith("en/") else "비밀번호")
    own = "en/pagefind/" if path.startswith("en/") else "pagefind/"
    engine = [url for url in requests if "pagefind" in url]
    assert engine and all(url.startswith(own) for url in engine), requests
    assert not page.problems, page.problems


@in_search_tab
def test_nothing_matching_says_so_and_offers_ways_forward_in_the_reader_s_language(search_tab, base_url):
    page = search_tab("")
    search(page, "손흥민 경기 중계 zqxv")
    expect(page.locator(".md-search-result__item")).to_have_count(0)
    panel = page.locator(".hc-search-empty")
    expect(panel).to_contain_text("찾지 못했어요")
    hrefs = [a.get_attribute("href") for a in panel.locator("a").all()]
    for expected in ("faq/", "support/methods/", "support/phone/", "support/email/"):
        assert base_url + expected in hrefs, hrefs
    assert base_url + "en/" in hrefs  # the other language's site
    for href in hrefs:
        assert page.request.get(href).ok, href
    assert not page.problems, page.problems


@in_search_tab
@pytest.mark.parametrize(("home", "query"), [("", "쿠팡이츠 배달 늦음"), ("", "결제 손흥민 중계 하이라이트"), ("en/", "coupang eats delivery late"),
                                           ("", "쿠팡 로켓배송 언제 와요"), ("en/", "coupang eats refund")])
def test_a_question_sharing_only_a_word_or_two_with_the_pages_says_nothing_matched(search_tab, home, query):
    """Most of its real words are unknown, only typo guesses, or the service's own name (on every
    page): whatever the rest matches is no answer, so the panel shows instead of a list of unrelated
    pages."""
    page = search_tab(home)
    search(page, query)
    expect(page.locator(".hc-search-empty")).to_be_visible()
    expect(page.locator(".md-search-result__item")).to_have_count(0)


@in_search_tab
def test_english_no_results_panel_is_in_english(search_tab, base_url):
    page = search_tab("en/")
    search(page, "zqxvw ploughmanship")
    expect(page.locator(".hc-search-empty")).to_contain_text("couldn't find")
    assert base_url + "en/support/phone/" in [a.get_attribute("href") for a in page.locator(".hc-search-empty a").all()]


# Words only the other language's pages use (synonyms would map a common word such as "password").
@in_search_tab
@pytest.mark.parametrize(("home", "query", "other", "label"), [("", "arriving", "en", "English"), ("en/", "리모컨", "ko", "Korean")])
def test_a_query_in_the_other_language_s_script_shows_its_pages_labelled(search_tab, home, query, other, label):
    page = search_tab(home)
    search(page, query)
    foreign = page.locator(f'.md-search-result__item > a[hreflang="{other}"]')
    expect(foreign.first).to_be_visible()
    expect(foreign.first.locator(".hc-search-lang")).to_contain_text(label)
    expect(page.locator(".hc-search-other")).to_be_visible()
    assert not page.problems, page.problems


@in_search_tab
@pytest.mark.parametrize(("home", "question"), [("", "비밀번호를 잊어버렸어요"), ("en/", "I forgot my password")])
def test_an_faq_question_is_a_result_of_its_own_linking_to_its_answer(search_tab, home, question):
    page = search_tab(home)
    search(page, question)
    # Among the first three (a page whose title has the query's words may come first: see ranking).
    links = page.locator(".md-search-result__item > a")
    answer = next(links.nth(i) for i in range(min(3, links.count())) if "faq/#q-" in links.nth(i).get_attribute("href"))
    expect(answer.locator(".hc-search-kind")).to_be_visible()
    # Shown as written: the index's morpheme marks (pagefind_index.JOINER) never reach the reader.
    expect(answer.locator("h1")).to_contain_text(question)
    assert "^" not in page.locator(".md-search-result__list").inner_text()
    answer.click()
    expect(page.locator("details.question:target, details.question[open]").first).to_be_attached()


HOSTILE = [
    "constructor", "__proto__", "toString", "hasOwnProperty", "x" * 2000, "결제" * 1000, "😀🙏 결제", "🙂",
    "مرحبا كلمة المرور", "\u202eedoc", "<img src=x onerror=alert(1)>", "\"'`;--", "\\", ".*+?^$()[]{}|",
    "%00%", "\u200b\u200b", "ㅂㅁㅂㅎ", "ㄱ", "a b c d e f g h i j k l m n o p q r s t u v w x y z",
]


@in_search_tab
@pytest.mark.parametrize("home", ["", "en/"])
def test_hostile_queries_give_results_or_the_no_results_panel_never_an_error(search_tab, home):
    page = search_tab(home)
    for query in HOSTILE:
        search(page, query)
        page.wait_for_timeout(50)
        meta = page.locator(".md-search-result__meta").inner_text()
        assert meta.strip(), query
        assert not page.locator(".md-search-result img, .md-search-result script").count(), query
    assert not page.errors and not page.problems, page.errors + page.problems
    assert page.evaluate("window.__csp") == []


@in_search_tab
def test_results_use_material_s_result_list_with_highlighted_excerpts(search_tab):
    page = search_tab("")
    search(page, "결제 오류")
    item = page.locator(".md-search-result__item").first
    expect(item.locator("article.md-search-result__article h1")).to_be_visible()
    expect(page.locator(".md-search-result__item mark").first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).not_to_be_empty()


# A page's own title, typed as a reader would: that page is the first result, never an FAQ question
# that only shares its words, nor another page whose title names the same topic ("When you can't
# sign in" and "A sign-in … you didn't make"), nor, for a section's hub titled with one word, the
# pages within it that name it too ("Payment": "Fix payment errors"). The titles are read from the
# built pages, not pinned here.
@pytest.mark.parametrize("path", ["support/phone/", "en/support/email/", "en/account/sign-in/", "en/payment/"])
def test_a_page_s_title_finds_that_page_first_not_an_faq_question(tab, base_url, path):
    page = tab
    page.goto(base_url + path)
    title = page.locator("article h1").first.inner_text().strip().removesuffix("¶").strip()  # its permalink's sign
    search(page, title)
    first = page.locator(".md-search-result__item > a").first
    expect(first).to_have_attribute("href", base_url + path)
    expect(first.locator(".hc-search-kind")).to_have_count(0)


def _shown(page) -> list[tuple[str | None, str]]:
    items = page.locator(".md-search-result__item")
    return [(item.locator("a").get_attribute("href"), item.inner_text()) for item in items.all()]


# Answers are kept for the next keystrokes (search.js): going back to an earlier query must show
# that query's own results and highlights again, not those of the query typed in between.
@in_search_tab
@pytest.mark.parametrize(("home", "first", "between"), [("", "비밀번호 재설정", "결제 오류"), ("en/", "reset password", "payment failed")])
def test_going_back_to_an_earlier_query_shows_its_own_results_again(search_tab, home, first, between):
    page = search_tab(home)
    search(page, first)
    before = _shown(page)
    search(page, between)
    assert _shown(page) != before
    search(page, first)
    assert _shown(page) == before
    assert not page.problems, page.problems


# A record's text is kept for whichever query finds it next (search.js recordText); what its
# excerpt highlights is the query's own. A page found by both queries must not keep marking the
# word only the earlier one had.
@in_search_tab
@pytest.mark.parametrize(("home", "first", "then", "gone"), [("", "결제 오류", "결제 수단", "오류"), ("en/", "payment failed", "payment method", "fail")])
def test_a_result_found_again_highlights_the_new_query_s_words(search_tab, home, first, then, gone):
    page = search_tab(home)
    search(page, first)
    before = {href for href, _ in _shown(page)}
    assert any(gone in mark.lower() for mark in page.locator(".md-search-result__item mark").all_inner_texts())
    search(page, then)
    assert before & {href for href, _ in _shown(page)}, "no page found by both queries"
    marks = page.locator(".md-search-result__item mark").all_inner_texts()
    assert marks and not [mark for mark in marks if gone in mark.lower()], marks


@pytest.mark.parametrize(("home", "queries"), [("", ("결제 오류", "결제 수단 변경")), ("en/", ("payment failed", "change payment method"))])
def test_typing_key_by_key_fetches_each_index_chunk_and_result_once_and_ends_on_the_whole_query(page, base_url, home, queries):
    """Typed a key at a time, a reader's keystrokes land while searches run: the chunks of what the
    box holds are preloaded beside the running search, and earlier states' answers are kept. None
    of it may fetch an index chunk or a result's fragment twice, and the results shown are those
    of everything typed, not of a state typed past."""
    requests = search_requests(page, base_url)
    page.goto(base_url + home)
    page.locator("label.md-header__button[for=__search]").click()
    box = page.locator("input.md-search__input")
    for query in queries:
        box.fill("")
        box.press_sequentially(query)
        wait_for_results(page, query)
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        typed_whole = _shown(page)
        box.fill("")
        search(page, query)  # the same query searched at once shows the same results
        # in the same order; a list whose end was in view when drawn also shows the query's other
        # records (search.js showMore), which layout under load can decide either way.
        shorter, longer = sorted((_shown(page), typed_whole), key=len)
        assert shorter and longer[:len(shorter)] == shorter
    fetched = [url for url in requests if url.endswith((".pf_index", ".pf_fragment"))]
    assert fetched, requests
    assert len(fetched) == len(set(fetched)), sorted(url for url in fetched if fetched.count(url) > 1)
    assert not page.problems, page.problems


@in_search_tab
@pytest.mark.parametrize(("home", "query"), [("", "비밀번호"), ("en/", "password")])
def test_a_keystroke_that_does_not_change_the_answer_leaves_the_list_as_it_is(search_tab, home, query):
    """A space after a word searches what the word alone did: the list the reader may be reading or
    moving through is not rebuilt under them, and it still answers what the box holds."""
    page = search_tab(home)
    search(page, query)
    page.locator(".md-search-result__item").first.evaluate("item => { item.dataset.seen = 'yes'; }")
    page.locator("input.md-search__input").press("End")
    page.locator("input.md-search__input").press(" ")
    wait_for_results(page, query + " ")
    expect(page.locator(".md-search-result__item").first).to_have_attribute("data-seen", "yes")
    assert not page.problems, page.problems



@pytest.mark.parametrize(("home", "query"), [("", "결제"), ("en/", "payment")])
def test_a_long_list_fetches_the_rest_of_its_results_when_the_reader_scrolls_to_its_end(page, base_url, home, query):
    """Each result's text is a download of its own: the first screen's come with the list, the
    others when the reader scrolls to its end, after the results already shown, once each."""
    requests = search_requests(page, base_url)
    page.goto(base_url + home)
    search(page, query)
    items = page.locator(".md-search-result__item")
    expect(items.first).to_be_visible()
    promised = int("".join(ch for ch in page.locator(".md-search-result__meta").inner_text() if ch.isdigit()))
    first_screen = _shown(page)
    fragments = [url for url in requests if url.endswith(".pf_fragment")]
    assert len(first_screen) < promised, (first_screen, promised)
    assert len(fragments) < promised
    items.last.scroll_into_view_if_needed()
    expect(items).to_have_count(promised)
    assert _shown(page)[:len(first_screen)] == first_screen  # what the reader was reading stays in place
    hrefs = [href for href, _ in _shown(page)]
    assert len(set(hrefs)) == len(hrefs), hrefs
    fetched = [url for url in requests if url.endswith(".pf_fragment")]
    assert len(fetched) == len(set(fetched)) and len(fetched) > len(fragments)
    assert not page.problems, page.problems


@pytest.mark.parametrize(("home", "query"), [("", "비밀번호 재설정"), ("en/", "reset password")])
def test_a_browser_whose_search_worker_cannot_start_still_searches_in_the_page(page, base_url, home, query):
    """The engine runs in a worker of search.js's own (search/worker.js). A browser that cannot
    start it (no module workers, or its script fails to load) searches in the page instead, with
    the same results."""
    worker = "**/assets/javascripts/search/worker.js"
    page.route(worker, lambda route: route.abort())
    page.goto(base_url + home)
    search(page, query)
    in_page = _shown(page)
    page.unroute(worker)
    requests = search_requests(page, base_url)
    page.goto(base_url + home)  # a new page view, its worker loads
    search(page, query)
    assert in_page and _shown(page) == in_page
    # Under the site's own security headers the worker runs (no quiet fall back to the page, which
    # would also download Pagefind's own worker script).
    assert any(w.url.endswith("assets/javascripts/search/worker.js") for w in page.workers), page.workers
    assert not [url for url in requests if url.endswith("pagefind-worker.js")], requests
    assert not [problem for problem in page.problems if "search/worker.js" not in problem], page.problems
