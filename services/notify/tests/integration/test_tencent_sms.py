"""The Tencent Cloud SMS adapter against the local checking server over real HTTP: what the provider
accepts is recorded there, what it refuses comes back with its error codes, mapped to retry or give up,
and its receipts land on the delivery rows."""

from __future__ import annotations

import dataclasses
import json
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from opentelemetry import trace

from deploy.embedded.stack import Stack
from services.notify.adapters.outbound import Delivery, SendFailed
from services.notify.adapters.sms import SmsSender
from services.notify.adapters.tencent_sms import Receipt, TencentSms, TencentSmsSettings
from services.notify.bootstrap import DEFAULT_SMS_TEMPLATES
from services.notify.domain.broadcast import Notice
from services.notify.domain.retry import RetryPolicy
from services.notify.handlers.broadcasts import broadcast_report, send_broadcast
from services.notify.handlers.dispatch import dispatch_once
from services.notify.handlers.sms_receipts import record_receipts

from .conftest import assigned, confirmed
from .test_broadcast import handle

pytestmark = pytest.mark.integration

TRACER = trace.get_tracer("notify-tests")
TEMPLATES = json.loads(DEFAULT_SMS_TEMPLATES)


@pytest.fixture
def settings(infra: Stack) -> TencentSmsSettings:
    account = infra.sms.account
    return TencentSmsSettings(
        secret_id=account.secret_id,
        secret_key=account.secret_key,
        app_id=account.app_id,
        sign_name=account.sign_name,
        templates=TEMPLATES,
        endpoint=infra.sms.endpoint,
    )


def a_number(ending: str = "") -> str:
    digits = f"{secrets.randbelow(10**8):08d}"
    if not ending and digits.endswith(("0000", "9999")):
        digits = digits[:-1] + "1"
    return "+86139" + digits[: 8 - len(ending)] + ending


def delivery(phone: str, event: str = "urgent_broadcast", locale: str = "en", **data: Any) -> Delivery:
    return Delivery(
        id=uuid.uuid4(),
        channel="sms",
        attempts=0,
        message_id=uuid.uuid4(),
        booking_id=None,
        event=event,
        recipient_key="vendor:agency-yangtze",
        address=phone,
        locale=locale,
        subject="WICT urgent notice: the east gate is closed",
        text="",
        html="",
        sms="WICT urgent notice: the east gate is closed.",
        ics="",
        data=data,
        created_at=datetime.now(UTC),
    )


def accepted(infra: Stack, sent: Delivery) -> list[dict[str, Any]]:
    return [m for m in infra.sms.messages() if m["session_context"] == str(sent.id)]


async def refusal(settings: TencentSmsSettings, sent: Delivery) -> SendFailed:
    provider = TencentSms(settings)
    try:
        with pytest.raises(SendFailed) as refused:
            await provider.send(sent)
    finally:
        await provider.aclose()
    return refused.value


async def test_a_signed_message_is_accepted_with_the_locales_template_and_the_delivery_id(
    infra, settings
) -> None:
    provider = TencentSms(settings)
    notices = {
        "en": {"headline": "East gate closed", "message": "Use the south gate."},
        "ko": {"headline": "동문 폐쇄", "message": "남문을 이용하세요."},
    }
    sent = delivery(a_number(), locale="ko", notices=notices)
    try:
        serial = await provider.send(sent)
    finally:
        await provider.aclose()

    [message] = accepted(infra, sent)
    assert message["serial_no"] == serial and serial.startswith("5000:")
    assert message["template_id"] == TEMPLATES["urgent_notice"]["ko"]
    assert message["params"] == ["동문 폐쇄", f"https://wict.example/n/{sent.message_id}"]
    assert message["phone"] == sent.address and message["sign_name"] == "WICT"


async def test_a_wrong_signature_is_refused_and_nothing_is_sent(infra, settings) -> None:
    sent = delivery(a_number(), event="booking_confirmed")
    refused = await refusal(dataclasses.replace(settings, secret_key="not-the-account-key"), sent)

    assert refused.reason.startswith("AuthFailure.SignatureFailure") and not refused.permanent
    assert accepted(infra, sent) == []


async def test_a_stale_timestamp_is_refused(infra, settings) -> None:
    sent = delivery(a_number())
    six_minutes_ago = (datetime.now(UTC) - timedelta(minutes=6)).timestamp()
    refused = await refusal(dataclasses.replace(settings, clock=lambda: six_minutes_ago), sent)

    assert refused.reason.startswith("AuthFailure.SignatureExpire") and not refused.permanent
    assert accepted(infra, sent) == []


async def test_an_unknown_template_is_refused(infra, settings) -> None:
    sent = delivery(a_number())
    unknown = {purpose: {"en": "9999999"} for purpose in TEMPLATES}
    refused = await refusal(dataclasses.replace(settings, templates=unknown), sent)

    assert refused.reason.startswith("FailedOperation.TemplateIncorrectOrUnapproved")
    assert accepted(infra, sent) == []


async def test_the_providers_refusals_are_mapped_to_give_up_or_retry(infra, settings) -> None:
    malformed = await refusal(settings, delivery("+86 139 1234"))
    blocked = await refusal(settings, delivery(a_number("9999")))
    busy_number = a_number()
    provider = TencentSms(settings)
    try:
        for _ in range(infra.sms.account.daily_limit):
            await provider.send(delivery(busy_number))
    finally:
        await provider.aclose()
    over_limit = await refusal(settings, delivery(busy_number))

    assert malformed.reason.startswith("InvalidParameterValue.IncorrectPhoneNumber") and malformed.permanent
    assert blocked.reason.startswith("FailedOperation.PhoneNumberInBlacklist") and blocked.permanent
    assert over_limit.reason.startswith("LimitExceeded.PhoneNumberDailyLimit") and not over_limit.permanent


async def test_the_dispatcher_keeps_the_providers_id_and_the_receipts_poller_records_the_outcome(
    infra, settings, database, notifier
) -> None:
    day = datetime(2027, 9, 14, tzinfo=UTC)
    booking = confirmed(starts_at=day + timedelta(hours=2))
    await handle(database, notifier, booking)
    await handle(database, notifier, assigned(booking.booking_id, starts_at=day + timedelta(hours=2)))
    notices = {"en": Notice(headline="Hall closed", message="A storm warning.")}
    async with database.transaction() as unit:
        await send_broadcast(
            unit, notifier, broadcast_id := uuid.uuid4(), day, day + timedelta(days=1), notices
        )
    provider = TencentSms(settings)
    failing = delivery(a_number("0000"))
    pulled: list[Receipt] = []

    async def pull(limit: int) -> list[Receipt]:
        batch = await provider.pull_receipts(limit)
        pulled.extend(batch)
        return batch

    try:
        # the vendor's texts: the task assigned to them, and the notice
        assert await dispatch_once(database, SmsSender(provider), RetryPolicy(max_attempts=1), TRACER) == 2
        await provider.send(failing)
        while await record_receipts(database, pull):
            pass
        leftovers = await provider.pull_receipts(100)
    finally:
        await provider.aclose()

    async with database.pool.acquire() as connection:
        row = await connection.fetchrow(
            "SELECT * FROM deliveries WHERE channel = 'sms' AND message_id = $1 AND state = 'sent'",
            broadcast_id,
        )
        report = await broadcast_report(connection, broadcast_id)
    [message] = [m for m in infra.sms.messages() if m["session_context"] == str(row["id"])]
    assert row["state"] == "sent" and row["provider_message_id"] == message["serial_no"]
    assert row["receipt"] == "delivered" and row["receipt_at"] is not None
    assert message["params"][0] == "Hall closed"
    assert [r.delivered for r in pulled if r.delivery_id == failing.id] == [False]  # its number ends in 0000
    assert [r.delivered for r in pulled if r.delivery_id == row["id"]] == [True]
    assert leftovers == []  # each receipt is handed out once
    assert report is not None  # the vendor's text was delivered; the organizer gave no phone
    assert report.channels["sms"] == {
        "pending": 0,
        "sent": 0,
        "delivered": 1,
        "failed": 0,
        "not_reachable": 1,
    }
    assert report.channels["in_app"]["delivered"] == 2 and report.channels["email"]["pending"] == 2
    assert {r.recipient: r.state for r in report.recipients} == {
        f"organizer:{booking.organizer.email}": "pending",  # its e-mail is still to go
        "vendor:agency-yangtze": "delivered",
    }
