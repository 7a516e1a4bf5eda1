"""'Last updated' dates: the newest commit of each page, in the reader's language and Korean time."""

from __future__ import annotations

import subprocess
from datetime import date

from helpcenter import last_updated

LOG = "\x1e1732460400\n\ndocs/ko/faq.md\n\x1e1700000000\n\ndocs/ko/faq.md\ndocs/en/faq.md\n"


def test_each_page_gets_its_newest_commit():
    assert last_updated.parse(LOG) == {"docs/ko/faq.md": 1732460400, "docs/en/faq.md": 1700000000}


def test_the_date_is_the_korean_calendar_day():
    # 2024-11-24 15:00 UTC is already 25 November in Seoul.
    assert last_updated.day(1732460400, date(2030, 1, 1)) == date(2024, 11, 25)


def test_a_page_not_committed_yet_is_dated_today():
    assert last_updated.day(None, date(2026, 11, 24)) == date(2026, 11, 24)


def test_dates_read_as_each_language_writes_them():
    assert last_updated.localized(date(2026, 11, 24), "ko") == "2026년 11월 24일"
    assert last_updated.localized(date(2026, 11, 24), "en") == "November 24, 2026"


def test_a_real_history_is_read_in_one_pass(tmp_path):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@localhost"]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("a")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "a", "--date", "@1700000000"], cwd=tmp_path, check=True,
                   env={"GIT_COMMITTER_DATE": "@1700000000", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert last_updated.parse(last_updated.git_log(tmp_path)) == {"docs/a.md": 1700000000}


def test_outside_git_there_is_no_history_and_no_error(tmp_path):
    assert last_updated.git_log(tmp_path) == ""
