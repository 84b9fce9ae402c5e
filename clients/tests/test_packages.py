"""The vendor client and the ops CLI build as wheels (``packaging/``) that hold every module they run and
nothing of the services: installed on their own, each answers ``--help`` through its console script's
module, needing only the dependencies its wheel declares."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {  # wheel -> (console script, its module, the client folder it ships, what it may import)
    "wict-vendor": (
        "clients.vendor.cli:main",
        "clients.vendor",
        ROOT / "clients" / "vendor",
        {"nats", "msgspec"},
    ),
    "wict-ops": (
        "clients.ops.cli:main",
        "clients.ops",
        ROOT / "clients" / "ops",
        {"nats", "msgspec", "httpx"},
    ),
}
SERVICE_LIBRARIES = {"litestar", "asyncpg", "faststream", "opentelemetry", "granian", "jinja2", "psutil"}


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("wheels")
    for name in PACKAGES:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--quiet",
                "--no-deps",
                "--no-build-isolation",
                "-w",
                out,
                ROOT / "packaging" / name,
            ],
            check=True,
        )
    return {name: next(out.glob(f"{name.replace('-', '_')}-*.whl")) for name in PACKAGES}


@pytest.mark.parametrize("name", PACKAGES)
def test_the_wheel_ships_every_module_of_its_client_and_declares_its_script_and_only_its_needs(
    wheels, name
) -> None:
    script, _, folder, needs = PACKAGES[name]
    with zipfile.ZipFile(wheels[name]) as wheel:
        files = set(wheel.namelist())
        info = next(f for f in files if f.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(wheel.read(info).decode())
        entry_points = wheel.read(info.replace("METADATA", "entry_points.txt")).decode()
    shipped = {f for f in files if f.startswith(f"clients/{folder.name}/")}
    assert shipped == {f"clients/{folder.name}/{path.name}" for path in folder.glob("*.py")}  # no drift
    assert not [f for f in files if f.startswith("services/") or "/tests/" in f]
    assert f"{name} = {script}" in entry_points
    required = {
        requirement.split(">")[0].split(";")[0].strip() for requirement in metadata.get_all("Requires-Dist")
    }
    assert required - {"tzdata"} == {"nats-py" if need == "nats" else need for need in needs}


@pytest.mark.parametrize("name", PACKAGES)
def test_installed_alone_the_client_runs_without_the_platform_or_a_service_library(
    wheels, name, tmp_path
) -> None:
    module = PACKAGES[name][1]
    with zipfile.ZipFile(wheels[name]) as wheel:
        wheel.extractall(tmp_path / "site")
    probe = (
        "import json, runpy, sys\n"
        f"sys.argv = ['{name}', '--help']\n"
        "try:\n"
        f"    runpy.run_module('{module}', run_name='__main__')\n"
        "except SystemExit as end:\n"
        "    status = end.code\n"
        "print(json.dumps({'status': status, 'modules': sorted({m.split('.')[0] for m in sys.modules}),"
        " 'from': sys.modules['clients'].__file__}))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,  # not the platform's checkout: only the extracted wheel is on the path
        env={"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    answer = json.loads(run.stdout.splitlines()[-1])
    assert answer["status"] == 0 and answer["from"].startswith(str(tmp_path / "site"))
    assert not SERVICE_LIBRARIES & set(answer["modules"])
