"""files: a page file must be readable text that belongs to docs/.

Checked on the raw bytes before MkDocs reads any page, so a writer sees which file is wrong and
why, instead of a decoding traceback, and nothing outside docs/ can be pulled into the site.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from .source import Problem

NAME = "files"
DESCRIPTION = "a page or snippet file is readable UTF-8 text, inside docs/ (or snippets/), not empty and not huge"
SEVERITY = "error"  # MkDocs cannot read such a page: every build stops, the preview too
MESSAGES = {
    "outside": "is a link to {real}, outside docs/; put the page itself in docs/",
    "bom": "starts with a byte-order mark (BOM); save it as UTF-8 without BOM",
    "encoding": "byte {start} is not UTF-8 text; save the file as UTF-8",
    "size": "is {size:,} bytes, more than {limit:,}; split it into several pages",
    "empty": "is empty; write the page or delete the file (in both languages)",
    "brackets": "'[' without a ']' near them from here on (or nested very deep): Markdown reads from each '[' to its ']' "
                "looking for a link, so rendering this would take minutes; close them, write them as \\[ or put them in `code`",
    "angles": "'<' without a '>' near them from here on: Markdown reads from each '<' to its '>' looking for HTML, so "
              "rendering this would take minutes; close them, write them as &lt; or put them in `code`",
    "inline": "{count:,} pieces of inline markup (`code`, *emphasis*, links, tags, \\escapes, &entities;, :emoji:, line "
              "breaks) in one paragraph of {size:,} characters: Markdown rewrites the whole paragraph at each of them, so "
              "rendering this would take minutes; split the paragraph with blank lines, or put such text in a code block",
    "lines": "{lines:,} lines in one paragraph of {size:,} characters (no blank line between them): Markdown reads the "
             "rest of the paragraph again at each heading, quote, admonition or table row in it, so rendering this would "
             "take minutes; put blank lines between blocks, or split the page",
    "quotes": "quotes nested {depth:,} deep ('>' repeated), more than {limit}: Markdown reads each level again, so "
              "rendering this would take minutes; quote once",
    "blocks": "more than {limit:,} paragraphs and blocks (parts separated by blank lines): Markdown's time grows with "
              "the square of their number, so rendering this would take minutes; split the page",
    "snippets": "with its snippets it is {size:,} bytes, more than {limit:,} (a snippet included many times, or snippets "
                "including each other many times); include each snippet once",
    "missing-snippet": "includes the snippet \"{name}\", which is not a file in snippets/; give the file's path inside "
                       "snippets/ (--8<-- \"ko/name.md\"), without ../, / or an address",
}
MAX_BYTES = 200_000  # several times our longest article; past it, a page should be split
# Markdown reads from each "[" to its "]" (or to the end of the paragraph) to see whether it is a link:
# thousands of unclosed ones cost the square of their number (8,000 took 16 s). This many character
# steps take about two seconds; an ordinary page needs a few thousand.
MAX_BRACKET_STEPS = 4_000_000
# Python-Markdown rewrites a paragraph's whole text at every inline match (a code span, an emphasis,
# an escape, a link, a tag...), so a paragraph costs about (its matches) x (its length): 200 KB of
# "`` `` ``" or "*a*a" took minutes. This bound, about a second of rendering, is tens of times
# what the longest real paragraph needs (MAINTAINERS.md, "Security").
MAX_INLINE_STEPS = 400_000_000
# Block constructs are split off a paragraph one line at a time, the rest read again each time: a
# paragraph costs about (its lines) x (its length) too (200 KB of "# a" lines or "??? note" lines).
# A quote nested 200,000 deep on one line did the same, level by level.
MAX_QUOTE_DEPTH = 100
# Python-Markdown looks each element up among its siblings (list.index), so a page's time grows with
# the square of its blocks: 10,000 one-line paragraphs took 2.5 s, 66,000 (200 KB) minutes. A page
# of 200 KB, the size limit, written in ordinary paragraphs has about 1,000.
MAX_BLOCKS = 3_000
_QUOTES = re.compile(rf"^[ \t]*(?:>[ \t]*){{{MAX_QUOTE_DEPTH + 1}}}", re.M)
_LEADING_QUOTES = re.compile(r"[ \t>]*")
# A page with the snippets it includes, each counted as often as it is included, nested ones too: a
# page of 10,000 inclusions of a 200 KB snippet, or snippets that include each other ten times over,
# was gigabytes of text to render.
MAX_EXPANDED = 2 * MAX_BYTES


def check(label: str, path: Path, docs: Path, markup: Callable[[str, str], list[Problem]] | None = None) -> list[Problem]:
    """`markup`: markup_steps, or the same remembered per text (content_checks keeps it between
    builds: it reads every character of every page)."""
    # Plain strings, not pathlib: this runs for every page of every build (a tenth of a one-page
    # preview rebuild at 2,000 pages went to resolving and comparing Path objects).
    real, root = os.path.realpath(path), os.path.realpath(docs)
    if not real.startswith(root + os.sep):
        return [Problem(label, 1, NAME, MESSAGES["outside"].format(real=real))]
    problems, text = _read(label, path.read_bytes())
    if text is not None and not text.strip():
        problems.append(Problem(label, 1, NAME, MESSAGES["empty"]))
    return problems + ((markup or markup_steps)(label, text) if text is not None else [])


def check_snippet(label: str, path: Path) -> list[Problem]:
    """A snippet becomes part of a page's text: the same encoding, size and bracket rules (an
    undecodable one stopped the build with a traceback, a huge one made every page that includes it huge)."""
    problems, text = _read(label, path.read_bytes())
    return problems + (markup_steps(label, text) if text is not None else [])


def missing_snippets(label: str, text: str, snippets: Path, read: set[Path] | None = None) -> list[Problem]:
    """Each snippet `text` includes, directly or through the snippets it includes, that is not a file
    in `snippets` (a typo, a path out of it, an address), at the line that names it: pymdownx.snippets
    stopped the build on it with a traceback naming neither line nor fix. Only what a page includes
    counts (snippets/README.md shows the syntax with a made-up name).
    Each snippet is read once, however often it is included (`read`): its problems are the same
    wherever it is, and snippets including each other ten times a level were read 10**depth times
    (seven levels took minutes, before the size check could refuse them). A loop stops there too."""
    read = set() if read is None else read
    problems = []
    for number, name in inclusions(text) if "8<-" in text else ():
        path = snippet_file(name, snippets)
        if path is None:
            problems.append(Problem(label, number, NAME, MESSAGES["missing-snippet"].format(name=name)))
        elif path not in read:
            read.add(path)
            inner = path.read_bytes().decode("utf-8", errors="replace")
            problems += missing_snippets(f"snippets/{path.relative_to(snippets).as_posix()}", inner, snippets, read)
    return problems


def markup_steps(label: str, text: str) -> list[Problem]:
    """The first markup that would take Markdown minutes to render, as a problem."""
    return ((bracket_steps(label, text) if "[" in text else []) or (angle_steps(label, text) if "<" in text else [])
            or inline_steps(label, text) or block_steps(label, text))


def _read(label: str, data: bytes) -> tuple[list[Problem], str | None]:
    problems = []
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(label, 1, NAME, MESSAGES["bom"]))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(Problem(label, line, NAME, MESSAGES["encoding"].format(start=error.start)))
        return problems, None
    if len(data) > MAX_BYTES:
        problems.append(Problem(label, 1, NAME, MESSAGES["size"].format(size=len(data), limit=MAX_BYTES)))
    return problems, text


def expanded_size(label: str, text: str, snippets: Path) -> list[Problem]:
    """The page's size with every snippet it includes expanded (pymdownx.snippets' own syntax), as
    a problem when past MAX_EXPANDED: found before Markdown expands them."""
    sizes: dict[Path, int] = {}
    first_line, total = 0, len(text.encode("utf-8"))
    for number, target in inclusions(text):
        total += _snippet_size(target, snippets, sizes, ())
        first_line = first_line or number
        if total > MAX_EXPANDED:
            return [Problem(label, first_line, NAME, MESSAGES["snippets"].format(size=total, limit=MAX_EXPANDED))]
    return []


def inclusions(text: str):
    """(line number, file name) of every snippet a text includes, inline or between block markers."""
    from pymdownx.snippets import SnippetPreprocessor  # its own patterns: what it expands is what is counted

    block = False
    for number, line in enumerate(text.splitlines(), start=1):
        marker = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line) if "8<-" in line else None
        if marker and not marker.group("escape"):
            if marker.group("inline_marker"):
                yield number, marker.group("snippet")[1:-1]
            else:
                block = not block
        elif block and line.strip():
            yield number, line.strip()


def _snippet_size(name: str, snippets: Path, sizes: dict[Path, int], chain: tuple[Path, ...]) -> int:
    path = snippet_file(name, snippets)
    if path is None or path in chain:  # missing (MkDocs says so) or a loop (pymdownx stops it)
        return 0
    if path not in sizes:
        text = path.read_bytes().decode("utf-8", errors="replace")
        sizes[path] = len(text.encode("utf-8")) + sum(
            _snippet_size(child, snippets, sizes, (*chain, path)) for _, child in inclusions(text))
    return sizes[path]


def snippet_file(name: str, snippets: Path) -> Path | None:
    """The file a snippet name includes, without its line range or section (name:1:3, name:intro)."""
    for _ in range(3):
        path = snippets / name
        if path.is_file() and snippets.resolve() in path.resolve().parents:
            return path
        if ":" not in name:
            break
        name = name.rpartition(":")[0]
    return None


def bracket_steps(label: str, text: str) -> list[Problem]:
    """The characters Markdown's link search reads on this page, as a problem when past
    MAX_BRACKET_STEPS: per paragraph, from each "[" to its "]", or to the paragraph's end."""
    return _steps(label, text, _BRACKET, "[", "brackets")


def angle_steps(label: str, text: str) -> list[Problem]:
    """The same for raw HTML: Python-Markdown's HTML reader (html.parser) reads from each "<" that
    starts a tag to its ">"; thousands of unclosed ones ("<a <a <a ...") cost the square of their
    number (4,000 took 2.6 s, 60,000 would take ten minutes). A ">" closes every tag opened before it."""
    return _steps(label, text, _ANGLE, "<", "angles")


def _steps(label: str, text: str, pattern: re.Pattern[str], opener: str, kind: str) -> list[Problem]:
    # opened: the openers not closed yet; targets: each "](" whose link target has no ")" yet (the
    # link search reads a target to its ")" the same way: "[a](" repeated is as slow as "[").
    steps, opened, targets, unclosed = 0, [], [], -1  # unclosed: where the first opener without its closer is
    for match in pattern.finditer(text):
        token = match[0]
        if token == opener:
            opened.append(match.start())
        elif token in ("]", "](") and opened:
            steps += match.start() - opened.pop()
            if token == "](":
                targets.append(match.start())
        elif token == ")" and targets:
            steps += match.start() - targets.pop()
        elif token == ">" and opened:
            steps += sum(match.start() - start for start in opened)
            opened.clear()
        elif token.startswith("\n"):  # a blank line ends the paragraph, and the search with it
            steps, unclosed = _close(opened + targets, match.start(), steps, unclosed)
            opened.clear()
            targets.clear()
        if steps > MAX_BRACKET_STEPS:
            break
    steps, unclosed = _close(opened + targets, len(text), steps, unclosed)
    if steps <= MAX_BRACKET_STEPS:
        return []
    where = max(unclosed, 0)
    return [Problem(label, text.count("\n", 0, where) + 1, NAME, MESSAGES[kind])]


def block_steps(label: str, text: str) -> list[Problem]:
    """The paragraph whose lines Markdown would take minutes over (lines times length past
    MAX_INLINE_STEPS), or a quote nested more than MAX_QUOTE_DEPTH deep, with its line."""
    deep = _QUOTES.search(text) if ">" in text else None
    if deep is not None:
        leading = _LEADING_QUOTES.match(text, deep.start())
        depth = leading[0].count(">") if leading else MAX_QUOTE_DEPTH + 1
        message = MESSAGES["quotes"].format(depth=depth, limit=MAX_QUOTE_DEPTH)
        return [Problem(label, text.count("\n", 0, deep.start()) + 1, NAME, message)]
    if len(text) * len(text) <= MAX_INLINE_STEPS and text.count("\n") < MAX_BLOCKS:
        return []
    start = 0
    for number, separator in enumerate(re.finditer(r"\n[ \t]*\n", text.rstrip() + "\n\n")):
        if number == MAX_BLOCKS:
            return [Problem(label, text.count("\n", 0, start) + 1, NAME, MESSAGES["blocks"].format(limit=MAX_BLOCKS))]
        lines, size = text.count("\n", start, separator.start()), separator.start() - start
        if lines * size > MAX_INLINE_STEPS:
            message = MESSAGES["lines"].format(lines=lines + 1, size=size)
            return [Problem(label, text.count("\n", 0, start) + 1, NAME, message)]
        start = separator.end()
    return []


def inline_steps(label: str, text: str) -> list[Problem]:
    """The paragraph whose inline markup Markdown would take minutes over: per paragraph (an upper
    bound: a list item or a table cell is rendered on its own, a part of one), the characters that
    can start an inline match times the paragraph's length, past MAX_INLINE_STEPS."""
    if len(text) * len(text) <= MAX_INLINE_STEPS:  # a page this short cannot reach it (about 20 KB)
        return []
    start, count = 0, 0
    for match in _INLINE.finditer(text + "\n\n"):
        if match[0][-1] != "\n" or match[0] == "  \n":
            count += 1
            continue
        size = match.start() - start
        if count * size > MAX_INLINE_STEPS:
            message = MESSAGES["inline"].format(count=count, size=size)
            return [Problem(label, text.count("\n", 0, start) + 1, NAME, message)]
        start, count = match.end(), 0
    return []


def _close(opened: list[int], end: int, steps: int, unclosed: int) -> tuple[int, int]:
    if opened and unclosed < 0:
        unclosed = opened[0]
    steps += sum(end - start for start in opened)
    opened.clear()
    return steps, unclosed


_BRACKET = re.compile(r"\\.|\[|\]\(|\]|\)|\n[ \t]*\n")
# What can start an inline match (a run of backticks is one code span at most), and a blank line.
_INLINE = re.compile(r"\n[ \t]*\n|`+|[*_&\\<\[!:+(~^=]| {2}\n")
_ANGLE = re.compile(r"\\.|<(?=[A-Za-z/!?])|>|\n[ \t]*\n")
