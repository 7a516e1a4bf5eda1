"""The vocabulary the browser needs to read a query as the reader meant it (search/query.js).

The search engine matches whole indexed words and their prefixes. What readers type often is
neither: half a syllable (결ㅈ), initial consonants (ㅂㅁㅂㅎ), a typo (결졔), a loanword (페이먼트).
docs/assets/javascripts/search/query.js maps such input to indexed words, and for that it needs
the indexed words themselves, ranked by how often the pages use them, plus the synonyms, the
Korean particles and endings (cut off a word only when they follow one) and the words that carry
no topic in a query ("왜", "how"). The vocabulary is downloaded on the first search, so it is capped
to a byte budget by dropping the rarest words first: a dropped word is still found by the engine
when typed exactly, it only loses typo and keystroke-state matching.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections import Counter
from collections.abc import Iterable

FORMAT = 1
# Gzip bytes of the vocabulary at most: the first search may cost 200 KiB in all, at 1,000 articles.
BUDGET = 40 * 1024
# Gzip bytes of it at most for compounds, the most used first. The help center's own 528 compounds
# take 2.8 KiB; at 1,000 articles there were 10,700 (8.3 KiB), mostly pairs that happened to stand
# side by side twice. A compound left out still splits into its two known words (결제수단: 결제
# 수단); it only stops counting as one topic.
COMPOUNDS_BUDGET = 3 * 1024
# Words as the engine indexes them: runs of Hangul (syllables, and jamo a reader may type), or of
# Latin letters and digits; longer runs than this are not words anyone types.
_WORD = re.compile(r"[\uac00-\ud7a3]+|[a-z0-9]+(?:'[a-z]+)*")
LONGEST = 24
_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
MAX_COMPOUND = 8  # syllables
MIN_COMPOUND_USES = 2
STEP = 50  # words between the size checks of the budget

# Endings of meaning to, wanting to and then, after a stem ("지우려는데", "로그인하려니까", "카드
# 바꿀래", "보다가", "바꿨더니"): the pages' morphemes made them words ("지우려는데" searched 려는),
# or a stray syllable read as a typo (바꿀래: 래 as 재생).
INTENT_ENDINGS = "려 려는 려는데 려니까 려다 려다가 으려는 래 을래 다가 더니"
# Korean particles (조사) and endings (어미) as the analysis cuts them off words, and as readers type
# them after one. Closed word classes of the language, not our content: kept here, not in data/.
PARTICLES = tuple(dict.fromkeys((
    "이 가 은 는 을 를 의 에 에서 에게 께 한테 로 으로 와 과 랑 이랑 하고 도 만 까지 부터 보다 처럼 "
    "마다 이나 나 든지 이든지 야 아 요 이요 이에요 예요 에요 이야 인데 인가요 이죠 죠 지 지요 네요 네 "
    "어요 아요 여요 해요 어 아 여 고 는데 은데 니까 으니까 면 으면 서 어서 아서 려고 으려고 려면 "
    "으려면 나요 는지 은지 을까요 까요 습니다 니다 습니까 니까요 였 었 았 겠 던 "
    "기 음 게 도록 세요 으세요 셔요 며 으며 러 으러 든 데 듯 뿐 씩 쯤 대로 "
    "라는데 라는 라고 이라는 이라고 라면서 이라면서 라며 이라며 다는데 다고 대요 래요 " + INTENT_ENDINGS
).split()))
# Endings that follow only a verb or adjective stem (바꾸+고, 늦+어요): a word the pages mostly use
# before one is a predicate, which a query does not need to match ("카드 바꾸고 싶어요" is about
# cards, and the card page may say 변경 rather than 바꾸).
STEM_ENDINGS = frozenset(
    "어요 아요 여요 세요 으세요 습니다 니다 었 았 였 어서 아서 려고 으려고 려면 으려면 으면 고 지 게 도록 "
    "는데 어 아 겠 던 나요 니까 으니까 네요 죠 지요 어야 아야 기 음 ".split() + INTENT_ENDINGS.split()
)
# Words that carry no topic in a query, so the engine, which requires every word it knows, is
# not asked for them: question words, "not", "want to", "please", pronouns, fillers.
STOP_WORDS = {
    "ko": (
        "왜 안 못 좀 잘 다 더 또 꼭 너무 계속 자꾸 그냥 다시 갑자기 어떻게 어케 어캐 어떡해 어떡하 어디 어디서 "
        "언제 뭐 뭔가 무엇 무슨 어느 어떤 있 없 하 되 돼 해 했 됐 된 될 함 됨 싶 주 줘 알려 알려주 "
        "나 저 제 내 우리 이거 그거 저거 이것 그것 거 것 수 때 등 및 혹시 진짜 정말 지금 이제 뭘 뭐가 뭔지 "
        "다른 새 새로 새로운 누가 누구 누군가 아무 아무것 아무것도 아무거나 그런 이런 저런 그렇 그래서 그러면 근데 "
        "제일 가장 최고 베스트 "
        "한 오늘 어제 내일 방금 아까 요즘 이번 이번달 지난 지난달 저번 저번달 다음 다음달 줄 이유 관련 관해 관한 대해 대한 "
        "며칠 몇일 인상 얼마 얼마나 몇 걸려 걸리 "
        "하나요 되나요 되죠 돼요 되요 해요 했어요 됐어요 싶어요 있나요 없나요 있어요 없어요 주세요 "
        "하는 하는법 는법 는방법 방법은 건가요 거예요 거에요 당 당했 당하 번 번째 회 개 빨리 ㅠㅠ ㅜㅜ ㅋㅋ ㅎㅎ "
        # fillers of a long question and venting ("궁금합니다", "잘 몰라요", "장난하나")
        "궁금 몰라 하나 장난 짜증 헐 아놔 케이스 글 쪽 곳 정확히 아직 처리 "
        # more of the same (진짜 답답하네, 몇번째야 왜이럼, 어딨어, 잘하능법): 이럼 was corrected to 이름
        "답답 이럼 왜이럼 어딨 어딨어 하능법 능법 "
        # "is not coming" (기억이 안남, 소리가 안 나요): the word before it is the topic; read as a
        # half-typed word, 안남 became 남이 (someone else's) and the question an account's misuse
        "안남 안나요 "
        # "does not come" (메일 안오, 문자 안옴): the same; 안오's 오 was read as a half-typed 오류
        "안오 안옴 안와 "
        # "without" and "myself" (상담 없이 직접 하는법): no topic, and the engine required them
        "없이 직접 "
        # "from the start" (순서 처음부터 알려줘): how to read the answer, not what it is about
        "처음 "
        # the middle of a month or a video (달 중간에 카드 바꿔도): when, not what; 중간 was read as 중단
        "중간 중순 "
        # the honorific of a polite question (알려주시면, 환불하시려면) and "when" (결제 시): a topic of
        # neither, and the engine required it of every page
        "시 "
        # greetings, thanks and the formal request around a polite question (안녕하세요 ... 알려주시면
        # 감사하겠습니다, 알려 주십시오: its 오 was read as a half-typed 오류)
        "안녕 안녕하세요 감사 감사합니다 부탁 부탁드립니다 수고 십시오 주십시오 "
        # whose account or phone it is ("엄마 폰에서 로그인이 안 돼요"): the problem is the same
        "엄마 아빠 어머니 아버지 어머님 아버님 부모님 할머니 할아버지 남편 아내 와이프 신랑 아들 동생 누나 언니 오빠 "
        "친구 친구네 지인 남친 여친 전남친 전여친 남자친구 여자친구 애인 룸메 룸메이트"
    ).split(),
    "en": (
        "a an the i i'm im my me we our you your it its is are was were be been being am do does did don't "
        "doesn't didn't dont doesnt didnt cant wont isnt not no can can't cannot could would should will won't how what why when where "
        "which who to of in on at for from with by about into as and or but if so this that these "
        "those there here whether rather than though although because while until unless either neither "
        "please just get got getting want need have has had still any some "
        "go goes going went let lets keep keeps kept make makes made try tried trying see use using "
        "know tell say said give take put seems like really very also all one way anyone nobody someone "
        "something anything thing things back again even ever never now then already always every "
        "me mine myself us own i'd i've you're it's there's won't wouldn't isn't aren't wasn't wasnt arent wouldnt "
        "new different other another else today yesterday tomorrow lately recently next last month months week weeks long "
        "mid midmonth midway halfway "
        "work works working worked too many much forever takes taking took taken saying says come comes came coming "
        # hedges and greetings ("i think someone is using my account", "hi pls help")
        "think guess maybe probably perhaps seem seemed somehow actually anymore literally pls plz thanks thx hi hello hey "
        "wtf wth omg ugh argh lol smh ffs damn seriously list whats what's between since tho first "
        "vs versus safe til till "
        # whose account or phone it is ("my mom can't sign in on her phone"): the problem is the same
        "he him his she her hers they them their theirs mom mum mother dad father parent parents grandma grandpa "
        "grandmother grandfather husband wife son daughter brother sister everything everyone everybody people "
        "friend friends boyfriend girlfriend roommate"
    ).split(),
}


# Words that say a reader wants the way to do something ("바꾸는 법", "해지 방법"): searched only
# when the query has nothing else, because a page titled with them ("문의 잘하는 법") is no answer
# to every how-to question.
HOW_TO_WORDS = {"ko": ("법", "방법", "방식", "요령", "하는법"), "en": ("steps", "guide", "tutorial")}
# Comparatives ("which is better, email or phone"): the question is about the things compared. (In
# Korean they are adjectives, which the analysis already finds weak: 빨라, 나아.)
COMPARATIVES = {"en": ("better", "best", "faster", "quicker", "easier")}


# Actions that apply to anything ("비밀번호 변경", "change my card"): a page titled with only the action
# ("결제 수단 확인·변경") is not about the reader's object, so search.js ranks by the other words.
# Topic-bearing actions (해지, 환불, 재설정, cancel, refund, reset) are not here.
GENERIC_ACTIONS = {
    "ko": ("변경", "확인", "등록", "삭제", "수정", "설정", "관리", "사용", "이용", "선택", "해결", "추가", "안내", "문제",
           "요청", "신청", "접수", "문의"),
    "en": ("change", "update", "check", "fix", "manage", "use", "add", "remove", "edit", "set", "find", "view", "problem", "issue",
           "trouble", "request", "help"),
}


# The help desk itself, which a reader names beside what they ask about ("고객센터 이메일 주소",
# "customer service phone"): beside a topic readers ask about it is left out of the engine's query,
# as the service's name is, and the fallbacks leave it out first, as a generic action, so that the
# topic is searched on its own (query.js). The online help center (헬프 센터) is a page's topic,
# not the help desk. "contact" is the help desk in English ("payment failed contact support",
# "someone used my acct who should i contact": the topic's page); 연락, 문의 and 상담 were tried
# in Korean and left out (they also took "카드사에 먼저 연락해야 하나요" and "문의 보내기전 체크리스트").
HELP_DESK = {"ko": ("고객 센터", "고객지원"), "en": ("customer service", "customer support", "support", "contact")}
# The support channels by their names in a question: a question phrase naming two of them asks
# which to use, whatever else the query names ("환불은 이메일이랑 전화 중 어디가 나아요"; query.js).
CHANNELS = {"ko": ("전화", "메일", "이메일", "채팅"), "en": ("phone", "email", "mail", "call", "chat")}
# Where a problem happens, which a question names beside what it is about ("앱에선 멤버십 없대요",
# "the app says no membership"): a question phrase need not cover them (query.js).
PLACES = "앱 어플 태블릿 아이패드 휴대폰 문자 tv app apps application tablet ipad text".split()


# Other services, Coupang's shopping, what to watch, device repairs and watching offline (no page
# covers them), on both sites: a query naming one asks what this help center does not answer
# ("넷플릭스 가격", "로켓배송 반품", "netflix price"), whatever word it shares with the pages (가격
# reads as 요금). The pages must not use them (tests/site/test_search_index.py).
OUTSIDE = (
    "넷플릭스 넷플 티빙 웨이브 왓챠 디즈니플러스 디즈니 유튜브 라프텔 아마존 프라임비디오 스포티파이 멜론 "
    "쿠팡이츠 로켓배송 로켓프레시 로켓직구 배송 택배 반품 배달 배민 요기요 쿠폰 볼만한 애니 수리 액정 컨트롤러 오프라인 "
    "netflix tving wavve watcha disney youtube hulu amazon primevideo spotify melon paramount peacock crunchyroll "
    "eats shipping shipment parcel coupon repair controller offline "
    # working for Coupang (채용, job openings): no page's business
    "채용 알바 career careers hiring"
).split()


# Features of the app the pages do not document (subtitles, profiles, kids' settings, picture
# settings, downloads, two-step verification: query.js reads a number as a word of its own, so
# 2단계 인증 is named 단계인증), on both sites: a query naming one asks how to use
# it ("자막 크기 키우기", "turn on subtitles"), which this help center does not answer, unless it
# also says that something fails ("자막이 안 나와요", "subtitles not showing"): that is a playback
# problem, which the synonyms send to its page. A feature the pages come to document (a writer adds a page
# about subtitles) drops out of the vocabulary's list by itself (`_undocumented`).
FEATURES = (
    "자막 프로필 닉네임 이어보기 시청기록 시청제한 찜 배속 자동재생 더빙 예고편 키즈 자녀 연령 성인인증 선물하기 평점 "
    "단계인증 이중인증 차인증 다운로드 다운받 화질 "
    "4k uhd hdr 해상도 subtitle caption profile nickname watchlist autoplay dub trailer kids parental resolution 2fa mfa factor 2step twostep "
    # receipts and invoices (현금영수증 발급, download receipt): the pages only show the payment history
    "영수증 receipt invoice "
    # watch history, which the pages do not cover (delete watch history: read across two words)
    "watchhistory viewinghistory redeem whatsnew 녹음 "
    # what is on and when (신작, 축구 중계 몇 시, next episode): no page says
    "신작 중계 편성 편성표 개봉 방영 다음화 episode episodes season seasons premiere nextepisode newepisode"
).split()
# What says that something fails: a Hangul word starting with one ("안나와요", "없어요", "깨져요") or
# a Latin word that is one ("not", "missing"). A feature with one of them is a problem to solve.
FAULTS = (
    "안 못 않 없 오류 에러 깨 이상 밀려 밀림 싱크 멈 끊 사라 먹통 버벅 느려 늦 튕 "
    # blocked, caught by a limit (동시시청 제한 걸림: the limit on streams, not the viewing-limit feature)
    "막히 막혀 막힘 막혔 걸려 걸림 걸렸 blocked limited "
    "not no wont won't dont don't doesnt doesn't isnt isn't cant can't cannot missing broken error wrong stuck "
    "glitch glitchy sync gone disappeared buffering buffers freezing freezes frozen lagging lags crashing crashes"
).split()
# What says that something works ("유튜브는 멀쩡한데", "youtube works fine"): beside another
# service and a failure, the failure is this service's, named or not (query.js). A Hangul entry
# starts a word or, for 잘, the word with the next (잘 되는데); a Latin one is a word not negated.
WORKS = "멀쩡 괜찮 정상 잘되 잘돼 잘나 works working worked fine ok okay".split()
# A question about the price ("쿠플 한달 요금 얼마", "coupang play price per month"), which this help
# center does not answer: the pages do not list prices (the payment hub says where to check them).
# A query is one when it names a price (PRICES, or "how much") and no word a page answers besides
# the plan it asks about (PLANS): "결제 금액이 얼마 나갔나요" and "how much was I charged" are about
# a charge. 얼마나 (how long, how far) is not 얼마.
PRICES = "가격 얼마 구독료 이용료 월정액 월회비 요금제 할인 무료 무료체험 체험 price prices pricing cost costs fee fees discount trial free".split()
PLANS = (
    "요금 요금제 멤버십 구독 와우 회원 이용 월 달 한달 매달 매월 년 일년 연간 기간 "
    "membership subscription plan plans wow month monthly year yearly annual per"
).split()


def words_of(text: str) -> list[str]:
    """The words of an analysed text as the vocabulary counts them: lower case, punctuation left out."""
    return [w for w in _WORD.findall(text.lower()) if len(w) <= LONGEST]


def build_vocabulary(texts: list[str], lang: str, synonyms: dict, budget: int = BUDGET,
                     predicates: Iterable[str] = (), service: Iterable[str] = ()) -> dict:
    """What query.js needs for one language: words by frequency (most used first) within `budget`
    gzip bytes, synonyms, particles and stop words.

    `texts` are the analysed texts the engine indexes (Korean already cut at morpheme boundaries,
    words separated by spaces); `synonyms` maps a word readers type to words the pages use;
    `predicates` are words the analysis found to be verb or adjective stems (korean_text.predicates);
    `service` are the service's own names (the glossary's `service` terms), which every page is about.
    """
    split = [words_of(text) for text in texts]
    counts = Counter(w for words in split for w in words)
    ranked = _by_frequency(counts)
    compounds = _by_frequency(_compounds(split, counts))
    base = {
        "format": FORMAT,
        "lang": lang,
        "synonyms": {str(key).lower(): [str(v) for v in values] for key, values in (synonyms or {}).items()},
        "particles": " ".join(PARTICLES),
        # Both languages' stop words on both sites: readers type either language on either site.
        "stop": " ".join(word for words in STOP_WORDS.values() for word in words),
        "compounds": "",
        "weak": "",
        "actions": " ".join(GENERIC_ACTIONS.get(lang, ())),
        "helpdesk": list(HELP_DESK.get(lang, ())),
        "places": " ".join(PLACES),
        "channels": " ".join(CHANNELS.get(lang, ())),
        "service": " ".join(sorted({re.sub(r"\s+", "", name.lower()) for name in service} - {""})),
        "outside": " ".join(OUTSIDE),
        "features": " ".join(_undocumented(FEATURES, counts)),
        "faults": " ".join(FAULTS),
        "works": " ".join(WORKS),
        "prices": " ".join(PRICES),
        "plans": " ".join(PLANS),
        "words": "",
    }
    base_size = gzip_size(base)
    keep = _most_within(compounds, "compounds", base, base_size + min(COMPOUNDS_BUDGET, (budget - base_size) // 4))
    base["compounds"] = " ".join(compounds[:keep])
    weak = _predicates(split, counts) | (set(predicates) & counts.keys())
    base["weak"] = " ".join(sorted(weak | set(HOW_TO_WORDS.get(lang, ())) | set(COMPARATIVES.get(lang, ()))))
    keep = _most_within(ranked, "words", base, budget)
    # Whether every indexed word is here: then a word that is not cannot be in the index either.
    return {**base, "complete": keep == len(ranked), "words": " ".join(ranked[:keep])}


def names(name: str, word: str) -> bool:
    """Whether `word` names `name` (of OUTSIDE or FEATURES) as query.js matches them: a Latin word
    starting with it (netflix's), a Hangul word containing it (넷플릭스는)."""
    return word.startswith(name) or (not name.isascii() and name in word)


def _undocumented(features: Iterable[str], counts: Counter) -> list[str]:
    """The features no indexed word names."""
    return [f for f in features if not any(names(f, w) for w in counts)]


def _by_frequency(counts: Counter) -> list[str]:
    return [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def _predicates(split: list[list[str]], counts: Counter) -> set[str]:
    """Korean words the pages mostly use as a verb or adjective stem (followed by a stem ending)."""
    before_ending = Counter(a for words in split for a, b in zip(words, words[1:]) if b in STEM_ENDINGS)
    stems = {w for w, n in before_ending.items() if n * 2 >= counts[w] and _HANGUL_WORD.fullmatch(w)
             and w not in STEM_ENDINGS and w not in PARTICLES}
    # A stem the analysis left joined to its ending (늦어) is one too.
    joined = {w for w in counts if w not in stems and _HANGUL_WORD.fullmatch(w)
              and any(w[:i] in stems and w[i:] in STEM_ENDINGS for i in range(1, len(w)))}
    return stems | joined


def _compounds(split: list[list[str]], counts: Counter) -> Counter:
    """Neighbouring Korean words that the pages use together, as "재+설정": the analysis cuts
    compounds (재설정, 고객지원) that readers type whole, or as initial consonants (ㅈㅅㅈ)."""
    function = set(PARTICLES) | {w for words in STOP_WORDS.values() for w in words}
    # Words that can be half of one, decided once per distinct word, not per occurrence.
    halves = {w for w in counts if counts[w] >= MIN_COMPOUND_USES and w not in function and _HANGUL_WORD.fullmatch(w)}
    pairs = Counter(
        (a, b) for words in split for a, b in zip(words, words[1:])
        if a in halves and b in halves and len(a) + len(b) <= MAX_COMPOUND
    )
    return Counter({f"{a}+{b}": count for (a, b), count in pairs.items() if count >= MIN_COMPOUND_USES})


def to_json(vocabulary: dict) -> str:
    return json.dumps(vocabulary, ensure_ascii=False, separators=(",", ":"))


def gzip_size(vocabulary: dict) -> int:
    return len(gzip.compress(to_json(vocabulary).encode("utf-8"), mtime=0))


def _most_within(ranked: list[str], field: str, base: dict, budget: int) -> int:
    """How many of the first `ranked` fit in `field` within `budget` gzip bytes.

    One pass of a streaming compressor, flushed every STEP words, gives the compressed size of
    every prefix (a little over, from the flushes): compressing each candidate prefix again made
    a 1,000-article build seconds slower.
    """
    if gzip_size({**base, field: " ".join(ranked)}) <= budget:
        return len(ranked)
    total = gzip_size(base)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    for start in range(0, len(ranked), STEP):
        chunk = " ".join(ranked[start:start + STEP]) + " "
        total += len(compressor.compress(chunk.encode("utf-8"))) + len(compressor.flush(zlib.Z_SYNC_FLUSH))
        if total > budget:
            return start
    return len(ranked)


def unreachable_synonyms(vocabulary: dict) -> list[tuple[str, str]]:
    """(word typed, target) pairs of the vocabulary's synonyms whose target has a word no page uses:
    the engine requires every word, so a search for the word typed would find nothing. A target word
    may be written with its particles or endings (내가, 묻는): it counts when it splits into words
    the pages use followed by particles. Meaningful only for a `complete` vocabulary."""
    known = set(vocabulary["words"].split()) | {c.replace("+", "") for c in vocabulary["compounds"].split()}
    particles = set(vocabulary["particles"].split())
    return [(key, target) for key, targets in vocabulary["synonyms"].items() for target in targets
            if not all(_used(word, known, particles) for word in words_of(target))]


def _used(word: str, known: set[str], particles: set[str]) -> bool:
    """Whether `word` is a page word, or one followed by particles (which may end in more particles)."""
    if word in known:
        return True
    return any(word[:i] in known and _only_particles(word[i:], particles) for i in range(1, len(word)))


def _only_particles(rest: str, particles: set[str]) -> bool:
    return rest in particles or any(rest[:i] in particles and _only_particles(rest[i:], particles) for i in range(1, len(rest)))
