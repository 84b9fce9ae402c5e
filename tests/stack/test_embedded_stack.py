from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import psutil
import pytest

from deploy.embedded import Stack, StackConfig, still_running
from deploy.embedded.process import REPO_ROOT
from deploy.embedded.stack import DATABASES, PORT_VARIABLES


@pytest.mark.unit
def test_config_reads_the_environment_and_falls_back_to_the_defaults() -> None:
    config = StackConfig.from_env({"WICT_DATA_DIR": "/srv/wict", "WICT_PG_PORT": "6543"})

    assert config.data_dir == Path("/srv/wict")
    assert (config.pg_port, config.nats_port, config.nats_monitor_port) == (6543, 4222, 8222)
    assert config.smtp_port == 2525
    services = {name: config.service_port(name) for name in ("venue", "interpreting", "catering", "notify")}
    assert services == {"venue": 8000, "interpreting": 8001, "catering": 8002, "notify": 8003}
    assert StackConfig.from_env({}).data_dir == REPO_ROOT / ".data"


@pytest.mark.unit
def test_an_ephemeral_config_uses_distinct_free_ports(tmp_path: Path) -> None:
    config = StackConfig.ephemeral(tmp_path)

    ports = [getattr(config, field) for field in PORT_VARIABLES]
    assert config.data_dir == tmp_path
    assert len(set(ports)) == len(ports)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Stack]:
    with Stack(StackConfig.ephemeral(tmp_path)) as stack:
        yield stack


@pytest.mark.integration
def test_infrastructure_comes_up_with_databases_and_streams_and_stops_without_a_trace(stack: Stack) -> None:
    pytest.importorskip("shared.messaging.streams")

    stack.start_infrastructure()

    assert set(DATABASES) <= set(stack.postgres.psql("SELECT datname FROM pg_database").split())
    assert stack.urls()["NATS"] == stack.nats.display_url == f"nats://127.0.0.1:{stack.config.nats_port}"
    venue = stack.service_env("venue")
    assert venue["WICT_DATABASE_URL"].endswith(f":{stack.config.pg_port}/venue")
    assert (venue["WICT_NATS_URL"], venue["WICT_NATS_USER"]) == (stack.nats.display_url, "venue")
    assert (
        venue["WICT_NATS_PASSWORD"]
        == stack.nats.login("venue").password
        != stack.nats.login("admin").password
    )
    assert stack.exited() == []
    pids = {pid for process in stack.processes().values() for pid in process.family_pids()}

    stack.stop()

    assert len(pids) > 5
    assert still_running(pids) == set()


Launched = tuple[subprocess.Popen[str], StackConfig, str]


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[Callable[[], Launched]]:
    """Starts `python -m deploy.embedded run --infrastructure-only` on free ports, like `make run`,
    returning once it printed its table; stops it at the end if the test did not."""
    launched: list[subprocess.Popen[str]] = []

    def start() -> Launched:
        config = StackConfig.ephemeral(tmp_path)
        env = {**os.environ, "WICT_DATA_DIR": str(tmp_path)}
        env |= {name: str(getattr(config, field)) for field, (name, _) in PORT_VARIABLES.items()}
        launcher = subprocess.Popen(
            [sys.executable, "-m", "deploy.embedded", "run", "--infrastructure-only"],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            process_group=0,  # like a shell job: a terminal's Ctrl-C goes to this group
        )
        launched.append(launcher)
        assert launcher.stdout is not None
        table: list[str] = []
        for line in launcher.stdout:  # up to the table's third rule, or to the end if it failed
            table.append(line)
            if sum(row.startswith("-----") for row in table) == 3:
                break
        return launcher, config, "".join(table)

    yield start
    for launcher in launched:
        if launcher.poll() is None:
            launcher.terminate()
            launcher.communicate(timeout=30)


@pytest.mark.integration
def test_run_prints_where_everything_is_and_stops_on_sigterm(
    launch: Callable[[], Launched], tmp_path: Path
) -> None:
    pytest.importorskip("shared.messaging.streams")
    launcher, config, table = launch()
    children = {child.pid for child in psutil.Process(launcher.pid).children(recursive=True)}

    launcher.send_signal(signal.SIGTERM)
    _, errors = launcher.communicate(timeout=30)

    assert launcher.returncode == 0, errors
    assert "WICT is running" in table
    assert f"postgresql://postgres@127.0.0.1:{config.pg_port}/venue" in table
    assert str(tmp_path / "nats" / "nats-users.json") in table  # where vendors' NATS logins are
    passwords = json.loads((tmp_path / "nats" / "nats-users.json").read_text())["passwords"].values()
    assert [password for password in passwords if password in table + errors] == []
    assert "event=stopped_all" in errors
    assert len(children) > 5 and still_running(children) == set()


@pytest.mark.integration
def test_a_ctrl_c_in_the_terminal_reaches_only_the_launcher(
    launch: Callable[[], Launched], tmp_path: Path
) -> None:
    pytest.importorskip("shared.messaging.streams")
    launcher, _, _ = launch()

    os.killpg(launcher.pid, signal.SIGINT)
    _, errors = launcher.communicate(timeout=30)

    assert launcher.returncode == 0, errors
    nats_log = (tmp_path / "nats" / "nats.log").read_text()
    assert 'Trapped "terminated" signal' in nats_log  # our orderly SIGTERM, not the terminal's SIGINT


@pytest.mark.integration
def test_run_stops_everything_when_one_process_dies(launch: Callable[[], Launched]) -> None:
    pytest.importorskip("shared.messaging.streams")
    launcher, _, _ = launch()
    children = psutil.Process(launcher.pid).children(recursive=True)

    next(child for child in children if child.name() == "nats-server").kill()
    _, errors = launcher.communicate(timeout=30)

    assert launcher.returncode == 1
    assert "event=process_exited component=nats status=-9" in errors
    assert "--- last lines of" in errors and "Server is ready" in errors
    assert still_running(child.pid for child in children) == set()
