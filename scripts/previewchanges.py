"""Before/after screenshots of the pages a branch changes, for a reviewer (run as
scripts/preview-changes BASE; the pull-request workflow runs it and attaches the result).

It builds the site as it was at the merge base with BASE and as it is now (working tree included),
photographs each changed page in every language at phone and desktop widths, and writes a gallery,
index.html, with each before/after pair side by side.
"""

from __future__ import annotations

import argparse
import html
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import sitebrowser
from project import ROOT, build, copy_project, url_path

WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}
# Changes that can alter any page: shown on the home page of each language.
SITE_WIDE = ("mkdocs.yml", "overrides/", "docs/assets/", "hooks/", "data/notices.yml", "data/glossary.yml")
LIMIT = 24  # pages; a larger change gets the first ones and a note


def changed_pages(files: list[str], languages: list[str], pages_with_markers: set[str]) -> list[str]:
    """The pages (paths under a language folder, 'support/email.md') a list of changed files touches."""
    pages: list[str] = []

    def add(page: str) -> None:
        if page not in pages:
            pages.append(page)

    for file in files:
        parts = file.split("/", 2)
        if len(parts) == 3 and parts[0] == "docs" and parts[1] in languages and file.endswith(".md"):
            add(parts[2])
        elif file.startswith(("data/support-methods", "snippets/")):
            for page in sorted(pages_with_markers):
                add(page)
        elif file.startswith(SITE_WIDE):
            add("index.md")
    return pages


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def export(commit: str, target: Path) -> Path:
    """The project's files at `commit`, without touching the repository (no worktree, no checkout)."""
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def languages(project: Path) -> list[str]:
    return sorted(p.name for p in (project / "docs").iterdir() if p.is_dir() and p.name != "assets")


def photograph(site: Path, pages: list[str], langs: list[str], default: str, folder: Path, label: str) -> dict:
    """Screenshots of `pages` in `site`: (page, lang, width) → file name, or None when the page is missing."""
    shots: dict = {}
    folder.mkdir(parents=True, exist_ok=True)
    with sitebrowser.serve(site) as base, sitebrowser.chromium() as browser:
        for page in pages:
            for lang in langs:
                address = ("" if lang == default else f"{lang}/") + url_path(page)
                exists = (site / address / "index.html").is_file()
                for width, (w, h) in WIDTHS.items():
                    name = f"{label}-{lang}-{width}-{page.replace('/', '_').removesuffix('.md')}.png"
                    shots[(page, lang, width)] = name if exists else None
                    if exists:
                        context = browser.new_context(viewport={"width": w, "height": h})
                        tab = context.new_page()
                        tab.goto(base + address, wait_until="load")
                        tab.screenshot(path=str(folder / name), full_page=True)
                        context.close()
    return shots


def gallery(pages: list[str], langs: list[str], before: dict, after: dict, base: str, skipped: int) -> str:
    rows = []
    for page in pages:
        for lang in langs:
            for width in WIDTHS:
                cells = []
                for title, shots in (("before", before), ("after", after)):
                    name = shots.get((page, lang, width))
                    alt = f"{title}: {html.escape(page)} ({lang}, {width})"
                    cells.append(f'<figure><figcaption>{title}</figcaption><a href="{name}"><img src="{name}" alt="{alt}" loading="lazy"></a></figure>'
                                 if name else f"<figure><figcaption>{title}</figcaption><p>(no such page)</p></figure>")
                rows.append(f'<section><h2>{html.escape(page)} · {lang} · {width}</h2><div class="pair {width}">{"".join(cells)}</div></section>')
    note = f"<p>{skipped} more changed page(s) not shown.</p>" if skipped else ""
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Changed pages</title><style>'
            "body{font:15px/1.4 system-ui,sans-serif;margin:1rem}.pair{display:flex;gap:1rem;align-items:flex-start}"
            "figure{margin:0;flex:1}.phone figure{flex:0 0 380px}img{max-width:100%;border:1px solid #ccc}"
            "</style></head><body>"
            f"<h1>Changed pages: before ({html.escape(base)}) and after</h1>{note}"
            + ("".join(rows) or "<p>No page changed.</p>") + "</body></html>")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the branch or commit to compare with, e.g. origin/main")
    parser.add_argument("--output", type=Path, default=ROOT / "reports" / "preview-changes")
    args = parser.parse_args()
    merge_base = git("merge-base", args.base, "HEAD").strip()
    files = sorted(set(git("diff", "--name-only", merge_base).split()) | set(git("ls-files", "--others", "--exclude-standard").split()))
    langs = languages(ROOT)
    default = "ko" if "ko" in langs else langs[0]
    langs = [default, *[lang for lang in langs if lang != default]]
    marked = {str(p.relative_to(ROOT / "docs" / default)) for p in (ROOT / "docs" / default).rglob("*.md") if "hc:" in p.read_text(encoding="utf-8")}
    pages = changed_pages(files, langs, marked)
    shown, skipped = pages[:LIMIT], max(0, len(pages) - LIMIT)
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="hc-preview-") as temp:
        sites = {}
        for label, project in (("before", export(merge_base, Path(temp) / "before")), ("after", copy_project(Path(temp) / "after"))):
            result = build(project, Path(temp) / f"{label}-site", strict=False)
            if result.returncode:
                print(f"the {label} site did not build:\n{result.stderr[-2000:]}", file=sys.stderr)
                return 1
            sites[label] = photograph(Path(temp) / f"{label}-site", shown, langs, default, args.output, label)
    (args.output / "index.html").write_text(gallery(shown, langs, sites["before"], sites["after"], args.base, skipped), encoding="utf-8")
    print(f"{len(shown)} changed page(s), {len(langs)} languages, {len(WIDTHS)} widths: {args.output / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
