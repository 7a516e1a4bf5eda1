"""The writers' workflow on real builds: outdated translations show a notice and are listed by the
check without failing it; old URLs redirect; pages show dates, in a shallow clone too. (Each check
failing a build with file:line and a fix: tests/site/test_bad_input.py.)"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, build_site, copy_project
from tests.html import edit_file, read

edit = edit_file


def test_outdated_translation_shows_a_notice_linking_the_korean_page(changed):
    """tests/changed.py adds a paragraph to docs/ko/support/email.md only."""
    assert "docs/en/support/email.md follows an older revision of its Korean page" in changed.log
    notice = read(changed.site, "en/support/email/").select_one(".hc-outdated")
    assert notice is not None and notice.a["href"] == "../../../support/email/"
    assert read(changed.site, "en/support/phone/").select_one(".hc-outdated") is None


def test_real_pages_have_no_outdated_notice(site):
    assert not [p for p in site.rglob("*.html") if "hc-outdated" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize(("old", "target"), [("contact/", "../support/methods/"), ("en/contact/", "../support/methods/")])
def test_old_address_redirects_within_its_language(site, old, target):
    page = (site / old / "index.html").read_text(encoding="utf-8")
    assert f'content="0; url={target}"' in page or f"url={target}" in page


@pytest.mark.parametrize(("lang_path", "pattern"), [("support/", r"\d{4}년 \d{1,2}월 \d{1,2}일"), ("en/support/", r"[A-Z][a-z]+ \d{1,2}, \d{4}")])
def test_pages_show_a_localized_last_updated_date(site, lang_path, pattern):
    date = read(site, lang_path).select_one(".hc-last-updated")
    assert date is not None and re.fullmatch(pattern, date.get_text(strip=True))


def test_a_shallow_clone_builds_with_dates(tmp_path):
    origin = copy_project(tmp_path / "origin")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@localhost"]
    subprocess.run(["git", "init", "-q"], cwd=origin, check=True)
    for message in ("first", "second"):
        (origin / "docs" / "ko" / "faq.md").open("a", encoding="utf-8").write("\n")
        subprocess.run(["git", "add", "-A"], cwd=origin, check=True)
        subprocess.run([*git, "commit", "-qm", message], cwd=origin, check=True)
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(tmp_path / "clone")], check=True)
    build = build_site(tmp_path / "clone", tmp_path / "site")
    assert build.returncode == 0, build.log
    assert read(build.site, "support/").select_one(".hc-last-updated")


def test_check_command_lists_stale_translations_without_failing(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    edit(project, "docs/ko/support/phone.md", "\n## ", "\n새 안내입니다.\n\n## ")
    result = subprocess.run([sys.executable, "scripts/writer.py", "check"], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Translations behind their Korean page" in result.stdout
    assert "docs/en/support/phone.md follows an older revision" in result.stdout
