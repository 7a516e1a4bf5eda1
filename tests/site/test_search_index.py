"""The built search: a Pagefind index per language, its Korean analysed, nothing loaded by pages."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata

import cbor2
import pytest
import yaml
from helpcenter.pagefind_index import published_address
from helpcenter.search_vocab import names, unreachable_synonyms

from tests.html import LANGS, html_files, page_path, read
from tests.paths import PROJECT

JOINER, COMPOUND_JOINER = " ^", "^"  # hooks/helpcenter/pagefind_index


def engine_dir(site, lang):
    return site / page_path(lang, "pagefind")


def fragments(site, lang):
    """Every indexed record as the browser shows it (Pagefind's gzip'd fragment files; Hangul is
    indexed decomposed and shown recomposed)."""
    for file in sorted((engine_dir(site, lang) / "fragment").iterdir()):
        text = gzip.decompress(file.read_bytes()).removeprefix(b"pagefind_dcd").decode("utf-8")
        yield json.loads(unicodedata.normalize("NFC", text))


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_index_of_its_own_pages_only(site, lang):
    entry = json.loads((engine_dir(site, lang) / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [lang]
    urls = [published_address(fragment) for fragment in fragments(site, lang)]
    assert urls and all(url.startswith("/") and not url.startswith(("/en/", "/ko/")) for url in urls)
    # Every indexed URL is a page of that language (relative to its root).
    for url in urls:
        assert (site / page_path(lang, url.lstrip("/").split("#")[0]) / "index.html").is_file() or url == "/", url


def test_korean_records_are_cut_at_morpheme_boundaries_and_english_ones_are_not(site):
    korean = {f["meta"].get("title") or f["meta"]["question"]: f["content"] for f in fragments(site, "ko")}
    question = next(title for title in korean
                    if title.replace(JOINER, "").replace(COMPOUND_JOINER, "").startswith("비밀번호를 잊어버렸어요"))
    # The compound 비밀번호 and the particle 를 are words of the index (the compound whole and as
    # 비밀 + 번호); the carets tell the browser to show 비밀번호를 whole.
    assert f"비밀{COMPOUND_JOINER}번호{JOINER}를" in question
    assert not any(COMPOUND_JOINER in f["content"] for f in fragments(site, "en"))


def test_korean_is_indexed_decomposed_so_pagefind_splits_it_into_chunks(site):
    """Hangul is indexed decomposed: composed, Pagefind put every Korean word into one chunk."""
    for file in (engine_dir(site, "ko") / "fragment").iterdir():
        fragment = json.loads(gzip.decompress(file.read_bytes()).removeprefix(b"pagefind_dcd"))
        indexed = fragment["content"] + (fragment["meta"].get("title") or fragment["meta"]["question"])  # the meta url is an address
        assert any("\u1100" <= c <= "\u11ff" for c in indexed) and not any("\uac00" <= c <= "\ud7a3" for c in indexed)


@pytest.mark.parametrize("lang", LANGS)
def test_faq_questions_are_records_of_their_own_with_anchors_on_the_faq_page(site, lang):
    faq = read(site, page_path(lang, "faq/"))
    ids = [d["id"] for d in faq.select("details.question[id]")]
    assert ids and len(ids) == len(faq.select("details.question")) and len(set(ids)) == len(ids)
    questions = {published_address(f) for f in fragments(site, lang) if f["meta"].get("kind") == "faq"}
    assert questions == {f"/faq/#{i}" for i in ids}


@pytest.mark.parametrize("lang", LANGS)
def test_the_vocabulary_of_each_language_is_written_beside_its_index_with_its_synonyms(site, lang):
    vocabulary = json.loads((engine_dir(site, lang) / "hc-vocabulary.json").read_text(encoding="utf-8"))
    assert vocabulary["lang"] == lang and vocabulary["words"]
    synonyms = vocabulary["synonyms"]
    written = yaml.safe_load((PROJECT / "data" / "search-synonyms.yml").read_text(encoding="utf-8"))
    own = {str(key).lower(): targets for key, targets in (written.get(lang) or {}).items()}
    for key, targets in own.items():
        assert set(targets) <= set(synonyms.get(key, ())), f"{lang}: {key}"
    # Each site gets its own language's section only: 비번 leads to 비밀번호 on one site and to
    # password on the other, never to the other language's words.
    for other, section in written.items():
        for key, targets in (section or {}).items() if other != lang else ():
            assert str(key).lower() in own or synonyms.get(str(key).lower()) != targets, f"{lang}: {key} took {other}'s {targets}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_synonym_leads_to_words_the_pages_use(site, lang):
    """The engine requires every word it is given: a synonym whose target no page uses (a renamed
    term, another spelling) makes the reader's word find nothing at all."""
    vocabulary = json.loads((engine_dir(site, lang) / "hc-vocabulary.json").read_text(encoding="utf-8"))
    if not vocabulary["complete"]:
        pytest.skip("the vocabulary left rare words out, so a missing word proves nothing")
    written = yaml.safe_load((PROJECT / "data" / "search-synonyms.yml").read_text(encoding="utf-8")).get(lang) or {}
    ours = {str(key).lower(): [str(t) for t in targets] for key, targets in written.items()}
    dead = unreachable_synonyms({**vocabulary, "synonyms": ours})
    assert not dead, f"data/search-synonyms.yml ({lang}): these targets use words no {lang} page uses: {dead}"


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_uses_a_word_that_marks_a_query_as_outside_the_site(site, lang):
    """A query naming another service or Coupang's shopping gets the no-results panel: a page that
    used such a word (a comparison, a delivery) could never be found by a reader typing it. (The
    features no page documents need no such check: a documented one leaves the list by itself.)"""
    vocabulary = json.loads((engine_dir(site, lang) / "hc-vocabulary.json").read_text(encoding="utf-8"))
    if not vocabulary["complete"]:
        pytest.skip("the vocabulary left rare words out, so a missing word proves nothing")
    words = vocabulary["words"].split()
    used = {o: w for o in vocabulary["outside"].split() for w in words if names(o, w)}
    assert not used, f"{lang} pages use words that mark a query as outside the site (search_vocab.OUTSIDE): {used}"


def test_no_page_links_to_the_index_or_material_s_search(site):
    """Reading costs nothing for search: pages load only our small search script, never an index."""
    for file in html_files(site):
        page = read(site, file.relative_to(site).as_posix())
        loaded = [e.get("src") or e.get("href") for e in page.select("script[src], link[href]")]
        assert not [url for url in loaded if "pagefind" in url or "search" in url.replace("search.js", "")], file
        assert not page.select('[data-md-component="search"]'), file  # Material's search would fetch its index
    assert not (site / "search" / "search_index.json").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_pages_have_material_s_search_box_in_the_header(site, lang):
    page = read(site, page_path(lang, "support/"))
    header = page.select_one("header.md-header")
    assert header.select_one('label[for="__search"]') and header.select_one("input.md-search__input")
    settings = json.loads(page.select_one("[data-hc-search-config]").string)
    assert settings["lang"] == lang and settings["roots"][lang] == ("" if lang == "ko" else "en/")


@pytest.mark.parametrize("lang", LANGS)
def test_the_webassembly_a_page_names_is_the_one_its_language_s_index_uses(site, lang):
    """search.js fetches the WebAssembly the page names beside pagefind.js; a wrong name would
    download a file the engine never uses (and still wait for the right one)."""
    settings = json.loads(read(site, page_path(lang, "support/")).select_one("[data-hc-search-config]").string)
    entry = json.loads((engine_dir(site, lang) / "pagefind-entry.json").read_text(encoding="utf-8"))
    used = f"wasm.{entry['languages'][lang]['wasm'] or 'unknown'}.pagefind"
    assert settings["wasm"][lang] == used
    assert (engine_dir(site, lang) / used).is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_only_pages_have_a_title_to_the_engine_and_faq_records_their_question(site, lang):
    """search.js fetches first the texts of the records whose title has a query word, which the
    engine tells before any text is downloaded: an FAQ question must not count as such a title."""
    kinds = {"faq": 0, "page": 0}
    for fragment in fragments(site, lang):
        meta = fragment["meta"]
        kinds[meta["kind"]] += 1
        if meta["kind"] == "faq":
            assert "title" not in meta and meta["question"].strip(), meta
        else:
            assert meta["title"].strip() and "question" not in meta, meta
    assert kinds["faq"] and kinds["page"], kinds


@pytest.mark.parametrize("lang", LANGS)
def test_an_address_adds_its_parts_to_the_index_never_one_word_joined_from_them(site, lang):
    """A search for 결제 or sign must not go through one extra word per page joined from its address
    (faqq결제가안돼요, accountsignin): each such word is another match for every prefix of it."""
    words = set()
    for chunk in (engine_dir(site, lang) / "index").iterdir():
        data = cbor2.loads(gzip.decompress(chunk.read_bytes()).removeprefix(b"pagefind_dcd"))
        words |= {unicodedata.normalize("NFC", entry[0]) for entry in data[0]}
    parts = [re.findall(r"[^\W_]+", published_address(f).lower()) for f in fragments(site, lang)]
    joined = {"".join(p) for p in parts if len(p) > 1}
    assert words and joined
    assert not joined & words, sorted(joined & words)[:5]
