"""Build speed and scale: this project's full build against plain Material for MkDocs and Zensical.

For each size (articles per language) it writes a synthetic corpus (tools/bench/benchcorpus.py), makes
the projects of tools/bench/benchprojects.py from it, and builds them interleaved, several rounds:

  full, cold   this project as CI and a fresh clone build it (no Korean analysis cache)
  full         this project as a writer rebuilds it (analysis cache of the previous build)
  full, one page edited
               the same after a paragraph is added to one Korean page: that language's search
               index is made again (an unchanged one is copied from .cache/pagefind/)
  plain        plain Material, one build per language, times summed (the baseline)
  zensical     Zensical on the same plain projects, one build per language, summed

and prints median seconds, the ratio to plain, peak memory, output and search index size; then
the share of one build's time spent in each hook and plugin (search indexing is
hooks/language_search.py), the growth exponent over the sizes, the reader's side of search in
Chromium next to plain Material and plain Pagefind (tools/bench/benchreader.py), and the live-preview
loop (mkdocs serve, one page edited, seconds until the new page is served).
Prints figures and asserts nothing. Run it as tools/bench/bench (see --help).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

import benchprojects
import benchreader
import benchtiming
import livepreview
from helpcenter import pagefind_binary
from project import ROOT, copy_project

ZENSICAL_VENV = ROOT / ".venv-zensical"
ZENSICAL_REQUIREMENTS = ROOT / "requirements-zensical.txt"
MKDOCS = [sys.executable, "-m", "mkdocs", "build"]
EDITED = "docs/ko/payment/errors.md"  # a real page, the one the live-preview timing edits too


def zensical() -> tuple[Path | None, str]:
    """The zensical command from .venv-zensical, installed from requirements-zensical.txt when missing."""
    command = ZENSICAL_VENV / "bin" / "zensical"
    stamp = ZENSICAL_VENV / ".requirements"
    if not command.exists() or not stamp.exists() or stamp.read_text() != ZENSICAL_REQUIREMENTS.read_text():
        venv.create(ZENSICAL_VENV, with_pip=True)
        install = subprocess.run([ZENSICAL_VENV / "bin" / "python", "-m", "pip", "install", "-q", "--require-hashes", "-r", ZENSICAL_REQUIREMENTS],
                                 capture_output=True, text=True)
        if install.returncode:
            return None, "did not install: " + install.stderr.strip().splitlines()[-1]
        stamp.write_text(ZENSICAL_REQUIREMENTS.read_text())
    version = subprocess.run([command, "--version"], capture_output=True, text=True).stdout.strip()
    return command, version


def variants(size_dir: Path, articles: int, zensical_command: Path | None) -> dict[str, list[dict]]:
    """Variant name → its builds (command, cwd, site, env, search index glob) for one corpus size."""
    full = benchprojects.full_project(size_dir / "full", articles)
    plain = benchprojects.plain_projects(full, size_dir / "plain")
    full_build = dict(command=[*MKDOCS, "--strict", "-f", str(full / "mkdocs.yml"), "-d", str(size_dir / "full-site")],
                      cwd=full, site=size_dir / "full-site")
    found = {
        "full, cold": [dict(full_build, cold=full / ".cache")],  # no Korean analyses, no check results
        "full": [full_build],
        "full, one page edited": [dict(full_build, edit=full / EDITED)],
        "plain": [dict(command=[*MKDOCS, "--strict", "-f", str(config)], cwd=config.parent, site=config.parent / "site")
                  for config in plain.values()],
    }
    if zensical_command:
        found["zensical"] = [dict(command=[str(zensical_command), "build", "--clean", "-f", str(config)], cwd=config.parent,
                                  site=config.parent / "site")
                             for config in benchprojects.plain_projects(full, size_dir / "zensical").values()]
    return found


def measure(builds: list[dict]) -> tuple[float, int]:
    """Runs a variant's builds one after the other: (seconds summed, largest peak memory)."""
    seconds, peak = 0.0, 0
    for build in builds:
        if "cold" in build:
            shutil.rmtree(build["cold"], ignore_errors=True)
        if "edit" in build:  # new words every time, so no cache of the previous build has them
            with build["edit"].open("a", encoding="utf-8") as page:
                page.write(f"\n\n편집한 문단 {time.time_ns()}번째 확인입니다.\n")
        elapsed, memory = benchtiming.run_measured(build["command"], build["cwd"])
        seconds, peak = seconds + elapsed, max(peak, memory)
    return seconds, peak


def search_bytes(site: Path) -> int:
    """The search indexes of a built site: Pagefind's (ours), Material's (search/*.json) or Zensical's."""
    return sum(path.stat().st_size for pattern in ("pagefind/**/*", "*/pagefind/**/*", "search/*.json", "search.json")
               for path in site.glob(pattern) if path.is_file())


def plain_pagefind(plain_sites: dict[str, Path]) -> float:
    """Pagefind's own CLI, the binary the site is indexed with, over each plain Material site (no
    Korean analysis): seconds, summed."""
    return sum(benchtiming.run_measured([str(pagefind_binary.executable()), "--site", str(site)], site)[0]
               for site in plain_sites.values())


def reader_side(size_dir: Path, found: dict[str, list[dict]], reader: bool) -> dict:
    """The reader's side of search for this project, plain Material and plain Pagefind."""
    full_site = size_dir / "full-site"
    plain_sites = {build["site"].parent.name: build["site"] for build in found["plain"]}
    figures: dict[str, object] = {"pagefind_cli_seconds": plain_pagefind(plain_sites)}
    if reader:
        figures["browser"] = benchreader.measure({
            "this project": {"engine": "ours", "sites": {"ko": (full_site, ""), "en": (full_site, "en/")}},
            "plain Material": {"engine": "material", "sites": {lang: (site, "") for lang, site in plain_sites.items()}},
            "plain Pagefind": {"engine": "pagefind", "sites": {lang: (site, "") for lang, site in plain_sites.items()}},
        })
    return figures


def reader_only(temp: Path, articles: int) -> list[str]:
    """The reader's side alone: this project and plain Material built once each, untimed."""
    size_dir = temp / str(articles)
    found = variants(size_dir, articles, None)
    for name in ("full", "plain"):
        measure(found[name])
    figures = reader_side(size_dir, found, True)
    shutil.rmtree(size_dir, ignore_errors=True)
    return benchreader.report(figures["browser"], articles)


def profile(config_file: Path, site: Path) -> dict[str, float]:
    """Per plugin and hook seconds of one build, profiled in a fresh process (see benchtiming)."""
    result = subprocess.run([sys.executable, __file__, "--profile-build", str(config_file), str(site)],
                            capture_output=True, text=True, check=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return json.loads(result.stdout.splitlines()[-1])


def bench_size(temp: Path, articles: int, runs: int, zensical_command: Path | None, reader: bool = True) -> dict:
    size_dir = temp / str(articles)
    found = variants(size_dir, articles, zensical_command)
    times: dict[str, list[float]] = {name: [] for name in found}
    peaks: dict[str, int] = {name: 0 for name in found}
    for _ in range(runs):
        for name, builds in found.items():
            seconds, peak = measure(builds)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
    pages = sum(1 for _ in (size_dir / "full" / "docs").rglob("*.md"))
    measured: dict[str, dict] = {}
    result = {"articles": articles, "pages": pages, "variants": measured}
    for name, builds in found.items():
        sites = {build["site"] for build in builds}
        measured[name] = {
            "seconds": statistics.median(times[name]), "runs": times[name], "peak_bytes": peaks[name],
            "output_bytes": sum(benchtiming.tree_bytes(site) for site in sites),
            "search_bytes": sum(search_bytes(site) for site in sites),
        }
    full = size_dir / "full"
    result["profile"] = profile(full / "mkdocs.yml", size_dir / "profiled-site")
    result["reader"] = reader_side(size_dir, found, reader)
    shutil.rmtree(size_dir, ignore_errors=True)  # a 1,000-article size leaves gigabytes otherwise
    return result


def report(results: list[dict], preview: dict | None, engines: dict[str, str]) -> str:
    lines = ["Engines: " + ", ".join(f"{name} {version}" for name, version in engines.items()), ""]
    if results:
        lines += _build_tables(results)
    for articles, variants in (preview or {}).items():
        where = "the real site" if not articles else f"the real site + {articles} articles per language"
        lines += ["", f"Live preview (scripts/serve) on {where}: an edit of one page saved to the new page served"]
        for name, figures in variants.items():
            lines.append(f"- {name}: median of {len(figures['runs'])}: {figures['seconds']:.2f} s "
                         f"(runs: {', '.join(f'{s:.2f}' for s in figures['runs'])}); search index landed {figures['settled_seconds']:.2f} s; "
                         f"server CPU per edit {figures['served_cpu_seconds']:.2f} s until served, {figures['cpu_seconds']:.2f} s in all; "
                         f"load average {figures['load']:.1f} on {os.cpu_count()} CPUs")
        if len(variants) == 2:
            fast, every = variants.values()
            lines.append(f"- one-page rebuild / every page: {fast['seconds'] / every['seconds']:.2f} (served), "
                         f"{fast['served_cpu_seconds'] / every['served_cpu_seconds']:.2f} (server CPU until served), "
                         f"{fast['cpu_seconds'] / every['cpu_seconds']:.2f} (server CPU in all)")
    return "\n".join(lines)


def _build_tables(results: list[dict]) -> list[str]:
    lines = ["| articles/lang | pages | variant | seconds | × plain | peak MiB | output MiB | search index KiB |",
             "|---:|---:|---|---:|---:|---:|---:|---:|"]
    for result in results:
        base = result["variants"]["plain"]["seconds"]
        for name, figures in result["variants"].items():
            lines.append(f"| {result['articles']} | {result['pages']} | {name} | {figures['seconds']:.2f} | "
                         f"{figures['seconds'] / base:.2f} | {figures['peak_bytes'] / 2**20:.0f} | "
                         f"{figures['output_bytes'] / 2**20:.1f} | {figures['search_bytes'] / 2**10:.0f} |")
    lines += ["", "Share of one in-process full build (warm cache): exclusive time of each plugin and hook", ""]
    lines += ["| | " + " | ".join(f"{r['articles']}/lang" for r in results) + " |", "|---|" + "---:|" * len(results)]
    lines.append("| build seconds | " + " | ".join(f"{r['profile']['<build>']:.2f}" for r in results) + " |")
    for origin in [*_origins(results), "our hooks"]:
        lines.append(f"| {origin} | " + " | ".join(f"{100 * _seconds(r['profile'], origin) / r['profile']['<build>']:.1f} %"
                                                   for r in results) + " |")
    if len(results) > 1:
        lines += ["", "Growth exponent b of seconds ≈ a·pages^b (1.0 = linear): " + ", ".join(
            f"{name} {benchtiming.growth_exponent([r['pages'] for r in results], [r['variants'][name]['seconds'] for r in results]):.2f}"
            for name in results[0]["variants"])]
    lines += ["", "Search targets: warm full build × plain Material (≤ 1.2), search indexing share of the warm build "
              "(hooks/language_search.py, Pagefind included; ≤ 10 %), plain Pagefind CLI over the plain sites", ""]
    for r in results:
        share = 100 * _seconds(r["profile"], "hooks/language_search.py") / r["profile"]["<build>"]
        plain, edited = r["variants"]["plain"]["seconds"], r["variants"].get("full, one page edited", {}).get("seconds")
        lines.append(f"- {r['articles']}/lang: {r['variants']['full']['seconds'] / plain:.2f}× plain"
                     + (f" ({edited / plain:.2f}× with one page edited)" if edited else "")
                     + f", indexing {share:.1f} % of the build (records unchanged), plain Pagefind CLI {r['reader']['pagefind_cli_seconds']:.2f} s")
    if any("browser" in r["reader"] for r in results):
        lines += ["", f"Reader's side of search (Chromium, phone viewport, CPU {benchreader.CPU_SLOWDOWN}x; "
                  "bytes as transferred; targets at 1,000/lang: reading ≤ 20 KiB, first search ≤ 200 KiB, "
                  "≤ 3 s / ≤ 5 s, keystroke ≤ 100 ms, heap ≤ 20 MiB)", "", *benchreader.HEADER]
        for r in results:
            lines += benchreader.report(r["reader"].get("browser", {}), r["articles"])
    return lines


def previews(temp: Path, sizes: list[int], edits: int) -> dict[int, dict]:
    """Preview latency (scripts/serve, one-page edit) on the real site and with articles added."""
    found = {}
    for articles in sizes:
        target = temp / f"preview-{articles}"
        project = benchprojects.full_project(target, articles) if articles else copy_project(target)
        found[articles] = livepreview.measure(project, edits)
        print(f"timed the preview at {articles} articles per language", file=sys.stderr, flush=True)
        shutil.rmtree(target, ignore_errors=True)
    return found


def _origins(results: list[dict]) -> list[str]:
    names = {origin for result in results for origin in result["profile"] if origin != "<build>"}
    return sorted(names, key=lambda name: (name != benchtiming.CORE, name.startswith("hooks/"), name))


def _seconds(profile: dict[str, float], origin: str) -> float:
    if origin == "our hooks":
        return sum(seconds for name, seconds in profile.items() if name.startswith("hooks/"))
    return profile.get(origin, 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,1000", help="articles per language, comma-separated (default: 100,300,1000; none: skip the builds)")
    parser.add_argument("--runs", type=int, default=3, help="rounds of interleaved builds per size (default: 3)")
    parser.add_argument("--no-zensical", action="store_true", help="leave Zensical out")
    parser.add_argument("--previews", type=int, default=5, help="one-page edits timed under scripts/serve (0: none)")
    parser.add_argument("--preview-sizes", default="0,1000",
                        help="where to time the preview: articles per language added to the real site (0: the real site alone)")
    parser.add_argument("--no-reader", action="store_true", help="leave out the reader's side in Chromium")
    parser.add_argument("--reader-only", action="store_true",
                        help="only the reader's side of search: each site built once, no build timing, profile or preview")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--profile-build", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.profile_build:
        seconds, totals = benchtiming.profiled_build(*args.profile_build)
        print(json.dumps({"<build>": seconds, **totals}))
        return
    if args.reader_only:
        with tempfile.TemporaryDirectory(prefix="hc-bench-") as temp:
            rows = [row for size in args.sizes.split(",") for row in reader_only(Path(temp), int(size))]
        print("\n".join([*benchreader.HEADER, *rows]))
        return
    engines = {"MkDocs": _version("mkdocs"), "Material": _version("mkdocs-material")}
    zensical_command = None
    if not args.no_zensical:
        zensical_command, engines["Zensical"] = zensical()
    results: list[dict] = []
    preview = None

    def save() -> None:  # after every step: a late failure must not lose an hour of figures
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps({"engines": engines, "sizes": results, "preview": preview}, indent=2))

    with tempfile.TemporaryDirectory(prefix="hc-bench-") as temp:
        for articles in [int(size) for size in args.sizes.split(",") if size != "none"]:
            results.append(bench_size(Path(temp), articles, args.runs, zensical_command, not args.no_reader))
            save()
            print(f"measured {articles} articles per language", file=sys.stderr, flush=True)
            print(report(results, None, engines), file=sys.stderr, flush=True)
        if args.previews:
            preview = previews(Path(temp), [int(size) for size in args.preview_sizes.split(",")], args.previews)
            save()
    print(report(results, preview, engines))


def _version(package: str) -> str:
    from importlib.metadata import version
    return version(package)


if __name__ == "__main__":
    main()
