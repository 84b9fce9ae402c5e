"""The local Tencent Cloud SMS checking server as one of the embedded stack's processes (beside the SMTP
sink): ``deploy/sms_provider/server.py`` checks what the provider checks and answers like it; this module
starts it, reads what it accepted, and gives notify its address and account."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from deploy.embedded.process import REPO_ROOT, ChildProcess, ManagedServer
from deploy.sms_provider.rules import LocalAccount


class TencentSmsServer(ManagedServer):
    """The checking server on 127.0.0.1:<port>; accepted messages in ``<data_dir>/messages.jsonl``."""

    def __init__(self, data_dir: Path, port: int, account: LocalAccount | None = None) -> None:
        self.data_dir, self.port = data_dir.absolute(), port
        self.account = account or LocalAccount()
        self.messages_path = self.data_dir / "messages.jsonl"
        argv = [sys.executable, "-m", "deploy.sms_provider.server", "--port", str(port)]
        argv += ["--data-dir", str(self.data_dir)]
        self._process = ChildProcess(
            "tencent-sms", argv, {"PYTHONPATH": str(REPO_ROOT)}, self.data_dir / "server.log", REPO_ROOT
        )

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def launch(self) -> None:
        """Start the process without waiting: it gets ready while the stack starts PostgreSQL and NATS."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._process.start()

    def wait_ready(self, timeout: float = 30.0) -> None:
        self._process.wait_until(lambda: self._process.listens_on(self.port), timeout, "listening socket")

    def start(self, timeout: float = 30.0) -> None:
        self.launch()
        self.wait_ready(timeout)

    def messages(self) -> list[dict[str, Any]]:
        """Every accepted message so far, oldest first."""
        if not self.messages_path.exists():
            return []
        lines = self.messages_path.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line]


def notify_sms_env(server: TencentSmsServer) -> dict[str, str]:
    """Notify's Tencent SMS settings for the stack: this server and its account; the provider stays
    ``dev`` (the table, /ops/dev-sms) unless ``WICT_SMS_PROVIDER=tencent`` is set."""
    account = server.account
    return {
        "WICT_SMS_PROVIDER": os.environ.get("WICT_SMS_PROVIDER", "dev"),
        "WICT_TENCENT_SMS_ENDPOINT": server.endpoint,
        "WICT_TENCENT_SMS_SECRET_ID": account.secret_id,
        "WICT_TENCENT_SMS_SECRET_KEY": account.secret_key,
        "WICT_TENCENT_SMS_APP_ID": account.app_id,
        "WICT_TENCENT_SMS_SIGN": account.sign_name,
    }
