"""Product facts: loaded with their provenance, shown with it, refused when stale or dated ahead."""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from helpcenter import fact_render, facts, support_render
from helpcenter.errors import ContentError
from helpcenter.markers import expand_markers

from tests.conftest import ROOT

SCHEMA = ROOT / "data" / "facts.schema.json"
HEAD = """labels:
  source: {ko: 출처, en: Source}
  verified_on: {ko: 확인일, en: Checked on}
  not_official: {ko: 공식 안내가 아닌 보도 기준, en: 'from press reports, not an official source'}
count_words:
  ko: [한 가지, 두 가지, 세 가지, 네 가지]
  en: [one, two, three, four]
"""


def fact(fact_id: str = "tv-app", kind: str = "official", verified: str = "2026-11-01") -> str:
    return (f"  - id: {fact_id}\n    text: {{ko: 예시 사실입니다., en: An example fact.}}\n"
            f"    source: {{url: 'https://example.test/page?a=1&b=2', title: Example page}}\n"
            f"    kind: {kind}\n    verified: {verified}\n")


def load(tmp_path: Path, *entries: str) -> facts.FactData:
    path = tmp_path / "facts.yml"
    path.write_text(HEAD + "facts:" + ("\n" + "".join(entries) if entries else " []\n"), encoding="utf-8")
    return facts.load_facts(path, SCHEMA, "data/facts.yml", ["ko", "en"])


def render(data: facts.FactData, lang: str, markdown: str, channels: int = 3) -> str:
    env = support_render.environment(ROOT / "overrides" / "hooks")
    renderers = {"fact": partial(fact_render.fact_from_marker, env, data, lang),
                 "channel-count": partial(fact_render.count_from_marker, data, lang, channels)}
    return expand_markers(markdown, renderers, "docs/ko/x.md")


@pytest.mark.parametrize(("lang", "text"), [("ko", "예시 사실입니다."), ("en", "An example fact.")])
def test_a_fact_is_shown_with_its_source_and_checked_date_in_the_readers_language(tmp_path, lang, text):
    html = render(load(tmp_path, fact()), lang, "Before <!-- hc:fact tv-app --> after.")
    assert text in html and 'href="https://example.test/page?a=1&amp;b=2"' in html and "Example page" in html
    assert "2026-11-01" in html and ("확인일" if lang == "ko" else "Checked on") in html
    assert "\n" not in html.strip(), "a fact sits inside a sentence; a line break would end the paragraph"
    assert "hc-fact__unofficial" not in html


@pytest.mark.parametrize(("lang", "said"), [("ko", "공식 안내가 아닌 보도 기준"), ("en", "from press reports, not an official source")])
def test_a_fact_from_press_or_reports_says_so_in_the_readers_language(tmp_path, lang, said):
    html = render(load(tmp_path, fact(kind="press-or-report")), lang, "<!-- hc:fact tv-app -->")
    assert said in html and 'data-fact-kind="press-or-report"' in html


def test_an_unknown_fact_names_the_page_line_and_the_known_facts(tmp_path):
    with pytest.raises(ContentError, match=r"docs/ko/x\.md:2: unknown fact 'nope'; facts in data/facts\.yml: tv-app"):
        render(load(tmp_path, fact()), "ko", "line one\n<!-- hc:fact nope -->")


@pytest.mark.parametrize(("channels", "ko", "en"), [(3, "세 가지", "three"), (4, "네 가지", "four")])
def test_the_channel_count_follows_the_data(tmp_path, channels, ko, en):
    data = load(tmp_path)
    assert render(data, "ko", "<!-- hc:channel-count --> 창구", channels) == f"{ko} 창구"
    assert render(data, "en", "<!-- hc:channel-count --> channels", channels) == f"{en} channels"


def test_a_count_with_no_word_asks_for_one(tmp_path):
    with pytest.raises(ContentError, match="no word for 5 in count_words.ko"):
        render(load(tmp_path), "ko", "<!-- hc:channel-count -->", 5)


@pytest.mark.parametrize(("verified", "expected"), [
    ("2025-01-01", r"data/facts\.yml:13: facts \(tv-app\): verified: the fact 'tv-app' was last verified on 2025-01-01, \d+ days ago \(limit 180\)"),
    ("2026-12-24", r"data/facts\.yml:13: facts \(tv-app\): verified: the verified date 2026-12-24 of the fact 'tv-app' is in the future"),
])
def test_a_stale_or_future_verified_date_names_the_file_and_line(tmp_path, verified, expected):
    (message,) = facts.date_problems(load(tmp_path, fact(verified=verified)), "data/facts.yml", date(2026, 11, 25), 180)
    assert re.search(expected, message), message
    assert "example.test" in message, "the message says where to re-check it"


def test_a_fact_checked_within_the_limit_passes(tmp_path):
    assert facts.date_problems(load(tmp_path, fact(verified="2026-11-25")), "data/facts.yml", date(2026, 11, 25), 180) == []


@pytest.mark.parametrize(("entry", "expected"), [
    (fact().replace("    source: {url: 'https://example.test/page?a=1&b=2', title: Example page}\n", ""), "facts[0] (tv-app): source is missing"),
    (fact(kind="blog"), "facts[0] (tv-app): kind must be one of official, press-or-report, not 'blog'"),
    (fact(verified="2026-13-01"), "facts[0] (tv-app): verified must be a real date"),
    (fact().replace("en: An example fact.", "fr: Un fait."), "facts[0] (tv-app): text"),
    (fact().replace("https://example.test", "http://example.test"), "facts[0] (tv-app): source.url"),
])
def test_a_bad_fact_names_its_entry_and_field(tmp_path, entry, expected):
    with pytest.raises(ContentError) as error:
        load(tmp_path, entry)
    assert expected in str(error.value) and str(error.value).startswith("data/facts.yml:")


def test_duplicate_fact_ids_are_refused_with_the_line(tmp_path):
    with pytest.raises(ContentError, match=r"data/facts\.yml:\d+: facts\[1\] \(tv-app\): id 'tv-app' is used twice"):
        load(tmp_path, fact(), fact())


def test_the_real_facts_file_loads():
    data = facts.load_facts(ROOT / "data" / "facts.yml", SCHEMA, "data/facts.yml", ["ko", "en"])
    assert all(f.source_url.startswith("https://") for f in data.facts.values())
