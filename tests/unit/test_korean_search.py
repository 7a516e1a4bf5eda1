"""Korean segmentation, search records, the documents the engine indexes and FAQ anchors, without a build."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from helpcenter.errors import ContentError
from helpcenter.faq import Question, mark_questions
from helpcenter.korean_text import COMPOUND, CUT, KoreanIndexer, Morpheme, predicates, segment
from helpcenter.pagefind_index import JOINER, engine_html, published_address, spaced_url
from helpcenter.search_records import PageText, body_text, records
from helpcenter.synonyms import load_synonyms

from tests.conftest import ROOT

# What Kiwi reports for "결제가 안돼요" (contractions overlap: 되+어요 share "돼").
PAYMENT = [Morpheme(0, 2, "NNG"), Morpheme(2, 3, "JKS"), Morpheme(4, 5, "MAG"), Morpheme(5, 6, "VV"), Morpheme(5, 7, "EF")]


def test_segment_cuts_inside_words_only_and_reads_the_same():
    text = segment("결제가 안돼요", PAYMENT)
    assert text == f"결제{CUT}가 안{CUT}돼{CUT}요"
    assert text.replace(CUT, "") == "결제가 안돼요"


def test_a_compound_noun_is_marked_apart_from_its_particles_and_endings():
    # 고객지원에 결제되고: 고객/NNG 지원/NNG 에/JKB; 결제/NNG 되/XSV 고/EC. Readers type 고객지원 whole
    # (the index keeps it whole too), never 결제되 (the index keeps 결제 alone).
    morphemes = [Morpheme(0, 2, "NNG"), Morpheme(2, 4, "NNG"), Morpheme(4, 5, "JKB"),
                 Morpheme(6, 8, "NNG"), Morpheme(8, 9, "XSV"), Morpheme(9, 10, "EC")]
    assert segment("고객지원에 결제되고", morphemes) == f"고객{COMPOUND}지원{CUT}에 결제{CUT}되{CUT}고"


def test_predicates_are_verb_pieces_without_a_noun_in_them():
    # 돈이 나갔는데: 돈/NNG 이/JKS 나가/VV 았/EP 는데/EC ("갔" holds the stem and the tense).
    morphemes = [Morpheme(0, 1, "NNG"), Morpheme(1, 2, "JKS"), Morpheme(3, 5, "VV"), Morpheme(4, 5, "EP"), Morpheme(5, 7, "EC")]
    verbs, nouns = predicates("돈이 나갔는데", morphemes)
    assert "갔" in verbs and "나" in verbs
    assert "돈" in nouns and not verbs & nouns and "이" not in verbs


def test_a_piece_used_as_a_noun_anywhere_is_not_a_predicate():
    def analyze(texts):
        # 볼 수: 보/VV + ㄹ/ETM; 볼에: 볼/NNG (the cheek) + 에/JKB
        return [[Morpheme(0, 1, "VV"), Morpheme(0, 1, "ETM"), Morpheme(2, 3, "NNB")] if text == "볼 수"
                else [Morpheme(0, 1, "NNG"), Morpheme(1, 2, "JKB")] if text == "볼에"
                else [Morpheme(0, 2, "VV"), Morpheme(1, 2, "EP")] for text in texts]

    indexer = KoreanIndexer(analyze)
    indexer.segment_all(["볼 수", "갔다"])
    assert "볼" in indexer.predicates()
    indexer.segment_all(["볼에"])
    assert "볼" not in indexer.predicates()


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
    assert result == [f'<a title="결제가">결제{CUT}가</a>', f"결제{CUT}가 안{CUT}돼{CUT}요", f"결제{CUT}가"]
    assert calls == [["결제가", "결제가 안돼요"]]


def test_indexer_reuses_analysis_across_builds_and_processes(tmp_path):
    calls = []
    cache = tmp_path / ".cache" / "korean.json"
    first = KoreanIndexer(fake_analyzer(calls), cache, "v1")
    first.segment_all(["결제가 안돼요"])
    first.segment_all(["결제가 안돼요"])
    first.save()
    again = KoreanIndexer(fake_analyzer(calls), cache, "v1")
    assert again.segment_all(["결제가 안돼요"]) == [f"결제{CUT}가 안{CUT}돼{CUT}요"]
    assert calls == [["결제가 안돼요"]]
    KoreanIndexer(fake_analyzer(calls), cache, "v2").segment_all(["결제가 안돼요"])
    assert len(calls) == 2  # another analyzer version does not trust the cache


FAQ_HTML = (
    '<h1 id="faq">자주 묻는 질문<a class="headerlink" href="#faq">&para;</a></h1><p>질문을 누르세요.</p>'
    '<details class="question" id="q-1"><summary>비밀번호를 잊었어요</summary><p>재설정하세요.</p></details>'
)


def test_records_are_plain_text_one_per_page_and_one_per_faq_question_relative_to_their_language():
    pages = [
        PageText("en/faq/", "en", "FAQ &amp; <em>help</em>", FAQ_HTML, (Question("q-1", "Forgot?", "Reset it."),)),
        PageText("faq/", "ko", "자주 묻는 질문", FAQ_HTML, (Question("q-1", "비밀번호를 잊었어요", "재설정하세요."),)),
    ]
    found = records(pages, {"ko": "", "en": "en/"})
    assert found[:2] == [
        {"url": "faq/", "title": "FAQ & help", "content": "질문을 누르세요.", "headings": "", "lang": "en", "kind": "page"},
        {"url": "faq/#q-1", "title": "Forgot?", "content": "Reset it.", "headings": "", "lang": "en", "kind": "faq"},
    ]
    assert [(r["url"], r["lang"], r["kind"]) for r in found[2:]] == [("faq/", "ko", "page"), ("faq/#q-1", "ko", "faq")]


def test_page_body_loses_its_title_permalink_signs_and_questions_answered_by_their_own_records():
    assert body_text(FAQ_HTML) == "질문을 누르세요."
    assert body_text("<p>Use <code>&lt;b&gt;</code> here</p>") == "Use <b> here"  # text, which the engine escapes


def test_section_headings_are_searchable_with_more_weight_but_never_shown_twice():
    page = ('<h1>결제 오류</h1><p>먼저 확인하세요.</p><h2 id="a">결제는 됐는데 <em>볼 수</em> 없을 때<a class="headerlink" href="#a">&para;</a></h2>'
            '<p>내역을 보세요.</p><details class="question" id="q"><summary><h3>질문 제목</h3></summary><p>답</p></details>')
    record = records([PageText("payment/errors/", "ko", "결제 오류", page)], {"ko": ""})[0]
    assert record["headings"] == "결제는 됐는데 볼 수 없을 때"
    document = engine_html(record, record["title"], record["content"], record["headings"])
    shown = len(record["title"].split()) + len(record["content"].split())
    assert f'data-pagefind-meta="words[value]" value="{shown}"' in document
    assert '<p data-pagefind-weight="3">' in document and document.index("data-pagefind-weight") > document.index(unicodedata.normalize("NFD", "내역을"))
    assert "data-pagefind-weight" not in engine_html({**record, "headings": ""}, "t", "c", "")


def test_engine_document_escapes_every_text_and_keeps_the_title_as_a_heading():
    record = {"url": "x/", "title": "t", "content": "c", "lang": "ko", "kind": "page"}
    document = engine_html(record, f"비밀번호{JOINER}를 <b>", '<img src=x onerror="alert(1)">')
    assert "<img" not in document and "<b>" not in document and "&lt;img src=x" in document
    heading = f'<h1 data-pagefind-meta="title">{unicodedata.normalize("NFD", f"비밀번호{JOINER}를")} &lt;b&gt;</h1>'
    assert heading in document  # Hangul decomposed: Pagefind then chunks Korean like any language
    assert 'lang="ko"' in document and 'data-pagefind-meta="kind:page"' in document


def test_an_faq_question_is_weighted_as_a_heading_but_is_not_a_page_title_to_the_engine():
    # search.js fetches first the records whose *page* title has a query word, which the engine
    # tells from its matched meta fields before any record's text is downloaded.
    record = {"url": "faq/#q-1", "title": "t", "content": "c", "lang": "ko", "kind": "faq"}
    document = engine_html(record, "비밀번호 <b>", "재설정")
    assert "<h1" not in document and 'data-pagefind-meta="title"' not in document
    question = f'<p id="q-1" data-pagefind-weight="7" data-pagefind-meta="question">{unicodedata.normalize("NFD", "비밀번호")} &lt;b&gt;</p>'
    assert question in document  # its anchor is the paragraph's id, not words of the address
    assert 'data-pagefind-meta="url[value]" value="/ faq /"' in document
    assert 'data-pagefind-meta="kind:faq"' in document


def test_an_address_is_indexed_by_its_parts_never_joined_into_one_word():
    assert spaced_url("/account/sign-in/") == "/ account / sign - in /"
    assert published_address({"meta": {"url": spaced_url("/library/g001/a_1.x/"), "kind": "page"}}) == "/library/g001/a_1.x/"
    faq = {"meta": {"url": spaced_url("/faq/"), "kind": "faq"}, "anchors": [{"id": "q-결제"}]}
    assert published_address(faq) == "/faq/#q-결제"
    # Only the spaces it put in are taken out: other white space is left for the output gate to refuse.
    assert published_address({"meta": {"url": "/ a\tb /", "kind": "page"}}) == "/a\tb/"


def test_faq_questions_get_unique_ids():
    html = (
        '<details class="question">\n<summary>비밀번호를 잊었어요</summary>\n<p>재설정하세요.</p>\n</details>'
        '<details class="question" open="open"><summary>비밀번호를 잊었어요</summary><p>또</p></details>'
    )
    marked, questions = mark_questions(html, lambda text, sep: text.replace(" ", sep))
    assert [q.id for q in questions] == ["q-비밀번호를-잊었어요", "q-비밀번호를-잊었어요_1"]
    assert 'id="q-비밀번호를-잊었어요_1" open="open"' in marked
    assert (questions[0].question, questions[0].answer) == ("비밀번호를 잊었어요", "재설정하세요.")


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
        ("ko:\n  '비  번': [비밀번호]\nen:\n  pw: [password]\n", "ko '비  번' is not allowed: One word"),
        ("ko:\n  비번: [비밀번호*]\nen:\n  pw: [password]\n", "ko.비번[0] '비밀번호*' is not allowed"),
        ("ko:\n  비번: []\nen:\n  pw: [password]\n", "ko.비번 must not be empty"),
        ("ko: {비번: [비밀번호]}\nen: {pw: [password]}\nja: {x: [y]}\n", "'ja' is not a site language (ko, en)"),
    ],
)
def test_bad_synonyms_fail_with_line_and_field(tmp_path, text, message):
    with pytest.raises(ContentError) as caught:
        load_synonyms(write(tmp_path, text), SCHEMA, "data/search-synonyms.yml", ["ko", "en"])
    assert message in str(caught.value)


def test_the_previews_known_records_are_those_of_the_page_as_it_is_now():
    """The preview keeps each page's records between rebuilds: an edited page's records are made
    again, and equal to a build without that memory."""
    prefixes = {"ko": "", "en": "en/"}
    pages = [PageText("pay/", "ko", "결제", "<h1>결제</h1><p>카드로 결제합니다.</p>"),
             PageText("en/pay/", "en", "Pay", "<h1>Pay</h1><p>Pay by card.</p>")]
    known: dict = {}
    assert records(pages, prefixes, known) == records(pages, prefixes)
    edited = [PageText("pay/", "ko", "결제", "<h1>결제</h1><p>계좌로 결제합니다.</p>"), pages[1]]
    again = records(edited, prefixes, known)
    assert again == records(edited, prefixes) and "계좌" in again[0]["content"]
