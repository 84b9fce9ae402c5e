"""Asking the venue who is on site (``shared/contracts/guests.py``): core NATS request/reply.

The connection is notify's own NATS login, opened on the first urgent notice and kept; a venue that does
not answer in time (or is not subscribed) is ``PeopleUnavailable``, and the notice still goes to the
organizers and vendors notify knows itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import msgspec
import nats
from nats.aio.client import Client
from nats.errors import NoRespondersError
from nats.errors import TimeoutError as NatsTimeout

from shared.contracts.guests import PEOPLE_ON_SITE, PeopleOnSite, PeopleOnSiteQuery


class PeopleUnavailable(Exception):
    """The venue did not say who is on site."""


class VenuePeople:
    def __init__(self, servers: Sequence[str], login: dict[str, Any], timeout: float = 5.0) -> None:
        self.servers, self.login, self.timeout = list(servers), login, timeout
        self._connection: Client | None = None
        self._lock = asyncio.Lock()

    async def _connect(self) -> Client:
        async with self._lock:
            if self._connection is None or self._connection.is_closed:
                self._connection = await nats.connect(
                    self.servers, name="notify-people-on-site", **self.login
                )
            return self._connection

    async def on_site(self, query: PeopleOnSiteQuery) -> PeopleOnSite:
        try:
            connection = await self._connect()
            reply = await connection.request(PEOPLE_ON_SITE, msgspec.json.encode(query), timeout=self.timeout)
            return msgspec.json.decode(reply.data, type=PeopleOnSite)
        except (
            NatsTimeout,
            NoRespondersError,
            OSError,
            msgspec.ValidationError,
            msgspec.DecodeError,
        ) as error:
            raise PeopleUnavailable(type(error).__name__) from error

    async def close(self) -> None:
        if self._connection is not None and not self._connection.is_closed:
            await self._connection.close()
