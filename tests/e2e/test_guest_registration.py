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
import subprocess
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import msgspec
import nats
import openpyxl
import pytest
from nats.js.errors import NotFoundError

from deploy.embedded.postgres import POSTGRES_BIN_PATH
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


PASSPORT = "E" + uuid.uuid4().hex[:8].upper()  # this module's passport number: found nowhere in the clear


def guest_client(stack: Stack, secret: str) -> httpx.Client:
    return httpx.Client(
        base_url=stack.service("venue").base_url, timeout=30, headers={"Authorization": f"Guest {secret}"}
    )


def invite(stack: Stack, organizer: httpx.Client, booking_id: str, email: str) -> tuple[str, str]:
    """A new invitation's id and its link's secret."""
    invited = organizer.post(f"/bookings/{booking_id}/invitations", json={"email": email, "locale": "vi"})
    invitation_id = invited.raise_for_status().json()["invitation_id"]
    return invitation_id, secret_of(stack, invitation_id)


def registration(consent: str, **changes: Any) -> dict[str, Any]:
    body = {
        "full_name": "  Nguyễn   Văn An ",
        "nationality": "vn",
        "locale": "vi",
        "consent_version": consent,
        "phone": "+84912345678",
        "passport_number": f"{PASSPORT[:4]} {PASSPORT[4:]}",
        "date_of_birth": "1985-04-30",
        "passport_expires": "2031-01-01",
        "dietary": ["no_pork", "halal"],
        "allergens": ["peanuts"],
        "needs": ["wheelchair"],
        "letter_wanted": True,
    }
    return body | changes


def venue_dump(stack: Stack) -> bytes:
    done = subprocess.run(
        [str(POSTGRES_BIN_PATH / "pg_dump"), "--dbname", stack.postgres.dsn("venue"), "--data-only"],
        capture_output=True,
        check=True,
    )
    return done.stdout


def test_a_guest_registers_through_the_link_corrects_and_withdraws_with_sealed_passport_data(
    stack: Stack, organizer: httpx.Client, booking_id: str
):
    consent = httpx.get(f"{stack.service('venue').base_url}/guest/consent", params={"locale": "zh-CN"}).json()
    assert consent["locale"] == "zh-CN" and consent["version"] and "护照" in consent["kept"]
    assert httpx.get(f"{stack.service('venue').base_url}/guest/consent?locale=km").json()["locale"] == "en"

    invitation_id, secret = invite(stack, organizer, booking_id, "an.nguyen@example.org")
    with guest_client(stack, secret) as guest:
        before = guest.get("/guest/registration")
        assert before.status_code == 200, before.text
        assert before.json()["registration"] is None and before.json()["event_title"] == "Mekong Tourism Week"
        stale = guest.put("/guest/registration", json=registration("1999-01-01", passport_number=None))
        assert stale.status_code == 422 and fields(stale) == [
            ("passport_number", "is required for an invitation letter"),
            ("consent_version", f"must be the current consent text, {consent['version']}"),
        ]
        assert PASSPORT not in stale.text
        first = guest.put("/guest/registration", json=registration(consent["version"]))
        assert first.status_code == 201, first.text
        shown = first.json()["registration"]
        assert (shown["full_name"], shown["nationality"], shown["email"]) == (
            "Nguyễn Văn An",
            "VN",
            "an.nguyen@example.org",  # the invited address unless the guest gives another
        )
        assert shown["passport_number"] == "••••••" + PASSPORT[-4:] and shown["date_of_birth_given"]
        assert shown["dietary"] == ["halal", "no_pork"] and shown["pass_qr"].startswith("WICT1:")
        assert PASSPORT not in first.text and "1985-04-30" not in first.text
        corrected = guest.put("/guest/registration", json=registration(consent["version"], needs=[]))
        assert corrected.status_code == 200 and corrected.json()["registration"]["needs"] == []
        assert corrected.json()["registration"]["registration_id"] == shown["registration_id"]
        assert corrected.json()["registration"]["pass_code"] == shown["pass_code"]
        dump = venue_dump(stack)
        assert PASSPORT.encode() not in dump and b"Nguy" in dump  # sealed, while the name is in the table

        counts = organizer.get(f"/bookings/{booking_id}/guest-counts").json()
        assert counts["registered"] >= 1 and counts["dietary"]["halal"] >= 1
        listed = {i["invitation_id"]: i for i in organizer.get(f"/bookings/{booking_id}/invitations").json()}
        assert listed[invitation_id]["status"] == "registered" and listed[invitation_id]["registered"]

        assert guest.delete("/guest/registration").status_code == 204
        gone = guest.get("/guest/registration")
        assert gone.status_code == 401
    wrong = httpx.get(
        f"{stack.service('venue').base_url}/guest/registration",
        headers={"Authorization": "Guest " + "x" * 43},
    )
    missing = httpx.get(f"{stack.service('venue').base_url}/guest/registration")
    assert (wrong.status_code, missing.status_code) == (401, 401)
    assert gone.json()["detail"] == wrong.json()["detail"] == missing.json()["detail"]  # one answer for all
    listed = {i["invitation_id"]: i for i in organizer.get(f"/bookings/{booking_id}/invitations").json()}
    assert listed[invitation_id]["status"] == "withdrawn" and not listed[invitation_id]["registered"]
