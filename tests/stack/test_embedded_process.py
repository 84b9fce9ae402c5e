from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from deploy.embedded import ServiceProcess, StartupError, free_port, still_running
from deploy.embedded.process import REPO_ROOT

pytestmark = pytest.mark.integration


def fake_service(tmp_path: Path, **env: str) -> ServiceProcess:
    port = free_port()
    env = {**os.environ, "WICT_HTTP_PORT": str(port), **env}
    return ServiceProcess("fake", "tests.stack.fake_service", env, port, tmp_path / "fake.log")


def test_a_service_gets_its_environment_and_drains_on_stop(tmp_path: Path) -> None:
    service = fake_service(tmp_path, WICT_GREETING="hello")
    service.start()
    try:
        service.wait_ready(timeout=15)
        assert httpx.get(f"{service.base_url}/env/WICT_GREETING").text == "hello"
        assert httpx.get(f"{service.base_url}/env/PYTHONPATH").text.split(os.pathsep)[0] == str(REPO_ROOT)
    finally:
        status = service.stop()

    assert status == 0
    assert "drained" in service.log_path.read_text()


def test_a_paused_service_answers_nothing_until_resumed(tmp_path: Path) -> None:
    service = fake_service(tmp_path)
    service.start()
    try:
        service.wait_ready(timeout=15)
        service.pause()
        with pytest.raises(httpx.TimeoutException):
            httpx.get(service.health_url, timeout=0.3)
        service.resume()
        assert httpx.get(service.health_url, timeout=5).status_code == 200
        service.pause()
    finally:
        assert service.stop() == 0  # stop() also wakes a paused process so that it can drain


def test_wait_ready_reports_a_crash_with_the_log_tail(tmp_path: Path) -> None:
    service = fake_service(tmp_path, FAKE_SERVICE_CRASH="1")
    service.start()

    with pytest.raises(StartupError, match="boom: refusing to start"):
        service.wait_ready(timeout=15)
    assert service.returncode == 3


LAUNCHER = """
import json, sys, time
from pathlib import Path
from deploy.embedded import Stack, StackConfig
stack = Stack(StackConfig.ephemeral(Path(sys.argv[1])))
stack.start_infrastructure(provision_streams=False)
pids = [pid for process in stack.processes().values() for pid in process.family_pids()]
print(json.dumps(pids), flush=True)
time.sleep(60)
"""


def test_children_die_with_a_killed_launcher(tmp_path: Path) -> None:
    launcher = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, str(tmp_path)], cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True
    )
    assert launcher.stdout is not None
    pids = json.loads(launcher.stdout.readline())
    assert len(still_running(pids)) > 5

    launcher.send_signal(signal.SIGKILL)
    launcher.wait()

    deadline = time.monotonic() + 10
    while still_running(pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert still_running(pids) == set()


PORT_TAKER = """
import sys
from deploy.embedded import free_port
print(" ".join(str(free_port()) for _ in range(100)), flush=True)
sys.stdin.read()
"""


def test_runs_side_by_side_never_get_the_same_port() -> None:
    takers = [
        subprocess.Popen(
            [sys.executable, "-c", PORT_TAKER], cwd=REPO_ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )
        for _ in range(3)
    ]
    handed_out = [taker.stdout.readline().split() for taker in takers if taker.stdout]
    ours = [free_port() for _ in range(100)]
    for taker in takers:
        taker.communicate()  # only now may their ports be handed out again

    every_port = [int(port) for ports in handed_out for port in ports] + ours
    assert len(every_port) == 400 and len(set(every_port)) == 400
