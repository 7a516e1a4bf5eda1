"""One state per build: data files are read and checked once whatever asks, a writer's mistake is
reported the same way each time it is asked for, and the next build (a `mkdocs serve` rebuild)
starts from nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpcenter import buildstate, registry, results, rules
from helpcenter.errors import ContentError

from tests.conftest import ROOT


def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


def state_of(root: Path, owner: object) -> buildstate.BuildState:
    return buildstate.current(owner, lambda: registry.new_state(root, ["ko", "en"], "ko"))


def test_every_data_file_loads_through_one_registry(tmp_path):
    state = state_of(project(tmp_path), object())
    names = sorted(path.name.removesuffix(".schema.json") for path in (tmp_path / "data").glob("*.schema.json")
                   if (tmp_path / "data" / path.name.replace(".schema.json", ".yml")).exists())
    assert names == sorted(registry.LOADERS)  # a data file nobody can load through the registry is a mistake
    for name in names:
        assert state.data(name) is state.data(name)  # loaded once, the same value for every hook


def test_a_data_file_is_read_once_per_build_and_again_in_the_next(tmp_path, monkeypatch):
    root, calls = project(tmp_path), []
    original = registry.LOADERS["notices"]
    monkeypatch.setitem(registry.LOADERS, "notices", lambda *args: calls.append(1) or original(*args))
    first = state_of(root, object())
    first.data("notices"), first.data("notices")
    assert len(calls) == 1
    state_of(root, object()).data("notices")  # a new config: the next build
    assert len(calls) == 2


def test_an_edit_between_builds_is_seen_by_the_next_build(tmp_path):
    root, config = project(tmp_path), object()
    before = state_of(root, config).data("support-methods")
    data = root / "data" / "support-methods.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("en: Email support", "en: Write to us"), encoding="utf-8")
    assert state_of(root, config).data("support-methods") is before  # same build: its data stays put
    after = state_of(root, object()).data("support-methods")
    assert any(m.name["en"] == "Write to us" for m in after.methods)


def test_a_broken_data_file_reports_the_same_error_to_every_hook_that_asks(tmp_path):
    root = project(tmp_path)
    (root / "data" / "topics.yml").write_text("default: nowhere\ntopics: []\n", encoding="utf-8")
    state = state_of(root, object())
    messages = set()
    for _ in range(2):
        with pytest.raises(ContentError) as error:
            state.data("topics")
        messages.add(str(error.value))
    (message,) = messages
    assert message.startswith("data/topics.yml:")


def test_the_next_build_closes_what_the_previous_one_opened(tmp_path):
    closed = []
    first = state_of(tmp_path, object())
    first.on_close(lambda: closed.append("handler removed"))
    state_of(tmp_path, object())
    assert closed == ["handler removed"]


def test_once_and_first_mean_once_per_build():
    state = state_of(Path("."), object())
    assert state.once("x", lambda: [1]) is state.once("x", lambda: [2])
    assert state.first("warn") and not state.first("warn")
    assert state_of(Path("."), object()).first("warn")


def test_every_rule_declares_name_description_severity_and_messages():
    names = [rule.NAME for rule in rules.ALL]
    assert len(names) == len(set(names))
    for rule in rules.ALL:
        assert rule.DESCRIPTION and rule.SEVERITY in rules.SEVERITIES, rule.NAME
        assert rule.MESSAGES and all(isinstance(text, str) and text for text in rule.MESSAGES.values()), rule.NAME


def test_results_are_records_with_file_line_and_rule():
    (entry,) = results.from_message("warning", "docs/ko/x.md:12: image without alt text: write what it shows [image-alt]")
    assert (entry["file"], entry["line"], entry["rule"], entry["severity"]) == ("docs/ko/x.md", 12, "image-alt", "warning")
    whole = results.from_message("error", "mkdocs.yml: redirects: 'a.md' is still a page\nsecond line")
    assert [e["file"] for e in whole] == [None, None] and len(whole) == 2
    text = "".join(map(results.dumps, [entry, *whole])) + '{"cut short'
    assert results.read(text) == [entry, *whole]
