"""The cache of Pagefind's output (helpcenter/pagefind_cache): a rebuild with unchanged records gets
exactly the index Pagefind would write, and any change is indexed again, with Pagefind's real binary."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import threading
import unicodedata
from pathlib import Path

import pytest
from helpcenter import pagefind_binary, pagefind_index
from helpcenter.errors import ContentError
from helpcenter.incremental import Cancelled
from helpcenter.pagefind_cache import EngineCache, key
from helpcenter.pagefind_index import engine_html, write_indexes


def documents(lang: str, words: list[str]) -> list[str]:
    return [engine_html({"url": f"page-{number}/", "lang": lang, "kind": "page"}, f"Page {number}", f"how to pay with {word}")
            for number, word in enumerate(words)]


def tree(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in folder.rglob("*") if path.is_file()}


def indexed(output: Path, word: str) -> bool:
    """Whether a reader's search for `word` can find it: the word is a key of one of the index's chunks."""
    return any(chunks_with(output, word))


def chunk_of(output: Path, word: str) -> str:
    return next(chunks_with(output, word))


def chunks_with(output: Path, word: str):
    """The names of the index chunks holding `word` (Pagefind's chunks are gzip'd CBOR, where a short
    word is a text string: its length in bytes, then its UTF-8)."""
    needle = bytes([0x60 + len(word.encode("utf-8"))]) + word.encode("utf-8")
    return (chunk.name for chunk in (output / "index").glob("*.pf_index") if needle in gzip.decompress(chunk.read_bytes()))


def test_a_common_word_does_not_share_its_index_chunk_with_another_common_word(tmp_path):
    # A query downloads the chunk of each of its words: at Pagefind's default chunk size, a common
    # word's chunk carried its common neighbours too (payment with password).
    repeat = pagefind_index.CHUNK_SIZE // 100 + 1  # each word alone fills a chunk
    content = " ".join(["password"] * repeat + ["payment"] * repeat)
    pages = [engine_html({"url": f"p{n}/", "lang": "en", "kind": "page"}, "Help", content) for n in range(100)]
    write_indexes([(pages, "en", tmp_path / "pagefind")])
    assert chunk_of(tmp_path / "pagefind", "password") != chunk_of(tmp_path / "pagefind", "payment")


def test_korean_chunks_are_smaller_so_a_neighbouring_chunk_costs_less(tmp_path):
    # Two Korean words that would share one chunk at the English size each fill one of their own.
    repeat = pagefind_index.CHUNK_SIZES["ko"] // 100 + 1
    assert repeat * 2 * 100 < pagefind_index.CHUNK_SIZE
    content = " ".join(["결제"] * repeat + ["결과"] * repeat)
    pages = [engine_html({"url": f"p{n}/", "lang": "ko", "kind": "page"}, "도움말", content) for n in range(100)]
    write_indexes([(pages, "ko", tmp_path / "pagefind")])
    nfd = [unicodedata.normalize("NFD", word) for word in ("결제", "결과")]
    assert chunk_of(tmp_path / "pagefind", nfd[0]) != chunk_of(tmp_path / "pagefind", nfd[1])


@pytest.fixture
def runs(monkeypatch) -> list[str]:
    """The languages Pagefind's binary is run for."""
    started: list[str] = []
    popen = subprocess.Popen

    def counted(command, *args, **kwargs):
        started.append(command[command.index("--force-language") + 1])
        return popen(command, *args, **kwargs)

    monkeypatch.setattr(pagefind_index.subprocess, "Popen", counted)
    return started


def test_unchanged_records_get_the_index_pagefind_writes_without_running_it(tmp_path, runs):
    cache = EngineCache(tmp_path / "cache")
    jobs = [(documents("en", ["quokka", "wombat"]), "en", tmp_path / "site/en/pagefind"),
            (documents("ko", ["카드", "계좌"]), "ko", tmp_path / "site/pagefind")]
    write_indexes(jobs, cache)
    write_indexes([(docs, lang, tmp_path / "fresh" / lang) for docs, lang, _ in jobs])
    assert runs == ["en", "ko", "en", "ko"]

    for _, _, output in jobs:
        (output / "hc-vocabulary.json").write_text("{}")  # what the build adds beside the index is replaced too
    write_indexes(jobs, cache)
    assert runs == ["en", "ko", "en", "ko"], "an unchanged language was indexed again"
    for _, lang, output in jobs:
        assert tree(output) == tree(tmp_path / "fresh" / lang)


def test_a_changed_page_is_indexed_again_and_its_new_words_are_found(tmp_path, runs):
    cache = EngineCache(tmp_path / "cache")
    english, korean = tmp_path / "site/en/pagefind", tmp_path / "site/pagefind"
    write_indexes([(documents("en", ["quokka", "wombat"]), "en", english), (documents("ko", ["카드"]), "ko", korean)], cache)
    assert indexed(english, "quokka")

    write_indexes([(documents("en", ["numbat", "wombat"]), "en", english), (documents("ko", ["카드"]), "ko", korean)], cache)
    assert runs == ["en", "ko", "en"], "only the changed language is indexed again"
    assert indexed(english, "numbat") and indexed(english, "wombat") and not indexed(english, "quokka")

    write_indexes([(documents("en", ["quokka", "wombat"]), "en", english)], cache)
    assert indexed(english, "quokka") and not indexed(english, "numbat")


def test_a_damaged_cache_entry_is_never_copied_into_the_site(tmp_path, runs):
    cache, output = EngineCache(tmp_path / "cache"), tmp_path / "site/pagefind"
    jobs = [(documents("en", ["quokka"]), "en", output)]
    write_indexes(jobs, cache)
    expected = tree(output)
    stored = next(path for path in (tmp_path / "cache").rglob("*.pf_fragment"))
    stored.write_bytes(stored.read_bytes()[:-3])  # cut short, as a build stopped mid-copy would leave it

    write_indexes(jobs, cache)
    assert runs == ["en", "en"]
    assert tree(output) == expected


def test_a_failed_index_fails_the_build_and_is_not_kept(tmp_path, monkeypatch):
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\necho 'Error: no space left on device' >&2\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setattr(pagefind_binary, "executable", lambda: broken)
    cache = EngineCache(tmp_path / "cache")

    with pytest.raises(ContentError, match="search index for 'en' could not be written: Error: no space left"):
        write_indexes([(documents("en", ["quokka"]), "en", tmp_path / "site/pagefind")], cache)
    assert not [path for path in (tmp_path / "cache").rglob("*") if path.is_file()]


def test_the_key_changes_with_anything_pagefind_reads():
    base = key("1.5.2", ["--force-language", "en"], [("0.html", "ab"), ("1.html", "c")])
    assert base == key("1.5.2", ["--force-language", "en"], [("0.html", "ab"), ("1.html", "c")])
    assert len({base,
                key("1.5.3", ["--force-language", "en"], [("0.html", "ab"), ("1.html", "c")]),
                key("1.5.2", ["--force-language", "ko"], [("0.html", "ab"), ("1.html", "c")]),
                key("1.5.2", ["--force-language", "en"], [("0.html", "a"), ("1.html", "bc")]),
                key("1.5.2", ["--force-language", "en"], [("1.html", "ab"), ("0.html", "c")]),
                key("1.5.2", ["--force-language", "en"], [("0.html", "ab")])}) == 6


def test_a_site_file_edited_in_place_is_not_restored_into_the_next_site(tmp_path, runs):
    """The cache and the sites share the index's files (hard links): a file rewritten in place in
    a site is rewritten in the cache too, and the next build indexes again rather than copy it."""
    cache, output = EngineCache(tmp_path / "cache"), tmp_path / "site/pagefind"
    jobs = [(documents("en", ["quokka"]), "en", output)]
    write_indexes(jobs, cache)
    expected = tree(output)
    write_indexes(jobs, cache)
    edited = next(output.rglob("*.pf_fragment"))
    edited.write_bytes(b"not pagefind's")
    write_indexes(jobs, cache)
    assert runs == ["en", "en"]
    assert tree(output) == expected


def test_a_hand_edited_manifest_never_writes_outside_the_index(tmp_path):
    cache, output = EngineCache(tmp_path / "cache"), tmp_path / "site/pagefind"
    jobs = [(documents("en", ["quokka"]), "en", output)]
    write_indexes(jobs, cache)
    manifest = next((tmp_path / "cache").rglob("manifest.json"))
    stored = json.loads(manifest.read_text())
    stored["files"][0][0] = "../../escaped.js"
    manifest.write_text(json.dumps(stored))

    write_indexes(jobs, cache)
    assert not list(tmp_path.rglob("escaped.js"))
    assert indexed(output, "quokka")


def test_without_a_folder_nothing_is_kept(tmp_path):
    output = tmp_path / "pagefind"
    write_indexes([(documents("en", ["quokka"]), "en", output)], EngineCache(None))
    assert indexed(output, "quokka")
    assert not EngineCache(None).restore("en", "0" * 64, output)


def test_a_stopped_indexing_leaves_the_index_in_place_and_no_pagefind_running(tmp_path, monkeypatch):
    """A newer save in the preview stops the last save's indexing: readers keep the previous index,
    whole, and nothing is left running or half-written beside it."""
    site = tmp_path / "site"
    output = site / "pagefind"
    write_indexes([(documents("en", ["quokka"]), "en", output)])
    before = tree(output)
    stop, started = threading.Event(), []
    popen = subprocess.Popen

    def stopped_once_running(command, *args, **kwargs):
        started.append(popen(command, *args, **kwargs))
        stop.set()  # the newer save arrives while the binary runs
        return started[-1]

    monkeypatch.setattr(pagefind_index.subprocess, "Popen", stopped_once_running)
    with pytest.raises(Cancelled):
        write_indexes([(documents("en", [f"wombat{n}" for n in range(300)]), "en", output)], None, stop)
    assert started and all(process.poll() is not None for process in started)
    assert tree(output) == before and indexed(output, "quokka")
    assert sorted(path.name for path in site.iterdir()) == ["pagefind"]


def test_a_stopped_copy_from_the_cache_leaves_the_index_in_place(tmp_path):
    cache, site = EngineCache(tmp_path / "cache"), tmp_path / "site"
    english, elsewhere = documents("en", ["quokka", "wombat"]), site / "pagefind"
    write_indexes([(english, "en", tmp_path / "stored")], cache)  # stored in the cache
    write_indexes([(documents("en", ["numbat"]), "en", elsewhere)])
    before, stop = tree(elsewhere), threading.Event()
    stop.set()
    with pytest.raises(Cancelled):
        write_indexes([(english, "en", elsewhere)], cache, stop)
    assert tree(elsewhere) == before and sorted(path.name for path in site.iterdir()) == ["pagefind"]
    write_indexes([(english, "en", elsewhere)], cache)
    assert tree(elsewhere) == tree(tmp_path / "stored")
