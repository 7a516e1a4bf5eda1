"""MkDocs' link and anchor messages, restated with docs/, the line of the link, and a fix."""

from __future__ import annotations

from helpcenter.link_messages import Restater, line_of_link

SOURCE = "# Title\n\nSee [tips](tips.md#good) first.\n\nThen [tips](tips.md) and\n[again](tips.md).\n\n[ref]: other.md\n"


def test_line_of_a_link_is_found_per_occurrence_and_an_anchor_is_part_of_the_address():
    assert line_of_link(SOURCE, "tips.md") == 5
    assert line_of_link(SOURCE, "tips.md", occurrence=1) == 6
    assert line_of_link(SOURCE, "tips.md#good") == 3
    assert line_of_link(SOURCE, "other.md") == 8


def test_a_broken_link_names_docs_path_line_and_fix():
    restate = Restater(lambda src: SOURCE if src == "ko/support/email.md" else None).restate
    first = restate("Doc file 'ko/support/email.md' contains a link 'tips.md', but the target 'ko/support/tips.md' is not found among documentation files.")
    second = restate("Doc file 'ko/support/email.md' contains a link 'tips.md', but the target 'ko/support/tips.md' is not found "
                     "among documentation files. Did you mean 'tip.md'?")
    assert first.startswith("docs/ko/support/email.md:5: link 'tips.md': the target 'ko/support/tips.md' is not found")
    assert second.startswith("docs/ko/support/email.md:6: ") and "did you mean 'tip.md'?" in second


def test_a_missing_anchor_names_the_line_and_how_to_fix_it():
    restate = Restater(lambda src: SOURCE).restate
    message = restate("Doc file 'en/a.md' contains a link 'tips.md#good', but the doc 'en/tips.md' does not contain an anchor '#good'.")
    assert message.startswith("docs/en/a.md:3: link 'tips.md#good': the doc 'en/tips.md' does not contain an anchor '#good'; link to a heading")
    assert restate("Documentation built in 1 s") is None
