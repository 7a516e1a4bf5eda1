"""The writers' scaffold and translation bookkeeping, on text (no files touched)."""

from __future__ import annotations

import yaml
from helpcenter.translations import revision
from writer import add_to_nav, page_path, set_source_revision

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
    recorded = revision("원문")
    assert once == f'---\ntitle: T\nsource_revision: "{recorded}"\n---\n\n# T\n'
    assert set_source_revision(once, "고친 원문").count("source_revision") == 1


def test_a_revision_of_decimal_digits_stays_a_string_for_the_front_matter_check():
    # Found by the benchmark corpus: an unquoted 177577063117 was read as a number and failed the build.
    source = next(f"원문 {n}" for n in range(100_000) if revision(f"원문 {n}").isdigit())
    meta = yaml.safe_load(set_source_revision("---\ntitle: T\n---\n", source).split("---\n")[1])
    assert meta["source_revision"] == revision(source)
