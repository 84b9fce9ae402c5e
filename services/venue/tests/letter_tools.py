"""What the letter tests need from the machine: Debian's CJK font (the letters' face) and poppler's
pdftotext (the independent reader). Installed when missing, as the browser tests install chromium;
skipped with the reason where that cannot work, never passed without them."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.venue.adapters.letter_pdf import NOTO_CJK
from tests.support import ensure_debian_packages

PACKAGES = {
    "fonts-noto-cjk": NOTO_CJK / "NotoSansCJK-Bold.ttc",
    "poppler-utils": Path("/usr/bin/pdftotext"),
}


@pytest.fixture(scope="session")
def letter_tools() -> None:
    reason = ensure_debian_packages(PACKAGES)
    if reason:
        pytest.skip(reason)
