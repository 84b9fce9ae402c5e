"""A small TCP proxy for network faults: put it between a service and NATS or PostgreSQL, then delay
every chunk, cut every open connection (both ends see a reset), or refuse new ones for a while.

It runs its own asyncio loop on a daemon thread, so tests drive it with plain calls.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

from deploy.embedded.ports import free_port

T = TypeVar("T")


class TcpProxy:
    """Listens on 127.0.0.1:``port`` and forwards to ``target_host``:``target_port``."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = free_port()
        self.delay = 0.0  # seconds each chunk waits, in each direction (order is kept)
        self.accepted = 0  # connections let through, for tests to see the proxy was used
        self.cuts = 0
        self._refusing = False
        self._links: set[tuple[asyncio.StreamWriter, asyncio.StreamWriter]] = set()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="tcp-proxy", daemon=True)
        self._server: asyncio.Server | None = None

    def start(self) -> TcpProxy:
        self._thread.start()
        self._server = self._call(asyncio.start_server(self._link, "127.0.0.1", self.port))
        return self

    def stop(self) -> None:
        self.cut()
        if self._server is not None:
            self._server.close()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    def cut(self) -> int:
        """Reset every open connection now (like a dropped link); the number cut."""

        async def reset() -> int:
            links = list(self._links)
            for client, server in links:
                for writer in (client, server):
                    writer.transport.abort()
            self._links.clear()
            return len(links)

        cut = self._call(reset())
        self.cuts += cut
        return cut

    def refuse(self, refusing: bool = True) -> None:
        """While refusing, every new connection is closed at once (the far end looks unreachable)."""
        self._refusing = refusing

    def _call(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=10)

    async def _link(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        if self._refusing:
            client_writer.transport.abort()
            return
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.transport.abort()
            return
        self.accepted += 1
        link = (client_writer, server_writer)
        self._links.add(link)
        try:
            await asyncio.gather(
                self._pump(client_reader, server_writer), self._pump(server_reader, client_writer)
            )
        finally:
            self._links.discard(link)
            for writer in link:
                writer.transport.abort()

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, OSError):
            while chunk := await reader.read(65536):
                if self.delay:
                    await asyncio.sleep(self.delay)
                writer.write(chunk)
                await writer.drain()
        writer.transport.abort()  # one side gone: drop the other, as a broken link would


__all__ = ["TcpProxy"]
