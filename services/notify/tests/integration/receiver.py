"""A local webhook receiver: verifies each request's signature, answers 500 to the first N requests."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import msgspec

from services.notify.domain.signature import HEADER, verify


@dataclass
class Received:
    delivery_id: str
    event: str
    body: dict
    verified: bool
    answered: int


class Receiver:
    def __init__(self, fail_first: int = 0, always_fail: bool = False) -> None:
        self.fail_first, self.always_fail = fail_first, always_fail
        self.secret = ""
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hooks/wict?source=notify"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                verified = verify(receiver.secret, self.headers.get(HEADER, ""), body, int(time.time()))
                with receiver._lock:
                    failing = receiver.always_fail or len(receiver.received) < receiver.fail_first
                    status = 500 if failing or not verified else 204
                    receiver.received.append(
                        Received(
                            self.headers["X-WICT-Delivery-Id"],
                            self.headers["X-WICT-Event"],
                            msgspec.json.decode(body),
                            verified,
                            status,
                        )
                    )
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    @contextmanager
    def running(self) -> Iterator[Receiver]:
        thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._server.shutdown()
            self._server.server_close()
