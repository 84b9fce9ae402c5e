"""The generated organizer client (packaging/wict-organizer) is what the generator makes of the committed
venue document today: regenerating it changes nothing (else run ``make organizer-client``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "packaging" / "wict-organizer"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_committed_organizer_client_is_the_generators_output_for_the_committed_document(tmp_path) -> None:
    out = tmp_path / "wict_organizer"
    subprocess.run(
        [
            Path(sys.executable).parent / "openapi-python-client",
            "generate",
            "--path",
            ROOT / "docs" / "openapi" / "venue.json",
            "--meta",
            "none",
            "--config",
            PACKAGE / "openapi-python-client.yaml",
            "--output-path",
            out,
            "--fail-on-warning",
        ],
        check=True,
        capture_output=True,
    )
    generated, committed = _files(out), _files(PACKAGE / "wict_organizer")
    assert sorted(generated) == sorted(committed), "make organizer-client"
    assert [name for name in generated if generated[name] != committed[name]] == [], "make organizer-client"
