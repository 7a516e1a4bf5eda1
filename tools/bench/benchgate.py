"""What the output gate costs: a synthetic help center (tools/bench/benchcorpus.py) built once, then the
gate's work on every published page timed on its own, cold (no cached verdicts, as on a fresh clone)
and warm (every verdict cached: one digest per page), against the build's own wall time.

Prints figures; asserts nothing. scripts/python tools/bench/benchgate.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import material
from benchprojects import full_project
from helpcenter import csp, diskcache, gate_policy, output_gate
from mkdocs_redirects.plugin import HTML_TEMPLATE
from project import build


def gate_everything(site: Path, policy, hashes) -> int:
    findings = 0
    for page in site.rglob("*.html"):
        findings += len(output_gate.check_html(page.read_text(encoding="utf-8"), policy, hashes, redirect=True))
    for index in site.rglob("search_index.json"):
        findings += len(output_gate.check_search_records(json.loads(index.read_text(encoding="utf-8"))["docs"]))
    return findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles per language (default: 1000)")
    articles = parser.parse_args().articles
    with tempfile.TemporaryDirectory() as temp:
        project = full_project(Path(temp) / "full", articles)
        site = Path(temp) / "site"
        build(project, site, strict=False, quiet=True, check=True)  # fills .cache/, as a writer's earlier build
        start = time.perf_counter()
        build(project, site, strict=False, quiet=True, check=True)
        whole = time.perf_counter() - start
        gated = time.perf_counter()
        theme = [project / "overrides", Path(material.__file__).parent / "templates"]
        policy = gate_policy.build_policy(theme, [HTML_TEMPLATE])
        hashes = frozenset(csp.template_hashes(csp.template_scripts(theme),
                                               [{"config": {"extra": {}}, "base_url": u} for u in csp.base_urls("/")]))
        setup = time.perf_counter() - gated
        start = time.perf_counter()
        findings = gate_everything(site, policy, hashes)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        for page in site.rglob("*.html"):
            diskcache.fingerprint([page.read_text(encoding="utf-8")])
        warm = time.perf_counter() - start
        pages = sum(1 for _ in site.rglob("*.html"))
    print(f"{articles} articles per language, {pages} HTML files; findings on the synthetic corpus: {findings}")
    print(f"warm build (whole, gate included):     {whole:6.2f} s")
    print(f"gate set-up (templates, hashes):       {setup:6.3f} s  {setup / whole:6.1%}")
    print(f"gate, cold (every page parsed):        {cold:6.2f} s  {cold / whole:6.1%}  ({cold / pages * 1000:.2f} ms/page)")
    print(f"gate, warm (verdicts cached, digests): {warm:6.2f} s  {warm / whole:6.1%}")


if __name__ == "__main__":
    main()
