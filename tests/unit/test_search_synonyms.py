"""Search synonyms: the writers' file and the glossary's pairs, the file deciding where both speak."""

from __future__ import annotations

from pathlib import Path

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

