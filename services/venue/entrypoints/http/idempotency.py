"""Idempotency-Key for POST requests: the first answer is stored and every repeat gets it back.

Only authenticated requests are kept: a request without ``Authorization`` passes straight through, and
one the API refused as unauthenticated (401) leaves nothing behind. A repeat that arrives while the first
is still being handled waits for its answer (concurrent repeats never run twice), woken by the answer's
notification (``adapters/idempotency.py``), not by polling. A repeat with a different body is refused
(422). Keys are scoped per credential and path. Answers of 5xx are not kept, so a failed request can be
retried. The answers are kept for ``WICT_IDEMPOTENCY_RETENTION_HOURS`` [48] (the table is created by
``shared/db/migrations``; ``timers.py`` purges it).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import Collection
from typing import Any

from services.venue.adapters.idempotency import IdempotentRequests
from shared.http.problems import FieldError, problem_json

# The ASGI messages are handled as plain dicts here; litestar's TypedDicts are too narrow for a proxy.
Scope = Any
Receive = Any
Send = Any
ASGIApp = Any

WAIT_SECONDS = 30.0
# a repeat looks at the table again after this long even without a notification (one lost while the
# instance's listener reconnected is followed by a wake-up of every waiter, so this is only a backstop)
RECHECK_SECONDS = 5.0


def _header(scope: Scope, name: bytes) -> bytes:
    return next((value for key, value in scope.get("headers", []) if key.lower() == name), b"")


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp, skip_paths: Collection[str] = ()) -> None:
        self.app = app
        self.skip_paths = set(skip_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _header(scope, b"idempotency-key") if scope["type"] == "http" else b""
        if (
            not key
            or scope["method"] != "POST"
            or not _header(scope, b"authorization")
            or scope["path"].rstrip("/") in self.skip_paths
            or len(key) > 200
        ):
            await self.app(scope, receive, send)
            return
        body, messages = await _read_body(receive)
        credential = hashlib.sha256(_header(scope, b"authorization")).hexdigest()[:32]
        scope_key = f"{credential}|{scope['path']}|{key.decode(errors='replace')}"
        request_hash = hashlib.sha256(body).hexdigest()
        requests: IdempotentRequests = scope["app"].state.context.deps.idempotent_requests
        if await requests.claim(scope_key, request_hash):
            await self._answer_and_keep(scope, messages, send, requests, scope_key)
        else:
            await _replay(requests, scope_key, request_hash, send)

    async def _answer_and_keep(
        self,
        scope: Scope,
        messages: list[dict[str, Any]],
        send: Send,
        requests: IdempotentRequests,
        scope_key: str,
    ) -> None:
        captured: dict[str, Any] = {"body": b""}

        async def replay_receive() -> dict[str, Any]:
            return messages.pop(0) if messages else {"type": "http.disconnect"}

        async def capture(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = _kept_headers(message.get("headers", []))
            elif message["type"] == "http.response.body":
                captured["body"] += message.get("body", b"")
            await send(message)

        try:
            await self.app(scope, replay_receive, capture)
        finally:
            if captured.get("status", 500) < 500 and captured["status"] != 401:
                await requests.keep(scope_key, captured["status"], captured["headers"], captured["body"])
            else:
                await requests.forget(scope_key)


def _kept_headers(headers: list[tuple[bytes, bytes]]) -> list[list[str]]:
    """The answer's headers worth repeating (not its length or date, which are the replay's own)."""
    dropped = {b"content-length", b"date", b"server"}
    return [[key.decode(), value.decode()] for key, value in headers if key.lower() not in dropped]


async def _read_body(receive: Receive) -> tuple[bytes, list[dict[str, Any]]]:
    messages, body = [], b""
    while True:
        message = await receive()
        messages.append(message)
        body += message.get("body", b"")
        if message["type"] != "http.request" or not message.get("more_body"):
            return body, messages


async def _replay(requests: IdempotentRequests, scope_key: str, request_hash: str, send: Send) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT_SECONDS
    while True:
        with requests.waiters.waiting(scope_key) as answered:
            row = await requests.find(scope_key)  # read after registering: no answer slips in between
            if row is not None and row["request_hash"] == request_hash and row["status"] is None:
                if loop.time() >= deadline:
                    await _send(
                        send,
                        409,
                        "application/problem+json",
                        problem_json(409, "The first request with this key is still running"),
                    )
                    return
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(answered.wait(), min(RECHECK_SECONDS, deadline - loop.time()))
                continue
        await _answer_repeat(row, request_hash, send)
        return


async def _answer_repeat(row: Any, request_hash: str, send: Send) -> None:
    """A repeat's answer once the first request is done: its kept answer, or why there is none."""
    if row is None:  # the first attempt failed and was forgotten: ask the client to retry
        await _send(
            send,
            409,
            "application/problem+json",
            problem_json(409, "The first request with this key failed; retry"),
        )
    elif row["request_hash"] != request_hash:
        await _send(
            send,
            422,
            "application/problem+json",
            problem_json(
                422,
                "Idempotency-Key reused",
                errors=[FieldError("Idempotency-Key", "already used for a different request")],
            ),
        )
    else:
        kept = [(key.encode(), value.encode()) for key, value in row["headers"]]
        await _send(send, row["status"], "", row["body"], kept)


async def _send(
    send: Send, status: int, content_type: str, body: bytes, kept: list[tuple[bytes, bytes]] | None = None
) -> None:
    """A whole answer: a problem of our own, or (with ``kept`` headers) the stored first answer."""
    headers = (
        [(b"content-type", content_type.encode())]
        if kept is None
        else [*kept, (b"idempotent-replayed", b"true")]
    )
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
