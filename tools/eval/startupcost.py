"""What a page load costs the phone's main thread, for two builds side by side (a change against its base).

Lighthouse's Total Blocking Time is simulated from the durations of the main thread's tasks (each
multiplied by 4 for a 4x slower phone, by 2 when the task performs layout), so on a busy machine it
measures the machine. This tool loads each page of each build in headless Chromium, interleaved, at
Lighthouse's phone size, traces it, and counts the renderer's *processor* time (the trace's thread
time), which other processes on the machine barely change. It prints per page and build the medians of:

- `blocking`: the sum over top-level tasks of max(0, k x task - 50 ms), k = 2 for a task that lays out,
  4 otherwise: Lighthouse's Total Blocking Time without its network simulation (an upper bound:
  Lighthouse counts only the tasks between the first paint and the page being interactive);
- `longest`: the longest task, multiplied the same way;
- `main`: all of the main thread's processor time, then the parts: style recalculation, layout,
  script (run and compile), HTML and stylesheet parsing, paint (a restyle a script forces counts in
  both `style` and `script`);

and the ratios of the second build's sums to the first's. Asserts nothing.

    scripts/python tools/eval/startupcost.py BASE_SITE NEW_SITE [--runs 3] [--pages '' en/ faq/]

Build each with `.venv/bin/python -m mkdocs build -d FOLDER` (a base commit from `git archive`).
"""

from __future__ import annotations

import argparse
import bisect
import statistics
import sys
import threading
from collections import defaultdict
from pathlib import Path

from sitebrowser import chromium, serve

PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
CATEGORIES = "devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,toplevel,loading"
TASKS = ("RunTask", "ThreadControllerImpl::RunTask")
PARTS = {"style": ("UpdateLayoutTree",), "layout": ("Layout",), "script": ("v8.run", "v8.compile", "FunctionCall", "EvaluateScript"),
         "parse": ("ParseHTML", "ParseAuthorStyleSheet"), "paint": ("PrePaint", "Paint", "Layerize")}
PAGES = ["", "en/", "faq/", "en/faq/", "support/methods/", "en/support/methods/"]


def complete(events: list[dict]) -> list[dict]:
    """The trace's begin/end pairs as complete events (ph X) with wall (dur) and thread (tdur) time."""
    out, open_ = [], defaultdict(list)
    for event in sorted((e for e in events if "ts" in e), key=lambda e: e["ts"]):
        if event.get("ph") == "B":
            open_[event["pid"], event["tid"]].append(event)
        elif event.get("ph") == "E" and open_[event["pid"], event["tid"]]:
            begin = open_[event["pid"], event["tid"]].pop()
            out.append(begin | {"ph": "X", "dur": event["ts"] - begin["ts"], "tdur": event.get("tts", 0) - begin.get("tts", 0)})
        elif event.get("ph") == "X":
            out.append(event)
    return out


def page_thread(events: list[dict], base: str) -> tuple[int, int]:
    """The renderer main thread that parsed the page (not Chromium's own interface renderers)."""
    for event in events:
        data = event.get("args", {}).get("beginData") or {}
        if event["name"] == "ParseHTML" and str(data.get("url", "")).startswith(base):
            return event["pid"], event["tid"]
    raise RuntimeError("the page's main thread is not in the trace")


def costs(events: list[dict], base: str) -> dict[str, float]:
    """Milliseconds of processor time of one page load (see the module's docstring)."""
    events = complete(events)
    thread = page_thread(events, base)
    mine = [e for e in events if (e["pid"], e["tid"]) == thread]
    layouts = sorted(e["ts"] for e in mine if e["name"] == "Layout")
    result = dict.fromkeys(["blocking", "longest", "main", *PARTS], 0.0)
    end = -1
    for task in sorted((e for e in mine if e["name"] in TASKS), key=lambda e: e["ts"]):
        if task["ts"] < end:
            continue  # nested in the previous top-level task
        end = task["ts"] + task["dur"]
        first_layout = bisect.bisect_left(layouts, task["ts"])
        factor = 2 if first_layout < len(layouts) and layouts[first_layout] < end else 4
        cpu = task.get("tdur", 0) / 1000
        result["main"] += cpu
        result["longest"] = max(result["longest"], factor * cpu)
        result["blocking"] += max(0.0, factor * cpu - 50)
    for part, names in PARTS.items():
        # outermost events of each part only, so a part never counts the same time twice
        end = -1
        for event in sorted((e for e in mine if e["name"] in names), key=lambda e: e["ts"]):
            if event["ts"] >= end:
                result[part] += event.get("tdur", 0) / 1000
                end = event["ts"] + event["dur"]
    return result


def load(browser, url: str, base: str) -> dict[str, float]:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    events: list[dict] = []
    done = threading.Event()
    cdp.on("Tracing.dataCollected", lambda message: events.extend(message["value"]))
    cdp.on("Tracing.tracingComplete", lambda message: done.set())
    cdp.send("Tracing.start", {"categories": CATEGORIES, "transferMode": "ReportEvents"})
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1500)  # the theme's and our scripts' work after the load event
    cdp.send("Tracing.end")
    while not done.is_set():
        page.wait_for_timeout(100)
    context.close()
    return costs(events, base)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="the build to compare against")
    parser.add_argument("new", type=Path, help="the build with the change")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=PAGES)
    args = parser.parse_args()
    results: dict[tuple[str, str], list[dict[str, float]]] = defaultdict(list)
    with serve(args.base) as base_url, serve(args.new) as new_url, chromium() as browser:
        builds = [("base", base_url), ("new", new_url)]
        for run in range(args.runs):
            for path in args.pages:
                for name, url in builds if run % 2 == 0 else builds[::-1]:  # alternate which goes first
                    results[path, name].append(load(browser, url + path, url))
    keys = list(results[args.pages[0], "base"][0])
    print(f"Main thread, processor ms, median of {args.runs} loads per page and build (phone, no cache)")
    print(f"  {'page':<22}{'build':<6}" + "".join(f"{key:>10}" for key in keys))
    medians = {k: {key: statistics.median(r[key] for r in rs) for key in keys} for k, rs in results.items()}
    for path in args.pages:
        for name in ("base", "new"):
            print(f"  {'/' + path:<22}{name:<6}" + "".join(f"{medians[path, name][key]:>10.1f}" for key in keys))
    print("\nnew / base, summed over the pages:")
    for key in keys:
        base = sum(medians[path, "base"][key] for path in args.pages)
        new = sum(medians[path, "new"][key] for path in args.pages)
        print(f"  {key:<10}{new / base if base else float('nan'):6.2f}   ({new:.0f} / {base:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
