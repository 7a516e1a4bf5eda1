"""The search vocabulary kept between builds (helpcenter/vocabulary_cache): the same answer as
building it, and built again when anything it is made from changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpcenter import search_vocab, vocabulary_cache
from helpcenter.search_vocab import build_vocabulary

TEXTS = ["결제^가 안 돼요", "비밀번호 재설정 방법", "결제 수단 변경"]


@pytest.fixture
def builds(monkeypatch) -> list[str]:
    """The languages whose vocabulary was built rather than read from the cache."""
    built: list[str] = []
    original = search_vocab.build_vocabulary

    def counted(texts, lang, *args, **kwargs):
        built.append(lang)
        return original(texts, lang, *args, **kwargs)

    monkeypatch.setattr(search_vocab, "build_vocabulary", counted)
    return built


def test_a_cached_vocabulary_is_the_one_the_build_makes(tmp_path, builds):
    cache = tmp_path / "vocabulary.json"
    first = vocabulary_cache.vocabulary(cache, TEXTS, "ko", {"결재": ["결제"]}, {"돼"})
    again = vocabulary_cache.vocabulary(cache, TEXTS, "ko", {"결재": ["결제"]}, {"돼"})
    assert builds == ["ko"]
    assert json.dumps(again, ensure_ascii=False) == json.dumps(first, ensure_ascii=False) == json.dumps(
        build_vocabulary(TEXTS, "ko", {"결재": ["결제"]}, predicates={"돼"}), ensure_ascii=False)


@pytest.mark.parametrize("change", [
    {"texts": [*TEXTS[:2], "카드 결제 취소"]},
    {"synonyms": {"결재": ["결제"], "페이먼트": ["결제"]}},
    {"predicates": {"돼", "재설정"}},
])
def test_any_change_of_what_it_is_made_from_builds_it_again(tmp_path, builds, change):
    cache = tmp_path / "vocabulary.json"
    inputs = {"texts": TEXTS, "synonyms": {"결재": ["결제"]}, "predicates": {"돼"}}
    vocabulary_cache.vocabulary(cache, inputs["texts"], "ko", inputs["synonyms"], inputs["predicates"])
    changed = {**inputs, **change}
    made = vocabulary_cache.vocabulary(cache, changed["texts"], "ko", changed["synonyms"], changed["predicates"])
    assert builds == ["ko", "ko"]
    assert made == json.loads(json.dumps(build_vocabulary(changed["texts"], "ko", changed["synonyms"], predicates=changed["predicates"])))


def test_an_edit_to_the_vocabulary_code_builds_it_again(tmp_path, builds, monkeypatch):
    cache = tmp_path / "vocabulary.json"
    vocabulary_cache.vocabulary(cache, TEXTS, "ko", {})
    edited = tmp_path / "search_vocab.py"
    edited.write_text(Path(search_vocab.__file__).read_text(encoding="utf-8") + "\n# a word list changed\n", encoding="utf-8")
    monkeypatch.setattr(search_vocab, "__file__", str(edited))
    vocabulary_cache.vocabulary(cache, TEXTS, "ko", {})
    assert builds == ["ko", "ko"]


def test_each_language_keeps_its_own_and_no_file_keeps_nothing(tmp_path, builds):
    cache = tmp_path / "vocabulary.json"
    vocabulary_cache.vocabulary(cache, TEXTS, "ko", {})
    vocabulary_cache.vocabulary(cache, ["payment failed"], "en", {})
    vocabulary_cache.vocabulary(cache, TEXTS, "ko", {})
    vocabulary_cache.vocabulary(None, TEXTS, "ko", {})
    vocabulary_cache.vocabulary(None, TEXTS, "ko", {})
    assert builds == ["ko", "en", "ko", "ko"]
