"""Urgent notices with a scope reach the guests the venue reports on site (NATS request/reply on the real
server, the venue played by a responder here), in their language, beside the organizers and vendors."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import httpx
import msgspec
import nats
import pytest
from opentelemetry import trace

from services.notify.adapters import recipients
from services.notify.adapters.venue_people import VenuePeople
from services.notify.adapters.webhook_sender import WebhookSender
from services.notify.domain.channels import SIGNAGE_KEY
from services.notify.domain.retry import RetryPolicy
from services.notify.handlers.dispatch import dispatch_once
from services.notify.handlers.webhooks import disabled_notice
from shared.contracts.guests import (
    PEOPLE_ON_SITE,
    BookingOnSite,
    GuestOnSite,
    PeopleOnSite,
    PeopleOnSiteQuery,
)

from .api import api_client
from .conftest import Clock, assigned, confirmed
from .receiver import Receiver
from .test_broadcast import handle

pytestmark = pytest.mark.integration

DAY = datetime(2027, 10, 9, tzinfo=UTC)
NOTICES = {
    "en": {"headline": "Hall B evacuated", "message": "Leave by the east stairs."},
    "zh-CN": {"headline": "B厅紧急疏散", "message": "请从东侧楼梯离开。"},
}


@pytest.fixture
async def people(infra) -> AsyncIterator[VenuePeople]:
    asker = VenuePeople([infra.nats.url], {}, timeout=5)
    yield asker
    await asker.close()


@pytest.fixture
async def client(database, notifier, people) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(database, notifier, people) as client:
        yield client


def body(scope: dict, notices: dict = NOTICES) -> dict:
    return {"starts_at": DAY.isoformat(), "ends_at": (DAY + timedelta(days=1)).isoformat(), "notices": notices,
            "scope": scope}  # fmt: skip


async def test_a_booking_scoped_notice_reaches_its_guests_in_their_language_and_not_other_bookings(
    infra, database, notifier, client
) -> None:
    hit, other = confirmed(starts_at=DAY + timedelta(hours=2)), confirmed(starts_at=DAY + timedelta(hours=3))
    for event in (hit, other, assigned(hit.booking_id, starts_at=DAY + timedelta(hours=2))):
        await handle(database, notifier, event)
    chinese = GuestOnSite(registration_id=uuid.uuid4(), booking_id=hit.booking_id, full_name="王芳", locale="zh-CN",
                          phone="+8613912345678", email="wang@example.cn", checked_in=True)  # fmt: skip
    korean = GuestOnSite(registration_id=uuid.uuid4(), booking_id=hit.booking_id, full_name="김민준", locale="ko",
                         email="kim@example.kr")  # fmt: skip
    site = BookingOnSite(booking_id=hit.booking_id, title=hit.title, space_id=hit.space_id,
                         starts_at=hit.starts_at, ends_at=hit.ends_at)  # fmt: skip
    asked: list[PeopleOnSiteQuery] = []
    venue = await nats.connect(infra.nats.url)

    async def answer(request) -> None:
        asked.append(msgspec.json.decode(request.data, type=PeopleOnSiteQuery))
        await request.respond(msgspec.json.encode(PeopleOnSite(bookings=[site], guests=[chinese, korean])))

    await venue.subscribe(PEOPLE_ON_SITE, cb=answer)
    try:
        response = await client.post(
            "/staff/broadcasts", json=body({"kind": "booking", "id": str(hit.booking_id)})
        )
    finally:
        await venue.close()

    assert response.status_code == 202, response.text
    assert (
        response.json()["guests"] == 2 and response.json()["recipients"] == 4
    )  # organizer, vendor, 2 guests
    assert [(q.scope, q.scope_id) for q in asked] == [("booking", str(hit.booking_id))]
    report = (await client.get(f"/staff/broadcasts/{response.json()['broadcast_id']}")).json()
    assert {r["recipient"] for r in report["recipients"]} == {
        f"organizer:{hit.organizer.email}", "vendor:agency-yangtze",
        f"guest:{chinese.registration_id}", f"guest:{korean.registration_id}",
    }  # fmt: skip
    assert report["channels"]["sms"]["pending"] == 2  # the vendor and the Chinese guest
    assert report["channels"]["sms"]["not_reachable"] == 2  # the organizer and the Korean guest gave none
    feed = {}
    for guest in (chinese, korean):
        found = await client.get("/notifications", params={"recipient": f"guest:{guest.registration_id}"})
        feed[guest.locale] = found.json()[0]
    assert (
        feed["zh-CN"]["subject"] == "WICT 紧急通知：B厅紧急疏散"
        and "请从东侧楼梯离开。" in feed["zh-CN"]["body"]
    )
    assert (
        feed["zh-CN"]["body"].startswith("王芳，您好：")
        and "重庆国际文化旅游交流窗口" in feed["zh-CN"]["body"]
    )
    # Korean is a machine draft until reviewed: English frame, the English wording staff gave
    assert feed["ko"]["subject"] == "Urgent notice from WICT: Hall B evacuated"


async def test_without_an_answer_from_the_venue_the_notice_still_reaches_organizers_and_vendors(
    database, notifier, client
) -> None:
    hit = confirmed(starts_at=DAY + timedelta(hours=2))
    await handle(database, notifier, hit)

    response = await client.post("/staff/broadcasts", json=body({"kind": "space", "id": hit.space_id}))

    assert response.status_code == 202
    assert response.json()["guests"] is None and response.json()["recipients"] == 1


async def test_an_answer_that_is_not_the_venues_is_refused_not_taken_for_nobody(
    infra, database, notifier, client
):
    hit = confirmed(starts_at=DAY + timedelta(hours=2))
    await handle(database, notifier, hit)
    impostor = await nats.connect(infra.nats.url)

    async def answer(request) -> None:  # what JetStream would say if a stream captured the subject
        await request.respond(b'{"stream": "VENUE", "seq": 7}')

    await impostor.subscribe(PEOPLE_ON_SITE, cb=answer)
    try:
        response = await client.post("/staff/broadcasts", json=body({"kind": "venue"}))
    finally:
        await impostor.close()

    assert response.status_code == 202
    assert response.json()["guests"] is None and response.json()["recipients"] == 1


async def test_signage_systems_registered_by_ops_get_the_notice_signed_with_its_texts_by_locale(
    database, notifier, client
) -> None:
    hit = confirmed(starts_at=DAY + timedelta(hours=2))
    await handle(database, notifier, hit)
    with Receiver().running() as board:
        registered = await client.post(
            "/ops/signage-hooks", json={"url": board.url, "description": "hall B board"}
        )
        assert registered.status_code == 201
        board.secret = registered.json()["secret"]
        response = await client.post("/staff/broadcasts", json=body({"kind": "space", "id": hit.space_id}))
        webhooks = WebhookSender(disable_after=10, on_disabled=disabled_notice(notifier), timeout=5)
        await dispatch_once(
            database, webhooks, RetryPolicy(), trace.get_tracer("notify-tests"), clock=Clock()
        )

    [posted] = board.received
    assert posted.verified and posted.event == "urgent_broadcast" and posted.answered == 204
    data = posted.body["data"]
    assert data["headline"] == {"en": "Hall B evacuated", "zh-CN": "B厅紧急疏散"}
    assert data["message"]["zh-CN"] == "请从东侧楼梯离开。" and data["severity"] == "urgent"
    assert data["scope"] == {"kind": "space", "id": hit.space_id} and data["spaces"] == [hit.space_id]
    assert data["notice_id"] == response.json()["broadcast_id"]
    report = (await client.get(f"/staff/broadcasts/{response.json()['broadcast_id']}")).json()
    assert report["channels"]["signage"]["sent"] == 1 and "webhook" not in report["channels"]
    assert response.json()["recipients"] == 1  # people: the organizer; the boards are not counted as people
    async with database.pool.acquire() as connection:  # staff notices (approvals) never go to the boards
        assert SIGNAGE_KEY not in {contact.key for contact in await recipients.staff(connection)}


@pytest.mark.parametrize(
    ("scope", "notices", "field"),
    [
        ({"kind": "booking", "id": "not-a-booking"}, NOTICES, "scope.id"),
        ({"kind": "space"}, NOTICES, "scope.id"),
        ({"kind": "venue", "id": "vip-hall"}, NOTICES, "scope.id"),
        ({"kind": "venue"}, {"en": NOTICES["en"]}, "notices.zh-CN"),
    ],
)
async def test_a_scope_needs_its_id_and_the_notice_in_chinese_and_english(
    client, scope, notices, field
) -> None:
    response = await client.post("/staff/broadcasts", json=body(scope, notices))

    assert response.status_code == 422
    assert field in response.text
