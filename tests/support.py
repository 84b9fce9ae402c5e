"""Helpers the test suites share."""

from __future__ import annotations

import tempfile
from pathlib import Path


def stack_folder(name: str) -> Path:
    """A folder of its own, outside pytest's temp root: PostgreSQL runs as another user, and every new
    pytest run makes /tmp/pytest-of-<user> owner-only again, which would lock out a run in progress."""
    return Path(tempfile.mkdtemp(prefix=f"wict-{name}-"))
