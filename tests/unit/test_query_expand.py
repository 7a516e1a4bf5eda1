"""Queries as Koreans type them read as they meant them: search/query.js run in node against
vocabularies built here from made-up pages (never the site's own content)."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
from helpcenter.search_vocab import build_vocabulary

ROOT = Path(__file__).resolve().parents[2]
HARNESS = ROOT / "tests" / "js" / "expand.js"
NODE = shutil.which("node") or "/usr/bin/node"

# Analysed texts as the index holds them: Korean cut at morpheme boundaries, words between spaces.
# 결제 is used more than 계정 (so ㄱㅈ reads 결제 first); 손, 민, 중, 계 exist as stray one-syllable
# words that an unknown name must not be cut into.
KOREAN = (
    ["결제 오류 가 나 면 결제 수단 을 확인 하 세요"] * 4
    + ["계정 에 로그인 하 세요", "계정 을 만드 세요", "비밀번호 재 설정 은 비밀번호 를 잊 었 을 때 하 세요"] * 2
    + ["이메일 로 문의 하 세요", "이메일 주소 를 확인 하 세요", "환불 은 결제 취소 후 에 됩니다",
       "로그 아웃 한 뒤 다시 로그인 하 세요", "고객 센터 전화번호 는 도움말 에 있 습니다",
       "손 을 씻 고 민 원 중 에 계 속", "멤버십 구독 해지", "결과 를 보 세요", "TV 에서 로그인",
       "결제 카드 를 바꾸 려면 카드 를 바꾸 고 저장 하 세요", "카드 변경", "문의 잘 하 는 법"]
)
ENGLISH = [
    "payment failed check your payment method", "reset your password", "sign in to your account",
    "contact support by email", "payment error", "password reset email", "log out and charge the device",
]
SYNONYMS_KO = {"페이먼트": ["결제"], "어카운트": ["계정"], "콜센터": ["고객 센터"], "password": ["비밀번호"], "안돼요": ["오류"]}
SYNONYMS_EN = {"비밀번호": ["password"], "결제": ["payment"], "pw": ["password"]}


@functools.cache
def vocabulary(lang: str) -> dict:
    return build_vocabulary(KOREAN, "ko", SYNONYMS_KO) if lang == "ko" else build_vocabulary(ENGLISH, "en", SYNONYMS_EN)


_BUILT = "built from the made-up pages"


def expand(queries: list[str], lang: str, vocab: object = _BUILT, ready: bool = False) -> list[dict]:
    return _run({"vocab": vocabulary(lang) if vocab is _BUILT else vocab, "lang": lang, "queries": queries, "ready": ready})


def meanings(titles: list[str], vocab: dict) -> list[list[str]]:
    """What each page title says in readers' words, as search.js ranks titles (query.js meanings)."""
    return _run({"vocab": vocab, "titles": titles})


def _run(request: dict) -> list:
    result = subprocess.run([NODE, str(HARNESS)], input=json.dumps(request), capture_output=True, text=True, check=True, timeout=60)
    return json.loads(result.stdout)


_expanded: dict[tuple[str, str], dict] = {}


def first_terms(queries: list[str], lang: str = "ko") -> dict[str, str]:
    """What the engine is asked for each query; the module's queries go to node in one batch."""
    if (lang, queries[0]) not in _expanded:
        batch = sorted({q for q, _ in CASES[lang]} | set(queries))
        _expanded.update({(lang, q): r for q, r in zip(batch, expand(batch, lang))})
    return {q: _expanded[(lang, q)]["query"] for q in queries}


TYPING = [
    ("결ㅈ", "결제"),        # incomplete last syllable
    ("이메", "이메일"),      # half-typed word: its 이 is not a particle
    ("로긍", "로그인"),      # the final consonant is the next syllable's first
    ("결젱", "결제"),
    ("비밀번", "비밀번호"),
    ("계저", "계정"),        # the final consonant not typed yet
]
INITIALS = [("ㅂㅁㅂㅎ", "비밀번호"), ("ㅇㅁㅇ", "이메일"), ("ㄹㄱㅇ", "로그인"), ("비밀ㅂㅎ", "비밀번호")]
TYPOS = [("결졔", "결제"), ("결재", "결제"), ("환뷸", "환불"), ("비밀번허", "비밀번호"), ("이메알", "이메일"), ("결졔가", "결제"),
         # its particle run into what follows: the word without the particle is the typo
         ("환뷸이안돼요", "환불"), ("이메알이안와요", "이메일"),
         # a vowel one stroke off on the phone keypad (천지인: ㅓ is ㆍㅣ), two keys apart on the keyboard
         ("계징", "계정")]
ENGLISH_TYPOS = [("passwrd", "password"), ("paymnet", "payment"), ("acount", "account"), ("pw", "password")]
JOINED = [
    ("비밀번호재설정", ["비밀번호", "재", "설정"]),
    ("결제가", ["결제"]),
    ("결제수단을", ["결제", "수단"]),
    ("결제가 왜 안 되죠", ["결제"]),
    ("계정에 로그인이 안돼요", ["계정", "로그인"]),  # 안돼요 (오류) ranks, not searched: see symptoms
    ("이메일로 문의하고 싶어요", ["이메일", "문의"]),
]
LOANWORDS = [("페이먼트", "결제"), ("어카운트가", "계정"), ("콜센터", "고객 센터")]
CASES: dict[str, Sequence[tuple[str, object]]] = {"ko": TYPING + INITIALS + TYPOS + JOINED + LOANWORDS + [("결제 오ㄹ", "")], "en": ENGLISH_TYPOS}


@pytest.mark.parametrize(("typed", "meant"), TYPING)
def test_a_word_still_being_typed_finds_the_word(typed, meant):
    assert first_terms([typed])[typed] == meant


def test_a_word_still_being_typed_after_finished_ones():
    assert first_terms(["결제 오ㄹ"])["결제 오ㄹ"].split() == ["결제", "오류"]


@pytest.mark.parametrize(("typed", "meant"), INITIALS)
def test_initial_consonants_find_the_word(typed, meant):
    assert first_terms([typed])[typed] == meant


def test_initial_consonants_across_words_and_their_alternatives():
    both, ambiguous = expand(["ㅂㅁㅂㅎㅈㅅㅈ", "ㄱㅈ"], "ko")
    assert both["query"].split()[0] == "비밀번호" and "설정" in both["query"].split()
    matched = ambiguous["words"][0]["matched"]
    assert matched[0] == "결제" and "계정" in matched  # the more used word first


@pytest.mark.parametrize(("typed", "meant"), TYPOS)
def test_a_word_one_or_two_keystrokes_off_finds_the_word(typed, meant):
    assert first_terms([typed])[typed] == meant


@pytest.mark.parametrize(("typed", "meant"), ENGLISH_TYPOS)
def test_english_typos_find_the_word(typed, meant):
    assert first_terms([typed], "en")[typed] == meant


@pytest.mark.parametrize(("typed", "meant"), JOINED)
def test_spaces_left_out_and_particles_and_endings_stripped(typed, meant):
    assert first_terms([typed])[typed].split() == meant


def test_an_unknown_word_stays_one_unknown_word():
    (result,) = expand(["손흥민 경기 중계"], "ko")
    assert [w["typed"] for w in result["words"]] == ["손흥민", "경기", "중계"]
    assert not any(w["known"] for w in result["words"])
    assert result["query"] == ""  # nothing to search: the no-results panel, not stray syllables


def test_a_verb_is_searched_only_when_the_query_has_nothing_else():
    with_topic, alone = expand(["카드 바꾸고 싶어요", "바꾸고"], "ko")
    assert with_topic["query"] == "카드"  # the card page may say 변경, not 바꾸
    assert [w["typed"] for w in with_topic["words"] if w["known"]] == ["카드", "바꾸"]
    assert alone["query"] == "바꾸"


def test_fallback_queries_leave_out_one_word_each_the_most_used_first():
    (result,) = expand(["환불 결제 이메일"], "ko")
    assert result["query"] == "환불 결제 이메일"
    assert result["fallback"][0] == "환불 이메일"  # 결제 is the most used word of the made-up pages
    assert sorted(result["fallback"][:3]) == sorted(["결제 이메일", "환불 이메일", "환불 결제"])
    # then the two words most about a topic alone, for a query no page has two words of
    assert [len(f.split()) for f in result["fallback"][3:]] == [1, 1]


def test_an_unknown_word_is_searched_as_typed_only_when_the_vocabulary_left_words_out():
    complete = vocabulary("ko")
    capped = {**complete, "complete": False}
    (whole,), (cut,) = expand(["결제 손흥민"], "ko", complete), expand(["결제 손흥민"], "ko", capped)
    assert whole["query"] == "결제"
    assert cut["query"] == "결제 손흥민"  # the engine may know a word the vocabulary had no room for


def test_an_unknown_word_next_to_a_known_one_is_reported_as_unknown():
    (result,) = expand(["손흥민 결제"], "ko")
    assert [(w["typed"], w["known"]) for w in result["words"]] == [("손흥민", False), ("결제", True)]


@pytest.mark.parametrize(("typed", "meant"), LOANWORDS)
def test_loanwords_find_the_words_the_pages_use(typed, meant):
    assert first_terms([typed])[typed] == meant


def test_the_other_language_is_recognised_and_mapped():
    on_ko, on_en, mixed = expand(["password"], "ko") + expand(["비밀번호 재설정"], "en") + expand(["TV 로그인"], "ko")
    assert on_ko["foreign"] and on_ko["query"] == "비밀번호"
    assert on_en["foreign"] and on_en["query"].split()[0] == "password"
    assert not mixed["foreign"]


def test_the_other_language_half_typed_or_mistyped():
    half, typo, spaced = expand(["passw", "pasword", "pass wo"], "ko")
    assert half["query"] == typo["query"] == "비밀번호"
    assert spaced["query"] == "비밀번호"  # "pass wo" is the start of "password", typed with a slip of the space bar


def test_korean_typed_with_the_keyboard_in_english_mode_is_read_as_korean():
    (result,) = expand(["dlapdlf"], "ko")  # the keys of 이메일
    assert result["query"] == "이메일" and not result["foreign"]


def test_english_typed_with_the_keyboard_in_korean_mode_is_read_as_english():
    """ㅔ묘ㅡ둣 is what the keys of "payment" give with the keyboard left in Korean mode: on the
    Korean site it is 결제 (its synonym), on the English site "payment". A Korean word stays Korean."""
    vocab = build_vocabulary(KOREAN, "ko", {**SYNONYMS_KO, "payment": ["결제"]})
    ko, korean = expand(["ㅔ묘ㅡ둣", "결제"], "ko", vocab)
    (en,) = expand(["ㅔ묘ㅡ둣"], "en")
    assert ko["query"] == "결제" and en["query"] == "payment" and korean["query"] == "결제"


def test_my_phone_is_where_it_happens_not_the_phone_support():
    vocab = build_vocabulary(ENGLISH + ["phone support hours", "call phone support"], "en", SYNONYMS_EN)
    on_my_phone, call = expand(["sign in on my phone", "phone support number"], "en", vocab)
    assert "phone" not in on_my_phone["query"].split() and "phone" in call["query"].split()


HOSTILE = ["constructor", "__proto__", "toString", "hasOwnProperty", "a" * 2000, "결" * 2000, "ㅂ" * 2000,
           "😀🎉 결제 😀", "ㅏ", "ㅗㅏ", "ㄳ", "مرحبا بالعالم", "שלום", "\u200b\u200f결제\u202e", "", "   ", "\x00",
           "*~^:+-\"", "결제" + "\u0301" * 50, "\ud800", "ㅋㅋㅋㅋ", "1234", "a b c d e f g h i j k l m n o p q r s t u v w x y z"]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_any_input_gives_an_answer_of_the_promised_shape(lang):
    for query, result in zip(HOSTILE, expand(HOSTILE, lang)):
        assert isinstance(result["query"], str) and isinstance(result["foreign"], bool), query
        assert all(isinstance(q, str) for q in result["fallback"] + result["readings"] + result["topics"]), query
        for word in result["words"]:
            assert isinstance(word["typed"], str) and isinstance(word["known"], bool), query
            assert all(isinstance(term, str) for term in word["matched"]), query


def test_a_broken_or_hostile_vocabulary_does_not_break_the_search():
    for vocab in [None, {}, {"words": 5, "synonyms": ["x"]}, {"words": "결제", "synonyms": {"__proto__": ["결제"], "constructor": "결제"}}]:
        (result,) = expand(["constructor 결제"], "ko", vocab)
        assert isinstance(result["query"], str)


def test_a_verb_with_a_noun_among_its_synonyms_is_searched_as_the_noun():
    vocab = build_vocabulary(KOREAN, "ko", {**SYNONYMS_KO, "바꾸": ["변경"]})
    (result,) = expand(["카드 바꾸고 싶어요"], "ko", vocab)
    assert result["query"] == "카드 변경"  # the page that says 변경 is found, not every page with 카드


@pytest.mark.parametrize("query", ["디바이스 결제", "결제 디바이스가"])
def test_a_particle_inside_an_unknown_word_does_not_cut_it(query):
    (result,) = expand([query], "ko")
    unknown = [w["typed"] for w in result["words"] if not w["known"]]
    assert len(unknown) == 1 and unknown[0].startswith("디바이스"), result["words"]
    assert result["query"] == "결제"  # one unknown word of two: the known one is still searched


def test_a_half_typed_word_is_not_read_as_stop_words():
    assert first_terms(["해ㅈ"])["해ㅈ"] == "해지"  # 해 is a stop word, but 해ㅈ is 해지 being typed


@pytest.mark.parametrize(("typed", "meant"), [("logging out", "log"), ("charging", "charge"), ("payments", "payment")])
def test_an_inflected_english_word_finds_its_vocabulary_word(typed, meant):
    assert meant in expand([typed + " "], "en")[0]["query"].split()


def test_how_to_words_do_not_pull_the_query_to_a_page_titled_with_them():
    """"문의 잘하는 법" is no answer to "카드 변경하는 법": 법 is searched only when nothing else is."""
    assert first_terms(["카드 변경 하는 법", "법"]) == {"카드 변경 하는 법": "카드 변경", "법": "법"}


def test_the_topics_of_a_query_leave_generic_actions_out():
    """"비밀번호 변경": a page titled "결제 수단 확인·변경" only shares the action; search.js ranks
    titles by the topics."""
    assert expand(["비밀번호 변경", "카드 변경"], "ko")[0]["topics"] == ["비밀번호"]
    assert expand(["check payment method "], "en")[0]["topics"] == ["payment", "method"]


def test_a_word_with_two_readings_is_also_searched_the_other_way():
    """The engine has no "or": 메일, which the pages use beside 이메일, is searched as typed, then as 이메일."""
    vocab = build_vocabulary(KOREAN + ["인증 메일 이 오 지 않 을 때"], "ko", {**SYNONYMS_KO, "메일": ["이메일"]})
    found = expand(["메일 보내는 법"], "ko", vocab)[0]
    assert found["query"] == "메일" and found["readings"] == ["이메일"]
    assert found["topics"] == ["메일", "이메일"]  # a title that names either reading matches


def test_two_english_words_run_together_are_read_as_the_two_words_each_with_its_synonyms():
    """"paymentfailed" is "payment failed": failed's synonym (error) is searched too, as when the
    reader spaces the words, and both are marked as a guess."""
    vocab = build_vocabulary(ENGLISH, "en", {"failed": ["error"]})
    joined, spaced = expand(["paymentfailed ", "payment failed "], "en", vocab)
    assert joined["query"] == spaced["query"] and joined["readings"] == spaced["readings"]
    assert [w["matched"] for w in joined["words"]] == [w["matched"] for w in spaced["words"]]
    assert all(w["guess"] for w in joined["words"])


def test_a_whole_phrase_run_together_is_read_as_its_words_without_the_function_words():
    """"iforgotmypassword", "howtocancel": several words with stop words among them, as readers
    type a whole phrase without spaces. A real word the vocabulary lacks is not cut into a stop
    word and a known word ("inform" is not in + form)."""
    vocab = build_vocabulary(ENGLISH + ["cancel your membership", "fill in the form"], "en", {})
    phrase, how, cancel, word = expand(["iforgotmypassword ", "howtocancel ", "cancelmymembership ", "inform "], "en", vocab)
    assert "password" in phrase["query"].split()
    assert how["query"] == "cancel"
    assert cancel["query"] == "cancel membership"
    assert "form" not in word["query"].split()


def test_words_that_name_javascript_internals_are_ordinary_words():
    # A vocabulary that left words out: an unknown word is searched as typed, "constructor" too.
    vocab = {"lang": "en", "words": "payment password reset", "complete": False}
    found = expand(["payment constructor", "hasOwnProperty password"], "en", vocab)
    assert [f["query"] for f in found] == ["payment constructor", "hasownproperty password"]


def test_a_key_added_or_left_out_in_a_short_word_is_tried_when_nothing_else_fits():
    """해쥐 is 해지 with one key too many (ㅟ is ㅜ+ㅣ): a guess, tried only because no word is one
    neighbouring key away, and marked as less certain than a word typed right."""
    (result,) = expand(["해쥐 "], "ko")
    assert result["query"] == "해지"
    assert result["words"][0]["guess"] > expand(["결졔 "], "ko")[0]["words"][0]["guess"] > 0


def test_most_words_unknown_or_guessed_is_unanswerable_not_a_list_of_stray_matches():
    brand_and_strangers, one_typo, verbs_only, one_unknown_of_two = expand(
        ["결제 손흥민 중계", "환뷸 ", "바꾸고 싶어요", "결제 손흥민"], "ko")
    assert brand_and_strangers["unanswerable"]  # only 결제 is ours: whatever it matches is no answer
    assert not one_typo["unanswerable"]  # nothing unknown: the correction is searched
    assert not verbs_only["unanswerable"]
    assert not one_unknown_of_two["unanswerable"]
    (english,) = expand(["payment zebra giraffe late"], "en")
    assert english["unanswerable"]  # "late" is only a completion guess (later…), the rest unknown


def test_a_guessed_word_reads_first_as_the_word_the_pages_use_beside_the_readers_other_words():
    """재ㅅ may be 재생 or 재설정 being typed; after 비밀번호 the pages say 재 설정."""
    texts = KOREAN + ["재생 이 멈추 면 재생 을 다시 하 세요"] * 6
    vocab = build_vocabulary(texts, "ko", SYNONYMS_KO)
    alone, beside = expand(["재ㅅ", "비밀번호 재ㅅ"], "ko", vocab)
    assert alone["query"] == "재생"  # the more used word when nothing says otherwise
    assert beside["query"] == "비밀번호 재 설정"


def test_a_negation_written_apart_reads_with_its_verb():
    vocab = build_vocabulary(KOREAN + ["화면 이 나오 지 않 으면 재생 을 확인 하 세요"], "ko", {**SYNONYMS_KO, "안나와": ["재생"]})
    spaced, joined = expand(["화면이 안 나와요", "화면이 안나와요"], "ko", vocab)
    assert spaced["query"] == joined["query"] == "화면 재생"


def test_titles_named_by_words_typed_right_rank_above_titles_named_by_guesses():
    (result,) = expand(["환불 결졔 "], "ko")
    assert "결제" in result["topics"] and result["typedTopics"] == ["환불"]
    assert result["fallback"][0] == "환불"  # the guess is left out first


def test_a_synonym_s_meaning_is_not_a_word_typed_for_ranking_titles():
    # 로그인 was typed; 오류 is what 안돼요 means: the sign-in page's title names what the reader typed.
    (result,) = expand(["로그인이 안돼요"], "ko")
    assert "오류" in result["symptoms"] and result["typedTopics"] == ["로그인"]


def test_a_word_typed_in_the_other_language_counts_as_typed_for_ranking_titles():
    """"password 안돼요" on the Korean site: the reader typed 비밀번호 in English, a translation,
    not a guess; 오류 is still only what 안돼요 means."""
    (result,) = expand(["password 안돼요"], "ko")
    assert "오류" in result["symptoms"] and result["typedTopics"] == ["비밀번호"]


def test_the_service_name_typed_in_words_is_the_service_not_a_topic():
    """"coupang play customer service": play is the service's name here, not the playback the
    pages' "play" words are about."""
    vocab = build_vocabulary(ENGLISH + ["coupang play playback problems"], "en", SYNONYMS_EN, service=["Coupang Play"])
    with_topic, alone = expand(["coupang play payment error", "coupang play"], "en", vocab)
    assert with_topic["query"] == "payment error" and "play" not in with_topic["topics"]
    assert alone["query"] == "coupang play"


def test_a_letter_or_two_being_typed_is_the_start_of_a_word_not_a_rare_word_of_its_own():
    vocab = build_vocabulary(ENGLISH + ["option p of the menu"], "en", SYNONYMS_EN)  # "p" is a word of a page
    typing, typed = expand(["reset p", "reset p "], "en", vocab)
    assert typing["query"].split()[1].startswith("pa")  # payment or password, never every p- word
    assert typed["query"] == "reset p"
    (stop,) = expand(["t"], "en", vocab)
    assert stop["query"] not in ("the", "to")  # a completion is never a stop word


def test_a_syllable_being_typed_is_the_start_of_a_much_more_used_word_not_a_morpheme_of_its_own():
    """결 is a word of the pages (a morpheme of 해결), used far less than 결제: typed alone, it is 결제
    being typed. 명 is used as often as the only word it begins: 몇 명 stays 명."""
    vocab = build_vocabulary(KOREAN + ["해 결 하 세요", "몇 명 이 봐요", "명세서 를 받 아요"], "ko", SYNONYMS_KO)
    typing, typed, counter = expand(["결", "결 ", "몇 명"], "ko", vocab)
    assert typing["query"] == "결제"
    assert typed["query"] == "결"  # typed to its end (a space after it): the word as typed
    assert counter["query"] == "명"


def test_a_half_typed_syllable_completes_a_content_word_not_a_morpheme_or_a_verb_stem():
    """카드 벼 is 카드 변경 being typed, not the suffix 별 (기기별) the pages use a little more;
    재생 끊ㄱ is 끊김 being typed, not the word 끊 (cancel) and a word to come; 로그인 오ㄹ is
    오류, not the verb stem 올."""
    vocab = build_vocabulary(KOREAN + ["기기 별 설정", "기기 별 로 보 세요", "다시 올 려 주 세요", "재생 이 끊기 면"],
                             "ko", {**SYNONYMS_KO, "끊": ["해지"], "끊김": ["재생"]}, predicates=["올"])
    card, playback, error = expand(["카드 벼", "재생 끊ㄱ", "로그인 오ㄹ"], "ko", vocab)
    assert card["query"] == "카드 변경"
    assert "해지" not in playback["query"].split()
    assert error["query"] == "로그인 오류"


def test_a_title_in_readers_words_means_what_their_synonyms_mean():
    """로그인이 안 될 때 says 안될, which readers mean as 오류: for ranking, that title names 로그인
    오류 as surely as 결제 오류 해결 names 결제 오류. A one-syllable reader's word (돈) is part of
    too many others to count inside a title."""
    vocab = build_vocabulary(KOREAN, "ko", {**SYNONYMS_KO, "안될": ["오류"], "돈": ["결제"]})
    sign_in, money = meanings(["로그인이 안 될 때", "돈보다 중요한 것"], vocab)
    assert sign_in == ["오류"]
    assert money == []


def test_a_long_question_falls_back_to_pairs_of_its_topic_words_not_its_story():
    """Leaving out one word of a question of six still asks for five, which no page has: the
    fallbacks keep pairs of the words the synonyms point readers to (결제 오류, 한도), not the
    rarest words of the reader's story (전날, 여행)."""
    vocab = build_vocabulary(KOREAN + ["여행 전날 공항 에서 확인", "한도 초과"], "ko", SYNONYMS_KO)
    (question,) = expand(["여행 전날 공항에서 결제 오류 한도 초과 확인"], "ko", vocab)
    assert len(question["query"].split()) >= 5
    first = set(question["fallback"][0].split())
    assert first <= {"결제", "오류", "한도", "초과"} and len(first) < len(question["query"].split()) - 2


def test_it_does_not_work_ranks_the_pages_but_is_not_asked_of_them():
    """티비 로그인 안됨: the devices page says 로그인이 안 되면, never 오류, so 오류 (what 안됨 means)
    is a symptom that orders titles, not a word the engine requires. 안 나와요 names what fails
    (playback) and stays searched; 안돼요 alone is still searched as 오류."""
    synonyms = {**SYNONYMS_KO, "안됨": ["오류"], "안나와": ["재생"], "티비": ["tv"]}
    vocab = build_vocabulary(KOREAN + ["화면 이 나오 지 않 으면 재생 을 확인 하 세요"], "ko", synonyms)
    login, screen, alone = expand(["티비 로그인 안됨", "화면이 안 나와요", "안돼요"], "ko", vocab)
    assert login["query"] == "tv 로그인" and login["symptoms"] == ["오류"]
    assert screen["query"] == "화면 재생"
    assert alone["query"] == "오류"


def test_the_help_desk_named_beside_a_topic_is_left_out_first():
    """고객센터 이메일 주소 asks for the email address: the first fallback searches the topic alone,
    not the help desk, which every support page names."""
    vocab = build_vocabulary(KOREAN + ["이메일 주소 를 확인 하 세요", "고객 센터 에 문의 하 세요"] * 5, "ko", SYNONYMS_KO)
    (result,) = expand(["고객센터 이메일 주소"], "ko", vocab)
    assert "고객 센터" in result["query"] and result["fallback"][0] == "이메일 주소"


def test_a_mistyped_function_word_is_left_out_not_counted_unknown():
    """"pasword workng": a typo of a page word and a typo of a stop word is a question about the
    password, not a query of mostly unknown words."""
    (query,) = expand(["pasword workng"], "en")
    assert query["query"] == "password" and not query["unanswerable"]


def test_a_consonant_typed_apart_after_a_syllable_may_be_its_final():
    vocab = build_vocabulary(KOREAN + ["헬프 센터 에서 찾 으세요"] * 2, "ko", SYNONYMS_KO)
    (result,) = expand(["헤ㄹ"], "ko", vocab)
    assert result["query"] == "헬프"


def test_a_word_that_reads_only_as_particles_is_tried_as_a_typo():
    """로고인 cuts into 로 + 고 + 인, pieces that cannot begin a word: it is 로그인 mistyped. Real
    endings after a stop word (했는데) are still only endings."""
    typo, typing, endings = expand(["로고인 ", "로고인", "결제 했는데 "], "ko")
    assert typo["query"] == typing["query"] == "로그인"
    assert endings["query"] == "결제"


def test_the_actions_of_a_query_are_kept_apart_for_ranking_when_no_title_names_a_topic():
    (result,) = expand(["카드 변경"], "ko")
    assert result["topics"] == ["카드"] and result["actions"] == ["변경"]


def test_a_question_the_vocabulary_knows_is_searched_as_its_answer_only_when_it_has_no_other_topic():
    """"어디로 문의해야 하나요" and "문의는 어디로" ask which channel to use: the phrase 어디 문의 leads
    to the comparison. "결제 문의는 어디로" is about payment, and is searched as typed."""
    vocab = build_vocabulary(KOREAN + ["고객 지원 방법 비교"], "ko", {**SYNONYMS_KO, "어디 문의": ["방법 비교"]})
    asked, reordered, about_payment = expand(["어디로 문의해야 하나요", "문의는 어디로 해요", "결제 문의는 어디로"], "ko", vocab)
    assert asked["query"] == reordered["query"] == "방법 비교" and asked["topics"][0] == "방법 비교"
    assert about_payment["query"].split()[0] == "결제"


def test_a_term_of_several_words_is_one_topic_and_its_first_word_not_its_last():
    """고객 센터: a title naming 고객 may be about it, one naming only 센터 (온라인 헬프 센터) is not."""
    (result,) = expand(["콜센터 "], "ko")
    assert result["topics"] == ["고객 센터", "고객"]


def test_a_syllable_that_could_be_a_particle_starting_an_unknown_word_stays_in_it():
    """A particle ends a word: 로 at the start of 로켓배송, or 이 before the unknown 츠 of 쿠팡이츠, is the
    unknown word's first syllable, not a particle with an unknown remainder."""
    rocket, eats = expand(["로켓배송 ", "결제이츠 "], "ko")
    assert [(w["typed"], w["known"]) for w in rocket["words"]] == [("로켓배송", False)]
    assert [(w["typed"], w["known"]) for w in eats["words"]] == [("결제", True), ("이츠", False)]


def test_the_services_own_name_beside_an_unknown_word_is_unanswerable():
    """Every page is about the service: "쿠팡 로켓배송" asks about another service, and the name alone
    matches every page by accident. With the site's topics, the name is searched as usual."""
    vocab = build_vocabulary(KOREAN + ["쿠팡 플레이 결제"], "ko", SYNONYMS_KO, service=["쿠팡", "쿠팡플레이"])
    other, ours, name_only = expand(["쿠팡 로켓배송", "쿠팡 결제 오류", "쿠팡 "], "ko", vocab)
    assert other["unanswerable"]
    assert not ours["unanswerable"] and "결제" in ours["query"]
    assert not name_only["unanswerable"] and name_only["query"] == "쿠팡"
    assert not expand(["결제 카카오"], "ko", vocab)[0]["unanswerable"]  # one of two real words is ours


def test_a_query_naming_another_service_or_coupangs_shopping_is_unanswerable_whatever_else_it_shares():
    """"넷플릭스 결제" shares 결제 with the pages, but asks about another service: the pages about
    payment are no answer to it. The name is found with particles, without spaces, on either site."""
    found = expand(["넷플릭스 결제 ", "넷플릭스는 결제가 ", "쿠팡로켓배송 결제", "결제 반품", "netflix payment", "결제 오류 "], "ko")
    assert [f["unanswerable"] for f in found] == [True, True, True, True, True, False]
    english = expand(["netflix's payment", "shipping payment", "넷플릭스 password", "payment failed "], "en")
    assert [f["unanswerable"] for f in english] == [True, True, True, False]


def test_initial_consonants_typed_without_shift_and_read_as_the_readers_words_first():
    """Phone keyboards need shift for ㄲ: readers type ㅂㄱㄱ for 바꾸기. Between readings, the words
    readers type (synonym keys) and the topics they mean come before the pages' other words."""
    vocab = build_vocabulary(KOREAN + ["부분 적 으로 부분 만 보 세요"] * 6, "ko", {**SYNONYMS_KO, "비번": ["비밀번호"], "바꾸기": ["변경"]})
    lazy, topic = expand(["ㅂㄱㄱ ", "ㅂㅂ "], "ko", vocab)
    assert lazy["query"] == "변경"
    assert topic["query"] == "비밀번호"  # 비번, though 부분 is used more on the pages


def test_a_question_is_matched_in_the_readers_words_even_where_synonyms_replaced_them():
    """The phrase is written as readers type it: "콜센터 번호" asks for the phone page although 콜센터
    is searched as 고객 센터, and a joined or spaced form counts the same."""
    vocab = build_vocabulary(KOREAN + ["전화 상담 번호"], "ko", {**SYNONYMS_KO, "콜센터 번호": ["전화 상담"]})
    spaced, joined, more = expand(["콜센터 번호 알려주세요", "콜센터번호", "콜센터 번호 결제"], "ko", vocab)
    assert spaced["query"] == joined["query"] == "전화 상담"
    assert "결제" in more["query"].split()  # another topic: not the phrase's question


def test_a_one_syllable_first_word_of_a_term_is_not_a_topic_of_its_own():
    (result,) = expand(["비밀번호 재설정 "], "ko")
    assert "재" not in result["topics"] and "비밀번호" in result["topics"]


def test_a_generic_action_is_left_out_first_when_the_query_finds_too_little():
    """비밀번호 변경: the reset page says 재설정, never 변경; the password is what the reader needs."""
    (result,) = expand(["비밀번호 변경 "], "ko")
    assert result["fallback"][0] == "비밀번호"


def test_stop_words_and_a_one_syllable_completion_read_as_one_word_one_key_off():
    """해자 is 해지 with a neighbouring key, not the stop word 해 and a word beginning with 자; 더용
    is 도용, not 더 and 용량."""
    vocab = build_vocabulary(KOREAN + ["자주 묻 는 질문", "저장 용량 확인", "계정 도용 신고"] * 3, "ko", SYNONYMS_KO)
    cancel, misuse, typing_on = expand(["해자", "더용", "해ㅈ"], "ko", vocab)
    assert cancel["query"] == "해지" and misuse["query"] == "도용"
    assert typing_on["query"] == "해지"


def test_the_services_own_name_is_not_searched_beside_other_words():
    """Pages about payment errors need not say 쿠팡플레이: the engine, which requires every word, is
    not asked for it when the query has anything else."""
    vocab = build_vocabulary(KOREAN + ["쿠팡플레이 결제"], "ko", SYNONYMS_KO, service=["쿠팡플레이"])
    with_topic, alone = expand(["쿠팡플레이 결제 오류", "쿠팡플레이 "], "ko", vocab)
    assert with_topic["query"] == "결제 오류"
    assert alone["query"] == "쿠팡플레이"


def test_a_stop_syllable_starting_a_two_syllable_run_with_a_stray_syllable_is_one_unknown_word():
    """주문 is not the stop word 주 and the pages' stray 문; 내돈 is still 내 and the reader's 돈."""
    vocab = build_vocabulary(KOREAN + ["문 을 닫 으세요"] * 3, "ko", {**SYNONYMS_KO, "돈": ["결제"]})
    order, money = expand(["주문 ", "내돈 "], "ko", vocab)
    assert [(w["typed"], w["known"]) for w in order["words"]] == [("주문", False)]
    assert money["query"] == "결제"


def test_a_generic_word_the_pages_do_not_use_is_left_out_not_read_as_another_word():
    """"issue" where the pages say "problem": read as the start of "issuer" (or "trouble" as a typo
    of "double") it searched a word the pages share by chance, and the page the reader needs was lost."""
    vocab = build_vocabulary(ENGLISH + ["the card issuer declined it", "press double to zoom"], "en", SYNONYMS_EN)
    issue, trouble = expand(["password issue", "password trouble"], "en", vocab)
    assert issue["query"] == "password" and trouble["query"] == "password"


def test_a_fallback_is_also_tried_in_its_words_other_readings():
    """A reader's word the pages use in passing (billing) also reads as the word they are about
    (payment): leaving out the other word must try both, not only the word in passing."""
    vocab = build_vocabulary(ENGLISH + ["billing questions go to support"], "en", {**SYNONYMS_EN, "billing": ["payment"]})
    (result,) = expand(["billing failed "], "en", vocab)
    assert result["query"] == "billing failed"
    assert "payment" in result["fallback"] and "billing" in result["fallback"]
    assert result["fallback"].index("billing") < result["fallback"].index("payment")


@pytest.mark.parametrize("typed", ["ㅋㅋㅋㅋ", "ㅎㅎ", "ㅠㅠㅠ", "ㅜㅜ "])
def test_laughter_and_tears_are_not_initial_consonants(typed):
    """ㅋㅋㅋㅋ is a laugh, not the initials of a word (쿠키): alone it finds nothing; beside a word
    it is left out."""
    vocab = build_vocabulary(KOREAN + ["쿠키 를 지우 세요"] * 3, "ko", SYNONYMS_KO)
    alone, beside = expand([typed, "결제 오류" + typed], "ko", vocab)
    assert alone["query"] == ""
    assert beside["query"] == "결제 오류"


def test_how_long_and_how_many_are_question_words_not_unknown_words():
    """환불은 며칠 걸려요 asks about refunds: 며칠 and 걸려요 are not unknown words that make the
    query unanswerable, nor is "how long ... take" a topic."""
    refund, reset = expand(["환불은 며칠 걸려요", "환불 얼마나 걸리나요"], "ko")
    assert refund["query"] == "환불" and not refund["unanswerable"]
    assert reset["query"] == "환불"
    (english,) = expand(["how long does a password reset take next month"], "en")
    assert english["query"] == "password reset"


def test_a_quoted_ending_is_read_as_an_ending():
    """로그인하라는데 (it tells me to sign in): 라는데 is an ending, not 라는, which the pages use
    ("오류라는 메시지")."""
    vocab = build_vocabulary(KOREAN + ["오류 라는 메시지 가 나오 면 다시 로그인 하 세요"] * 3, "ko", SYNONYMS_KO)
    (result,) = expand(["로그인하라는데 "], "ko", vocab)
    assert result["query"] == "로그인"


def test_a_word_near_a_function_word_is_not_read_as_it():
    """weather is not a typo of whether, which the pages use but no reader searches for: a question
    about the weather finds nothing rather than every page that says "whether"."""
    vocab = build_vocabulary(ENGLISH + ["check whether the payment went through rather than paying again"] * 3, "en", SYNONYMS_EN)
    (result,) = expand(["weather tomorrow"], "en", vocab)
    assert result["query"] == "" and result["unanswerable"]


def test_help_beside_a_topic_is_the_request_not_the_topic():
    """"결제 오류 help": the reader asks for help with payment errors; read as a topic, "help" put the
    page titled "Online help center" first."""
    (found,) = expand(["payment error help"], "en", build_vocabulary(ENGLISH + ["online help center"], "en", {}))
    assert "help" not in found["topics"] and "help" in found["actions"] and "payment" in found["topics"]


def test_how_to_use_a_feature_no_page_documents_is_unanswerable_unless_it_fails():
    """No page documents subtitles or profiles: "how do I make subtitles bigger" has no answer here,
    whatever word it shares with the pages; "subtitles don't show" is a playback problem."""
    vocab = build_vocabulary(KOREAN + ["재생 이 멈추 면 재생 을 확인 하 세요"] * 3, "ko", {**SYNONYMS_KO, "자막": ["재생"], "프로필": ["계정"]})
    results = expand(["자막 크기 키우기", "프로필 추가하는법", "자막이 안 나와요", "자막이안나와요", "자막 깨져요"], "ko", vocab)
    how_to, profile, spaced, joined, broken = results
    assert how_to["unanswerable"] and profile["unanswerable"]
    # 못 ...게 says what a setting is for (so that the children can't watch), not that it fails
    assert all(r["unanswerable"] for r in expand(["애들 못보게 프로필 거는법", "프로필 못 보게 하려면"], "ko", vocab))
    assert not any(r["unanswerable"] for r in (spaced, joined, broken))
    assert spaced["query"] == joined["query"] == "재생"
    vocab = build_vocabulary(ENGLISH + ["playback stops check playback"] * 3, "en", {**SYNONYMS_EN, "subtitles": ["playback"]})
    turn_on, not_showing = expand(["turn on subtitles", "subtitles not showing"], "en", vocab)
    assert turn_on["unanswerable"] and not not_showing["unanswerable"]


def test_two_channels_typed_side_by_side_ask_which_whatever_the_topic():
    """"환불은 이메일이랑 전화 중 어디가 나아요" asks which channel, not about refunds; a word that
    only means a channel (상담원: phone support) beside another is no such choice."""
    texts = KOREAN + ["고객지원 방법 비교", "전화 상담 은 상담원 이 받 습니다", "이메일 문의 답변"] * 2
    synonyms = {**SYNONYMS_KO, "전화 이메일": ["고객지원 방법 비교"], "상담원": ["전화 상담"]}
    which, one = expand(["환불은 이메일이랑 전화 중 어디가 나아요", "상담원한테 환불 이메일 보냈어요"], "ko",
                        build_vocabulary(texts, "ko", synonyms))
    assert which["query"] == "고객지원 방법 비교"
    assert one["query"] != "고객지원 방법 비교"


def test_a_word_after_a_function_word_is_not_cut_into_particles():
    """다른기기에서 is 다른 + 기기: read as 다른 + 기 + 기 (the nominal ending twice) it lost the word,
    and the query searched nothing."""
    vocab = build_vocabulary(KOREAN + ["여러 기기 에서 로그인 하 세 요"] * 3, "ko", SYNONYMS_KO)
    assert [r["query"] for r in expand(["다른기기에서", "새기기"], "ko", vocab)] == ["기기", "기기"]
    # 지 + 지 is no word here: 들어가지지가 is a verb and its endings, nothing unknown
    (entering,) = expand(["계정 로그인이 들어가지지가 않아요"], "ko", vocab)
    assert not entering["unanswerable"] and "로그인" in entering["query"].split()


def test_wanting_to_is_an_ending_only_after_a_stem():
    """카드 바꿀래 (I want to change my card) ends in 래, which followed by nothing read as a typo
    of another word; 원래 (originally) is no stem and its ending."""
    vocab = build_vocabulary(KOREAN + ["미 래 의 결제"] * 3, "ko", {**SYNONYMS_KO, "바꿀": ["변경"]})
    assert expand(["카드 바꿀래"], "ko", vocab)[0]["query"] == "카드 변경"
    vocab = build_vocabulary(KOREAN + ["원 단위 로 결제 됩니다"] * 3, "ko", SYNONYMS_KO)
    assert "원" not in expand(["원래 결제"], "ko", vocab)[0]["query"].split()


def test_an_english_adverb_is_no_unknown_topic():
    """"bufering constantly" asks about buffering: an unknown word in -ly says how, like a verb form,
    and does not make the query unanswerable."""
    vocab = build_vocabulary(ENGLISH + ["buffering and playback"] * 3, "en", SYNONYMS_EN)
    (result,) = expand(["bufering constantly"], "en", vocab)
    assert not result["unanswerable"] and result["query"] == "buffering"


def test_two_words_run_together_one_mistyped_are_both_read():
    """게정도용 is 계정 (one key off) and 도용, not 게 + 정도 (a word the pages also use) + 용;
    보내기전 stays 보내 + 기 + 전 (a verb's stem is no half of such a pair)."""
    texts = KOREAN + ["도용 이 의심 되 면", "어느 정도 걸립니다", "메일 을 보내 기 전 에 확인"] * 3
    typo, before = expand(["게정도용", "보내기전"], "ko", build_vocabulary(texts, "ko", SYNONYMS_KO))
    assert typo["query"] == "계정 도용"
    assert "기존" not in before["query"]


def test_a_sound_word_is_no_unknown_topic():
    """영화 보다가 뚝뚝 끊겨요: 뚝뚝 (a sound, its syllables twice) says how playback stops, as a verb
    does; with the unknown 영화 it made most of the query unknown."""
    vocab = build_vocabulary(KOREAN + ["재생 이 끊기 면 확인 하 세요"] * 3, "ko", {**SYNONYMS_KO, "끊겨요": ["재생"]})
    (result,) = expand(["영화 보다가 뚝뚝 끊겨요"], "ko", vocab)
    assert not result["unanswerable"] and result["query"] == "재생"


def test_a_word_typed_as_a_phrase_has_it_asks_the_phrase_whatever_it_was_read_as():
    """"whats the process to get support": process, a word the pages lack, reads as a typo of prices,
    but the reader typed the phrase's own word."""
    vocab = build_vocabulary(ENGLISH + ["prices are listed", "request support"] * 2, "en",
                             {**SYNONYMS_EN, "process support": ["request support"]})
    assert expand(["whats the process to get support"], "en", vocab)[0]["query"] == "request support"


def test_a_word_cut_short_before_the_next_is_the_word_it_starts():
    """"passw rese": a fast typer's password, cut short before reset; "finish" is a word of its own
    that the pages only use as "finished", not a password cut short."""
    vocab = build_vocabulary(ENGLISH + ["the steps are finished"] * 2, "en", SYNONYMS_EN)
    cut, whole = expand(["passw rese", "finish payment"], "en", vocab)
    assert cut["query"].split() == ["password", "reset"] and not cut["unanswerable"]
    assert "finished" not in whole["query"]


def test_a_feature_named_in_two_words_or_after_a_number_is_still_named():
    """"2단계 인증 켜기" and "turn on 2 step verification" ask how to use two-step verification, as
    "2단계인증" does; two words that only run into a name by chance do not ("로그인 중 계정 오류":
    중계, "the episode stops": episodes)."""
    vocab = build_vocabulary(KOREAN + ["단계 별로 인증 메일 을 확인 하 세요", "로그인 중 계정 오류"] * 3, "ko", SYNONYMS_KO)
    spaced, number, chance = expand(["2단계 인증 켜기", "2단계인증 켜기", "로그인 중 계정 오류"], "ko", vocab)
    assert spaced["unanswerable"] and number["unanswerable"] and not chance["unanswerable"]
    vocab = build_vocabulary(ENGLISH + ["step two check the verification code", "the episode stops"] * 3, "en", SYNONYMS_EN)
    steps, plural = expand(["turn on 2 step verification", "the episode stops"], "en", vocab)
    assert steps["unanswerable"] and not plural["unanswerable"]


def test_the_help_desk_beside_a_topic_searches_the_topic():
    """Every support page names customer service: "email customer service" asks about email; when
    the help desk is all the query is about, it is searched."""
    texts = ENGLISH + ["customer support answers by email and phone", "what customer support does"] * 2
    vocab = build_vocabulary(texts, "en", {**SYNONYMS_EN, "emial": ["email"]})
    topic, desk = expand(["email customer support", "what does customer support do"], "en", vocab)
    assert topic["query"] == "email"
    assert "customer support" in desk["query"]


def test_a_question_phrase_is_recognised_run_together_from_initials_or_in_abbreviations():
    """A phrase of the vocabulary ("고객센터 전화번호": the phone page) typed as readers type it."""
    ko = build_vocabulary(KOREAN + ["전화 상담 은 고객 센터 전화번호 로"] * 2, "ko", {**SYNONYMS_KO, "고객센터 전화번호": ["전화 상담"]})
    queries = ["고객센터 전화번호", "고객센터전화번호", "ㄱㄱㅅㅌ ㅈㅎㅂㅎ", "고객센ㅌ 전화번ㅎ", "결제 고객센터 전화번호"]
    spaced, joined, initials, half, other_topic = expand(queries, "ko", ko)
    assert spaced["query"] == joined["query"] == initials["query"] == half["query"] == "전화 상담"
    assert other_topic["query"] != "전화 상담"  # 결제 is a topic the phrase does not cover
    en = build_vocabulary(ENGLISH + ["report misuse of your account"] * 2, "en", {**SYNONYMS_EN, "acct": ["account"], "someone log account": ["misuse"]})
    (abbreviated,) = expand(["someone logged into my acct"], "en", en)
    assert abbreviated["query"] == "misuse"


def test_an_unknown_verb_form_does_not_make_a_query_unanswerable_unknown_nouns_do():
    """The vocabulary knows the pages' verbs only: "떠요" (it shows), "빠져나간거" (what went out)
    say what happens; 손흥민 and 중계 name what the site does not cover."""
    verbs, cut_verb, nouns = expand(["결제 오류 떠요", "결제가 빠져나간거 같아요", "결제 손흥민 중계"], "ko")
    assert not verbs["unanswerable"] and verbs["query"] == "결제 오류"
    assert not cut_verb["unanswerable"]
    assert nouns["unanswerable"]
    (name_and_verb,) = expand(["무빙 다시보기"], "ko")  # a show's name and "watch again"
    assert name_and_verb["unanswerable"]
    # 했 typed without shift (햇), beside the service's name, which every page is about
    vocab = build_vocabulary(KOREAN + ["쿠팡플레이 멤버십"], "ko", {**SYNONYMS_KO, "쿠플": ["쿠팡플레이"]}, service=["쿠팡플레이"])
    shiftless, ending = expand(["쿠플 해지햇는데 또 빠져나감", "쿠플 해지되더니"], "ko", vocab)
    assert not shiftless["unanswerable"] and shiftless["query"] == "해지"
    assert not ending["unanswerable"]  # 니 of 되더니, left alone by the cut


def test_hedges_are_not_words_of_the_query():
    """"I think" hedges what the reader asks, even where a page says it too (an FAQ question)."""
    vocab = build_vocabulary(ENGLISH + ["i think someone is using my account"], "en", SYNONYMS_EN)
    hedged, plain = expand(["i think my payment failed", "my payment failed"], "en", vocab)
    assert hedged["query"] == plain["query"] and not hedged["unanswerable"]


def test_a_question_phrase_ignores_the_help_desk_and_a_plain_symptom():
    """"best way to contact customer support" asks which channel, as "best way to contact" does;
    "결제는 됐는데 재생이 안돼요" is paid-but-nothing-plays, whatever 안돼요 adds."""
    texts = ENGLISH + ["compare support channels", "customer support", "supported devices"] * 2
    en = build_vocabulary(texts, "en", {**SYNONYMS_EN, "way contact": ["compare support channels"], "how contact": ["compare support channels"]})
    channel, half_typed = expand(["best way to contact customer support", "how to contact sup"], "en", en)
    assert channel["query"] == "compare support channels"
    assert half_typed["query"] == "compare support channels"  # sup reads as support first, not supported
    ko = build_vocabulary(KOREAN + ["재생 이 멈추 면 결제 를 이용 하 세요"] * 2, "ko", {**SYNONYMS_KO, "결제 재생": ["결제 이용"], "불가": ["오류"]})
    paid, impossible = expand(["결제는 됐는데 재생이 안돼요", "결제했는데 재생 불가"], "ko", ko)
    assert paid["query"] == impossible["query"] == "결제 이용"


def test_a_phrase_naming_the_service_is_not_asked_beside_the_help_desk():
    """"coupang play help" asks for the help center itself; "what can coupang play support help
    with" asks about the help desk, which a phrase without the service's name would ignore."""
    texts = ENGLISH + ["home", "customer support answers questions", "help center"] * 2
    en = build_vocabulary(texts, "en", {**SYNONYMS_EN, "coupang help": ["home"]}, service=["coupang", "coupang play"])
    named, desk = expand(["coupang play help", "what can coupang play support help with"], "en", en)
    assert named["query"] == "home"
    assert desk["query"] != "home" and "support" in desk["query"].split()
    # search.js ranks a title that is the phrase's answer (home) as one that is the words typed
    assert named.get("phrase") and not desk.get("phrase")


def test_the_services_name_run_together_is_its_name_typed_apart_or_not():
    """"coupangplayhelp" names the service as "coupang play help" does: "play" is no topic of its
    own (the playback pages), and the same letters typed apart read as they do on their own."""
    texts = ENGLISH + ["home", "help center", "playback stops", "coupang play"] * 2
    en = build_vocabulary(texts, "en", {**SYNONYMS_EN, "coupangplay help": ["home"]}, service=["coupang", "coupang play"])
    run, apart = expand(["coupangplayhelp", "coupang play help"], "en", en)
    assert run["query"] == "home" and apart["query"] == "home"
    assert not apart["words"][0].get("guess")  # read apart, not remembered from the run


def test_korean_initials_on_the_english_site_read_the_word_whose_meaning_the_pages_use_most():
    """The English site's Hangul words are only its synonyms' keys, in the file's order: ㅂㅂ is
    비번 (password, which the pages use) before 버벅 (stuttering: playback, which they do not)."""
    en = build_vocabulary(ENGLISH, "en", {**SYNONYMS_EN, "버벅": ["playback"], "비번": ["password"]})
    (initials,) = expand(["ㅂㅂ"], "en", en)
    assert initials["query"] == "password"


def test_a_readers_word_made_of_particle_syllables_is_that_word_at_the_end_of_a_run():
    """에러 (error) is 에 + 러 to a cut that weighs every syllable: a reader's word typed out is read
    as the word, not as two particles ending the run (결제에러: 결제 오류)."""
    ko = build_vocabulary(KOREAN, "ko", {**SYNONYMS_KO, "에러": ["오류"]})
    (run,) = expand(["결제에러"], "ko", ko)
    assert run["query"].split() == ["결제", "오류"]


def test_korean_written_in_latin_letters_is_read_as_korean():
    """Revised Romanization as readers type it: gyeolje oryu is 결제 오류, on either site; an English
    word that spells Korean syllables by chance (banana: 바나나) is not read as stray Korean words."""
    romanised, spaced_stem, english = expand(["gyeolje oryu", "bimilbeonho", "banana"], "ko")
    assert romanised["query"] == "결제 오류" and not romanised["unanswerable"]
    assert spaced_stem["query"] == "비밀번호"
    assert english["query"] != "바"
    (on_english_site,) = expand(["gyeolje"], "en")
    assert on_english_site["query"] == "payment"


def test_initials_beside_a_word_read_as_a_word_they_spell_not_as_a_synonym_s_meaning():
    """ㅈㅅ spells 재생 (and 접속, a reader's word for 로그인): beside 오류 it is 재생 오류, although
    the pages pair 로그인 with 오류; 재ㅅ after 비밀번호 is still 재 설정 (a reading it spells)."""
    texts = KOREAN + ["재생 이 멈추 면 재생 을 확인 하 세요"] * 8 + ["로그인 오류 가 나 면 로그인 오류 를 확인"] * 3
    vocab = build_vocabulary(texts, "ko", {**SYNONYMS_KO, "접속": ["로그인"], "버퍼링": ["재생"]})
    playback, reset = expand(["ㅈㅅ ㅇㄹ", "비밀번호 재ㅅ"], "ko", vocab)
    assert playback["query"] == "재생 오류"
    assert reset["query"] == "비밀번호 재 설정"


def test_korean_spelt_out_on_the_english_site_is_not_unknown_words():
    """On the English site the vocabulary knows only the Korean words readers type there (비밀번호):
    a romanised word it lacks that only Korean spells so (andwae: 안돼) is no sign of a question the
    site cannot answer, while English words it lacks still are."""
    vocab = build_vocabulary(ENGLISH, "en", {**SYNONYMS_EN, "비밀번호": ["password"]})
    korean, english = expand(["bimilbeonho andwae", "password zebra giraffe"], "en", vocab)
    assert korean["query"] == "password" and not korean["unanswerable"]
    assert english["unanswerable"]


def test_a_long_stop_word_run_together_with_one_known_word_is_read_as_both():
    """cantreset is can't + reset; a stop word of two letters and a known word stays one word the
    vocabulary lacks (in + form is not inform)."""
    vocab = build_vocabulary(ENGLISH + ["fill in the form"], "en", SYNONYMS_EN)
    run_together, real_word = expand(["cantreset", "inform"], "en", vocab)
    assert "reset" in run_together["query"].split()
    assert real_word["query"] != "form"


def test_a_question_about_the_price_is_unanswerable_but_one_about_a_charge_is_not():
    """The pages list no prices: "쿠플 한달 요금 얼마" and "how much is it per month" get the
    no-results panel, whatever word they share with the pages (요금, prices). "결제 금액이 얼마"
    and "how much was I charged" are about a charge, and 얼마나 is not 얼마."""
    vocab = build_vocabulary(KOREAN + ["이용 요금 과 결제 금액 을 확인 하 세요", "답변 은 얼마나 걸리 나요"], "ko", {**SYNONYMS_KO, "회원": ["계정"]})
    results = expand(["쿠플 한달 요금 얼마에요", "멤버십 가격", "회원이면 할인돼요", "결제 금액이 얼마 나갔나요", "답변 얼마나 걸려요"], "ko", vocab)
    assert [r["unanswerable"] for r in results] == [True, True, True, False, False]
    vocab = build_vocabulary(ENGLISH + ["prices can change", "you were charged twice"], "en", SYNONYMS_EN)
    results = expand(["how much is coupang play per month", "monthly fee", "how much was i charged"], "en", vocab)
    assert [r["unanswerable"] for r in results] == [True, True, False]


def test_phrases_with_the_same_answer_explain_a_question_together_and_run_together_in_any_order():
    """"best way to contact, email or phone" is asked by two phrases of the channel comparison,
    neither of which covers every word; 문의어디로 is 어디 문의 typed without spaces, back to front.
    A word no phrase of that answer covers is still another topic."""
    vocab = build_vocabulary(ENGLISH + ["compare support channels", "contact support by email or phone"], "en",
                             {**SYNONYMS_EN, "best contact": ["compare support channels"], "email phone": ["compare support channels"]})
    both, other = expand(["best way to contact support, email or phone", "best way to contact support about a payment error"], "en", vocab)
    assert both["query"] == "compare support channels"
    assert "payment" in other["query"].split()
    vocab = build_vocabulary(KOREAN + ["고객 지원 방법 비교"], "ko", {**SYNONYMS_KO, "어디 문의": ["방법 비교"]})
    assert expand(["문의어디로해야돼"], "ko", vocab)[0]["query"] == "방법 비교"


def test_a_phrase_covers_a_term_that_names_the_service_and_its_topic():
    """쿠팡 계정 is one term the pages use; asked about, it is about 계정 ("누가 내 쿠팡계정 써요":
    the phrase 누가 계정)."""
    vocab = build_vocabulary(KOREAN + ["쿠팡 계정 으로 로그인 하 세요"] * 3 + ["계정 도용 이 의심 되 면"], "ko",
                             {**SYNONYMS_KO, "누가 계정": ["도용"]}, service=["쿠팡"])
    assert expand(["누가 내 쿠팡계정 쓰는거같음"], "ko", vocab)[0]["query"] == "도용"


def test_a_verb_in_ing_asks_the_phrase_of_its_verb():
    """"changing password on tv" asks the phrase "password change tv", as "change password on tv" does."""
    vocab = build_vocabulary(ENGLISH + ["change your password on a tv", "changing a card"], "en", {**SYNONYMS_EN, "password change tv": ["password reset"]})
    assert [r["query"] for r in expand(["changing password on tv", "change password on tv"], "en", vocab)] == ["password reset"] * 2


def test_a_mistyped_function_word_still_asks_its_phrase():
    """"somone logged into my acount" is the phrase "someone log account" with two slips, one of
    them in a function word the analysis leaves out."""
    vocab = build_vocabulary(ENGLISH + ["misuse of your account"], "en", {**SYNONYMS_EN, "someone log account": ["misuse"]})
    assert expand(["somone logged into my acount"], "en", vocab)[0]["query"] == "misuse"


def test_i_typed_apart_before_other_words_is_this_not_the_start_of_a_word():
    """"이 드라마만 안 나와요": 이 is "this"; typed last it is still the start of 이메일."""
    apart, last = expand(["이 카드 결제 오류", "결제 오류 이"], "ko")
    assert [w["typed"] for w in apart["words"]][0] != "이"
    assert last["words"][-1]["typed"] == "이"


def test_the_services_name_in_a_phrase_is_that_name_not_the_start_of_another():
    """"쿠팡 아이디로 로그인" asks whether the Coupang account signs in; 쿠플 (read as 쿠팡플레이)
    beside 아이디 is a reader's sign-in problem, not that question."""
    vocab = build_vocabulary(KOREAN + ["쿠팡 계정 으로 로그인 하 세요"] * 3 + ["쿠팡플레이 아이디"], "ko",
                             {**SYNONYMS_KO, "쿠플": ["쿠팡플레이"], "쿠팡 아이디": ["쿠팡 계정"]}, service=["쿠팡", "쿠팡플레이"])
    coupang, play = expand(["쿠팡 아이디로 되나요", "쿠플 아이디"], "ko", vocab)
    assert coupang["query"] == "쿠팡 계정" and play["query"] != "쿠팡 계정"


@pytest.mark.parametrize("lang, queries", [
    ("ko", ["비밀번", "결졔 오류", "ㅂㅁㅂㅎ", "계정도욤", "호번밀비", "환불 요쳥", "로긍"]),
    ("en", ["pasword", "paymnt faild", "sign i", "dnoesrap"]),
])
def test_readying_the_vocabulary_while_the_engine_loads_changes_no_reading(lang, queries):
    """search.js readies the typo tables and reads one made-up word before the reader types: every
    query, the made-up word's own letters included, reads as it would have without that."""
    assert expand(queries, lang, ready=True) == expand(queries, lang)


def test_whose_account_or_phone_it_is_says_nothing_about_the_problem():
    """A parent's account or phone is the reader's problem all the same: "mom" and "her" are not
    unknown words that make the question unanswerable, and "her phone" is where it happens, not
    the phone support."""
    english = expand(["my mom cant sign in on her phone"], "en")[0]
    assert not english["unanswerable"] and "sign" in english["query"].split() and "phone" not in english["query"]
    korean = expand(["엄마 아빠 계정"], "ko")[0]
    assert not korean["unanswerable"] and korean["query"] == "계정"


def test_a_slip_between_consonants_sharing_a_phone_keypad_key_is_a_typo():
    """On the 천지인 keypad ㅇ and ㅁ share a key, a tap apart: 도욤 is 도용, in a word of five keys
    where only one slip is allowed."""
    vocab = build_vocabulary(KOREAN + ["계정 도용 이 의심 되 면"] * 2, "ko", SYNONYMS_KO)
    assert "도용" in expand(["계정 도욤"], "ko", vocab)[0]["query"].split()


def test_a_known_word_one_key_off_beats_reading_three_run_together_pieces():
    """"adress" is address with a key left out, not ad + re + ss run together."""
    vocab = build_vocabulary(ENGLISH + ["email address", "ad re ss"], "en", SYNONYMS_EN)
    assert expand(["adress"], "en", vocab)[0]["query"] == "address"


def test_where_it_happens_need_not_be_covered_by_a_question_phrase():
    """"paid but the app says no membership" is the phrase "paid membership no" asked in the app:
    the app is where it happens, not another topic of the question."""
    vocab = build_vocabulary(ENGLISH + ["charged but you can't watch", "membership app"], "en",
                             {**SYNONYMS_EN, "paid membership no": ["charged watch"]})
    assert expand(["paid but the app says no membership"], "en", vocab)[0]["query"] == "charged watch"


def test_a_generic_action_the_pages_do_not_use_is_still_a_word_run_together():
    """"signinissue" is sign in + issue, though no page says issue: not one unknown word that
    makes the question unanswerable."""
    signin = expand(["signinissue"], "en")[0]
    assert not signin["unanswerable"] and "sign" in signin["query"].split()


def test_another_service_named_beside_ours_failing_is_our_problem():
    """"netflix works but coupang play keeps buffering" compares, and asks about ours; another
    service named alone, or only the company's name beside it (쿠팡이츠), is still not ours."""
    vocab = build_vocabulary(ENGLISH + ["playback keeps buffering"], "en", {**SYNONYMS_EN, "coupangplay": ["coupang play"]},
                             service=["coupang", "coupang play"])
    compared, alone = expand(["netflix works but coupang play keeps buffering", "netflix keeps buffering"], "en", vocab)
    assert not compared["unanswerable"] and "buffering" in compared["query"].split()
    assert alone["unanswerable"]


def test_another_service_said_to_work_beside_a_failure_is_our_problem():
    """"shows keep buffering even tho youtube works fine" and "유튜브는 잘 되는데 영상이 끊겨요" need not
    name us: the other service works, so what fails is ours. "netflix isn't working" and
    "넷플릭스 잘 안 돼요" say the other one fails."""
    vocab = build_vocabulary(ENGLISH + ["playback keeps buffering"], "en", SYNONYMS_EN, service=["coupang", "coupang play"])
    works, negated = expand(["shows keep buffering even tho youtube works fine", "youtube isnt working keeps buffering"], "en", vocab)
    assert not works["unanswerable"] and "buffering" in works["query"].split()
    assert negated["unanswerable"]
    vocab = build_vocabulary(KOREAN + ["영상 재생 이 끊기 면 확인 하 세요"] * 2, "ko", {**SYNONYMS_KO, "끊겨요": ["재생"]})
    works, negated = expand(["유튜브는 잘 되는데 영상이 자꾸 끊겨요", "유튜브 잘 안 돼요"], "ko", vocab)
    assert not works["unanswerable"] and negated["unanswerable"]
