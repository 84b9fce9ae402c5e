"""Helpers of the accounts' end-to-end tests: people's mail in the SMTP sink, links in it, sign-ups."""

from __future__ import annotations

import hashlib
import re
import uuid
from email.message import EmailMessage
from typing import Any
from urllib.parse import unquote

import asyncpg
import httpx

from deploy.embedded.stack import Stack
from tests.e2e.conftest import client_for, wait_until

PASSWORD = "a long and uncommon passphrase"
_TOKEN = re.compile(r"token=([A-Za-z0-9_%\-]+)")


def new_email(name: str = "ann") -> str:
    return f"{name}-{uuid.uuid4().hex[:10]}@example.org"


def text_of(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    content: str = part.get_content()
    return content


def mails_to(stack: Stack, address: str) -> list[EmailMessage]:
    return [message for message in stack.smtp.messages() if address in str(message["To"])]


def wait_for_mail(stack: Stack, address: str, subject: str, count: int = 1) -> EmailMessage:
    """The ``count``-th mail to ``address`` whose subject contains ``subject`` (waits for it)."""
    found = wait_until(
        lambda: (lambda mails: mails if len(mails) >= count else None)(
            [m for m in mails_to(stack, address) if subject in str(m["Subject"])]
        )
    )
    message: EmailMessage = found[count - 1]
    return message


def token_in(message: EmailMessage) -> str:
    match = _TOKEN.search(text_of(message))
    assert match, text_of(message)
    return unquote(match.group(1))


def anonymous(stack: Stack) -> httpx.Client:
    return client_for(stack, None)


def notify_client(stack: Stack, credential: str) -> httpx.Client:
    return httpx.Client(
        base_url=stack.service("notify").base_url,
        timeout=30,
        headers={"Authorization": f"Bearer {credential}"},
    )


def signup_body(email: str, **changes: Any) -> dict[str, Any]:
    return {
        "email": email,
        "password": PASSWORD,
        "name": "Ann Example",
        "organization": "Tourism Board of Example",
        "locale": "en",
        "time_zone": "Europe/Berlin",
        **changes,
    }


def sign_up_and_verify(stack: Stack, email: str, **changes: Any) -> dict[str, Any]:
    """A verified account (through the real mail), its Account answer."""
    with anonymous(stack) as client:
        assert client.post("/signup", json=signup_body(email, **changes)).status_code == 202
        subject = "开通账户" if changes.get("locale") == "zh-CN" else "Confirm your e-mail address"
        token = token_in(wait_for_mail(stack, email, subject))
        verified = client.post("/signup/verify", json={"token": token})
    assert verified.status_code == 200, verified.text
    account: dict[str, Any] = verified.json()
    return account


def sign_in(stack: Stack, email: str, password: str = PASSWORD) -> dict[str, Any]:
    with anonymous(stack) as client:
        answer = client.post("/sessions", json={"email": email, "password": password})
    assert answer.status_code == 201, answer.text
    session: dict[str, Any] = answer.json()
    return session


async def expire_links(stack: Stack, token: str) -> None:
    """Move a link's expiry into the past (the test cannot wait 24 hours)."""
    connection = await asyncpg.connect(stack.postgres.dsn("venue"))
    try:
        await connection.execute(
            "UPDATE account_links SET expires_at = now() - interval '1 minute' WHERE token_hash = $1",
            hashlib.sha256(token.encode()).digest(),
        )
    finally:
        await connection.close()
