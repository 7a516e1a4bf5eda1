"""Careless inputs refused before MkDocs reads anything: file names that differ by case or by how
their letters are stored, and snippets that are not UTF-8 text or are huge."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from helpcenter.checks import files, project_files

from tests.paths import ROOT


def real_pages() -> list[Path]:
    """The project's own pages and snippets: every bound on hostile input must let them all pass."""
    return [*ROOT.glob("docs/*/**/*.md"), *ROOT.glob("snippets/**/*.md")]


def _names(root: Path) -> list[str]:
    return [str(problem) for problem in project_files.check(root)]


def test_names_that_differ_only_in_case_are_refused(tmp_path):
    for name in ("tips.md", "Tips.md"):
        (tmp_path / "docs" / "ko").mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / "ko" / name).write_text("# x\n", encoding="utf-8")
    (found,) = _names(tmp_path)
    assert found.startswith("docs/ko/") and "only in upper and lower case" in found and "rename one" in found


def test_the_same_name_in_two_folders_is_fine(tmp_path):
    for lang in ("ko", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
        (tmp_path / "docs" / lang / "tips.md").write_text("# x\n", encoding="utf-8")
    assert _names(tmp_path) == []


def test_a_decomposed_korean_name_is_refused(tmp_path):
    (tmp_path / "docs" / "ko").mkdir(parents=True)
    (tmp_path / "docs" / "ko" / (unicodedata.normalize("NFD", "결제") + ".md")).write_text("# x\n", encoding="utf-8")
    (tmp_path / "docs" / "ko" / "결제방법.md").write_text("# x\n", encoding="utf-8")
    (found,) = _names(tmp_path)
    assert "decomposed" in found and "type the name again" in found


def test_names_with_spaces_dots_first_or_invisible_characters_are_refused(tmp_path):
    (tmp_path / "docs").mkdir()
    for name in ("my page.md", "..md", "결제\u200b.md", "a\u202egnp.md"):
        (tmp_path / "docs" / name).write_text("# x\n", encoding="utf-8")
    assert len(_names(tmp_path)) == 4


def test_a_snippet_must_be_utf8_text_without_bom_and_not_huge(tmp_path):
    cases = {"utf16.md": "# 제목\n".encode("utf-16"), "bom.md": b"\xef\xbb\xbfx\n", "latin1.md": "caf\xe9\n".encode("latin-1"),
             "huge.md": b"x" * (files.MAX_BYTES + 1), "ok.md": "괜찮습니다\n".encode(), "empty.md": b""}
    found = {}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        found[name] = [str(problem) for problem in files.check_snippet(f"snippets/{name}", tmp_path / name)]
    assert found["ok.md"] == [] and found["empty.md"] == []
    assert all(found[name] and found[name][0].startswith(f"snippets/{name}:") for name in ("utf16.md", "bom.md", "latin1.md", "huge.md"))
    assert "save the file as UTF-8" in found["latin1.md"][0] and "split it" in found["huge.md"][0]


def test_a_snippet_that_is_not_a_file_in_snippets_is_named_with_its_line_before_markdown_stops_on_it(tmp_path):
    """A typo, a path out of snippets/ (../.git/config, /etc/passwd) or an address: pymdownx.snippets
    stopped the build with a traceback. Each is named with the page's line, block syntax and nested
    snippets too; a snippet that exists, with a line range or a section, is fine."""
    snippets = tmp_path / "snippets"
    (snippets / "ko").mkdir(parents=True)
    (snippets / "ko" / "note.md").write_text("## intro\n\n안내\n", encoding="utf-8")
    outside = tmp_path / "secret.md"
    outside.write_text("secret\n", encoding="utf-8")
    page = ('# 제목\n\n--8<-- "ko/note.md"\n--8<-- "ko/note.md:1:2"\n--8<-- "ko/nota.md"\n--8<-- "../secret.md"\n'
            '--8<-- "/etc/passwd"\n--8<-- "https://example.com/x.md"\n\n--8<--\nko/note.md\nko/missing.md\n--8<--\n\n;--8<-- "ko/escaped.md"\n')
    found = [str(problem) for problem in files.missing_snippets("docs/ko/a.md", page, snippets)]
    assert [f.split(":")[1] for f in found] == ["5", "6", "7", "8", "12"], found
    assert all("is not a file in snippets/" in f and "path inside snippets/" in f for f in found)
    (snippets / "ko" / "outer.md").write_text('\n--8<-- "ko/gone.md"\n', encoding="utf-8")
    (snippets / "ko" / "loop.md").write_text('--8<-- "ko/loop.md"\n', encoding="utf-8")
    (nested,) = files.missing_snippets("docs/ko/b.md", '--8<-- "ko/outer.md"\n--8<-- "ko/loop.md"\n', snippets)
    assert str(nested).startswith("snippets/ko/outer.md:2:") and "ko/gone.md" in str(nested)
    # Each level includes the next ten times, seven levels deep: the missing one at the bottom is
    # still named, once, and the walk reads each snippet once (10**7 reads took minutes).
    for level in range(7):
        (snippets / f"level{level}.md").write_text(f'--8<-- "level{level + 1}.md"\n' * 10, encoding="utf-8")
    (snippets / "level7.md").write_text('--8<-- "ko/deep-typo.md"\n', encoding="utf-8")
    (deep,) = files.missing_snippets("docs/ko/c.md", '--8<-- "level0.md"\n', snippets)
    assert str(deep).startswith("snippets/level7.md:1:") and "ko/deep-typo.md" in str(deep)


def test_snippets_that_multiply_a_page_are_refused_before_markdown_expands_them(tmp_path):
    snippets = tmp_path / "snippets"
    snippets.mkdir()
    (snippets / "big.md").write_text("가" * 30_000 + "\n", encoding="utf-8")  # 90 KB
    # Each level includes the next ten times: 10**4 copies of the last one.
    for level in range(4):
        (snippets / f"level{level}.md").write_text(f'--8<-- "level{level + 1}.md"\n' * 10, encoding="utf-8")
    (snippets / "level4.md").write_text("x" * 1000 + "\n", encoding="utf-8")
    many = "# Page\n\n" + '--8<-- "big.md"\n' * 10
    (found,) = files.expanded_size("docs/ko/a.md", many, snippets)
    assert str(found).startswith("docs/ko/a.md:3: with its snippets it is ") and "include each snippet once" in str(found)
    assert files.expanded_size("docs/ko/b.md", '# Page\n\n-8<-\nlevel0.md\n-8<-\n', snippets)
    assert files.expanded_size("docs/ko/c.md", '# Page\n\n--8<-- "big.md:1:2"\n--8<-- "level4.md"\n', snippets) == []
    (snippets / "loop.md").write_text('--8<-- "loop.md"\n', encoding="utf-8")
    assert files.expanded_size("docs/ko/d.md", '--8<-- "loop.md"\n;--8<-- "big.md"\n', snippets) == []


def test_a_page_markdown_keeps_busy_too_long_stops_the_build_with_its_name():
    import time
    from types import SimpleNamespace

    import render_budget as glue
    from helpcenter import render_budget
    from mkdocs.exceptions import PluginError

    page = SimpleNamespace(file=SimpleNamespace(src_uri="ko/slow.md"))
    previous, render_budget.SECONDS = render_budget.SECONDS, 0.2
    try:
        glue.on_page_markdown("# x", page, None)
        with pytest.raises(PluginError, match=r"^docs/ko/slow\.md:1: Markdown spent more than 0 s .*\[render-budget\]$"):
            start = time.process_time()
            while time.process_time() - start < 5:  # a render that never ends, in processor time
                pass
        glue.on_page_markdown("# x", page, None)
        assert glue.on_page_content("<p>x</p>", page, None) == "<p>x</p>"  # stopped in time: nothing raised
        start = time.process_time()
        while time.process_time() - start < 0.4:
            pass
    finally:
        render_budget.SECONDS = previous
        render_budget.stop()


def test_thousands_of_unclosed_brackets_are_refused_before_markdown_reads_them():
    (found,) = files.bracket_steps("docs/ko/a.md", "# 제목\n\n정상 [링크](x)\n\n" + "[" * 8000)
    assert str(found).startswith("docs/ko/a.md:5: '[' without a ']'") and "write them as \\[" in str(found)
    assert files.bracket_steps("docs/ko/a.md", "# 제목\n\n" + "[링크](../x/) [참조][r] 와 \\[괄호\\]\n\n" * 5000) == []
    assert files.bracket_steps("docs/ko/a.md", "[[[[" * 1500 + "]]]]" * 1500)  # matched, but nested very deep
    assert files.bracket_steps("docs/ko/a.md", "[a](" * 8000)  # closed brackets, link targets never closed (31 s)
    assert files.bracket_steps("docs/ko/a.md", "[a](b) [c](d 'e') " * 20000) == []
    for page in ROOT.glob("docs/*/**/*.md"):
        assert files.bracket_steps(str(page), page.read_text(encoding="utf-8")) == [], page


def test_thousands_of_unclosed_tags_are_refused_before_markdown_reads_them():
    (found,) = files.angle_steps("docs/en/a.md", "# Title\n\nFine <b>bold</b>\n\n" + "<a " * 60000)
    assert str(found).startswith("docs/en/a.md:5: '<' without a '>'") and "write them as &lt;" in str(found)
    html = '<div markdown>\n<p class="x">text</p> a < b, x<y> <!-- note --> <br/>\n</div>\n\n'
    assert files.angle_steps("docs/en/a.md", html * 3000) == []
    for page in real_pages():
        assert files.angle_steps(str(page), page.read_text(encoding="utf-8")) == [], page


# Paragraphs of thousands of inline matches: Python-Markdown rewrites the paragraph's text at each.
INLINE_FLOODS = {"code spans": "`` ", "emphasis": "*a", "strong": "**a", "entities": "&amp; ", "escapes": "\\*",
                 "closed tags": "<b>x</b>", "emoji": ":smile: ", "line breaks": "a  \n", "links": "[a](b) ", "keys": "++ctrl++ "}


@pytest.mark.parametrize("unit", INLINE_FLOODS.values(), ids=INLINE_FLOODS.keys())
def test_paragraphs_of_thousands_of_inline_matches_are_refused_before_markdown_reads_them(unit):
    page = "# Title\n\nFine *emphasis* and `code`.\n\n" + unit * (150_000 // len(unit))
    (found,) = files.inline_steps("docs/en/a.md", page)
    assert str(found).startswith("docs/en/a.md:5: ") and "split the paragraph with blank lines" in str(found)
    # The same markup in paragraphs of ordinary length renders in linear time: not refused.
    assert files.inline_steps("docs/en/a.md", (unit * 40 + "\n\n") * (150_000 // (len(unit) * 40))) == []


def test_real_pages_are_not_refused_for_their_inline_markup():
    for page in real_pages():
        assert files.inline_steps(str(page), page.read_text(encoding="utf-8")) == [], page


# Paragraphs of thousands of lines that each start a block: Markdown splits one off and reads the rest again.
LINE_FLOODS = {"headings": "# a\n", "details": "??? note\n", "admonitions": "!!! note\n", "table rows": "|x|y|\n"}


@pytest.mark.parametrize("unit", LINE_FLOODS.values(), ids=LINE_FLOODS.keys())
def test_paragraphs_of_thousands_of_block_lines_are_refused_before_markdown_reads_them(unit):
    page = "# Title\n\nText.\n\n|a|b|\n|-|-|\n" + unit * (150_000 // len(unit))
    (found,) = files.block_steps("docs/ko/a.md", page)
    assert str(found).startswith("docs/ko/a.md:5: ") and "put blank lines between blocks" in str(found)
    assert files.block_steps("docs/ko/a.md", (unit * 50 + "\n") * (150_000 // (len(unit) * 50))) == []


def test_pages_of_tens_of_thousands_of_blocks_are_refused_with_the_line_past_the_limit():
    (found,) = files.block_steps("docs/ko/a.md", "# 제목\n\n" + "## a\n\n" * 30_000)
    assert str(found).startswith(f"docs/ko/a.md:{2 * files.MAX_BLOCKS + 1}: more than 3,000 paragraphs")
    assert files.block_steps("docs/ko/a.md", "# 제목\n\n" + "문단입니다.\n\n" * (files.MAX_BLOCKS - 1)) == []


def test_quotes_nested_hundreds_deep_are_refused_with_their_line():
    (found,) = files.block_steps("docs/en/a.md", "# Title\n\n> quoted\n\n" + "> " * 100_000 + "x\n")
    assert str(found).startswith("docs/en/a.md:5: quotes nested 100,000 deep")
    assert files.block_steps("docs/en/a.md", "> > > three levels\n" * 1000) == []
    for page in real_pages():
        assert files.block_steps(str(page), page.read_text(encoding="utf-8")) == [], page
