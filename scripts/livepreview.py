"""The writers' preview (scripts/draftserve.py: `mkdocs serve` in draft mode) of a project on a free
local port, and how long a writer waits for an edit to show.

Used by the live-preview tests and by tools/bench/bench.
"""

from __future__ import annotations

import contextlib
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

# The page a writer edits in the measurement, and where the server shows it.
EDITED_PAGE, EDITED_URL = "docs/ko/payment/errors.md", "payment/errors/"


class Preview(str):
    """The preview's base URL, knowing the server's process (for its CPU time)."""

    pid: int

    def __new__(cls, url: str, pid: int) -> Preview:
        preview = super().__new__(cls, url)
        preview.pid = pid
        return preview

    def cpu_seconds(self) -> float:
        """User and system CPU time the server and the commands it ran (Pagefind, git) have used so
        far (Linux /proc)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")

    def busy_children(self) -> bool:
        """Whether a command the server started still runs: Pagefind indexes while the server's
        own threads sleep, and its CPU counts only once it ends."""
        return any(path.read_text().strip() for path in Path(f"/proc/{self.pid}/task").glob("*/children"))

    def settle(self, seconds: float = 300) -> float:
        """Waits until the server is idle (its deferred search indexing done); its CPU time then."""
        deadline, before = time.monotonic() + seconds, self.cpu_seconds()
        while time.monotonic() < deadline:
            time.sleep(0.5)
            now = self.cpu_seconds()
            if now - before < 0.02 and not self.busy_children():
                return now
            before = now
        raise RuntimeError(f"the preview was still busy after {seconds} s")


@contextlib.contextmanager
def serving(project: Path, log: Path | None = None) -> Iterator[Preview]:
    """Runs the preview of `project`; yields its base URL (the server may still be building).
    `log`: a file for the server's terminal output."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve().parent / "draftserve.py"),
         "--dev-addr", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=log.open("w") if log else subprocess.DEVNULL,
    )
    try:
        yield Preview(f"http://127.0.0.1:{port}/", server.pid)
    finally:
        server.terminate()
        server.wait(timeout=20)


def fetch(url: str) -> str:
    """The page's text, also when it comes with an error status (the preview's failure page is a 404)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float, interval: float = 0.3, log: Path | None = None) -> bool:
    """Whether the page at `url` shows `text` within `seconds`; see until() for `interval` and `log`."""
    return until(lambda: text in fetch(url), seconds, interval, log)


def until(ready: Callable[[], bool], seconds: float, interval: float = 0.3, log: Path | None = None) -> bool:
    """Whether `ready()` comes true within `seconds`, asked every `interval` seconds; or, given the
    server's `log` (serving()'s), as soon as the server writes to it (MkDocs logs the start and the
    end of every build, our builds their problems), and at least once a second. Watching the log
    costs the server nothing, where asking it for a page every 50 ms would slow the rebuild it makes."""
    deadline = time.monotonic() + seconds
    while True:
        said = log.stat().st_size if log else 0  # before asking: a line written meanwhile is not missed
        if ready():
            return True
        if time.monotonic() >= deadline:
            return False
        ask_again = min(deadline, time.monotonic() + (1.0 if log else interval))
        while time.monotonic() < ask_again:
            time.sleep(0.02 if log else max(0.0, ask_again - time.monotonic()))
            if log and log.stat().st_size != said:
                break


def measure(project: Path, edits: int) -> dict[str, dict]:
    """Seconds from saving an edit of one page to the server answering with the new page, `edits`
    times, and the server's CPU seconds per edit until the page is served (about what a writer waits
    on an idle machine) and in all (search indexing after the page is served included). Two kinds of edit in the same server: a line added
    to the page's text (the preview rebuilds that page and its translation), and the baseline: the
    same with a comment added to its front matter, which makes the preview build every page."""
    page = project / EDITED_PAGE
    found = {}
    with serving(project) as base:
        if not wait_for(base + EDITED_URL, "</html>", 1800):  # a cold first build at 1,000 articles on a busy machine
            raise RuntimeError("the preview did not come up within 1800 s")
        base.settle()
        for name, front in (("one-page rebuild", False), ("every page (baseline)", True)):
            runs, settled, cpu, served_cpu = [], [], [], []
            for _ in range(edits):
                token = f"preview-edit-{time.time_ns()}"  # new in every run, also on a page edited before
                start, used = time.perf_counter(), base.cpu_seconds()
                page.write_text(_edited(page.read_text(encoding="utf-8"), token, front), encoding="utf-8")
                # a build of every page at 1,000 articles took over 300 s on a busy machine
                if not wait_for(base + EDITED_URL, token, 1800, interval=0.02):
                    raise RuntimeError(f"the edit {token} did not show within 1800 s")
                runs.append(time.perf_counter() - start)
                served_cpu.append(base.cpu_seconds() - used)
                cpu.append(base.settle() - used)
                settled.append(time.perf_counter() - start - 0.5)  # less the idle half second settle() waits
            found[name] = {"seconds": statistics.median(runs), "runs": runs, "settled_seconds": statistics.median(settled),
                           "cpu_seconds": statistics.median(cpu), "served_cpu_seconds": statistics.median(served_cpu),
                           "load": os.getloadavg()[0]}
    return found


def _edited(text: str, token: str, front: bool) -> str:
    if front:  # a YAML comment: the page reads the same, but its front matter changed
        text = text.replace("\n---\n", f"\n# {token}\n---\n", 1)
    return text + f"\n{token}\n"
