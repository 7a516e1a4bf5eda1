"""The site's languages come from mkdocs.yml: a third language needs configuration and content, not code."""

from __future__ import annotations

import re

import pytest
from helpcenter.datafile import language_fields, load_schema, load_validated
from helpcenter.errors import ContentError
from helpcenter.languages import configured, og_locale, template_languages

from tests.conftest import ROOT

CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def with_language(tmp_path, locale: str, build: str = "true"):
    text = re.sub(r"(\n      languages:\n)", rf"\1        - locale: {locale}\n          build: {build}\n", CONFIG, count=1)
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    return configured(tmp_path / "mkdocs.yml")


def test_languages_are_read_from_the_i18n_settings_default_first(tmp_path):
    languages = with_language(tmp_path, "ja")
    assert languages.default in languages.all and "ja" in languages.translations
    assert languages.default not in languages.translations


def test_a_language_that_is_not_built_is_not_a_site_language(tmp_path):
    assert "ja" not in with_language(tmp_path, "ja", build="false").all


@pytest.mark.parametrize(("lang", "locale"), [("ko", "ko_KR"), ("en", "en_US"), ("ja", "ja_JP"), ("pt-BR", "pt_BR")])
def test_link_previews_name_each_language_with_its_territory(lang, locale):
    assert og_locale(lang) == locale


def test_templates_get_every_language_default_first_with_its_home():
    found = template_languages("ko", ["en", "ko", "ja"], {"ko": "K", "en": "E", "ja": "J"}, {})
    assert found["order"] == ["ko", "en", "ja"] and found["roots"] == {"ko": "", "en": "en/", "ja": "ja/"}


def test_a_notice_needs_its_text_in_every_site_language_and_no_other(tmp_path):
    schema = language_fields(load_schema(ROOT / "data/notices.schema.json"), [["properties", "notices", "items"]], ["ko", "en", "ja"], "text")
    data = tmp_path / "notices.yml"
    data.write_text("notices:\n  - {id: x, start: 2026-01-01, end: 2026-01-02, source: s, ko: 가, en: b, fr: c}\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_validated(data, schema, "data/notices.yml")
    assert "ja is missing" in str(error.value) and "unknown key 'fr'" in str(error.value)
