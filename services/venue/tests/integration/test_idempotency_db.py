"""Idempotency-Key records: kept only for authenticated requests, purged after the documented window
(a repeat within it is still caught), and a repeat waits for the first answer's notification."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import asyncpg
import pytest

from deploy.embedded.stack import Stack
from services.venue.adapters.credential_changes import listen
from services.venue.adapters.idempotency import ANSWERS_CHANNEL, IdempotentRequests
from services.venue.entrypoints.http import idempotency
from services.venue.entrypoints.http.idempotency import IdempotencyMiddleware
from services.venue.entrypoints.timers import purge_idempotent_requests
from shared.db.migrate import apply_migrations
from shared.db.pool import create_pool

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
async def pool(infra: Stack, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[asyncpg.Pool]:
    """One database for the module (the tests use keys of their own): the table is a shared migration."""
    name = f"idempotency_{uuid.uuid4().hex[:10]}"
    infra.postgres.ensure_databases([name])
    pool = await create_pool(infra.postgres.dsn(name), size=4)
    await apply_migrations(pool, "idempotency", tmp_path_factory.mktemp("no_migrations"))
    yield pool
    await pool.close()


def unique(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:8]}"


async def test_answers_past_the_window_go_recent_ones_stay_and_a_repeat_within_it_is_caught(pool) -> None:
    requests = IdempotentRequests(pool)
    now = datetime.now(UTC)
    old, recent = unique("old"), unique("recent")
    for key, age in ((old, timedelta(hours=49)), (recent, timedelta(hours=47))):
        assert await requests.claim(key, "hash")
        await requests.keep(key, 201, [], b"{}")
        await pool.execute(
            "UPDATE idempotent_requests SET created_at = $2 WHERE scope_key = $1", key, now - age
        )

    # only this row is past the window: the module's other tests write theirs now
    assert await purge_idempotent_requests(requests, keep_hours=48, now=now) == 1

    assert await requests.find(old) is None
    assert await requests.claim(recent, "hash") is False  # the repeat gets the first answer
    assert await requests.claim(old, "hash") is True


class Watched(IdempotentRequests):
    """Says when a repeat has read the row (and so waits for a notification, if the answer is missing)."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        super().__init__(pool)
        self.read = asyncio.Event()

    async def find(self, scope_key: str) -> Any:
        row = await super().find(scope_key)
        self.read.set()
        return row


async def test_a_repeat_is_woken_by_the_first_answer_s_notification_not_by_polling(pool, monkeypatch) -> None:
    monkeypatch.setattr(idempotency, "RECHECK_SECONDS", 3600.0)  # only the notification can wake it
    requests = Watched(pool)
    listening = asyncio.Event()

    def connected() -> None:
        requests.waiters.wake_all()
        listening.set()

    listener = asyncio.create_task(listen(pool, requests.waiters.heard, connected, channel=ANSWERS_CHANNEL))
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    try:
        await listening.wait()
        key = unique("k")
        assert await requests.claim(key, "hash")
        repeat = asyncio.create_task(idempotency._replay(requests, key, "hash", send))
        await requests.read.wait()
        assert not repeat.done() and sent == []  # the first has not answered: the repeat waits

        await requests.keep(key, 201, [["content-type", "application/json"]], b'{"ok": true}')
        await asyncio.wait_for(repeat, 60)  # a guard, not a measurement: without a wake-up it hangs

        assert sent[0]["status"] == 201 and sent[1]["body"] == b'{"ok": true}'
        assert (b"idempotent-replayed", b"true") in sent[0]["headers"]
    finally:
        listener.cancel()
        await asyncio.gather(listener, return_exceptions=True)


def _scope(requests: IdempotentRequests, authorization: bytes | None, key: str) -> dict[str, Any]:
    headers = [(b"idempotency-key", key.encode()), (b"content-type", b"application/json")]
    if authorization is not None:
        headers.append((b"authorization", authorization))
    deps = SimpleNamespace(idempotent_requests=requests)
    return {
        "type": "http",
        "method": "POST",
        "path": "/bookings",
        "headers": headers,
        "app": SimpleNamespace(state=SimpleNamespace(context=SimpleNamespace(deps=deps))),
    }


def _answering(status: int) -> Any:
    async def app(scope: Any, receive: Any, send: Any) -> None:
        await receive()
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    return app


async def _call(middleware: IdempotencyMiddleware, scope: dict[str, Any]) -> None:
    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(_: dict[str, Any]) -> None:
        return None

    await middleware(scope, receive, send)


@pytest.mark.parametrize(("authorization", "status"), [(None, 201), (b"Bearer wict_not-a-key", 401)])
async def test_no_record_is_kept_for_an_unauthenticated_request(pool, authorization, status) -> None:
    requests, key = IdempotentRequests(pool), unique("unauthenticated")
    await _call(IdempotencyMiddleware(_answering(status)), _scope(requests, authorization, key))
    assert (
        await pool.fetchval("SELECT count(*) FROM idempotent_requests WHERE scope_key LIKE '%' || $1", key)
        == 0
    )


async def test_an_authenticated_request_s_answer_is_kept(pool) -> None:
    requests, key = IdempotentRequests(pool), unique("authenticated")
    await _call(IdempotencyMiddleware(_answering(201)), _scope(requests, b"Bearer wict_a-key", key))
    assert (
        await pool.fetchval("SELECT status FROM idempotent_requests WHERE scope_key LIKE '%' || $1", key)
        == 201
    )
