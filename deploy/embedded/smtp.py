"""An SMTP sink (aiosmtpd) that stores every message it receives in a maildir."""

from __future__ import annotations

import email
import email.policy
import mailbox
import os
import signal
import sys
from email.message import EmailMessage
from pathlib import Path

from deploy.embedded.process import REPO_ROOT, ChildProcess, ManagedServer


class SmtpSink(ManagedServer):
    """Accepts mail on 127.0.0.1:<port> and keeps it in `<data_dir>/mail`; logs to `<data_dir>/smtp.log`."""

    def __init__(self, data_dir: Path, port: int) -> None:
        self.data_dir = data_dir.absolute()
        self.port = port
        self.maildir = self.data_dir / "mail"
        self.log_path = self.data_dir / "smtp.log"
        argv = [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}"]
        argv += ["-c", "deploy.embedded.maildir_handler.RawMaildir", str(self.maildir)]
        # aiosmtpd stops its loop on SIGINT; SIGTERM would end it without closing the server.
        self._process = ChildProcess(
            "smtp",
            argv,
            {**os.environ, "PYTHONPATH": str(REPO_ROOT)},  # the handler is deploy.embedded's own
            self.log_path,
            self.data_dir,
            stop_signal=signal.SIGINT,
            stop_timeout=5.0,
        )

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> None:
        """Start the sink and wait until it accepts connections."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        mailbox.Maildir(self.maildir, create=True)
        self._process.start()
        self._process.wait_until(lambda: self._process.listens_on(self.port), timeout, "listening socket")

    def messages(self) -> list[EmailMessage]:
        """Every message received so far, oldest first."""
        box = mailbox.Maildir(self.maildir, create=True)
        stored = sorted(box.iteritems(), key=lambda item: (item[1].get_date(), item[0]))
        return [_parsed(box.get_bytes(key)) for key, _ in stored]

    def clear(self) -> None:
        """Delete every received message."""
        mailbox.Maildir(self.maildir, create=True).clear()


def _parsed(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message
