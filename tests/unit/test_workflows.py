"""The publishing pipeline is safe to run on anyone's pull request: zizmor finds nothing of medium
severity or above, every action is pinned to a commit with its version beside it, a job that checks out
(and so runs) the repository's code can write nothing, and Dependabot watches every kind of dependency."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.y*ml"))
USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(?P<action>[^\s@#]+)@(?P<ref>[^\s#]+)(?:\s+#\s*(?P<version>\S+))?")


def test_zizmor_finds_nothing_of_medium_severity_or_above():
    zizmor = Path(sys.executable).parent / "zizmor"  # pinned in requirements.in
    result = subprocess.run([str(zizmor), "--offline", "--no-progress", "--min-severity", "medium",
                             "--collect=workflows,actions,dependabot", str(GITHUB)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"zizmor (see https://docs.zizmor.sh/audits/):\n{result.stdout}{result.stderr}"


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    unpinned = []
    for file in [*WORKFLOWS, *GITHUB.glob("actions/**/action.y*ml")]:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            use = USES.match(line)
            if use and not use["action"].startswith(("./", "docker://")) and not (
                    re.fullmatch(r"[0-9a-f]{40}", use["ref"]) and re.fullmatch(r"v\d+(\.\d+)*", use["version"] or "")):
                unpinned.append(f"{file.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not unpinned, ("pin each action to the full commit SHA of a release, with the release in a comment, "
                          "e.g. `uses: actions/checkout@<40 hex digits> # v7.0.1`:\n" + "\n".join(unpinned))


def test_a_job_that_checks_out_the_repository_can_write_nothing():
    offenders = []
    for file in WORKFLOWS:
        workflow = yaml.safe_load(file.read_text(encoding="utf-8"))
        for name, job in workflow.get("jobs", {}).items():
            steps = job.get("steps", [])
            if any(str(step.get("uses", "")).startswith("actions/checkout@") for step in steps):
                granted = job.get("permissions", workflow.get("permissions"))
                if granted is None or _writes(granted):
                    offenders.append(f"{file.name}: job {name} holds {granted or 'the default token permissions'}")
    assert not offenders, ("the repository's code (writers' pages, hooks, scripts) runs where it is checked out: "
                           "give that job read-only `permissions:` and do the writing in a job of its own:\n"
                           + "\n".join(offenders))


def _writes(granted: str | dict) -> bool:
    return granted == "write-all" if isinstance(granted, str) else "write" in granted.values()


def test_dependabot_proposes_upgrades_for_every_kind_of_dependency():
    watched = {update["package-ecosystem"]: update
               for update in yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))["updates"]}
    used = {"pip": (ROOT / "requirements.in").exists(), "npm": (ROOT / "package-lock.json").exists(),
            "github-actions": bool(WORKFLOWS)}
    missing = [kind for kind, present in used.items() if present and kind not in watched]
    assert not missing, f".github/dependabot.yml has no update entry for {missing}"
    assert all(update.get("groups") for update in watched.values()), "each upgrade pull request should be one coherent group"
