"""A ceiling on the processor time Markdown may spend on one page.

Python-Markdown and its extensions are quadratic on some inputs a writer can type or paste: 8,000
unclosed "[" take 16 s, so a 200 KB page of them would take hours; unclosed "<div ", hundreds of
tabs in one set, "![" and "*[" runs behave alike. The ones we know are refused before rendering
with their line (checks/files.py, brackets); this ceiling catches the ones we do not, measured in
the process's own CPU time (not the wall clock, which a busy machine stretches), thousands of times
what an ordinary page needs (about 10 ms).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable

NAME = "render-budget"
DESCRIPTION = "Markdown renders a page within a ceiling of processor time"
SEVERITY = "error"  # the build stops at the page, instead of running for hours
MESSAGES = {"slow": "Markdown spent more than {seconds:.0f} s of processor time on this page (an ordinary page takes "
                    "milliseconds): look for thousands of unclosed [ or < or a very long run of tabs or quotes, and "
                    "remove them or split the page"}
SECONDS = 30.0


def start(on_expiry: Callable[[], None]) -> None:
    """Call `on_expiry` (which raises) if this thread spends SECONDS of CPU before stop()."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return  # signals reach the main thread only (a preview that builds elsewhere goes unguarded)
    signal.signal(signal.SIGVTALRM, lambda signum, frame: on_expiry())
    signal.setitimer(signal.ITIMER_VIRTUAL, SECONDS)


def stop() -> None:
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
