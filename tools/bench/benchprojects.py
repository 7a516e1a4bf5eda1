"""The projects the build benchmark compares, all on the same synthetic corpus.

- full: a copy of this project (hooks, plugins, i18n, data, overrides) with the corpus added to
  docs/ko and docs/en and to the navigation, committed to a git repository of its own so the
  "last updated" plugin does the work it does on the real site;
- plain: one project per language with the same Markdown, theme features and Markdown extensions,
  but plain Material for MkDocs: no hooks, no i18n, no other plugin than search, no overrides.
  Zensical builds these same plain projects (it reads mkdocs.yml).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import benchcorpus
import yaml
from project import copy_project

# Top-level mkdocs.yml blocks a plain Material build keeps: the theme and how Markdown is rendered.
PLAIN_KEEPS = ("site_name", "validation", "theme", "markdown_extensions")
# Theme settings that point into our overrides or shared assets, which a plain build does not have.
PLAIN_DROPS = re.compile(r"^  (custom_dir|logo|favicon):.*\n", re.M)
_TEMPLATE_LINE = re.compile(r"^template:.*\n", re.M)


def blocks(config_text: str) -> dict[str, str]:
    """mkdocs.yml cut into its top-level blocks: key → text, with the comments just above the key."""
    found: dict[str, str] = {}
    key, pending = None, ""
    for line in config_text.splitlines(keepends=True):
        match = re.match(r"([A-Za-z_]+):", line)
        if match:
            key, found[match.group(1)], pending = match.group(1), pending, ""
        if line.startswith("#") or not line.strip():
            pending += line
        elif key:
            found[key] += pending + line
            pending = ""
    return found


def config_data(config_text: str) -> dict:
    """mkdocs.yml as data, with its !ENV and !!python tags read as None: only plain values matter here."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load(config_text, Loader=Loader)


def full_project(target: Path, articles: int) -> Path:
    """This project plus `articles` synthetic articles per language, committed to git."""
    project = copy_project(target)
    nav = benchcorpus.write(project / "docs", articles)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(nav) + "\n"
    translations = "".join(f"            {ko}: {en}\n" for ko, en in benchcorpus.nav_translations(articles).items())
    text, count = re.subn(r"(- locale: en\n(?:          .*\n)*?          nav_translations:\n)", r"\g<1>" + translations, text)
    if count != 1:
        raise ValueError("mkdocs.yml: no English nav_translations block to add the corpus titles to")
    config.write_text(text, encoding="utf-8")
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=bench", "-c", "user.email=bench@localhost", "commit", "-q", "-m", "corpus"]):
        subprocess.run(["git", *command], cwd=project, check=True)
    return project


def plain_projects(full: Path, target: Path) -> dict[str, Path]:
    """One plain Material project per language with the full project's docs/<lang>: lang → mkdocs.yml."""
    text = (full / "mkdocs.yml").read_text(encoding="utf-8")
    data = config_data(text)
    kept = blocks(text)
    english = next(lang for lang in _i18n(data)["languages"] if lang["locale"] == "en")
    configs = {}
    for lang in benchcorpus.LANGUAGES:
        theme = PLAIN_DROPS.sub("", kept["theme"]).replace("  language: ko\n", f"  language: {lang}\n")
        names = english["nav_translations"] if lang == "en" else {}
        settings = {"docs_dir": "docs", "site_dir": "site", "plugins": ["search"], "nav": _translated(data["nav"], names)}
        configs[lang] = target / lang / "mkdocs.yml"
        # A copy, not a path into the full project: Zensical wants docs_dir inside the project.
        shutil.copytree(full / "docs" / lang, configs[lang].parent / "docs")
        _drop_page_templates(configs[lang].parent / "docs")
        configs[lang].write_text("".join(kept[key] if key != "theme" else theme for key in PLAIN_KEEPS)
                                 + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return configs


def _drop_page_templates(docs: Path) -> None:
    """Pages naming one of our templates (template: home.html) would fail a build without overrides/."""
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if text.startswith("---") and "\ntemplate:" in text.split("\n---", 2)[0]:
            page.write_text(_TEMPLATE_LINE.sub("", text, count=1), encoding="utf-8")


def _i18n(data: dict) -> dict:
    return next(plugin["i18n"] for plugin in data["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)


def _translated(nav: list, names: dict[str, str]) -> list:
    def entry(item):
        if isinstance(item, dict):
            return {names.get(title, title): _translated(value, names) if isinstance(value, list) else value
                    for title, value in item.items()}
        return item
    return [entry(item) for item in nav]

