"""The writers' workflow on real builds: each check fails a build with file:line and a fix, and the
real content passes; outdated translations show a notice; old URLs redirect; pages show dates."""

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


def failing_build(tmp_path, change):
    project = copy_project(tmp_path / "project")
    change(project)
    build = build_site(project, tmp_path / "site")
    assert build.returncode != 0, build.log
    return build.log


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda p: edit(p, "docs/ko/support/email.md", "(tips.md", "(tipz.md"),
         r"WARNING -  docs/ko/support/email\.md:(\d+): link 'tipz\.md[^']*': the target 'ko/support/tipz\.md' is not found among documentation files; fix the path"),
        (lambda p: edit(p, "docs/en/support/email.md", "(tips.md#good-vs-bad)", "(tips.md#no-such-heading)"),
         r"WARNING -  docs/en/support/email\.md:(\d+): link 'tips\.md#no-such-heading': the doc 'en/support/tips\.md' does not contain an anchor '#no-such-heading'; link to a heading"),
        (lambda p: (p / "docs/en/support/phone.md").unlink(),
         r"docs/ko/support/phone\.md:1: no en version \(docs/en/support/phone\.md\)"),
        (lambda p: edit(p, "docs/ko/faq.md", "description:", "descripton:"),
         r"docs/ko/faq\.md:3: unknown front matter key 'descripton'"),
        (lambda p: edit(p, "docs/ko/support/tips.md", "\n## ", "\n<script>alert(1)</script>\n\n## "),
         r"docs/ko/support/tips\.md:\d+: raw <script> in a page"),
        (lambda p: edit(p, "docs/en/support/phone.md", "\n## ", "\nCall 1588-1234 now.\n\n## "),
         r"docs/en/support/phone\.md:\d+: phone number '1588-1234' in a page; contact facts live only in data/support-methods\.yml"),
    ],
    ids=["broken-link", "broken-anchor", "missing-translation", "bad-front-matter", "unsafe-html", "contact-fact"],
)
def test_a_writer_mistake_fails_the_build_saying_where(tmp_path, change, expected):
    project = copy_project(tmp_path / "project")
    change(project)
    build = build_site(project, tmp_path / "site")
    found = re.search(expected, build.log)
    assert build.returncode != 0 and found, build.log
    if found.groups():  # the line named is the line with the mistake
        file = re.match(r"WARNING -  (\S+?):", found[0])[1]
        line = (project / file).read_text(encoding="utf-8").splitlines()[int(found[1]) - 1]
        assert "tipz.md" in line or "no-such-heading" in line
    assert not re.search(r"^\w+ +-  hooks/", build.log, re.M)  # one prefix style: no logger names


def test_outdated_translation_shows_a_notice_linking_the_korean_page(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project, "docs/ko/support/email.md", "\n## ", "\n새로 추가한 안내 문단입니다.\n\n## ")
    build = build_site(project, tmp_path / "site")
    assert build.returncode == 0, build.log
    assert "docs/en/support/email.md follows an older revision of its Korean page" in build.log
    notice = read(build.site, "en/support/email/").select_one(".hc-outdated")
    assert notice is not None and notice.a["href"] == "../../../support/email/"
    assert read(build.site, "en/support/phone/").select_one(".hc-outdated") is None


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


def test_new_page_scaffold_builds_once_the_writer_fills_in_the_descriptions(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "scripts/writer.py", "new-page", "support/refunds", "--ko", "환불 문의", "--en", "Refund requests"],
                   cwd=project, check=True, capture_output=True, env=env)
    assert "      - support/refunds.md" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    unfinished = build_site(project, tmp_path / "site-1")
    assert unfinished.returncode != 0 and "docs/ko/support/refunds.md:3: description 'TODO" in unfinished.log
    for lang, text in (("ko", "환불을 요청하기 전에 확인할 내용과 문의 방법을 안내합니다."), ("en", "What to check before asking for a refund, and how to ask.")):
        edit(project, f"docs/{lang}/support/refunds.md", re.search(r"description: (TODO.*)", (project / f"docs/{lang}/support/refunds.md").read_text(encoding="utf-8"))[1], text)
    subprocess.run([sys.executable, "scripts/writer.py", "mark-translated", "support/refunds"], cwd=project, check=True, capture_output=True, env=env)
    finished = build_site(project, tmp_path / "site-2")
    assert finished.returncode == 0, finished.log
    assert read(finished.site, "en/support/refunds/").find("h1").get_text(strip=True).startswith("Refund requests")


def test_check_command_lists_stale_translations_without_failing(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    edit(project, "docs/ko/support/phone.md", "\n## ", "\n새 안내입니다.\n\n## ")
    result = subprocess.run([sys.executable, "scripts/writer.py", "check"], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Translations behind their Korean page" in result.stdout
    assert "docs/en/support/phone.md follows an older revision" in result.stdout
