"""The built search: one index per language, Korean segmented, pages pointed at their own index."""

from __future__ import annotations

import json

import pytest

from tests.html import LANGS, page_path, read
from tests.pages import PAGES

ZWSP = "\u200b"


def index(site, lang):
    return json.loads((site / page_path(lang, "search/search_index.json")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_index_with_only_its_own_pages(site, lang):
    locations = {d["location"].split("#")[0] for d in index(site, lang)["docs"]}
    assert locations == {path for path, *_ in PAGES}  # relative to the language's root: no "en/..." in ko


def test_korean_index_is_segmented_at_morpheme_boundaries_and_english_is_not(site):
    korean = index(site, "ko")
    title = next(d["title"] for d in korean["docs"] if d["location"] == "faq/#q-비밀번호를-잊어버렸어요")
    assert title.replace(ZWSP, "") == "비밀번호를 잊어버렸어요." and f"{ZWSP}를" in title
    assert "\\u200b" in korean["config"]["separator"] and korean["config"]["lang"] == ["ko"]
    english = index(site, "en")
    assert not any(ZWSP in d["text"] for d in english["docs"])
    assert english["config"]["lang"] == ["en"] and "stemmer" in english["config"]["pipeline"]


def test_korean_index_lists_particles_and_endings_for_queries_to_drop(site):
    words = set(index(site, "ko")["config"]["function_words"])
    assert {"가", "를", "은", "습니다"} <= words
    assert not words & {"결제", "비밀번호", "로그인"}


@pytest.mark.parametrize("lang", LANGS)
def test_index_carries_the_synonyms_of_its_language(site, lang):
    synonyms = index(site, lang)["config"]["synonyms"]
    assert ("forgot" in synonyms) == (lang == "en")
    # Korean typed on the English site leads to the English pages' words.
    assert synonyms["비번"] == (["비밀번호"] if lang == "ko" else ["password"])


def test_faq_questions_have_anchors_and_their_own_search_entries(site):
    faq = read(site, "faq/")
    ids = [d["id"] for d in faq.select("details.question[id]")]
    assert len(ids) == len(faq.select("details.question")) and len(set(ids)) == len(ids)
    entries = {d["location"] for d in index(site, "ko")["docs"]}
    assert all(f"faq/#{i}" in entries for i in ids)


@pytest.mark.parametrize(("lang", "path"), [("ko", "support/"), ("en", "support/"), ("en", "")])
def test_pages_point_the_theme_at_their_languages_index_and_our_worker(site, lang, path):
    config = json.loads(read(site, page_path(lang, path)).find("script", id="__config").string)
    assert config["base"].endswith("en/") == (lang == "en")
    assert "/workers/hc-search.js?material=search." in config["search"]


def test_index_stores_korean_as_utf8_not_escapes(site):
    raw = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "결제" in raw and "\\uacb0" not in raw
