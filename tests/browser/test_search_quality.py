"""Readers find the right page however they type: tests/search/queries.yml through the real search box.

tools/eval/searcheval.py prints the same figures next to plain Material's; here only the targets count.
"""

from __future__ import annotations

import pytest
from searcheval import load_queries, mean_reciprocal_rank, recall_at, run_queries

# One worker runs the module: its queries are typed once (the `outcomes` fixture) for all its tests.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("search-quality")]

TARGET_RECALL_AT_3 = 0.95
TARGET_MRR = 0.85


@pytest.fixture(scope="module")
def outcomes(browser, base_url, site):
    # Queries for pages still being written (`pending: true`) count once the sitemap lists them.
    return run_queries(browser, base_url, load_queries(site=site))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_recall_at_3_and_mrr_meet_the_targets(outcomes, lang):
    mine = [o for o in outcomes if o.query.lang == lang]
    misses = [f"{o.query.text!r} → {list(o.pages[:3])}" for o in mine if not (o.rank and o.rank <= 3)]
    assert recall_at(mine) >= TARGET_RECALL_AT_3, f"recall@3 {recall_at(mine):.3f}; misses:\n" + "\n".join(misses)
    assert mean_reciprocal_rank(mine) >= TARGET_MRR, f"MRR {mean_reciprocal_rank(mine):.3f}"


def test_a_query_without_spaces_finds_what_the_spaced_query_finds(outcomes):
    by_text = {o.query.text: o.pages[:3] for o in outcomes}
    for spaced, joined in [("비밀번호 재설정", "비밀번호재설정"), ("결제 오류", "결제오류"), ("전화 상담", "전화상담")]:
        assert by_text[joined][0] == by_text[spaced][0], (spaced, by_text[spaced], joined, by_text[joined])


@pytest.mark.parametrize(("home", "query", "foreign"), [("", "password 비밀번호", "/en/"), ("en/", "password 비밀번호", None)])
def test_each_language_searches_its_own_pages_only(tab, base_url, home, query, foreign):
    page = tab
    page.goto(base_url + home)
    page.locator("input.md-search__input").fill(query)
    results = page.locator(".md-search-result__item > a")
    results.first.wait_for()
    hrefs = [a.get_attribute("href") for a in results.all()]
    if foreign:
        assert not [h for h in hrefs if foreign in h]
    else:
        assert all(h.startswith(base_url + "en/") for h in hrefs), hrefs
