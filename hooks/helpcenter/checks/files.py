"""files: a page file must be readable text that belongs to docs/.

Checked on the raw bytes before MkDocs reads any page, so a writer sees which file is wrong and
why, instead of a decoding traceback, and nothing outside docs/ can be pulled into the site.
"""

from __future__ import annotations

from pathlib import Path

from .source import Problem

NAME = "files"
MAX_BYTES = 200_000  # several times our longest article; past it, a page should be split


def check(label: str, path: Path, docs: Path) -> list[Problem]:
    real, root = path.resolve(), docs.resolve()
    if root not in real.parents:
        return [Problem(label, 1, NAME, f"is a link to {real}, outside docs/; put the page itself in docs/")]
    data = path.read_bytes()
    problems = []
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(Problem(label, 1, NAME, "starts with a byte-order mark (BOM); save it as UTF-8 without BOM"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(Problem(label, line, NAME, f"byte {error.start} is not UTF-8 text; save the file as UTF-8"))
        return problems
    if len(data) > MAX_BYTES:
        problems.append(Problem(label, 1, NAME, f"is {len(data):,} bytes, more than {MAX_BYTES:,}; split it into several pages"))
    if not text.strip():
        problems.append(Problem(label, 1, NAME, "is empty; write the page or delete the file (in both languages)"))
    return problems
