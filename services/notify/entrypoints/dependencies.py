"""What notify's entrypoints use, in one typed object: ``bootstrap.py`` builds it at start-up; HTTP
controllers receive it as their ``deps`` parameter, the message routes and the timers read from it."""

from __future__ import annotations

from dataclasses import dataclass

from opentelemetry import trace

from services.notify.adapters.outbound import Sender
from services.notify.adapters.venue_accounts import VenueAccounts
from services.notify.adapters.venue_people import VenuePeople
from services.notify.domain.retry import RetryPolicy
from services.notify.handlers.sms_receipts import PullReceipts
from services.notify.handlers.telling import Notifier
from shared.db.unit_of_work import Database


@dataclass(frozen=True)
class Channel:
    """One channel's dispatcher: who sends, and how its failures are retried."""

    sender: Sender
    policy: RetryPolicy


@dataclass(frozen=True)
class NotifyDependencies:
    database: Database
    tracer: trace.Tracer
    notifier: Notifier  # templates, the venue's time zone and the reminder leads
    venue: VenueAccounts  # checks an organizer's venue API key
    staff_keys: tuple[str, ...]  # the venue staff's API keys (the deployment sets them)
    ops_keys: tuple[str, ...]
    webhook_require_https: bool = False
    channels: tuple[Channel, ...] = ()  # e-mail, SMS and webhooks, each with its dispatcher
    sms_receipts: PullReceipts | None = None
    people: VenuePeople | None = (
        None  # asks the venue who is on site (urgent notices with a scope)  # the SMS provider's receipts, when it gives them (Tencent)
    )
