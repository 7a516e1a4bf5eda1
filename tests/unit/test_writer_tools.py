"""The writers' scaffold and translation bookkeeping, on text (no files touched)."""

from __future__ import annotations

from writer import add_to_nav, page_path, set_source_revision

from helpcenter.translations import revision

NAV = "site_name: x\nnav:\n  - 홈: index.md\n  - 고객지원:\n      - support/index.md\n      - support/email.md\n  - 계정:\n      - account/index.md\n"


def test_page_path_accepts_what_writers_type():
    assert page_path("support/refunds") == page_path("docs/en/support/refunds.md") == "support/refunds.md"


def test_new_page_joins_its_folders_section_in_the_nav():
    assert "      - support/email.md\n      - support/refunds.md\n  - 계정:" in add_to_nav(NAV, "support/refunds.md")


def test_new_page_in_a_new_folder_goes_to_the_end_of_the_nav():
    assert add_to_nav(NAV, "devices/tv.md").endswith("      - account/index.md\n  - devices/tv.md\n")


def test_source_revision_is_added_then_replaced():
    page = "---\ntitle: T\n---\n\n# T\n"
    once = set_source_revision(page, "원문")
    assert once == f"---\ntitle: T\nsource_revision: {revision('원문')}\n---\n\n# T\n"
    assert set_source_revision(once, "고친 원문").count("source_revision") == 1
