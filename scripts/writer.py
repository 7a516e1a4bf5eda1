"""Writers' commands (run through scripts/new-page, scripts/mark-translated, scripts/check).

  new-page PATH --ko TITLE --en TITLE   docs/<lang>/PATH.md in every site language, and PATH.md in the nav
  mark-translated FILE...               record that each translation of FILE follows the current source page

The languages are mkdocs.yml's (plugins: i18n: languages); each has its own --<locale> title.
  check                                 every content check: a strict build into a temporary folder
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from helpcenter import results
from helpcenter.languages import configured
from helpcenter.translations import NEW, revision
from project import ROOT, build

DOCS, LANGUAGES = ROOT / "docs", configured(ROOT / "mkdocs.yml")
DEFAULT, TRANSLATIONS = LANGUAGES.default, LANGUAGES.translations
# What a new page's description says until the writer replaces it: in the source language, and in
# English for every translation.
TODO_DESCRIPTION = {DEFAULT: "TODO 이 페이지에서 독자가 얻는 것을 한 문장으로 쓰세요 (160자 이내)."}
TODO_TRANSLATED = "TODO one sentence saying what the reader gets (at most 160 characters)."
_FRONT_MATTER_END = re.compile(r"\A(---\n.*?\n)(---\n)", re.S)


def page_path(name: str) -> str:
    """'support/refunds', 'support/refunds.md' or 'docs/en/support/refunds.md' → 'support/refunds.md'."""
    languages = "|".join(map(re.escape, LANGUAGES.all))
    name = re.sub(rf"^(?:docs/)?(?:{languages})/", "", name.strip("/"))
    return name if name.endswith(".md") else f"{name}.md"


def set_source_revision(translation: str, source: str) -> str:
    """The translation's text with `source_revision` set to the source's current revision.

    Quoted: a revision of hex digits can be all decimal digits, which YAML would read as a number.
    """
    line = f'source_revision: "{revision(source)}"\n'
    if re.search(r"^source_revision:.*\n", translation, re.M):
        return re.sub(r"^source_revision:.*\n", line, translation, count=1, flags=re.M)
    match = _FRONT_MATTER_END.match(translation)
    if not match:
        raise SystemExit("the page has no front matter: add --- title: ... description: ... --- first")
    return match[1] + line + match[2] + translation[match.end():]


def mark_translated(names: list[str]) -> None:
    for name in names:
        path = page_path(name)
        source = DOCS / DEFAULT / path
        for lang in TRANSLATIONS:
            target = DOCS / lang / path
            if not source.is_file() or not target.is_file():
                raise SystemExit(f"docs/{DEFAULT}/{path} and docs/{lang}/{path} must both exist")
            target.write_text(set_source_revision(target.read_text(encoding="utf-8"), source.read_text(encoding="utf-8")), encoding="utf-8")
            print(f"docs/{lang}/{path}: follows docs/{DEFAULT}/{path} at revision {revision(source.read_text(encoding='utf-8'))}")


def page_text(title: str, description: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\ndescription: {description}\n{extra}---\n\n# {title}\n\n"


def add_to_nav(config: str, path: str) -> str:
    """mkdocs.yml with `path` listed after the last nav entry of the same folder (or at the end)."""
    folder = path.rpartition("/")[0]
    lines = config.split("\n")
    nav_start = lines.index("nav:")
    entries = [i for i in range(nav_start + 1, len(lines)) if re.match(r"^\s+- ", lines[i])]
    same = [i for i in entries if re.search(rf"(?:^|\s)({re.escape(folder)}/[^/\s]+\.md)\s*$", lines[i])] if folder else []
    if same:
        last = same[-1]
        indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
        lines.insert(last + 1, f"{indent}- {path}")
    else:
        end = max(entries) + 1 if entries else nav_start + 1
        lines.insert(end, f"  - {path}")
    return "\n".join(lines)


def new_page(name: str, titles: dict[str, str]) -> None:
    path = page_path(name)
    pages = {lang: DOCS / lang / path for lang in LANGUAGES.all}
    for file in pages.values():
        if file.exists():
            raise SystemExit(f"{file.relative_to(ROOT)} exists already")
    for lang, file in pages.items():
        file.parent.mkdir(parents=True, exist_ok=True)
        # A translation is written from scratch alongside the source page, not behind it: no "outdated" notice.
        extra = "" if lang == DEFAULT else f"source_revision: {NEW}\n"
        file.write_text(page_text(titles[lang], TODO_DESCRIPTION.get(lang, TODO_TRANSLATED), extra), encoding="utf-8")
    config = ROOT / "mkdocs.yml"
    config.write_text(add_to_nav(config.read_text(encoding="utf-8"), path), encoding="utf-8")
    print(f"created {' and '.join(f'docs/{lang}/{path}' for lang in pages)}, and added {path} to nav in mkdocs.yml")
    print("next: write every language's page and its description, then scripts/check. After changing the source")
    print(f"page (docs/{DEFAULT}/), update its translations and run scripts/mark-translated {path}")


def check() -> int:
    """A strict build into a temporary folder: every content check, link and data file at once.
    The build writes its results as records (hooks/check_results.py); they are read here, not its log."""
    with tempfile.TemporaryDirectory() as folder:
        found = Path(folder, "results.jsonl")
        result = build(ROOT, Path(folder, "site"), env={"HC_CHECK_RESULTS": str(found)})
        entries = results.read(found.read_text(encoding="utf-8")) if found.is_file() else []
    stale = [entry["message"] for entry in entries if entry["rule"] == results.OUTDATED]
    problems = [entry["message"] for entry in entries if entry["severity"] in ("error", "warning")]
    if stale:
        print("Translations behind their Korean page (readers see a notice; not an error):")
        print("\n".join(f"  {message}" for message in stale))
    if result.returncode:
        print("Content checks failed:")
        print("\n".join(problems) or result.stdout + result.stderr)
        return 1
    print("Content checks passed: front matter, translations, links and anchors, markers, data files, safe HTML, images, "
          "headings, contact facts, product facts (menu paths, amounts, deadlines; fact dates), channel count, "
          "topics and related pages, glossary.")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new-page", help="create a page in every language and list it in the nav")
    new.add_argument("path", help="e.g. support/refunds")
    for lang in LANGUAGES.all:
        new.add_argument(f"--{lang}", required=True, help=f"the page's title in {lang}")
    marked = commands.add_parser("mark-translated", help="record that translations follow the current Korean page")
    marked.add_argument("pages", nargs="+")
    commands.add_parser("check", help="run every content check")
    args = parser.parse_args()
    if args.command == "new-page":
        new_page(args.path, {lang: getattr(args, lang.replace("-", "_")) for lang in LANGUAGES.all})
    elif args.command == "mark-translated":
        mark_translated(args.pages)
    else:
        return check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
