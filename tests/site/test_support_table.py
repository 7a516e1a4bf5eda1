"""The support-channel table and contact boxes, as the built site shows them."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import PROJECT, build_site, copy_project
from tests.html import LANGS, add_phone_fact, page_path, read, resolve
from tests.pages import url_path

DATA = yaml.safe_load((PROJECT / "data" / "support-methods.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LANGS)
def test_methods_page_table_matches_the_data_in_the_pages_language(site, lang):
    table = read(site, page_path(lang, "support/methods/")).select_one("table.hc-methods")
    assert table.caption.get_text(strip=True) == DATA["labels"]["caption"][lang]
    rows = table.tbody.find_all("tr")
    assert [r.th.get_text(strip=True) for r in rows] == [m["name"][lang] for m in DATA["methods"]]
    for row, method in zip(rows, DATA["methods"]):
        assert method["best_for"][lang] in row.get_text()
        assert all(item in row.get_text() for item in method["strengths"][lang])


@pytest.mark.parametrize("lang", LANGS)
def test_table_rows_link_to_each_channels_page_in_the_same_language(site, lang):
    table = read(site, page_path(lang, "support/methods/")).select_one("table.hc-methods")
    here = page_path(lang, "support/methods/")
    assert [resolve(here, a["href"])[0] for a in table.select("tbody th a")] == [page_path(lang, url_path(m["page"])) for m in DATA["methods"]]


@pytest.mark.parametrize(("lang", "channel"), [(lang, m["id"]) for lang in LANGS for m in DATA["methods"]])
def test_channel_page_shows_its_contact_box_from_the_data(site, lang, channel):
    method = next(m for m in DATA["methods"] if m["id"] == channel)
    box = read(site, page_path(lang, url_path(method["page"]))).select_one(f".hc-contact[data-channel={channel}]")
    assert box is not None
    if not method["contact"]:
        assert method["where_to_find"][lang] in box.get_text()


def test_no_marker_is_left_unexpanded(site):
    leftovers = [str(p.relative_to(site)) for p in site.rglob("*.html") if "hc:" in p.read_text(encoding="utf-8")]
    assert not leftovers


def test_bad_data_fails_the_build_naming_file_entry_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    data_file = project / "data" / "support-methods.yml"
    data_file.write_text(data_file.read_text(encoding="utf-8").replace("      en: Phone support\n", ""), encoding="utf-8")
    build = build_site(project, tmp_path / "site")
    assert build.returncode != 0
    assert "data/support-methods.yml:" in build.log and "methods[2] (phone): name.en is missing" in build.log
    assert not (tmp_path / "site" / "en" / "support" / "methods" / "index.html").exists()


def test_marker_naming_an_unknown_channel_fails_with_page_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "support" / "phone.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("")
    lines.append("<!-- hc:contact fax -->")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    build = build_site(project, tmp_path / "site")
    assert build.returncode != 0
    assert f"docs/en/support/phone.md:{len(lines)}: unknown channel 'fax'" in build.log


def test_stale_contact_fact_warns_once_and_fails_the_strict_build(tmp_path):
    project = copy_project(tmp_path / "project")
    add_phone_fact(project, verified="2020-01-01")
    build = build_site(project, tmp_path / "site")
    assert build.returncode != 0
    assert build.log.count("phone: the phone fact '1234-5678' was last verified on 2020-01-01") == 1
    assert "update 'verified', or remove the fact" in build.log
