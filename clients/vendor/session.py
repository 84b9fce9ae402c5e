"""One NATS connection as the vendor, doing only what the vendor's permissions allow.

The vendor may publish its answers, its task query and the pull requests and acks of its own task
consumer, and receive only under its private inbox prefix. It never creates streams or consumers.
A refused action is not an exception in nats-py: the server's "Permissions Violation" arrives at the
error callback while the request waits for a reply that never comes. Each operation races the two, so a
refusal is reported at once as NotAuthorized instead of a timeout.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit

import msgspec
import nats
from nats.aio.client import Client
from nats.aio.msg import Msg
from nats.js import JetStreamContext
from nats.js.errors import APIError, NoStreamResponseError, NotFoundError, ServiceUnavailableError

from clients.vendor.errors import ClientError, NotAuthorized, PlatformUnavailable
from clients.vendor.identity import TASK_STREAM, Vendor
from clients.vendor.settings import Settings
from shared.contracts.tasks import VendorTaskAnswer, VendorTaskList, VendorTaskQuery, VendorTaskView

T = TypeVar("T")
_listing = msgspec.json.Decoder(VendorTaskList)


class VendorSession:
    def __init__(self, vendor: Vendor, timeout: float) -> None:
        self.vendor = vendor
        self.timeout = timeout
        self._refused = asyncio.Event()
        self._refusal = ""
        self._client: Client | None = None

    @classmethod
    async def open(cls, settings: Settings) -> VendorSession:
        """Log in as the vendor; NotAuthorized or PlatformUnavailable if that fails."""
        session = cls(settings.vendor, settings.timeout)
        login = {"user": settings.user, "password": settings.password} if settings.password else {}
        try:
            session._client = await nats.connect(
                [server.strip() for server in settings.url.split(",") if server.strip()],  # cluster nodes
                name=f"wict-vendor-client {settings.user}",
                error_cb=session._on_error,
                inbox_prefix=settings.vendor.inbox_prefix,
                connect_timeout=settings.timeout,
                allow_reconnect=False,
                max_reconnect_attempts=1,
                reconnect_time_wait=0.2,
                **login,
            )
        except nats.errors.Error as error:
            if "authorization violation" in str(error).lower():
                raise NotAuthorized(
                    f"NATS refused the login of {settings.user!r}: wrong user or password "
                    "(WICT_VENDOR_PASSWORD or --password-file)"
                ) from None
            raise PlatformUnavailable(f"cannot reach NATS at {shown(settings.url)}: {error}") from None
        except (OSError, TimeoutError) as error:
            raise PlatformUnavailable(f"cannot reach NATS at {shown(settings.url)}: {error}") from None
        return session

    @property
    def _connection(self) -> Client:
        assert self._client is not None, "open() first"
        return self._client

    @property
    def _js(self) -> JetStreamContext:
        return self._connection.jetstream(timeout=self.timeout)

    async def close(self) -> None:
        await self._connection.close()

    async def tasks(self, include_closed: bool = True) -> list[VendorTaskView]:
        """The vendor's tasks as the service that owns them has them now (request/reply, no stream)."""
        query = msgspec.json.encode(VendorTaskQuery(include_closed=include_closed))
        request = self._connection.request(self.vendor.query_subject, query, timeout=self.timeout)
        try:
            reply = await self._guarded(request, "asking for your task list")
        except nats.errors.TimeoutError:
            raise PlatformUnavailable(f"no answer to your task list within {self.timeout:g} s") from None
        except nats.errors.NoRespondersError:
            raise PlatformUnavailable(
                f"no {self.vendor.kind} service answers task lists (no responder): the platform is down"
            ) from None
        try:
            listed = _listing.decode(reply.data)
        except (msgspec.DecodeError, msgspec.ValidationError) as error:
            raise ClientError(f"the platform's task list cannot be read: {error}") from None
        if listed.error:
            raise ClientError(f"the platform could not list your tasks: {listed.error}")
        return listed.tasks

    async def send_answer(self, answer: VendorTaskAnswer) -> bool:
        """Store the answer in the stream (Nats-Msg-Id = its message id); True if it was a duplicate."""
        publish = self._js.publish(
            answer.vendor_subject(),
            msgspec.json.encode(answer),
            timeout=self.timeout,
            stream=TASK_STREAM,
            headers={"Nats-Msg-Id": str(answer.message_id)},
        )
        try:
            ack = await self._guarded(publish, "sending your answer")
        except (NoStreamResponseError, nats.errors.TimeoutError):
            raise PlatformUnavailable(f"no stream stored your answer on {answer.vendor_subject()}") from None
        except APIError as error:
            raise ClientError(f"the stream refused your answer: {error}") from None
        return bool(ack.duplicate)

    async def task_feed(self) -> JetStreamContext.PullSubscription:
        """The vendor's durable pull consumer, bound (it is provisioned by the platform, never created here)."""
        info = self._js.consumer_info(TASK_STREAM, self.vendor.consumer, timeout=self.timeout)
        try:
            await self._guarded(info, "opening your task feed")
        except NotFoundError:
            raise PlatformUnavailable(
                f"your task feed {self.vendor.consumer!r} is not set up on stream {TASK_STREAM}: ask the venue"
            ) from None
        except (ServiceUnavailableError, nats.errors.TimeoutError):
            raise PlatformUnavailable("NATS JetStream does not answer: the platform is down") from None
        return await self._js.pull_subscribe_bind(durable=self.vendor.consumer, stream=TASK_STREAM)

    async def next_events(
        self, feed: JetStreamContext.PullSubscription, batch: int, wait: float
    ) -> list[Msg]:
        """Up to ``batch`` task events, waiting at most ``wait`` seconds for the first; [] if none came."""
        try:
            return await self._guarded(feed.fetch(batch, timeout=wait), "pulling your task events")
        except nats.errors.TimeoutError:
            return []

    async def ack(self, event: Msg) -> None:
        """Acknowledge a task event (and wait until the server has it), so it is not delivered again."""
        try:
            await self._guarded(event.ack_sync(timeout=self.timeout), "acknowledging a task event")
        except nats.errors.TimeoutError:
            raise PlatformUnavailable("NATS did not confirm an acknowledgement") from None

    async def _on_error(self, error: Exception) -> None:
        # any other error also ends the operation waiting (connection lost); nats-py would log a traceback
        if "permissions violation" in str(error).lower():
            self._refusal = str(error).removeprefix("nats: ")
            self._refused.set()

    async def _guarded(self, operation: Awaitable[T], doing: str) -> T:
        """Await ``operation``, unless NATS refuses it first (NotAuthorized)."""
        self._refused.clear()
        work = asyncio.ensure_future(operation)
        refused = asyncio.ensure_future(self._refused.wait())
        try:
            done, _ = await asyncio.wait({work, refused}, return_when=asyncio.FIRST_COMPLETED)
        finally:  # also when cancelled (Ctrl-C): nothing is left running, no error left unread
            for task in (work, refused):
                task.cancel()
            await asyncio.wait({work, refused})
            if not work.cancelled():
                work.exception()
        if work not in done:
            raise NotAuthorized(
                f"{doing}: NATS refused it ({self._refusal}); check --kind, --vendor and --user"
            )
        try:
            return work.result()
        except (
            nats.errors.ConnectionClosedError,
            nats.errors.UnexpectedEOF,
            nats.errors.StaleConnectionError,
        ):
            raise PlatformUnavailable(f"{doing}: the connection to NATS was lost") from None


def shown(url: str) -> str:
    """The URL without any user or password in it, to print."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit(parts._replace(netloc=netloc)) if parts.netloc else url
