"""End to end over HTTP: guests invited by their organizer (one, or a CSV/XLSX list, all or nothing), the
personal link (registration with sealed passport data and consent, correction, withdrawal), letters
(request, staff decision, PDF, the consulate's verification) and the door (check-in, second scan,
walk-ins, live counts). One confirmed booking per module, on the package's stack.

The link's secret is taken from the ``venue.evt.guest_invited`` event (read as the NATS admin), as notify
reads it to e-mail the guest.
"""

from __future__ import annotations

import asyncio
import io
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import msgspec
import nats
import openpyxl
import pytest
from nats.js.errors import NotFoundError

from deploy.embedded.stack import Stack
from shared.contracts import GuestInvited
from tests.e2e.conftest import booking_body, new_organizer, next_day, wait_for_outcome

pytestmark = pytest.mark.e2e

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def organizer(stack: Stack, staff: httpx.Client) -> Iterator[httpx.Client]:
    with new_organizer(stack, staff, "Mei Lin", locale="zh-CN") as client:
        yield client


@pytest.fixture(scope="module")
def booking_id(organizer: httpx.Client) -> str:
    booking = organizer.post("/bookings", json=booking_body(next_day(), title="Mekong Tourism Week"))
    booking_id = booking.raise_for_status().json()["booking_id"]
    assert wait_for_outcome(organizer, booking_id)["status"] == "confirmed"
    return str(booking_id)


def links(stack: Stack) -> dict[str, str]:
    """invitation id -> the latest link notify was asked to send (from the VENUE stream)."""

    async def read() -> dict[str, str]:
        connection = await nats.connect(stack.nats.url)
        try:
            js = connection.jetstream()
            info = await js.stream_info("VENUE")
            found: dict[str, str] = {}
            for sequence in range(max(info.state.first_seq, 1), info.state.last_seq + 1):
                try:
                    message = await js.get_msg("VENUE", sequence)
                except NotFoundError:
                    continue
                if message.subject == GuestInvited.subject:
                    event = msgspec.json.decode(message.data or b"", type=GuestInvited)
                    found[str(event.invitation_id)] = event.link
            return found
        finally:
            await connection.close()

    return asyncio.run(read())


def secret_of(stack: Stack, invitation_id: str) -> str:
    return links(stack)[invitation_id].rsplit("/g/", 1)[1]


def xlsx(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def fields(answer: httpx.Response) -> list[tuple[str, str]]:
    return [(e["field"], e["reason"]) for e in answer.json()["errors"]]


def test_invitations_one_and_imported_all_or_nothing_listed_resent_and_ended(
    stack: Stack, staff: httpx.Client, organizer: httpx.Client, booking_id: str
):
    path = f"/bookings/{booking_id}/invitations"
    one = organizer.post(path, json={"email": " Ana.Souza@Example.org "})
    assert one.status_code == 201, one.text
    assert one.json() | {"invitation_id": None} == {
        "invitation_id": None,
        "email": "ana.souza@example.org",
        "locale": "zh-CN",  # the organizer's
    }
    again = organizer.post(path, json={"email": "ana.souza@example.org", "locale": "fr"})
    assert again.status_code == 409
    bad = organizer.post(path, json={"email": "not-an-address", "locale": "xx"})
    assert bad.status_code == 422 and fields(bad) == [
        ("email", "is not an e-mail address"),
        ("locale", "must be one of: zh-CN, en, ko, fr, es, th, vi, lo, km, ms"),
    ]

    upload = f"{path}/import"
    faulty = "\ufeffemail,name,locale\nkim@example.org,Kim,ko\n,,\nbroken,Bo,en\nkim@example.org,Kim,ko\nana.souza@example.org,,\n"
    refused = organizer.post(upload, content=faulty.encode(), headers={"Content-Type": "text/csv"})
    assert refused.status_code == 422, refused.text
    assert fields(refused) == [
        ("rows[4].email", "is not an e-mail address"),
        ("rows[5].email", "repeats row 2"),
        ("rows[6].email", "is already invited to this booking"),
    ]
    listed = organizer.get(path).raise_for_status().json()
    assert [i["email"] for i in listed] == ["ana.souza@example.org"]  # nothing of the file was kept

    csv = "email,name,locale\nkim@example.org,Kim,ko\nsomchai@example.org,Somchai,th\n"
    imported = organizer.post(upload, content=csv.encode(), headers={"Content-Type": "text/csv"})
    assert imported.status_code == 201, imported.text
    assert imported.json()["invited"] == 2
    sheet = xlsx([["Email", "Name"], ["Linh@Example.org", "Linh"], [None, None], ["sok@example.org", "Sok"]])
    from_xlsx = organizer.post(upload, content=sheet, headers={"Content-Type": XLSX})
    assert from_xlsx.status_code == 201, from_xlsx.text
    assert [(i["email"], i["locale"]) for i in from_xlsx.json()["invitations"]] == [
        ("linh@example.org", "zh-CN"),
        ("sok@example.org", "zh-CN"),
    ]
    unknown_type = organizer.post(upload, content=b"email\n", headers={"Content-Type": "text/plain"})
    not_xlsx = organizer.post(upload, content=b"email\n", headers={"Content-Type": XLSX})
    no_column = organizer.post(
        upload, content=b"address\nx@example.org\n", headers={"Content-Type": "text/csv"}
    )
    assert (unknown_type.status_code, not_xlsx.status_code, no_column.status_code) == (415, 422, 422)
    assert fields(not_xlsx) == [("file", "is not an XLSX workbook")]
    assert fields(no_column)[0][0] == "columns"

    listed = organizer.get(path).raise_for_status().json()
    assert len(listed) == 5 and {i["status"] for i in listed} == {"invited"}
    ana = next(i for i in listed if i["email"] == "ana.souza@example.org")
    first_link = secret_of(stack, ana["invitation_id"])
    resent = organizer.post(f"{path}/{ana['invitation_id']}/resend")
    assert resent.status_code == 202
    assert secret_of(stack, ana["invitation_id"]) != first_link  # a new link; the old one stops working

    # another organizer: the same answer as for a booking that does not exist
    with new_organizer(stack, staff, "Other Person") as other:
        assert other.get(path).status_code == 404
        assert other.post(path, json={"email": "x@example.org"}).status_code == 404
        assert other.delete(f"{path}/{ana['invitation_id']}").status_code == 404
        assert other.get(f"/bookings/{booking_id}/guest-counts").status_code == 404
    assert staff.get(path).status_code == 200

    sok = next(i for i in listed if i["email"] == "sok@example.org")
    assert organizer.delete(f"{path}/{sok['invitation_id']}").status_code == 204
    assert organizer.delete(f"{path}/{sok['invitation_id']}").status_code == 204  # ended already: same state
    assert organizer.post(f"{path}/{sok['invitation_id']}/resend").status_code == 409
    assert organizer.delete(f"{path}/{uuid.uuid4()}").status_code == 404
    statuses = {i["email"]: i["status"] for i in organizer.get(path).json()}
    assert statuses["sok@example.org"] == "revoked"
    again = organizer.post(path, json={"email": "sok@example.org"})
    assert again.status_code == 201  # an ended invitation may be renewed
    counts = organizer.get(f"/bookings/{booking_id}/guest-counts").raise_for_status().json()
    assert counts | {"booking_id": None} == {
        "booking_id": None,
        "registered": 0,
        "checked_in": 0,
        "walk_ins": 0,
        "dietary": {},
        "allergens": {},
        "needs": {},
    }
