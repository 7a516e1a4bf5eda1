"""A writer's ordinary new page passes the whole check: scripts/new-page (listed in the navigation;
the check fails until its descriptions are written), both languages written, scripts/mark-translated;
then scripts/check and the suite's site checks run on that project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from tests.conftest import ROOT, copy_project
from tests.html import edit_file

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PAGE = "support/refunds"
TEXT = {
    "ko": ("환불 문의", "환불을 요청하기 전에 확인할 내용과 알맞은 문의 창구를 안내합니다.",
           "환불을 요청하기 전에 결제 내역을 먼저 확인하세요.\n\n## 확인할 내용\n\n결제한 날짜와 결제 수단을 준비해 두면 상담이 빨라집니다.\n"),
    "en": ("Refund requests", "What to check before you ask for a refund, and which support channel to use.",
           "Before you ask for a refund, check your payment history first.\n\n## What to check\n\n"
           "Have the payment date and method ready: it makes the conversation quicker.\n"),
}


def writer(project, *args) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "scripts/writer.py", *args], cwd=project, capture_output=True, text=True, env=ENV)


def test_a_page_added_the_writers_way_passes_check_and_the_suites_site_checks(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    created = writer(project, "new-page", PAGE, "--ko", TEXT["ko"][0], "--en", TEXT["en"][0])
    assert created.returncode == 0, created.stderr
    assert f"      - {PAGE}.md" in (project / "mkdocs.yml").read_text(encoding="utf-8")  # in the navigation
    unfinished = writer(project, "check")  # the scaffold's descriptions are the writer's to fill in
    assert unfinished.returncode != 0 and f"docs/ko/{PAGE}.md:3: description 'TODO" in unfinished.stdout + unfinished.stderr
    for lang, (_, description, body) in TEXT.items():
        file = f"docs/{lang}/{PAGE}.md"
        todo = next(line for line in (project / file).read_text(encoding="utf-8").splitlines() if line.startswith("description: TODO"))
        edit_file(project, file, todo, f"description: {description}")
        (project / file).write_text((project / file).read_text(encoding="utf-8") + body, encoding="utf-8")
    assert writer(project, "mark-translated", PAGE).returncode == 0
    check = writer(project, "check")
    assert check.returncode == 0, check.stdout + check.stderr

    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "-rN", "-p", "no:cacheprovider",
         "tests/site/test_site.py", "tests/site/test_search_index.py", "tests/site/test_support_table.py"],
        cwd=ROOT, capture_output=True, text=True, env={**ENV, "HC_TEST_PROJECT": str(project)},
    )
    assert suite.returncode == 0, suite.stdout[-4000:] + suite.stderr[-2000:]
    assert f"en:/{PAGE}/" in suite.stdout and f"ko:/{PAGE}/" in suite.stdout  # the new page was among those checked
