"""A stand-in service for the launcher tests: /health/ready, /env/<NAME>, and a drain on SIGTERM."""

from __future__ import annotations

import http.server
import os
import signal
import sys
import threading
from types import FrameType


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/health/ready":
            self._answer(200, b"ready")
        elif self.path.startswith("/env/"):
            self._answer(200, os.environ.get(self.path.removeprefix("/env/"), "").encode())
        else:
            self._answer(404, b"")

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    if os.environ.get("FAKE_SERVICE_CRASH"):
        print("boom: refusing to start", flush=True)
        sys.exit(3)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", int(os.environ["WICT_HTTP_PORT"])), Handler)

    def drain(signum: int, frame: FrameType | None) -> None:
        threading.Thread(target=server.shutdown).start()

    signal.signal(signal.SIGTERM, drain)
    server.serve_forever()
    print("drained", flush=True)


if __name__ == "__main__":
    main()
