"""Only the site is published: a build that would publish a repository file from outside docs/, or a
file named like a credential, is refused and the previous site stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from publish import publish
from sitecontents import forbidden_files

from tests.html import tree_digest

CONFIG = "[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n"


def repository(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for name, text in {"mkdocs.yml": "site_name: x\n", "hooks/a.py": "print('hook')\n", ".git/config": CONFIG,
                       "docs/ko/index.md": "# 안녕\n", "docs/assets/logo.svg": "<svg/>\n"}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name and text)
    return root


def site_with(tmp_path: Path, files: dict[str, str], site: Path | None = None) -> Path:
    site = site or tmp_path / "site"
    for name, text in {"index.html": "<html>home</html>", **files}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    return site


@pytest.mark.parametrize("name", [".git/config", ".github/workflows/site.yml", "en/.gitignore", "prod.env", ".env",
                                  "assets/api_token.txt", "Client-SECRET.json", "deep/er/.git-credentials"])
def test_files_named_like_credentials_are_refused(tmp_path, name):
    problems = forbidden_files(site_with(tmp_path, {name: "anything"}), repository(tmp_path))
    assert len(problems) == 1 and problems[0].startswith(f"{name}: named like a credential")


def test_the_message_names_the_writers_file_in_docs(tmp_path):
    root = repository(tmp_path)
    for name in ("docs/ko/api-token.txt", "docs/en/api-token.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")
    problems = forbidden_files(site_with(tmp_path, {"api-token.txt": "x", "en/api-token.txt": "x"}), root)
    assert [problem.split("; ")[1] for problem in problems] == ["rename or remove docs/ko/api-token.txt",
                                                                "rename or remove docs/en/api-token.txt"]


def test_a_page_about_tokens_is_published(tmp_path):
    site = site_with(tmp_path, {"account/reset-token/index.html": "<p>token</p>", "secrets-of-search/index.html": "x"})
    assert forbidden_files(site, repository(tmp_path)) == []


@pytest.mark.parametrize("source", ["mkdocs.yml", "hooks/a.py", ".git/config"])
def test_a_copy_of_a_repository_file_under_any_name_is_refused(tmp_path, source):
    root = repository(tmp_path)
    site = site_with(tmp_path, {"en/notes.txt": (root / source).read_text()})
    assert forbidden_files(site, root) == [f"en/notes.txt: a copy of {source}, a repository file outside docs/; "
                                           "only what docs/ holds and the build makes is published"]


def test_files_from_docs_and_files_the_build_makes_are_published(tmp_path):
    site = site_with(tmp_path, {"assets/logo.svg": "<svg/>\n", "ko/index.html": "<h1>안녕</h1>", "empty.txt": ""})
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "empty-too.txt").write_text("")
    assert forbidden_files(site, repository(tmp_path)) == []


def build(files: dict[str, str]):
    def run(target: Path) -> int:
        site_with(target.parent, files, site=target)
        return 0
    return run


def test_publishing_refuses_a_leaking_build_and_keeps_the_previous_site(tmp_path, capsys):
    root = repository(tmp_path)
    assert publish(tmp_path / "out", build({}), root=root) == 0
    before = tree_digest(tmp_path / "out")
    assert publish(tmp_path / "out", build({"x/config": CONFIG}), root=root) == 1
    assert "out/x/config: a copy of .git/config" in capsys.readouterr().err
    assert tree_digest(tmp_path / "out") == before


def test_earlier_builds_inside_the_project_are_not_mistaken_for_sources(tmp_path):
    root = repository(tmp_path)
    pages = build({"ko/index.html": "<h1>안녕</h1>"})
    assert publish(root / "site", pages, root=root) == 0
    assert publish(root / "public", pages, root=root) == 0  # .public-builds/ is not among the usual outputs
    assert publish(root / "public", pages, root=root) == 0
