"""Pagefind's indexing binary is found where scripts/setup installs it, and a missing one stops the
build with a message that says how to install it, not a traceback."""

from __future__ import annotations

import json

import pytest
from helpcenter import pagefind_binary
from helpcenter.errors import ContentError


def test_the_installed_binary_runs_and_names_its_version():
    binary = pagefind_binary.executable()
    assert binary.is_file()
    assert pagefind_binary.version().startswith("@pagefind/")


def test_a_copy_of_the_project_finds_the_installation_beside_it_or_beside_python(tmp_path):
    found = pagefind_binary.package_dir()
    package = tmp_path / "node_modules" / "@pagefind" / found.name
    (package / "bin").mkdir(parents=True)
    (package / "bin" / "pagefind_extended").write_text("")
    (package / "package.json").write_text(json.dumps({"version": "1.2.3"}))

    assert pagefind_binary.executable([tmp_path / "elsewhere", tmp_path]) == package / "bin" / "pagefind_extended"
    assert pagefind_binary.version([tmp_path]) == f"@pagefind/{found.name} 1.2.3"


def test_a_missing_binary_says_to_run_setup(tmp_path):
    with pytest.raises(ContentError, match="not installed in .*: run scripts/setup, which installs the npm packages"):
        pagefind_binary.executable([tmp_path])
