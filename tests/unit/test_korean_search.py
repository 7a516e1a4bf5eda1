"""Korean segmentation, per-language indexes, FAQ entries and the theme-config rewrite, without a build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpcenter.errors import ContentError
from helpcenter.faq import mark_questions, search_entries
from helpcenter.korean_text import ZWSP, KoreanIndexer, Morpheme, segment
from helpcenter.languages import language_of
from helpcenter.search_index import SETTINGS, language_index, rewrite_theme_config, split_by_language
from helpcenter.synonyms import load_synonyms

from tests.conftest import ROOT

# What Kiwi reports for "결제가 안돼요" (contractions overlap: 되+어요 share "돼").
PAYMENT = [Morpheme(0, 2, "NNG"), Morpheme(2, 3, "JKS"), Morpheme(4, 5, "MAG"), Morpheme(5, 6, "VV"), Morpheme(5, 7, "EF")]


def test_segment_cuts_inside_words_only_and_reads_the_same():
    text, pieces = segment("결제가 안돼요", PAYMENT)
    assert text == f"결제{ZWSP}가 안{ZWSP}돼{ZWSP}요"
    assert text.replace(ZWSP, "") == "결제가 안돼요"
    assert pieces == [("결제", False), ("가", True), ("안", False), ("돼", False), ("요", True)]


def fake_analyzer(calls: list):
    """Analyses "결제가 안돼요" as Kiwi does and "결제가" as 결제 + 가; records each batch."""

    def analyze(texts):
        calls.append(list(texts))
        return [PAYMENT if text == "결제가 안돼요" else [Morpheme(0, 2, "NNG"), Morpheme(2, 3, "JKS")] for text in texts]

    return analyze


def test_segment_leaves_text_without_hangul_alone():
    calls = []
    assert KoreanIndexer(fake_analyzer(calls)).segment_all(["Wi-Fi 2.4 GHz"]) == ["Wi-Fi 2.4 GHz"]
    assert calls == []


def test_indexer_never_cuts_inside_html_tags_and_analyses_in_one_batch():
    calls = []
    indexer = KoreanIndexer(fake_analyzer(calls))
    result = indexer.segment_all(['<a title="결제가">결제가</a>', "결제가 안돼요", "결제가"])
    assert result == [f'<a title="결제가">결제{ZWSP}가</a>', f"결제{ZWSP}가 안{ZWSP}돼{ZWSP}요", f"결제{ZWSP}가"]
    assert calls == [["결제가", "결제가 안돼요"]]


def test_function_words_are_the_pieces_mostly_seen_as_particles_or_endings():
    indexer = KoreanIndexer(fake_analyzer([]))
    indexer.segment_all(["결제가 안돼요"])
    assert indexer.function_words() == ["가", "요"]


def test_indexer_reuses_analysis_across_builds_and_processes(tmp_path):
    calls = []
    cache = tmp_path / ".cache" / "korean.json"
    first = KoreanIndexer(fake_analyzer(calls), cache, "v1")
    first.segment_all(["결제가 안돼요"])
    first.start_build()
    first.segment_all(["결제가 안돼요"])
    first.save()
    again = KoreanIndexer(fake_analyzer(calls), cache, "v1")
    assert again.segment_all(["결제가 안돼요"]) == [f"결제{ZWSP}가 안{ZWSP}돼{ZWSP}요"]
    assert calls == [["결제가 안돼요"]] and again.function_words() == ["가", "요"]
    KoreanIndexer(fake_analyzer(calls), cache, "v2").segment_all(["결제가 안돼요"])
    assert len(calls) == 2  # another analyzer version does not trust the cache


COMBINED = {
    "config": {"fields": {"title": {"boost": 1000}}},
    "docs": [
        {"location": "", "title": "홈", "text": ""},
        {"location": "en/", "title": "Home", "text": ""},
        {"location": "en/faq/#account", "title": "Account", "text": ""},
        {"location": "faq/", "title": "자주 묻는 질문", "text": ""},
    ],
}


def test_entries_are_split_by_language_root():
    split = split_by_language(COMBINED, "ko", ["ko", "en"])
    assert [d["location"] for d in split["ko"]] == ["", "faq/"]
    assert [d["location"] for d in split["en"]] == ["en/", "en/faq/#account"]
    assert language_of("english/", "ko", ["ko", "en"]) == "ko"  # a prefix, not a folder, is not a language


def test_language_index_is_relative_to_its_root_with_its_own_settings():
    entries = split_by_language(COMBINED, "ko", ["ko", "en"])["en"]
    built = language_index(entries, SETTINGS["en"], {"title": {}}, "en/", None, {"pw": ["password"]})
    assert [d["location"] for d in built["docs"]] == ["", "faq/#account"]
    assert built["config"]["lang"] == ["en"] and built["config"]["synonyms"] == {"pw": ["password"]}


def test_faq_questions_get_unique_ids_and_entries():
    html = (
        '<details class="question">\n<summary>비밀번호를 잊었어요</summary>\n<p>재설정하세요.</p>\n</details>'
        '<details class="question" open="open"><summary>비밀번호를 잊었어요</summary><p>또</p></details>'
    )
    marked, questions = mark_questions(html, lambda text, sep: text.replace(" ", sep))
    assert [q.id for q in questions] == ["q-비밀번호를-잊었어요", "q-비밀번호를-잊었어요_1"]
    assert 'id="q-비밀번호를-잊었어요_1" open="open"' in marked
    assert search_entries("faq/", questions[:1]) == [
        {"location": "faq/#q-비밀번호를-잊었어요", "title": "비밀번호를 잊었어요", "text": "재설정하세요."}
    ]


THEME_PAGE = '<script id="__config" type="application/json">{"base": "../..", "search": "../../assets/javascripts/workers/search.ab12.min.js"}</script>'


def test_theme_config_points_english_pages_at_their_index_and_every_page_at_our_worker():
    config = json.loads(rewrite_theme_config(THEME_PAGE, "en/", "hc-search.js").split(">", 1)[1].rsplit("<", 1)[0])
    assert config == {"base": "../../en/", "search": "../../assets/javascripts/workers/hc-search.js?material=search.ab12.min.js"}
    assert '"base":"../.."' in rewrite_theme_config(THEME_PAGE, "", "hc-search.js")


def test_theme_config_change_in_the_theme_is_reported():
    with pytest.raises(ValueError, match="has the theme changed"):
        rewrite_theme_config("<html></html>", "", "hc-search.js")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "search-synonyms.yml"
    path.write_text(text, encoding="utf-8")
    return path


SCHEMA = ROOT / "data" / "search-synonyms.schema.json"


def test_real_synonyms_load():
    synonyms = load_synonyms(ROOT / "data" / "search-synonyms.yml", SCHEMA, "data/search-synonyms.yml", ["ko", "en"])
    assert synonyms["ko"]["비번"] == ["비밀번호"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ko:\n  비번: [비밀번호]\n", "data/search-synonyms.yml:1: en is missing"),
        ("ko:\n  비번: 비밀번호\nen:\n  pw: [password]\n", "data/search-synonyms.yml:2: ko.비번 must be a list, not a text"),
        ("ko:\n  비 번: [비밀번호]\nen:\n  pw: [password]\n", "ko '비 번' is not allowed: One word"),
        ("ko:\n  비번: [비밀번호*]\nen:\n  pw: [password]\n", "ko.비번[0] '비밀번호*' is not allowed"),
        ("ko:\n  비번: []\nen:\n  pw: [password]\n", "ko.비번 must not be empty"),
        ("ko: {비번: [비밀번호]}\nen: {pw: [password]}\nja: {x: [y]}\n", "'ja' is not a site language (ko, en)"),
    ],
)
def test_bad_synonyms_fail_with_line_and_field(tmp_path, text, message):
    with pytest.raises(ContentError) as caught:
        load_synonyms(write(tmp_path, text), SCHEMA, "data/search-synonyms.yml", ["ko", "en"])
    assert message in str(caught.value)
