"""Where the project under test is: this checkout, or the copy HC_TEST_PROJECT names (the new-page
test runs the suite's site checks on a copy with a writer's page added). A module of its own so
that conftest and the helpers it imports can both read it."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = Path(os.environ.get("HC_TEST_PROJECT") or ROOT)
