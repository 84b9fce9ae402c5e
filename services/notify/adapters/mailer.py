"""Sending e-mail over SMTP (aiosmtplib): one message per connection, with a bounded wait."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr

import aiosmtplib


@dataclass(frozen=True)
class Email:
    delivery_id: uuid.UUID
    booking_id: uuid.UUID
    event: str
    recipient: str
    locale: str
    subject: str
    text: str
    html: str


class SendFailed(Exception):
    """The message was not accepted; ``permanent`` when the server refused it for good (5xx)."""

    def __init__(self, reason: str, permanent: bool) -> None:
        super().__init__(reason)
        self.reason, self.permanent = reason, permanent


def _permanent(error: aiosmtplib.SMTPException) -> bool:
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return all(refusal.code >= 500 for refusal in error.recipients)
    return isinstance(error, aiosmtplib.SMTPResponseException) and error.code >= 500


class SmtpMailer:
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
        message["X-WICT-Booking-Id"] = str(email.booking_id)
        message["X-WICT-Event"] = email.event
        message.set_content(email.text)
        if email.html:
            message.add_alternative(email.html, subtype="html")
        return message

    async def send(self, email: Email) -> None:
        """Hand the message to the SMTP server; SendFailed if it was not accepted."""
        try:
            await aiosmtplib.send(self.build(email), hostname=self.host, port=self.port, timeout=self.timeout)
        except aiosmtplib.SMTPException as error:
            raise SendFailed(f"{type(error).__name__}: {error}"[:500], _permanent(error)) from error
        except OSError as error:
            raise SendFailed(f"{type(error).__name__}: {error}"[:500], permanent=False) from error
