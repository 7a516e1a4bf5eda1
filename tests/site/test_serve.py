"""Live preview: `mkdocs serve` picks up a change to the data file without any page edit."""

from __future__ import annotations

from livepreview import serving, wait_for
from tests.conftest import copy_project


def test_serve_rebuilds_when_the_data_file_changes(tmp_path):
    project = copy_project(tmp_path / "project")
    with serving(project) as base:
        url = base + "en/support/methods/"
        assert wait_for(url, "Email support", 60), "mkdocs serve did not come up"
        data = project / "data" / "support-methods.yml"
        data.write_text(data.read_text(encoding="utf-8").replace("en: Email support", "en: Write to us"), encoding="utf-8")
        assert wait_for(url, "Write to us", 60), "the page did not change after the data file did"
