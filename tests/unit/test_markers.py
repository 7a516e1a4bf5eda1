"""Markers in pages: known ones expand, unknown or malformed ones fail with file:line."""

from __future__ import annotations

import pytest
from helpcenter.errors import ContentError
from helpcenter.markers import expand_markers, first_line_of

RENDERERS = {
    "echo": lambda marker: f"[{' '.join(marker.words)}|{marker.options}]",
}


def expand(markdown: str, first_line: int = 1) -> str:
    return expand_markers(markdown, RENDERERS, "docs/ko/page.md", first_line)


def test_marker_is_replaced_and_other_comments_are_kept():
    assert expand("a\n<!-- hc:echo phone -->\n<!-- a note -->") == "a\n[phone|{}]\n<!-- a note -->"


def test_options_are_parsed():
    assert expand('<!-- hc:echo columns="best_for,response" -->') == "[|{'columns': 'best_for,response'}]"


def test_unknown_marker_names_file_line_and_known_markers():
    with pytest.raises(ContentError, match=r"^docs/ko/page.md:7: unknown marker '<!-- hc:tabel -->'; known markers: hc:echo"):
        expand("\n\n<!-- hc:tabel -->", first_line=5)


@pytest.mark.parametrize(
    "marker",
    [
        '<!-- hc:echo x="<script>" -->',
        "<!-- hc:echo onload='alert(1)' -->",
        '<!-- hc:echo "unterminated -->',
        "<!-- hc:echo a=b -->",
    ],
)
def test_hostile_or_malformed_arguments_fail_clearly(marker):
    with pytest.raises(ContentError, match=r'^docs/ko/page.md:1: cannot read .* write options as name="value"'):
        expand(marker)


def test_repeated_option_is_refused():
    with pytest.raises(ContentError, match="option 'a' is given twice"):
        expand('<!-- hc:echo a="1" a="2" -->')


def test_renderer_error_is_placed_at_the_marker():
    def fail(marker):
        raise ContentError("unknown channel 'fax'")

    with pytest.raises(ContentError, match=r"^docs/ko/page.md:2: unknown channel 'fax' \(in '<!-- hc:boom fax -->'\)"):
        expand_markers("x\n<!-- hc:boom fax -->", {"boom": fail}, "docs/ko/page.md")


def test_line_numbers_count_the_front_matter_the_page_body_lost():
    source = "---\ntitle: T\ndescription: D\n---\n\n# T\n\ntext\n"
    assert first_line_of(source, "# T\n\ntext") == 6
    assert first_line_of(source, "\n# T\n\ntext\n") == 5
    assert first_line_of("# only\n", "# only\n") == 1


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("<!-- hc-echo -->", "<!-- hc:echo -->"),
        ("<!-- hc :echo phone -->", "<!-- hc:echo phone -->"),
        ("<!-- hc: echo phone -->", "<!-- hc:echo phone -->"),
        ("<!-- hc:Echo -->", "<!-- hc:echo -->"),
        ("<!--HC_ECHO-->", "<!-- hc:echo -->"),
        ("<!-- hc.ehco -->", "<!-- hc:echo -->"),
    ],
)
def test_a_near_miss_marker_is_an_error_that_gives_the_right_one(written, meant):
    with pytest.raises(ContentError) as caught:
        expand(f"text\n\n{written}\n", first_line=4)
    assert str(caught.value).startswith(f"docs/ko/page.md:6: '{written}' looks like a marker but is not one")
    assert f"write '{meant}'" in str(caught.value)


def test_a_misspelt_marker_name_suggests_the_known_one():
    with pytest.raises(ContentError, match=r"unknown marker '<!-- hc:ecko -->'; did you mean 'hc:echo'\?"):
        expand("<!-- hc:ecko -->")


def test_other_comments_mentioning_hc_are_left_alone():
    assert expand("<!-- check the hc numbers -->\n<!-- hcx -->") == "<!-- check the hc numbers -->\n<!-- hcx -->"
