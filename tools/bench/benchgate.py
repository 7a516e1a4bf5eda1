"""What the output gate costs a cold build (CI and a fresh clone build cold: no .cache/).

For each size, a synthetic help center (tools/bench/benchcorpus.py), or --project (a folder holding a
mkdocs.yml, copied first), is built cold in a fresh process with every hook timed, no profiler
(tools/bench/benchtiming.timed_build). Two figures, not the same thing:
- the gate's CPU share: the processor time of hooks/security_headers.py's events plus that of its
  worker processes (the pages are checked on another core while MkDocs renders the next ones,
  helpcenter/gate_pool.py), over the build's whole processor time, its child processes' included.
  What the gate costs the machine; the figure to compare across runs (on a loaded machine wall
  seconds stretch with whatever else runs);
- the wall time the gate adds: the wall time of its events, i.e. its inline work (the CSP meta,
  encoding and digest of each page, the 404 and redirect pages, SVG, CSS, search records) plus the
  time the build waits at on_post_build for verdicts the workers have not returned yet. What the gate
  costs a writer or CI waiting for the build (with one usable core the pages are checked inline, and
  both figures are then about the same). Then, with --runs, it is built cold with the gate
and without it (mkdocs.yml without hooks/security_headers.py, so the CSP work counts as the
gate's too), interleaved; then the gate alone runs over the built site, as a breakdown: parsing
(Lexbor), the quick pass every page takes (Gate.passes), the full walk (what every page took
before the quick pass; now only pages with a finding), text-direction controls, page digests
and the search fragments. Target (issue 13): at most 3 % of the cold build at 1,000 articles per
language.

Prints figures; asserts nothing.
    scripts/python tools/bench/benchgate.py [--sizes 100,300,1000] [--runs 2] [--project DIR]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import material
import security_headers
from benchprojects import full_project
from benchtiming import run_timed, timed_build
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


def timed_share(config: Path, site: Path) -> dict[str, dict[str, float]]:
    """benchtiming.timed_build of one cold build, in a fresh process (nothing imported or cached)."""
    shutil.rmtree(config.parent / ".cache", ignore_errors=True)
    result = subprocess.run([sys.executable, __file__, "--timed-build", str(config), str(site)],
                            capture_output=True, text=True, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return json.loads(result.stdout.splitlines()[-1])


def gate_alone(site: Path, project: Path) -> dict[str, float]:
    """CPU seconds the gate's parts take over every published page, from a fresh Gate (nothing judged)."""
    theme = [project / "overrides", Path(material.__file__).parent / "templates"]
    start = time.process_time()
    policy = gate_policy.build_policy(theme, [HTML_TEMPLATE])
    listed = re.search(r"^extra_javascript:\n((?:  - .*\n)+)", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    extra = {line.strip()[2:] for line in listed[1].splitlines()} if listed else set()
    policy = dataclasses.replace(policy, scripts=policy.scripts | extra)
    hashes = frozenset(csp.template_hashes(csp.template_scripts(theme),
                                           [{"config": {"extra": {}}, "base_url": u} for u in csp.base_urls("/")]))
    figures = {"set-up (allowlist from templates, script hashes)": time.process_time() - start}
    pages = [path.read_text(encoding="utf-8") for path in site.rglob("*.html")]
    gate, walked = output_gate.Gate(policy), output_gate.Gate(policy)
    seconds = dict.fromkeys(("encode", "depth", "parse", "pass", "walk", "controls", "digest"), 0.0)
    findings = walked_pages = 0
    for text in pages:
        clock = time.process_time()

        def lap(part: str) -> None:
            nonlocal clock
            now = time.process_time()
            seconds[part] += now - clock
            clock = now

        data = text.encode("utf-8")  # as on_post_page: once, for the page's size and digest
        lap("encode")
        if text.count("<") > nesting.PARSE_FIRST:  # as Gate.check: only pages the parser could take long on
            nesting.deepest(text)
        lap("depth")
        root = LexborHTMLParser(data, scripting=True).root
        lap("parse")
        assert root is not None  # a page always has <html>
        passed = gate.passes(root, hashes, redirect=True)
        lap("pass")
        # The full walk on a tree of its own, parsed untimed: the first to read a fresh tree pays for
        # bringing it into the processor's cache, so both read one fresh.
        other = LexborHTMLParser(data, scripting=True).root
        assert other is not None
        clock = time.process_time()
        found = walked.walk(other.traverse(), hashes, redirect=True)
        lap("walk")
        output_gate.direction_controls(text, data)
        lap("controls")
        diskcache.fingerprint([data])
        lap("digest")
        findings, walked_pages = findings + len(found), walked_pages + (not passed)
    fragments = sorted(site.rglob("*.pf_fragment"))
    start = time.process_time()
    for path in fragments:
        data = path.read_bytes()
        diskcache.fingerprint([b"pf_fragment", data])
        output_gate.check_search_records([security_headers._fragment_record(data)])
    figures.update({"encoding (once a page, for its size and digest)": seconds["encode"],
                    "nesting depth (before parsing, pages of many tags)": seconds["depth"], "parse (Lexbor, the page's bytes)": seconds["parse"],
                    "quick pass (Gate.passes: every page)": seconds["pass"],
                    "full walk (every page before; now pages with findings)": seconds["walk"],
                    "text-direction controls": seconds["controls"], "page digests (verdict cache)": seconds["digest"],
                    f"search fragments ({len(fragments)}: read, digest, unzip, check)": time.process_time() - start})
    # Findings here are the redirect pages' scripts: their hashes come from the build's redirect map.
    return {**figures, "pages": len(pages), "findings": findings, "walked": walked_pages, "judged": gate.judged}


def bench_size(temp: Path, project: Path, label: str, runs: int) -> list[str]:
    site = temp / f"site-{project.name}"
    timed = timed_share(project / "mkdocs.yml", site)
    alone = gate_alone(site, project)
    lines = [f"{label} ({alone['pages']} HTML files), one cold build, no profiler:"]
    gate, whole = timed["cpu"].get(GATE_HOOK, 0.0), timed["cpu"]["<build>"]
    lines.append(f"  gate's share of the build's CPU:  {gate / whole:6.1%}  ({gate:.2f} s of {whole:.2f} s: {GATE_HOOK}'s events'"
                 " exclusive CPU time plus its page-checking worker processes')")
    gate, whole, waited = timed["wall"].get(GATE_HOOK, 0.0), timed["wall"]["<build>"], timed["waited"].get(GATE_HOOK, 0.0)
    lines.append(f"  wall time the gate adds:          {gate / whole:6.1%}  ({gate:.2f} s of {whole:.2f} s: its events' inline work"
                 f" {gate - waited:.2f} s + waiting for the workers' verdicts {waited:.2f} s)")
    events = {event.removeprefix(GATE_HOOK + " "): seconds for event, seconds in timed["cpu events"].items() if event.startswith(GATE_HOOK + " ")}
    lines.append("    by event, CPU: " + ", ".join(f"{event} {seconds:.2f} s" for event, seconds in sorted(events.items(), key=lambda e: -e[1])))
    if runs:
        lines += _with_and_without(temp, project, runs)
    lines.append(f"  gate alone over the built site, CPU ({alone['judged']} distinct start tags judged; {alone['walked']} pages"
                 f" not let through by the quick pass, {alone['findings']} findings):")
    for part, seconds in alone.items():
        if isinstance(seconds, float):
            lines.append(f"    {part:58} {seconds:6.2f} s  {seconds / alone['pages'] * 1000:6.3f} ms/page")
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
    parser.add_argument("--runs", type=int, default=2, help="cold builds with and without the gate per size (default: 2; 0: the timed build only)")
    parser.add_argument("--project", type=Path, help="measure this project (a folder with mkdocs.yml, copied to a temp folder) instead of --sizes")
    parser.add_argument("--timed-build", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.timed_build:
        print(json.dumps(timed_build(*args.timed_build)))
        return
    with tempfile.TemporaryDirectory(prefix="hc-bench-gate-") as temp:
        if args.project:
            project = Path(temp) / "project"
            top = str(args.project.resolve())
            shutil.copytree(args.project.resolve(), project, symlinks=True, ignore=lambda folder, names: [name for name in names if folder == top and (
                name in (".cache", ".mkdocs-build", ".site-builds") or name.startswith("site"))])
            print("\n".join(bench_size(Path(temp), project, str(args.project), args.runs)), flush=True)
            return
        for articles in [int(size) for size in args.sizes.split(",")]:
            project = full_project(Path(temp) / f"full-{articles}", articles)
            print("\n".join(bench_size(Path(temp), project, f"{articles} articles per language", args.runs)), flush=True)
            shutil.rmtree(project, ignore_errors=True)


if __name__ == "__main__":
    main()
