"""What reading a query costs the reader, at 100, 300 and 1,000 articles per language.

For each size, builds the query vocabulary (hooks/helpcenter/search_vocab.py) from a synthetic
help center: the real pages' sentences recombined, as tools/bench/benchcorpus.py does, plus words of
its own in every article (names of shows, devices, places), so the number of distinct words grows
with the site as in a real one. Prints the vocabulary's gzip bytes (what the first search downloads
for it) and how many words it keeps, then runs search/query.js in headless Chromium with the CPU
slowed 4x (the phone profile of the issue) and types every query of tests/search/queries.yml
keystroke by keystroke, as a Korean keyboard shows it (결 → 결ㅈ → 결제): the first call (which
prepares the vocabulary) and the warm keystrokes' p50, p95 and maximum. Prints figures; asserts
nothing.

    scripts/python tools/bench/benchquery.py [--sizes 100,300,1000]
"""

from __future__ import annotations

import argparse
import json
import random
import time

import yaml
from benchcorpus import read_pools
from helpcenter.search_vocab import build_vocabulary, gzip_size
from project import ROOT
from sitebrowser import chromium

QUERY_JS = ROOT / "docs" / "assets" / "javascripts" / "search" / "query.js"
QUERIES = ROOT / "tests" / "search" / "queries.yml"
SENTENCES_PER_ARTICLE = 40
OWN_WORDS_PER_ARTICLE = 30
CPU_SLOWDOWN = 4

_TIMING = """async ({vocab, lang, sequences}) => {
  const times = [];
  const first = performance.now();
  HCQuery.expand(sequences[0][0], vocab, lang);
  const cold = performance.now() - first;
  for (const sequence of sequences) {
    for (const typed of sequence) {
      const start = performance.now();
      HCQuery.expand(typed, vocab, lang);
      times.push(performance.now() - start);
    }
  }
  return {cold, times};
}"""


def texts_for(lang: str, articles: int, seed: int = 8) -> list[str]:
    rng = random.Random(seed)
    sentences = read_pools(ROOT / "docs", lang).sentences
    syllables = [chr(0xAC00 + i) for i in range(0, 11172, 3)]
    letters = "abcdefghijklmnopqrstuvwxyz"

    def own_word() -> str:
        if lang == "ko":
            return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
        return "".join(rng.choice(letters) for _ in range(rng.randint(4, 9)))

    texts = []
    for _ in range(articles):
        body = rng.choices(sentences, k=SENTENCES_PER_ARTICLE)
        own = [own_word() for _ in range(OWN_WORDS_PER_ARTICLE)]
        texts.append(" ".join(body + own))
    return texts


def keystrokes(query: str) -> list[str]:
    """Every state the search box shows while `query` is typed on a Korean keyboard (결, 결ㅈ, 결제)."""
    states, typed = [], ""
    for ch in query:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            lead = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"[code // 588]
            states.append(typed + lead)
            if code % 28:
                states.append(typed + chr(0xAC00 + code - code % 28))
        typed += ch
        states.append(typed)
    return states


def queries(lang: str) -> list[str]:
    data = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))
    return [str(q["q"]) for q in data[lang]]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,1000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"query analysis, CPU slowed {CPU_SLOWDOWN}x; keystroke times in ms")
    print(f"{'lang':<5}{'articles':>9}{'vocab gzip':>12}{'words kept':>12}{'of':>8}{'build s':>9}"
          f"{'first call':>12}{'p50':>7}{'p95':>7}{'max':>7}{'keystrokes':>12}")
    with chromium() as browser:
        page = browser.new_page()
        page.set_content("<!doctype html><meta charset=utf-8><title>query.js</title>")
        page.add_script_tag(content=QUERY_JS.read_text(encoding="utf-8"))
        cdp = page.context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        for lang in ("ko", "en"):
            sequences = [keystrokes(q) for q in queries(lang)]
            for articles in sizes:
                texts = texts_for(lang, articles)
                start = time.perf_counter()
                vocab = build_vocabulary(texts, lang, {})
                built = time.perf_counter() - start
                distinct = len({w for t in texts for w in t.lower().split()})
                # A fresh copy each time: query.js prepares a vocabulary once per object.
                result = page.evaluate(_TIMING, {"vocab": json.loads(json.dumps(vocab)), "lang": lang, "sequences": sequences})
                times = result["times"]
                print(f"{lang:<5}{articles:>9}{gzip_size(vocab) / 1024:>10.1f}Ki{len(vocab['words'].split()):>12,}"
                      f"{distinct:>8,}{built:>9.2f}{result['cold']:>12.1f}{percentile(times, 0.5):>7.2f}"
                      f"{percentile(times, 0.95):>7.2f}{max(times):>7.1f}{len(times):>12,}")


if __name__ == "__main__":
    main()
