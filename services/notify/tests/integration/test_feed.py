import uuid
from collections.abc import AsyncIterator

import httpx
import pytest

from services.notify.handlers.bookings import on_booking_event
from services.notify.handlers.telling import Notifier
from shared.db.unit_of_work import Database

from .api import api_client
from .conftest import confirmed, rejected, unique_address

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(database: Database, notifier: Notifier) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(database, notifier) as client:
        yield client


async def record(database: Database, notifier: Notifier, event) -> None:
    async with database.transaction() as unit:
        await on_booking_event(event, unit, notifier)


async def test_a_bookings_feed_shows_the_message_and_each_channels_state(
    client: httpx.AsyncClient, database: Database, notifier: Notifier
) -> None:
    event = confirmed(locale="de")
    await record(database, notifier, event)
    await record(database, notifier, confirmed())  # another booking's

    response = await client.get("/notifications", params={"booking_id": str(event.booking_id)})

    assert response.status_code == 200
    [entry] = response.json()
    assert entry["booking_id"] == str(event.booking_id)
    assert (entry["event"], entry["locale"]) == ("booking_confirmed", "en")
    assert entry["subject"] == "Booking confirmed: Destination Malaysia roadshow"
    assert "2 March 2027, 07:00–11:00 (Europe/Berlin) [14:00–18:00 Asia/Shanghai]" in entry["body"]
    assert entry["channels"]["in_app"]["state"] == "sent"
    assert entry["channels"]["email"]["state"] == "pending"
    assert entry["channels"]["email"]["attempts"] == 0


async def test_a_recipients_feed_is_newest_first_whatever_the_case_of_the_address(
    client: httpx.AsyncClient, database: Database, notifier: Notifier
) -> None:
    address = unique_address()
    older, newer = rejected(email=address), confirmed(email=address)
    await record(database, notifier, older)
    await record(database, notifier, newer)

    response = await client.get("/notifications", params={"email": address.upper()})

    assert response.status_code == 200
    assert [entry["booking_id"] for entry in response.json()] == [
        str(newer.booking_id),
        str(older.booking_id),
    ]
    limited = await client.get("/notifications", params={"email": address, "limit": 1})
    assert [entry["booking_id"] for entry in limited.json()] == [str(newer.booking_id)]


async def test_an_unknown_booking_has_an_empty_feed(client: httpx.AsyncClient) -> None:
    response = await client.get("/notifications", params={"booking_id": str(uuid.uuid4())})

    assert (response.status_code, response.json()) == (200, [])


@pytest.mark.parametrize(
    ("params", "fields"),
    [
        ({"booking_id": "not-a-uuid"}, ["booking_id"]),
        ({"email": "nobody"}, ["email"]),
        ({}, ["booking_id", "email"]),
        ({"email": "a@example.org", "limit": "0"}, ["limit"]),
    ],
)
async def test_a_bad_query_is_refused_naming_the_parameter(
    client: httpx.AsyncClient, params: dict[str, str], fields: list[str]
) -> None:
    response = await client.get("/notifications", params=params)

    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    assert [error["field"] for error in response.json()["errors"]] == fields
