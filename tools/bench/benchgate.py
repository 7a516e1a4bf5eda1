"""What the output gate costs a cold build (CI and a fresh clone build cold: no .cache/).

For each size, a synthetic help center (tools/bench/benchcorpus.py) is built cold in-process with every
hook timed (tools/bench/benchtiming.py): the exclusive time in hooks/security_headers.py is the gate's
share measured within one build. Then it is built cold with the gate and without it (the same
project, mkdocs.yml without hooks/security_headers.py, so the CSP work counts as the gate's too),
interleaved, --runs rounds; then the gate alone runs over the built site, split into parsing
(Lexbor), the walk (rules, verdicts remembered per distinct start tag) and the page digests of the
verdict cache. Target (issue 13): at most 3 % of the cold build at 1,000 articles per language.

Prints figures; asserts nothing. scripts/python tools/bench/benchgate.py [--sizes 100,300,1000] [--runs 2]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import material
from benchprojects import full_project
from benchtiming import run_timed
from helpcenter import csp, diskcache, gate_policy, nesting, output_gate
from mkdocs_redirects.plugin import HTML_TEMPLATE
from selectolax.lexbor import LexborHTMLParser

GATE_HOOK = "hooks/security_headers.py"
BENCH = Path(__file__).resolve().parent / "bench.py"


def without_gate(project: Path) -> Path:
    """A second configuration of `project` without the gate's hook, beside mkdocs.yml."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    line = f"  - {GATE_HOOK}\n"
    if line not in text:
        raise ValueError(f"mkdocs.yml: no '{line.strip()}' line to leave out")
    config = project / "mkdocs-without-gate.yml"
    config.write_text(text.replace(line, ""), encoding="utf-8")
    return config


def cold_build(config: Path, site: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of a strict build with no .cache/, as CI's."""
    shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    wall, cpu, _ = run_timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)], config.parent)
    return wall, cpu


def profiled_share(config: Path, site: Path) -> tuple[float, float]:
    """(build seconds, the gate hook's exclusive seconds) of one cold in-process build."""
    shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    result = subprocess.run([sys.executable, str(BENCH), "--profile-build", str(config), str(site)],
                            capture_output=True, text=True, check=True)
    profile = json.loads(result.stdout.splitlines()[-1])
    return profile["<build>"], profile.get(GATE_HOOK, 0.0)


def gate_alone(site: Path, project: Path) -> dict[str, float]:
    """Seconds the gate's parts take over every published page, from a fresh Gate (nothing judged)."""
    theme = [project / "overrides", Path(material.__file__).parent / "templates"]
    start = time.perf_counter()
    policy = gate_policy.build_policy(theme, [HTML_TEMPLATE])
    listed = re.search(r"^extra_javascript:\n((?:  - .*\n)+)", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    extra = {line.strip()[2:] for line in listed[1].splitlines()} if listed else set()
    policy = dataclasses.replace(policy, scripts=policy.scripts | extra)
    hashes = frozenset(csp.template_hashes(csp.template_scripts(theme),
                                           [{"config": {"extra": {}}, "base_url": u} for u in csp.base_urls("/")]))
    figures = {"set-up (allowlist from templates, script hashes)": time.perf_counter() - start}
    pages = [path.read_text(encoding="utf-8") for path in site.rglob("*.html")]
    gate, depth, parse, walk, controls, digest, findings = output_gate.Gate(policy), 0.0, 0.0, 0.0, 0.0, 0.0, 0
    for text in pages:
        start = time.perf_counter()
        if text.count("<") > nesting.PARSE_FIRST:  # as Gate.check: only pages the parser could take long on
            nesting.deepest(text)
        measured = time.perf_counter()
        tree = LexborHTMLParser(text, scripting=True)
        parsed = time.perf_counter()
        findings += len(gate.walk(tree.root.traverse(), hashes, redirect=True)) if tree.root is not None else 0
        walked = time.perf_counter()
        output_gate.direction_controls(text)
        scanned = time.perf_counter()
        diskcache.fingerprint([text])
        depth, parse, walk = depth + measured - start, parse + parsed - measured, walk + walked - parsed
        controls, digest = controls + scanned - walked, digest + time.perf_counter() - scanned
    figures.update({"nesting depth (before parsing, pages of many tags)": depth, "parse (Lexbor)": parse,
                    "walk (rules and depth; verdicts per distinct start tag)": walk,
                    "text-direction controls": controls, "page digests (verdict cache)": digest})
    # Findings here are the redirect pages' scripts: their hashes come from the build's redirect map.
    return {**figures, "pages": len(pages), "findings": findings, "judged": gate.judged}


def bench_size(temp: Path, articles: int, runs: int) -> list[str]:
    project = full_project(temp / f"full-{articles}", articles)
    site = temp / f"site-{articles}"
    build_seconds, hook_seconds = profiled_share(project / "mkdocs.yml", site)
    alone = gate_alone(site, project)
    lines = [f"{articles} articles per language ({alone['pages']} HTML files), cold builds:",
             f"  gate's share, one profiled build:  {hook_seconds / build_seconds:6.1%}  ({hook_seconds:.2f} s of {build_seconds:.2f} s,"
             f" exclusive time of {GATE_HOOK})"]
    if runs:
        lines += _with_and_without(temp, project, runs)
    lines.append(f"  gate alone over the built site ({alone['judged']} distinct start tags judged, {alone['findings']} findings):")
    for part, seconds in alone.items():
        if isinstance(seconds, float):
            lines.append(f"    {part:50} {seconds:6.2f} s  {seconds / alone['pages'] * 1000:6.3f} ms/page")
    shutil.rmtree(project, ignore_errors=True)
    return lines


def _with_and_without(temp: Path, project: Path, runs: int) -> list[str]:
    """Cold builds with and without the gate, interleaved: medians and the gate's share."""
    configs = {"with the gate": project / "mkdocs.yml", "without the gate": without_gate(project)}
    wall: dict[str, list[float]] = {name: [] for name in configs}
    cpu: dict[str, list[float]] = {name: [] for name in configs}
    for _ in range(runs):
        for name, config in configs.items():
            seconds, cpu_seconds = cold_build(config, temp / "site-compared")
            wall[name].append(seconds)
            cpu[name].append(cpu_seconds)
    lines = [f"  {name + ':':18} {statistics.median(wall[name]):7.2f} s wall, {statistics.median(cpu[name]):7.2f} s CPU"
             f"   (median of {runs}: {', '.join(f'{s:.1f}' for s in wall[name])})" for name in configs]
    with_gate, without = (statistics.median(wall[name]) for name in configs)
    with_cpu, without_cpu = (statistics.median(cpu[name]) for name in configs)
    lines.append(f"  gate's share, with vs without:     {1 - without / with_gate:6.1%} of wall, {1 - without_cpu / with_cpu:6.1%} of CPU")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000", help="articles per language, comma-separated (default: 1000)")
    parser.add_argument("--runs", type=int, default=2, help="cold builds with and without the gate per size (default: 2; 0: the profiled build only)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hc-bench-gate-") as temp:
        for articles in [int(size) for size in args.sizes.split(",")]:
            print("\n".join(bench_size(Path(temp), articles, args.runs)), flush=True)


if __name__ == "__main__":
    main()
