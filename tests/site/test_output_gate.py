"""A writer's ordinary page passes the output gate: every Markdown feature and extension the site
enables renders to markup the allowlist knows, so an ordinary pull request stays green."""

from __future__ import annotations

from tests.conftest import build_site, copy_project
from tests.html import edit_file


def test_every_ordinary_markdown_feature_passes_the_gate(changed):
    """tests/changed.py puts every feature (tables, admonitions, tabs, keys, icons, attribute lists,
    definitions, abbreviations, code) in docs/ko/support/tips.md, and the build passed."""
    assert "[output-gate]" not in changed.log
    page = (changed.site / "support" / "tips" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page and "tabbed-set" in page and "twemoji" in page


def test_a_page_the_gate_refused_is_refused_again_by_the_next_build(tmp_path):
    # Verdicts are cached per page text in .cache/: only passing ones, or a writer's second
    # `scripts/build` would publish what the first one refused.
    project = copy_project(tmp_path / "project")
    # A script from a snippet: the source rules do not see it, only the gate does.
    (project / "snippets" / "ko").mkdir(parents=True, exist_ok=True)
    (project / "snippets" / "ko" / "evil.md").write_text("<script>alert(1)</script>\n", encoding="utf-8")
    edit_file(project, "docs/ko/support/tips.md", "\n## ", '\n--8<-- "ko/evil.md"\n\n## ')
    for attempt in ("first", "second"):
        result = build_site(project, tmp_path / f"site-{attempt}")
        assert result.returncode != 0 and "[output-gate]" in result.log, attempt
