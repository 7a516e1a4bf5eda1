"""Content-check results are kept between builds (.cache/content-checks.json) to save time, never
at the cost of a missed problem: a cached problem still fails the build, and a change to the rules'
data re-checks pages that did not change."""

from __future__ import annotations

from tests.conftest import PROJECT, build_site, copy_project
from tests.html import edit_file


def test_a_problem_fails_every_build_not_only_the_first(tmp_path):
    project = copy_project(tmp_path / "project")
    edit_file(project, "docs/ko/support/phone.md", "\n## ", "\n상담 번호는 1588-0000입니다.\n\n## ")
    for run in ("first", "second"):
        build = build_site(project, tmp_path / run)
        assert build.returncode != 0, f"{run} build passed"
        assert "phone number '1588-0000' in a page" in build.log, f"{run} build:\n{build.log[-2000:]}"
    assert (project / ".cache" / "content-checks.json").is_file()


def test_a_glossary_change_rechecks_unchanged_pages(real_build, tmp_path):
    # The session's real build has checked every page and kept the results in .cache/: a copy made
    # after it starts with them, as a writer's second build does.
    project = copy_project(tmp_path / "project", source=PROJECT)
    assert (project / ".cache" / "content-checks.json").is_file()
    edit_file(project, "data/glossary.yml", "avoid: {en: [customer service]}", "avoid: {en: [customer service, password]}")
    build = build_site(project, tmp_path / "after")
    assert build.returncode != 0
    assert "assword': our term is 'customer support'" in build.log
