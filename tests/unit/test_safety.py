"""Writer input that used to publish foreign files, write outside the build or end in a traceback
now gets a message naming the file and what to do."""

from __future__ import annotations

import json
import os

import pytest
from helpcenter import diskcache, frontmatter, notices, redirects
from helpcenter.checks import project_files
from helpcenter.datafile import load_schema
from helpcenter.errors import ContentError
from helpcenter.yamlfile import load_yaml


def project(tmp_path):
    for folder in project_files.FOLDERS:
        (tmp_path / folder).mkdir()
    (tmp_path / "docs" / "index.md").write_text("# x\n")
    return tmp_path


@pytest.mark.parametrize("make", [
    lambda root: (root / "docs" / "config.css").symlink_to("../.git/config"),
    lambda root: (root / "docs" / "home").symlink_to("/root", target_is_directory=True),
    lambda root: (root / "snippets" / "s.md").symlink_to("/etc/hostname"),
    lambda root: (root / "data" / "d.yml").symlink_to("../docs/index.md"),
    lambda root: (root / "overrides" / "loop").symlink_to("loop"),
    lambda root: (root / "docs" / "page.html").write_text("<script>alert(1)</script>"),
    lambda root: (root / "docs" / "feed.xml").write_text("<x/>"),
    lambda root: (root / "docs" / 'a"onmouseover=x.md').write_text("# x\n"),
])
def test_foreign_files_and_links_are_refused_with_their_name(tmp_path, make):
    root = project(tmp_path)
    make(root)
    problems = project_files.check(root)
    assert problems and all(p.path.split("/")[0] in project_files.FOLDERS for p in problems)


def test_ordinary_project_files_pass(tmp_path):
    root = project(tmp_path)
    (root / "docs" / "assets").mkdir()
    for name in ("logo.svg", "site.css", "app.js", "계정-화면.png"):
        (root / "docs" / "assets" / name).write_text("x")
    assert project_files.check(root) == []


@pytest.mark.parametrize("redirect_map", [
    {"../../escaped.md": "support/methods.md"}, {"/abs.md": "support/methods.md"}, {"old.md": "https://evil.test/x.md"},
    {"old.md": "support/methods.md#\"+alert(1)+\""}, {"old.md": "../outside.md"}, {"old.md": 5}, ["old.md"],
    {"old.md": "support/methods"}, {"a\\b.md": "x.md"},
])
def test_redirects_outside_the_site_or_with_script_characters_are_refused(redirect_map):
    with pytest.raises(ContentError, match="redirect_maps"):
        redirects.check_map(redirect_map)


def test_ordinary_redirects_pass():
    assert redirects.check_map({"help/contact.md": "support/methods.md#전화-상담"})


def test_yaml_aliases_are_refused_with_a_line(tmp_path):
    data = tmp_path / "d.yml"
    data.write_text("a: &a [x, x, x]\nb: [*a, *a, *a]\n")
    with pytest.raises(ContentError, match=r"d\.yml:\d+: invalid YAML: aliases"):
        load_yaml(data, "d.yml")


def test_front_matter_aliases_nan_and_odd_keys_are_writer_errors():
    assert "aliases" in frontmatter.alias_problems("p.md", "---\na: &a [1]\nb: *a\n---\n# t\n")[0].message
    schema = {"type": "object"}
    assert ".nan" in frontmatter.check("p.md", "---\nsearch: {boost: .nan}\n---\n", schema, "ko", "ko")[0].message
    assert "not a name" in frontmatter.check("p.md", "---\n1: x\n---\n", schema, "ko", "ko")[0].message


def test_a_cache_of_the_wrong_shape_or_read_only_is_only_a_lost_cache(tmp_path):
    cache = tmp_path / "c.json"
    for text in ("[1, 2]", '{"version": "v", "entries": [1]}', '"x"', '{"version": "v", "entries": {"k": 5}}'):
        cache.write_text(text)
        assert diskcache.load(cache, "v", lambda entry: isinstance(entry, list)) == {}
    os.chmod(tmp_path, 0o500)
    try:
        diskcache.save(tmp_path / "sub" / "c.json", "v", {"k": [1]})
    finally:
        os.chmod(tmp_path, 0o700)


def test_a_truncated_schema_names_the_file(tmp_path):
    schema = tmp_path / "data" / "x.schema.json"
    schema.parent.mkdir()
    schema.write_text(json.dumps({"type": "object", "properties": {}})[:20])
    with pytest.raises(ContentError, match=r"data/x\.schema\.json:1: not valid JSON"):
        load_schema(schema)


def test_a_malformed_source_date_epoch_is_named(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "tomorrow")
    with pytest.raises(ContentError, match="SOURCE_DATE_EPOCH"):
        notices.build_date()


@pytest.mark.parametrize("text", [
    "# T\n\n```\n<script>alert(1)</script>\n",  # a fence nothing closes is prose to superfences
    '# T\n\n<p\n  onmouseover="alert(1)">x</p>\n',  # a tag over several lines
    '# T\n\nHover\n{ onclick="alert(1)" }\n',  # an attribute list adding a handler
    "# T\n\n<form><input></form>\n",
    '# T\n\n<base href="https://evil.test/">\n',
    "# T\n\n<style>body{}</style>\n",
])
def test_source_rules_see_what_superfences_and_attribute_lists_render(text):
    from helpcenter.checks import Source, run_rules

    assert any(p.rule == "unsafe-html" for p in run_rules(Source("docs/ko/x.md", text, "ko")))


def test_front_matter_is_the_block_mkdocs_reads():
    from mkdocs.utils.meta import get_data

    for text in ("---\ntitle: a\n...\n# x\n", "---  \ntitle: a\n---\t\n# x\n", "---\ntitle: a\n---"):
        data, _ = frontmatter.read(text)
        assert (data or {}) == get_data(text)[1]
