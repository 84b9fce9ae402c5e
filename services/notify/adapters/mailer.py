"""Sending e-mail over SMTP (aiosmtplib): one connection per batch, messages one after another."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.policy import SMTPUTF8
from email.utils import format_datetime, parseaddr

import aiosmtplib
import asyncpg

from services.notify.adapters.mime import address, header_value, message_bytes
from services.notify.adapters.outbound import Delivery, Outcome, SendFailed, SendOne, failure_from

__all__ = ["Email", "SendFailed", "SmtpMailer"]


@dataclass(frozen=True)
class Email:
    delivery_id: uuid.UUID
    booking_id: uuid.UUID | None
    event: str
    recipient: str
    locale: str
    subject: str
    text: str
    html: str
    ics: str = ""

    @classmethod
    def of(cls, delivery: Delivery) -> Email:
        return cls(
            delivery_id=delivery.id,
            booking_id=delivery.booking_id,
            event=delivery.event,
            recipient=delivery.address,
            locale=delivery.locale,
            subject=delivery.subject,
            text=delivery.text,
            html=delivery.html,
            ics=delivery.ics,
        )


def _permanent(error: BaseException) -> bool:
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return all(refusal.code >= 500 for refusal in error.recipients)
    return isinstance(error, aiosmtplib.SMTPResponseException) and error.code >= 500


class _Session:
    """One SMTP conversation for a batch, on the connection the last batch left open if it is fresh; a
    failed connect fails the rest of the batch at once."""

    def __init__(self, mailer: SmtpMailer) -> None:
        self.mailer = mailer
        self.client: aiosmtplib.SMTP | None = mailer.take_kept()
        self.reused = self.client is not None
        self.unreachable: SendFailed | None = None

    async def _connected(self) -> aiosmtplib.SMTP:
        if self.unreachable is not None:
            raise failure_from(self.unreachable.__cause__ or self.unreachable)
        if self.client is None:
            client = aiosmtplib.SMTP(
                hostname=self.mailer.host, port=self.mailer.port, timeout=self.mailer.timeout
            )
            try:
                await client.connect()
            except (aiosmtplib.SMTPException, OSError) as error:
                self.unreachable = failure_from(error)
                raise self.unreachable from error
            self.client, self.reused = client, False
        return self.client

    async def send(self, delivery: Delivery) -> None:
        email = Email.of(delivery)
        for last_try in (not self.reused, True):  # a kept connection that went stale: once more, fresh
            try:
                await self._send(email)
                return
            except aiosmtplib.SMTPServerDisconnected as error:
                await self.close(keep=False)
                if last_try:
                    raise failure_from(error) from error

    async def _send(self, email: Email) -> None:
        client = await self._connected()
        raw = self.mailer.build(email)
        sender, recipients = self.mailer.envelope(email)
        try:
            await client.sendmail(sender, recipients, raw, mail_options=[] if raw.isascii() else ["SMTPUTF8"])
        except aiosmtplib.SMTPServerDisconnected:
            raise
        except (aiosmtplib.SMTPException, OSError) as error:
            await self.close(keep=False)  # start the next message on a fresh conversation
            raise failure_from(error, _permanent(error)) from error

    async def close(self, keep: bool = True) -> None:
        """End the batch: the connection stays open for the next one, or is quit."""
        client, self.client = self.client, None
        if client is None or not client.is_connected:
            return
        if keep:
            self.mailer.keep(client)
            return
        try:
            await client.quit()
        except (aiosmtplib.SMTPException, OSError):
            client.close()


class SmtpMailer:
    channel = "email"
    concurrent = False

    def __init__(
        self, host: str, port: int, sender: str, timeout: float = 10.0, keep_seconds: float = 20.0
    ) -> None:
        self.host, self.port, self.sender, self.timeout = host, port, sender, timeout
        self.sender_domain = parseaddr(sender)[1].rpartition("@")[2] or "wict.example"
        # one connection kept open between batches (connect, EHLO and QUIT were half of a mail's round
        # trips); left idle longer than ``keep_seconds`` it is not trusted again (servers drop idle ones)
        self.keep_seconds = keep_seconds
        self._kept: tuple[aiosmtplib.SMTP, float] | None = None

    def keep(self, client: aiosmtplib.SMTP) -> None:
        self._kept = (client, time.monotonic())

    def take_kept(self) -> aiosmtplib.SMTP | None:
        kept, self._kept = self._kept, None
        if kept is None:
            return None
        client, since = kept
        if client.is_connected and time.monotonic() - since < self.keep_seconds:
            return client
        client.close()
        return None

    def build(self, email: Email) -> bytes:
        """The message's bytes; its Message-ID is the delivery's, so a resend is recognisably the same mail."""
        try:
            headers = [
                ("From", address(self.sender)),
                ("To", address(email.recipient)),
                ("Subject", header_value("Subject", email.subject)),
                ("Date", format_datetime(datetime.now(UTC))),
                ("Message-ID", f"<{email.delivery_id}@{self.sender_domain}>"),
                ("Content-Language", header_value("Content-Language", email.locale)),
            ]
        except ValueError:  # a non-ASCII address: the standard library's message, sent with SMTPUTF8
            return self._build_with_stdlib(email).as_bytes(policy=SMTPUTF8)
        if email.booking_id is not None:
            headers.append(("X-WICT-Booking-Id", str(email.booking_id)))
        headers.append(("X-WICT-Event", header_value("X-WICT-Event", email.event)))
        return message_bytes(headers, email.text, email.html, email.ics)

    def _build_with_stdlib(self, email: Email) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = email.recipient
        message["Subject"] = email.subject
        message["Date"] = format_datetime(datetime.now(UTC))
        message["Message-ID"] = f"<{email.delivery_id}@{self.sender_domain}>"
        message["Content-Language"] = email.locale
        if email.booking_id is not None:
            message["X-WICT-Booking-Id"] = str(email.booking_id)
        message["X-WICT-Event"] = email.event
        message.set_content(email.text)
        if email.html:
            message.add_alternative(email.html, subtype="html")
        if email.ics:  # bytes, so the CRLF line ends reach the calendar unchanged (base64)
            message.add_attachment(
                email.ics.encode(),
                maintype="text",
                subtype="calendar",
                filename="booking.ics",
                params={"method": "PUBLISH", "charset": "utf-8"},
            )
        return message

    def envelope(self, email: Email) -> tuple[str, list[str]]:
        return parseaddr(self.sender)[1], [parseaddr(email.recipient)[1]]

    async def send(self, email: Email) -> None:
        """Hand one message to the SMTP server on its own connection; SendFailed if it was not accepted."""
        try:
            sender, recipients = self.envelope(email)
            await aiosmtplib.send(
                self.build(email),
                sender=sender,
                recipients=recipients,
                hostname=self.host,
                port=self.port,
                timeout=self.timeout,
            )
        except (aiosmtplib.SMTPException, OSError) as error:
            raise failure_from(error, _permanent(error)) from error

    @asynccontextmanager
    async def session(self) -> AsyncIterator[SendOne]:
        session = _Session(self)
        try:
            yield session.send
        finally:
            await session.close()

    async def settle(
        self, connection: asyncpg.Connection, outcomes: Sequence[Outcome], now: datetime
    ) -> None:
        return None
