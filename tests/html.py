"""Reading the built site: pages by URL path, and where a link inside it leads."""

from __future__ import annotations

import hashlib
import posixpath
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from helpcenter.languages import configured, language_root

from tests.paths import PROJECT

# The site's languages as mkdocs.yml configures them, the default first.
SITE_LANGUAGES = configured(PROJECT / "mkdocs.yml")
LANGS = (SITE_LANGUAGES.default, *SITE_LANGUAGES.translations)


def page_path(lang: str, path: str) -> str:
    """The URL path of a page (without leading slash) in a language: the default at /, others at /<lang>/."""
    return language_root(lang, SITE_LANGUAGES.default) + path


@cache
def _parse(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def read(site: Path, url_path: str) -> BeautifulSoup:
    return _parse(site / url_path / "index.html" if not url_path.endswith(".html") else site / url_path)


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_of(site: Path, file: Path) -> str:
    """The URL path (no leading slash) a file is served at."""
    relative = file.relative_to(site).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def resolve(from_url: str, href: str) -> tuple[str, str]:
    """The site-relative target path and fragment of a relative or root-relative href."""
    parts = urlsplit(href)
    base = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url.rstrip("/")
    target = parts.path if parts.path.startswith("/") else posixpath.normpath(posixpath.join("/", base, parts.path))
    if parts.path == "":
        target = "/" + from_url
    if parts.path.endswith("/") and not target.endswith("/"):
        target += "/"
    return unquote(target.lstrip("/")), unquote(parts.fragment)


def file_for(site: Path, target: str) -> Path:
    path = site / target
    return path / "index.html" if target == "" or target.endswith("/") or path.is_dir() else path


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` (path → SHA-256): two equal digests mean byte-identical trees."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def edit_file(project: Path, path: str, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in a project file, failing loudly if `old` is not there."""
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, count), encoding="utf-8")


def add_phone_fact(project: Path, verified: str, value: str = "1234-5678") -> None:
    """Give the phone channel exactly one contact fact, checked on `verified`, whatever facts the
    data file has today (its `contact:` list, inline or block, is replaced)."""
    data = project / "data" / "support-methods.yml"
    text = data.read_text(encoding="utf-8")
    fact = (f"    contact:\n      - kind: phone\n        value: {value}\n"
            f"        source: 'Coupang Play app: Help'\n        verified: {verified}\n")
    phone = re.search(r"^  - id: phone\n(?:(?!  - ).*\n?)*", text, re.M)
    assert phone, "data/support-methods.yml has no phone channel"
    block = re.sub(r"^    contact:.*\n(?:(?:      |\s*\n).*\n?)*", fact, phone[0], count=1, flags=re.M)
    data.write_text(text[: phone.start()] + block + text[phone.end():], encoding="utf-8")
