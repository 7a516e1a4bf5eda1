"""The support-channel data file: every writer mistake fails with file, line, entry and field."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from helpcenter.errors import ContentError
from helpcenter.support_data import load_support_data, missing_pages, stale_facts

from tests.conftest import ROOT

DATA = ROOT / "tests" / "fixtures" / "support-methods.yml"  # no contact facts, whatever data/ has today
SCHEMA = ROOT / "data" / "support-methods.schema.json"
LABEL = "data/support-methods.yml"


def real() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def load(tmp_path: Path, raw: dict | str, languages=("ko", "en")):
    path = tmp_path / "support-methods.yml"
    path.write_text(raw if isinstance(raw, str) else yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_support_data(path, SCHEMA, LABEL, list(languages))


def error_of(tmp_path: Path, raw: dict | str, languages=("ko", "en")) -> str:
    with pytest.raises(ContentError) as caught:
        load(tmp_path, raw, languages)
    return str(caught.value)


def with_fact(raw: dict, index: int = 2, **fact) -> dict:
    raw["methods"][index]["contact"] = [
        {"kind": "phone", "value": "1234-5678", "source": "Coupang Play app: Help", "verified": "2026-11-01", **fact}
    ]
    return raw


def test_real_data_loads_with_every_channel_in_both_languages():
    data = load_support_data(DATA, SCHEMA, LABEL, ["ko", "en"])
    assert data.ids[:3] == ["help-center", "email", "phone"]
    assert all(m.name["ko"] and m.name["en"] for m in data.methods)


def test_missing_english_name_fails_with_entry_and_field_path(tmp_path):
    raw = real()
    del raw["methods"][2]["name"]["en"]
    message = error_of(tmp_path, raw)
    assert message.startswith(f"{LABEL}:")
    assert "methods[2] (phone): name.en is missing" in message


def test_a_newly_configured_language_is_required_everywhere(tmp_path):
    message = error_of(tmp_path, real(), languages=("ko", "en", "ja"))
    assert "caption.ja is missing" in message
    assert "methods[0] (help-center): name.ja is missing" in message


def test_invalid_yaml_names_the_line(tmp_path):
    text = DATA.read_text(encoding="utf-8").replace("  - id: email", "  - id: [email")
    message = error_of(tmp_path, text)
    assert message.startswith(f"{LABEL}:") and "invalid YAML" in message
    line = int(message.split(":")[1])
    assert "[email" in text.splitlines()[line - 1] or "[email" in text.splitlines()[line - 2]


def test_duplicate_yaml_key_is_refused(tmp_path):
    text = DATA.read_text(encoding="utf-8").replace("    page: support/email.md\n", "    page: support/email.md\n    page: support/phone.md\n")
    assert "the key 'page' appears twice" in error_of(tmp_path, text)


def test_unknown_key_is_named_with_the_known_ones(tmp_path):
    raw = real()
    raw["methods"][1]["hours"] = "9-18"
    message = error_of(tmp_path, raw)
    assert "methods[1] (email): unknown key 'hours'" in message and "known keys: id, page" in message


def test_wrong_type_says_what_was_expected(tmp_path):
    raw = real()
    raw["methods"][0]["strengths"]["ko"] = "하나뿐인 장점"
    assert "methods[0] (help-center): strengths.ko must be a list, not a text" in error_of(tmp_path, raw)


def test_duplicate_ids_point_at_the_first_use(tmp_path):
    raw = real()
    raw["methods"][2]["id"] = "email"
    assert "methods[2] (email): id 'email' is already used by methods[1]" in error_of(tmp_path, raw)


@pytest.mark.parametrize("bad_date", ["2026-13-01", "yesterday", "2026/11/01"])
def test_a_verified_date_that_is_not_a_date_fails(tmp_path, bad_date):
    message = error_of(tmp_path, with_fact(real(), verified=bad_date))
    assert f"methods[2] (phone): contact[0].verified must be a real date written YYYY-MM-DD, not '{bad_date}'" in message


def test_fact_without_source_is_refused(tmp_path):
    raw = with_fact(real())
    del raw["methods"][2]["contact"][0]["source"]
    assert "contact[0].source is missing" in error_of(tmp_path, raw)


@pytest.mark.parametrize("value", ["<b>bold</b>", "[link](https://x.test)", "`code`"])
def test_markdown_and_html_in_values_are_rejected(tmp_path, value):
    raw = real()
    raw["methods"][0]["best_for"]["en"] = value
    message = error_of(tmp_path, raw)
    assert "methods[0] (help-center): best_for.en" in message and "No Markdown or HTML" in message


def test_phone_fact_must_look_like_a_number(tmp_path):
    message = error_of(tmp_path, with_fact(real(), value="call us"))
    assert "contact[0].value 'call us' is not allowed" in message


def test_unknown_language_code_is_rejected(tmp_path):
    raw = real()
    raw["methods"][0]["name"]["jp"] = "ヘルプ"
    assert "methods[0] (help-center): name: 'jp' is not a site language (ko, en)" in error_of(tmp_path, raw)


def test_several_mistakes_are_reported_together_in_file_order(tmp_path):
    raw = real()
    del raw["methods"][0]["name"]["en"]
    del raw["methods"][2]["limits"]["ko"]
    lines = error_of(tmp_path, raw).splitlines()
    assert len(lines) == 2 and "methods[0]" in lines[0] and "methods[2]" in lines[1]


def test_stale_fact_is_reported_with_its_age_and_the_fix(tmp_path):
    data = load(tmp_path, with_fact(real(), verified="2026-01-01"))
    (message,) = stale_facts(data, LABEL, today=date(2026, 11, 24), max_age_days=180)
    assert "phone" in message and "327 days ago" in message and "update 'verified'" in message
    assert stale_facts(data, LABEL, today=date(2026, 3, 1), max_age_days=180) == []


def test_channel_page_that_does_not_exist_is_named(tmp_path):
    data = load(tmp_path, real())
    (message,) = missing_pages(data, LABEL, "en", exists=lambda page: page != "support/email.md")
    assert "methods[1] (email): page 'support/email.md' does not exist in docs/en/" in message
    line = message.split(":")[1]
    written = (tmp_path / "support-methods.yml").read_text(encoding="utf-8").splitlines()
    assert written[int(line) - 1].strip() == "page: support/email.md", message


def test_a_data_file_that_is_not_utf8_names_the_line_of_the_bad_byte(tmp_path):
    path = tmp_path / "support-methods.yml"
    path.write_bytes(b"labels:\r\n  ko: x\r\nmethods: \xff\n")
    with pytest.raises(ContentError, match=r"^data/support-methods\.yml:3: not valid UTF-8 .*save the file as UTF-8"):
        load_support_data(path, SCHEMA, LABEL, ["ko", "en"])


def test_stale_fact_names_the_line_of_its_verified_date(tmp_path):
    raw = with_fact(real(), verified="2026-01-01")
    text = yaml.safe_dump(raw, allow_unicode=True, sort_keys=False)
    line = next(number for number, text_line in enumerate(text.splitlines(), start=1) if "verified:" in text_line)
    (message,) = stale_facts(load(tmp_path, text), LABEL, today=date(2026, 11, 24), max_age_days=180)
    assert message.startswith(f"{LABEL}:{line}: phone: the phone fact")


def test_a_verified_date_in_the_future_is_refused_with_its_line(tmp_path):
    data = load(tmp_path, with_fact(real(), verified="2026-12-01"))
    (message,) = stale_facts(data, LABEL, today=date(2026, 11, 24), max_age_days=180)
    assert message.startswith(f"{LABEL}:") and "verified date 2026-12-01" in message and "is in the future" in message
    assert stale_facts(data, LABEL, today=date(2026, 12, 1), max_age_days=180) == []
