"""Search synonyms: the writers' file and the glossary's pairs, the file deciding where both speak."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpcenter.errors import ContentError
from helpcenter.synonyms import load_synonyms

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "data" / "search-synonyms.schema.json"


def test_the_glossary_adds_pairs_and_the_file_wins_where_both_map_a_word(tmp_path):
    synonyms_file = tmp_path / "search-synonyms.yml"
    synonyms_file.write_text("ko:\n  payment: [결제 수단]\nen:\n  pw: [password]\n", encoding="utf-8")
    glossary = [{"ko": "결제", "en": "payment"}, {"ko": "비밀번호", "en": "password", "avoid": {"ko": ["비번"]}}]
    synonyms = load_synonyms(synonyms_file, SCHEMA, "search-synonyms.yml", ["ko", "en"], glossary)
    assert synonyms["ko"]["payment"] == ["결제 수단"]  # the writers' own mapping
    assert synonyms["ko"]["password"] == ["비밀번호"]
    assert synonyms["ko"]["비번"] == ["비밀번호"]
    assert synonyms["en"]["비밀번호"] == ["password"]
    assert synonyms["en"]["pw"] == ["password"]



def test_a_question_s_words_may_be_a_key_but_not_loose_spacing(tmp_path):
    """"어디 문의" (a question's words in order) is a key; a key with doubled, leading or trailing
    spaces is a writer's slip that would never match, and is refused with the file and field."""
    good = tmp_path / "search-synonyms.yml"
    good.write_text("ko:\n  어디 문의: [고객지원 방법 비교]\nen:\n  who contact: [compare support channels]\n", encoding="utf-8")
    assert load_synonyms(good, SCHEMA, "search-synonyms.yml", ["ko", "en"])["ko"]["어디 문의"] == ["고객지원 방법 비교"]
    for key in ["'어디  문의'", "' 어디'", "'어디 '"]:
        bad = tmp_path / "bad.yml"
        bad.write_text(f"ko:\n  {key}: [고객지원]\nen:\n  pw: [password]\n", encoding="utf-8")
        with pytest.raises(ContentError, match=r"bad\.yml:2"):
            load_synonyms(bad, SCHEMA, "bad.yml", ["ko", "en"])
