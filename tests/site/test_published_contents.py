"""What CI uploads (the pull request's artifact and the Pages deploy) is the site and nothing else: no
file of the repository from outside docs/, no file named like a credential, and no trace of a token that
a CI checkout may have left in .git/config or the environment."""

from __future__ import annotations

import fnmatch
import gzip
import hashlib
import subprocess
from pathlib import Path

from publish import publish

from tests.conftest import ROOT, build, copy_project

CANARY = "canary-7f3c9e1d-not-a-real-token"


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, text=True).stdout


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_the_built_site_holds_no_repository_file_from_outside_docs(site):
    tracked = [line for line in git(ROOT, "ls-files").splitlines() if not line.startswith("docs/")]
    sources = {digest(data): name for name in tracked
               if (ROOT / name).is_file() and (data := (ROOT / name).read_bytes())}
    sources.setdefault(digest(Path(git(ROOT, "rev-parse", "--path-format=absolute", "--git-path", "config").strip())
                              .read_bytes()), ".git/config")
    copies = {str(file.relative_to(site)): sources[d] for file in site.rglob("*")
              if file.is_file() and file.stat().st_size and (d := digest(file.read_bytes())) in sources}
    assert copies == {}


def test_the_built_site_holds_no_file_named_like_a_credential(site):
    files = [file.relative_to(site) for file in site.rglob("*") if file.is_file()]
    named = [str(file) for file in files
             if any(part.lower().startswith(".git") for part in file.parts)
             or any(fnmatch.fnmatch(file.name.lower(), pattern) for pattern in ("*.env", "*token*", "*secret*"))]
    assert named == [] and files


def test_a_token_kept_in_git_config_or_the_environment_never_reaches_the_published_site(tmp_path):
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "-c", "user.name=writer", "-c", "user.email=writer@example.invalid", "commit", "-q", "-m", "pages")
    # What actions/checkout writes when it keeps credentials, and a remote address with a token in it.
    git(project, "config", "http.https://github.com/.extraheader", f"AUTHORIZATION: basic {CANARY}")
    git(project, "remote", "add", "origin", f"https://x-access-token:{CANARY}@github.com/example/help.git")
    assert CANARY in (project / ".git" / "config").read_text()

    output = tmp_path / "site"
    code = publish(output, lambda target: build(project, target, env={"GITHUB_TOKEN": CANARY}).returncode, root=project)

    assert code == 0 and (output / "index.html").is_file()
    carrying = [str(file.relative_to(output)) for file in output.rglob("*")
                if file.is_file() and CANARY.encode() in _readable(file)]
    assert carrying == []


def _readable(file: Path) -> bytes:
    data = file.read_bytes()
    return gzip.decompress(data) if file.suffix == ".gz" else data


def test_a_writers_file_named_like_a_credential_is_not_published_and_the_message_names_it(tmp_path, capsys):
    project = copy_project(tmp_path / "project")
    # File types the build publishes (a .txt or .env file is refused earlier, by the build itself).
    (project / "docs" / "assets" / "deploy-token.css").write_text(f"/* {CANARY} */")
    (project / "docs" / "assets" / "client-secret.css").write_text(f"/* {CANARY} */")

    code = publish(tmp_path / "site", lambda target: build(project, target).returncode, root=project)

    errors = capsys.readouterr().err
    assert code != 0 and not (tmp_path / "site").exists()
    assert "site/assets/deploy-token.css: named like a credential (*token*); rename or remove docs/assets/deploy-token.css" in errors
    assert "site/assets/client-secret.css: named like a credential (*secret*); rename or remove docs/assets/client-secret.css" in errors
