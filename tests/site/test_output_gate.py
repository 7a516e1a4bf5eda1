"""A writer's ordinary page passes the output gate: every Markdown feature and extension the site
enables renders to markup the allowlist knows, so an ordinary pull request stays green."""

from __future__ import annotations


def test_every_ordinary_markdown_feature_passes_the_gate(changed):
    """tests/changed.py puts every feature (tables, admonitions, tabs, keys, icons, attribute lists,
    definitions, abbreviations, code) in docs/ko/support/tips.md, and the build passed."""
    assert "[output-gate]" not in changed.log
    page = (changed.site / "support" / "tips" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in page and "tabbed-set" in page and "twemoji" in page
