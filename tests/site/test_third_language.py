"""A third language is configuration and content, not code: added to a copy of the site (a fixture
made here, never shipped) it gets its own pages, search index, 404 page, language-switcher entries
and sitemap alternates; and a page it lacks fails the build with the writers' usual message."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from helpcenter.pagefind_index import ENGINE_DIR

from tests.conftest import Build, build_site, copy_project
from tests.html import read

# One pytest-xdist worker runs the module: its three-language site is built once (the `three_languages` fixture) for its tests.
pytestmark = pytest.mark.xdist_group("three-languages")

NEW = "ja"
LANGUAGE = f"""        - locale: {NEW}
          name: 日本語
          build: true
          site_name: Coupang Play ヘルプセンター
"""


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:  # the project's YAML loader refuses aliases
        return True


def _with_new_language(value, source: str):
    """Every block that has the site's languages gets the new one too, as the source language's copy."""
    if isinstance(value, dict):
        copied = {key: _with_new_language(item, source) for key, item in value.items()}
        if {"ko", "en"} <= set(value):
            copied[NEW] = copied[source]
        return copied
    if isinstance(value, list):
        return [_with_new_language(item, source) for item in value]
    return value


def _project_with_new_language(folder: Path) -> Path:
    project = copy_project(folder)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    languages_end = re.search(r"\n        - locale: en\n(?:          .*\n|            .*\n)+", text)
    assert languages_end, "mkdocs.yml: no English entry under i18n languages"
    config.write_text(text[:languages_end.end()] + LANGUAGE + text[languages_end.end():], encoding="utf-8")
    shutil.copytree(project / "docs" / "en", project / "docs" / NEW)  # its pages: the English text, in its folder
    for data in (project / "data").glob("*.yml"):
        raw = yaml.safe_load(data.read_text(encoding="utf-8"))
        data.write_text(yaml.dump(_with_new_language(raw, "en"), Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def three_languages(tmp_path_factory: pytest.TempPathFactory) -> Build:
    folder = tmp_path_factory.mktemp("three-languages")
    result = build_site(_project_with_new_language(folder / "project"), folder / "site")
    assert result.returncode == 0, result.log
    return result


def test_the_new_language_has_every_page_under_its_folder_in_its_language(three_languages):
    site = three_languages.site
    english = sorted(p.relative_to(site / "en").as_posix() for p in (site / "en").rglob("index.html"))
    assert english and all((site / NEW / path).is_file() for path in english)
    assert read(site, f"{NEW}/support/email/").html["lang"] == NEW


def test_the_new_language_has_its_own_search_index_and_its_pages_search_it(three_languages):
    site = three_languages.site
    entry = json.loads((site / NEW / ENGINE_DIR / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert NEW in entry["languages"]
    settings = json.loads(read(site, f"{NEW}/support/email/").select_one("[data-hc-search-config]").get_text())
    assert settings["lang"] == NEW and settings["roots"][NEW] == f"{NEW}/"


def test_the_new_language_has_its_own_404_page_searching_its_own_index(three_languages):
    page = read(three_languages.site, f"{NEW}/404.html")
    assert page.html["lang"] == NEW
    assert json.loads(page.select_one("[data-hc-search-config]").get_text())["lang"] == NEW
    assert page.select_one(f'section.hc-404[lang="{NEW}"][data-hc-root="{NEW}/"]') is not None
    root = read(three_languages.site, "404.html")  # the page static hosts serve for every missing address
    assert {section["lang"] for section in root.select("section.hc-404")} == {"ko", "en", NEW}


def test_every_page_switches_to_and_from_the_new_language(three_languages):
    site = three_languages.site
    for path in ("support/email/", "en/support/email/", f"{NEW}/support/email/"):
        switcher = {a["hreflang"] for a in read(site, path).select("a.md-select__link[hreflang]")}
        assert switcher == {"ko", "en", NEW}, path
        hreflang = {link["hreflang"] for link in read(site, path).select('link[hreflang]')}
        assert {"ko", "en", NEW, "x-default"} <= hreflang, path
    og = {meta["content"] for meta in read(site, "support/email/").select('meta[property="og:locale:alternate"]')}
    assert og == {"en_US", "ja_JP"}


def test_the_sitemap_lists_the_new_language_as_an_alternate_of_every_page(three_languages):
    sitemap = (three_languages.site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"/{NEW}/support/email/</loc>" in sitemap
    assert sitemap.count(f'hreflang="{NEW}"') == sitemap.count("<url>")


def test_a_page_missing_in_the_new_language_fails_with_the_writers_message(tmp_path):
    project = _project_with_new_language(tmp_path / "project")
    (project / "docs" / NEW / "support" / "tips.md").unlink()
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/ko/support/tips.md:1: no {NEW} version (docs/{NEW}/support/tips.md)" in result.log


def test_interface_text_missing_in_the_new_language_fails_naming_the_file(tmp_path):
    project = _project_with_new_language(tmp_path / "project")
    data = project / "data" / "ui-text.yml"
    raw = yaml.safe_load(data.read_text(encoding="utf-8"))
    del raw[NEW]["not_found"]
    data.write_text(yaml.dump(raw, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode != 0 and re.search(r"data/ui-text\.yml:\d+: .*not_found is missing", result.log), result.log
