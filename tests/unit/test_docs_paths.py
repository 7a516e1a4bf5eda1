"""The guides name only what exists: every repository path that README.md, CONTRIBUTING*.md,
MAINTAINERS.md or BENCHMARKS.md names in backticks or a link (`scripts/serve`, `data/facts.yml:12`,
`hooks/*.py`, [MAINTAINERS.md](MAINTAINERS.md)) is in the repository, so a maintainer who follows
them never looks for a script or a test that was renamed away."""

from __future__ import annotations

import fnmatch
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUIDES = ("README.md", "CONTRIBUTING.md", "CONTRIBUTING.en.md", "MAINTAINERS.md", "BENCHMARKS.md")
# The project's layout (docs/, hooks/, scripts/, tools/, tests/...): a path starting with one of these
# folders names a repository file even before the folder exists. Other first segments (site/,
# .cache/, pagefind/, en/) are outputs or site URLs.
LAYOUT = {"docs", "data", "hooks", "overrides", "scripts", "snippets", "tests", "tools", ".github", ".ci"}
# Files a repository keeps at its root by convention; named without a folder.
ROOT_FILES = re.compile(r"[A-Z][A-Z_-]*(\.[a-z]+)?\.md|pyproject\.toml|pytest\.ini|setup\.cfg|mkdocs\.yml"
                        r"|requirements[\w-]*\.(txt|in)|package(-lock)?\.json")
CODE_SPAN_OR_LINK = re.compile(r"`([^`\n]+)`|\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)


def tracked_top_level() -> set[str]:
    listing = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return {line.split("/")[0] for line in listing.splitlines()}


def named_paths(text: str, top_level: set[str]) -> list[str]:
    """Repository paths a guide names: the words of each code span that start in a folder of the
    repository (`scripts/python tools/eval/searcheval.py`; a page name given to new-page is not one)
    and each relative link, without its `:line` or `#anchor`."""
    found = []
    for match in CODE_SPAN_OR_LINK.finditer(FENCE.sub("", text)):
        for word in match[1].split() if match[1] else [match[2]]:
            path = re.split(r"[:#]", word, maxsplit=1)[0].rstrip(".,;")
            if not path or path.startswith(("/", "http")) or "<" in path:
                continue  # a site URL, another host, or a placeholder such as docs/<lang>/<file>
            if ("/" in path and path.split("/")[0] in LAYOUT | top_level) or ROOT_FILES.fullmatch(path):
                found.append(path)
    return found


def is_writers_page(path: str) -> bool:
    """Pages in docs/ are writers' content: the guides use them as examples (`docs/ko/x.md:4`, the page
    new-page creates), and a writer who removes one must not turn CI red."""
    return path.startswith("docs/") and path.endswith(".md")


def exists(path: str) -> bool:
    if "*" in path:
        return any(fnmatch.fnmatch(file.relative_to(ROOT).as_posix(), path.rstrip("/")) for file in ROOT.glob(path))
    return (ROOT / path).exists()


@pytest.mark.parametrize("guide", GUIDES)
def test_every_repository_path_a_guide_names_exists(guide: str) -> None:
    top_level = tracked_top_level()
    text = (ROOT / guide).read_text(encoding="utf-8")
    missing = sorted({path for path in named_paths(text, top_level) if not is_writers_page(path) and not exists(path)})
    assert not missing, f"{guide} names paths that do not exist; fix the guide or the path: {missing}"


def test_a_renamed_script_or_missing_file_is_caught() -> None:
    text = ("Run `scripts/python tools/search-eval.py --all`, see [the guide](NOTES.md#top), `tests/search/test_gone.py::test_x`,\n"
            "`data/facts.yml:12: facts (x): verified`, `hooks/*.py`, `docs/ko/x.md:4`, `site/_headers`, `/en/`.\n"
            "```sh\nscripts/in-a-fence\n```\n")
    named = named_paths(text, {"scripts", "tests", "data", "hooks", "docs"})
    assert named == ["scripts/python", "tools/search-eval.py", "NOTES.md", "tests/search/test_gone.py", "data/facts.yml", "hooks/*.py",
                     "docs/ko/x.md"]
    assert [path for path in named if not is_writers_page(path) and not exists(path)] == [
        "tools/search-eval.py", "NOTES.md", "tests/search/test_gone.py"]
