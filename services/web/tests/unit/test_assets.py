"""Every vendored asset is the file the README pins (version and sha256), and pages load only ours."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit
WEB = Path(__file__).resolve().parents[2]


def test_vendored_files_match_their_pinned_sha256():
    pins = re.findall(
        r"\| `(entrypoints/assets/[\w./-]+)` \|[^|]+\| [\d.]+ \| `([0-9a-f]{64})` \|",
        (WEB / "README.md").read_text(),
    )
    assert len(pins) == 2
    for path, digest in pins:
        assert hashlib.sha256((WEB / path).read_bytes()).hexdigest() == digest, path


def test_templates_reference_no_outside_host_and_no_inline_script_or_style():
    for template in (WEB / "templates").rglob("*.html"):
        text = template.read_text()
        assert not re.search(r"(src|href)=\"(https?:)?//", text), template
        assert "<script>" not in text and "<style" not in text and " style=" not in text, template
        assert not re.search(r"\son[a-z]+=", text), template  # no inline event handlers
