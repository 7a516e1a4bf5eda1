"""files: a page file must be readable text that belongs to docs/.

Checked on the raw bytes before MkDocs reads any page, so a writer sees which file is wrong and
why, instead of a decoding traceback, and nothing outside docs/ can be pulled into the site.
"""

from __future__ import annotations

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
}
MAX_BYTES = 200_000  # several times our longest article; past it, a page should be split


def check(label: str, path: Path, docs: Path) -> list[Problem]:
    real, root = path.resolve(), docs.resolve()
    if root not in real.parents:
        return [Problem(label, 1, NAME, MESSAGES["outside"].format(real=real))]
    problems, text = _read(label, path.read_bytes())
    if text is not None and not text.strip():
        problems.append(Problem(label, 1, NAME, MESSAGES["empty"]))
    return problems


def check_snippet(label: str, path: Path) -> list[Problem]:
    """A snippet becomes part of a page's text: the same encoding and size rules (an undecodable
    one stopped the build with a traceback, a huge one made every page that includes it huge)."""
    return _read(label, path.read_bytes())[0]


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
