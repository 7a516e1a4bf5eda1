"""The vocabulary query.js reads queries with: the pages' words by use, within a byte budget."""

from __future__ import annotations

import json
import random

from helpcenter.search_vocab import BUDGET, COMPOUNDS_BUDGET, build_vocabulary, gzip_size
from helpcenter.synonyms import across_sites, from_glossary

TEXTS = [
    "결제 오류 가 나 면 결제 수단 을 확인 하 세요",
    "비밀번호 재 설정 은 계정 에서 하 세요",
    "결제 가 안 되 면 카드 를 확인 하 세요. 결제 수단 변경",
    "Sign in with your Coupang account",
]


def test_words_are_ranked_by_how_often_the_pages_use_them():
    words = build_vocabulary(TEXTS, "ko", {})["words"].split()
    assert words[0] == "결제"
    assert words.index("수단") < words.index("변경")
    assert "coupang" in words and "Coupang" not in words  # lower case, as readers type
    assert "." not in "".join(words)


def test_words_used_side_by_side_become_compounds_but_particles_do_not():
    compounds = build_vocabulary(TEXTS, "ko", {})["compounds"].split()
    assert "결제+수단" in compounds
    assert not [c for c in compounds if c.startswith(("가+", "을+")) or c.endswith(("+가", "+을"))]


def test_verb_stems_are_marked_weak_and_nouns_are_not():
    texts = ["카드 를 바꾸 려면 카드 를 바꾸 고 저장 하 세요", "늦어 요", "늦 어요", "답변 이 늦 었 어요"]
    weak = build_vocabulary(texts, "ko", {})["weak"].split()
    assert {"바꾸", "늦", "늦어"} <= set(weak)
    assert "카드" not in weak and "답변" not in weak


def test_stems_the_analysis_found_are_weak_even_with_no_ending_after_them():
    """잊어버림, 나갔는데: the analysis knows these pieces are verbs where no ending follows them."""
    texts = ["비밀번호 를 잊어버 렸 을 때", "돈 이 나 갔 는데", "결제 수단"]
    weak = build_vocabulary(texts, "ko", {}, predicates={"잊어버", "갔", "없는말"})["weak"].split()
    assert {"잊어버", "갔"} <= set(weak)
    assert "없는말" not in weak and "비밀번호" not in weak


def test_the_vocabulary_says_whether_it_holds_every_word():
    assert build_vocabulary(TEXTS, "ko", {})["complete"] is True
    texts = [" ".join(f"w{i}x{j}" for j in range(300)) for i in range(300)]
    assert build_vocabulary(texts, "en", {}, budget=4096)["complete"] is False


def test_the_vocabulary_is_json_and_carries_synonyms_particles_and_stop_words():
    vocab = build_vocabulary(TEXTS, "en", {"Paymnet": ["payment"], "constructor": ["x"]})
    assert json.loads(json.dumps(vocab)) == vocab
    assert vocab["lang"] == "en"
    assert vocab["synonyms"]["paymnet"] == ["payment"]
    assert "가" in vocab["particles"].split()
    assert {"the", "왜"} <= set(vocab["stop"].split())  # both languages are typed on both sites


def test_a_large_site_is_cut_to_the_budget_keeping_the_most_used_words():
    rng = random.Random(7)
    syllables = [chr(0xAC00 + i) for i in range(0, 11172, 7)]
    rare = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(40000)]
    texts = [" ".join(["결제", "계정"] * 50 + rng.sample(rare, 200)) for _ in range(1000)]
    budget = 20 * 1024
    vocab = build_vocabulary(texts, "ko", {}, budget=budget)
    words = vocab["words"].split()
    assert gzip_size(vocab) <= budget
    assert words[:2] == ["결제", "계정"]
    assert 1000 < len(words) < 40000
    assert not vocab["complete"]
    assert BUDGET <= 40 * 1024


def test_a_large_site_keeps_its_most_used_compounds_within_their_own_share():
    # Thousands of pairs that stand side by side only a few times must not crowd out the words.
    rng = random.Random(3)
    syllables = [chr(0xAC00 + i) for i in range(0, 11172, 5)]
    nouns = ["".join(rng.choice(syllables) for _ in range(2)) for _ in range(300)]
    texts = [" ".join(["결제 수단"] * 20 + [f"{rng.choice(nouns)} {rng.choice(nouns)}" for _ in range(100)]) for _ in range(600)]
    vocab = build_vocabulary(texts, "ko", {})
    compounds = vocab["compounds"].split()
    assert compounds[0] == "결제+수단"
    assert gzip_size({"compounds": vocab["compounds"]}) <= COMPOUNDS_BUDGET + 64
    assert vocab["complete"]  # every word still fits: the compounds took no more than their share


def test_the_glossary_gives_each_site_the_other_languages_terms_and_the_variants_to_avoid():
    terms = [
        {"ko": "비밀번호 재설정", "en": "password reset"},
        {"ko": "멤버십", "en": "membership", "avoid": {"ko": ["멤버쉽"]}},
        {"ko": "자주 묻는 질문(FAQ)", "en": "FAQ"},
    ]
    synonyms = from_glossary(terms, ["ko", "en"])
    assert synonyms["en"]["비밀번호재설정"] == ["password reset"]
    assert synonyms["ko"]["membership"] == ["멤버십"]
    assert synonyms["ko"]["멤버쉽"] == ["멤버십"]
    assert synonyms["en"]["멤버쉽"] == ["membership"]
    assert synonyms["ko"]["faq"] == ["자주 묻는 질문"]
    assert "faq" not in synonyms["en"]  # a term is not its own synonym


def test_the_services_own_names_are_listed_as_typed_without_spaces():
    vocab = build_vocabulary(TEXTS, "en", {}, service=["Coupang Play", "Coupang", " "])
    assert vocab["service"].split() == ["coupang", "coupangplay"]


def test_a_feature_the_pages_come_to_document_is_no_longer_a_feature_no_page_documents():
    """A writer who adds a page about subtitles makes subtitle questions answerable, with no list
    to edit: the vocabulary names as undocumented only the features no page's word names."""
    undocumented = build_vocabulary(["재생 이 멈추 면 확인 하 세요"], "ko", {})["features"].split()
    documented = build_vocabulary(["자막 이 나오 지 않 으면 자막 설정 을 확인 하 세요"], "ko", {})["features"].split()
    assert "자막" in undocumented and "자막" not in documented
    assert set(documented) == set(undocumented) - {"자막"}


def test_the_english_site_reads_the_korean_words_the_korean_site_reads():
    """A Korean reader types 리펀드 on either site: the Korean site reads it as 환불, which the English
    site reads as "refund". English words are not carried the other way (an English word there can
    lead to another sense), nor phrases, nor words the site already reads its own way."""
    synonyms = {"ko": {"리펀드": ["환불"], "어디 문의": ["방법"], "pw": ["비밀번호"], "비번": ["비밀번호"]},
                "en": {"환불": ["refund"], "비밀번호": ["password"], "비번": ["pin"], "channels": ["methods"]}}
    derived = across_sites(synonyms, ["ko", "en"])
    assert derived["en"] == {"리펀드": ["refund"]}
    assert derived["ko"] == {}
