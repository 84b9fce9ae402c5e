"""Sending e-mail over SMTP (aiosmtplib): one connection per batch, messages one after another."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

import aiosmtplib
import asyncpg

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
    """One SMTP conversation for a batch; a failed connect fails the rest of the batch at once."""

    def __init__(self, mailer: SmtpMailer) -> None:
        self.mailer = mailer
        self.client: aiosmtplib.SMTP | None = None
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
            self.client = client
        return self.client

    async def send(self, delivery: Delivery) -> None:
        client = await self._connected()
        try:
            await client.send_message(self.mailer.build(Email.of(delivery)))
        except (aiosmtplib.SMTPException, OSError) as error:
            await self.close()  # start the next message on a fresh conversation
            raise failure_from(error, _permanent(error)) from error

    async def close(self) -> None:
        client, self.client = self.client, None
        if client is None or not client.is_connected:
            return
        try:
            await client.quit()
        except (aiosmtplib.SMTPException, OSError):
            client.close()


class SmtpMailer:
    channel = "email"
    concurrent = False

    def __init__(self, host: str, port: int, sender: str, timeout: float = 10.0) -> None:
        self.host, self.port, self.sender, self.timeout = host, port, sender, timeout
        self.sender_domain = parseaddr(sender)[1].rpartition("@")[2] or "wict.example"

    def build(self, email: Email) -> EmailMessage:
        """The MIME message; its Message-ID is the delivery's, so a resend is recognisably the same mail."""
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

    async def send(self, email: Email) -> None:
        """Hand one message to the SMTP server on its own connection; SendFailed if it was not accepted."""
        try:
            await aiosmtplib.send(self.build(email), hostname=self.host, port=self.port, timeout=self.timeout)
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
