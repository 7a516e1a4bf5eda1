"""scripts/preview-changes: which pages a change touches, and the gallery a reviewer opens."""

from __future__ import annotations

from previewchanges import changed_pages, gallery
from project import url_path


def test_a_changed_page_is_shown_once_whichever_languages_changed():
    files = ["docs/ko/support/email.md", "docs/en/support/email.md", "docs/en/faq.md", "README.md", "tests/x.py"]
    assert changed_pages(files, ["ko", "en"], set()) == ["support/email.md", "faq.md"]


def test_data_changes_show_the_pages_that_use_markers_and_theme_changes_the_home_page():
    assert changed_pages(["data/support-methods.yml"], ["ko", "en"], {"support/methods.md", "support/phone.md"}) == [
        "support/methods.md", "support/phone.md"]
    assert changed_pages(["overrides/main.html", "docs/assets/stylesheets/site.css"], ["ko", "en"], set()) == ["index.md"]


def test_addresses_of_pages():
    assert [url_path(p) for p in ("index.md", "support/index.md", "support/email.md")] == ["", "support/", "support/email/"]


def test_gallery_pairs_before_and_after_and_says_when_a_page_is_new():
    before = {("faq.md", "ko", "phone"): None}
    after = {("faq.md", "ko", "phone"): "after-ko-phone-faq.png"}
    page = gallery(["faq.md"], ["ko"], before, after, "origin/main", 0)
    assert page.index("before") < page.index("after-ko-phone-faq.png") and "(no such page)" in page
    assert 'class="pair phone"' in page
