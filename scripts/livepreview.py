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
from collections.abc import Iterator
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
        """User and system CPU time the server has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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


def wait_for(url: str, text: str, seconds: float, interval: float = 0.3) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in fetch(url):
            return True
        time.sleep(interval)
    return False


def measure(project: Path, edits: int) -> dict:
    """Seconds from saving a one-page edit to the server answering with the new page, `edits` times,
    and the server's CPU seconds for each (what the edit costs on an idle machine)."""
    page = project / EDITED_PAGE
    runs, cpu = [], []
    with serving(project) as base:
        if not wait_for(base + EDITED_URL, "</html>", 900):
            raise RuntimeError("the preview did not come up within 900 s")
        time.sleep(1)  # let the file watcher settle after the first build
        for edit in range(edits):
            token = f"preview-edit-{edit}"
            start, used = time.perf_counter(), base.cpu_seconds()
            page.write_text(page.read_text(encoding="utf-8") + f"\n{token}\n", encoding="utf-8")
            if not wait_for(base + EDITED_URL, token, 120, interval=0.02):
                raise RuntimeError(f"the edit {token} did not show within 120 s")
            runs.append(time.perf_counter() - start)
            cpu.append(base.cpu_seconds() - used)
            time.sleep(1)
    return {"seconds": statistics.median(runs), "runs": runs, "cpu_seconds": statistics.median(cpu), "load": os.getloadavg()[0]}
