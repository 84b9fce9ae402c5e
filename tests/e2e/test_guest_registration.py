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
import re
import subprocess
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import asyncpg
import httpx
import msgspec
import nats
import openpyxl
import pytest
from nats.js.errors import NotFoundError

from deploy.embedded.postgres import POSTGRES_BIN_PATH
from deploy.embedded.stack import Stack
from services.venue.domain.checkin import new_pass_code
from services.venue.tests.letter_tools import letter_tools  # noqa: F401  (the fixture)
from shared.contracts import GuestInvited
from shared.contracts.guests import PEOPLE_ON_SITE, PeopleOnSite, PeopleOnSiteQuery
from tests.e2e.accounts_support import mails_to, text_of, wait_for_mail
from tests.e2e.conftest import booking_body, new_organizer, next_day, wait_for_outcome, wait_until

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


def secret_of(stack: Stack, invitation_id: str, other_than: str = "") -> str:
    """The invitation's link secret once its event is on the stream (the outbox relays after the commit)."""

    def published() -> str:
        link = links(stack).get(invitation_id, "")
        secret = link.rsplit("/g/", 1)[-1] if link else ""
        return secret if secret != other_than else ""

    return str(wait_until(published))


def xlsx(rows: list[list[Any]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def without_trace(answer: httpx.Response) -> dict[str, Any]:
    return {name: value for name, value in answer.json().items() if name != "trace_id"}


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
    assert secret_of(
        stack, ana["invitation_id"], other_than=first_link
    )  # a new link; the old one stops working

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
        assert guest.get("/guest/pass.svg").status_code == 404  # the pass comes with the registration
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
        assert guest.get("/guest/pass.svg").content.lstrip().startswith(b"<?xml")
        png = guest.get("/guest/pass.png")
        assert png.headers["content-type"] == "image/png" and png.content.startswith(b"\x89PNG")
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


@pytest.mark.usefixtures("letter_tools")
def test_a_letter_is_requested_approved_downloaded_verified_by_a_consulate_and_revoked(
    stack: Stack, staff: httpx.Client, organizer: httpx.Client, booking_id: str
):
    version = httpx.get(f"{stack.service('venue').base_url}/guest/consent").json()["version"]
    _, secret = invite(stack, organizer, booking_id, "binh.tran@example.org")
    _, other_secret = invite(stack, organizer, booking_id, "refused.guest@example.org")
    with guest_client(stack, secret) as guest, guest_client(stack, other_secret) as other:
        assert guest.post("/guest/letter").status_code == 422  # not registered yet
        body = registration(version, full_name="Trần Thị Bình", letter_wanted=False, passport_number=None)
        assert guest.put("/guest/registration", json=body).status_code == 201
        missing = guest.post("/guest/letter")
        assert missing.status_code == 422 and [f for f, _ in fields(missing)] == [
            "letter_wanted",
            "passport_number",
        ]
        assert (
            guest.put(
                "/guest/registration", json=registration(version, full_name="Trần Thị Bình")
            ).status_code
            == 200
        )
        asked = guest.post("/guest/letter")
        assert asked.status_code == 202, asked.text
        letter_id = asked.json()["letter_id"]
        assert guest.post("/guest/letter").status_code == 409  # one live letter per guest
        assert guest.get("/guest/letter.pdf").status_code == 404  # not issued yet

        assert organizer.get("/staff/letters").status_code == 403
        queue = staff.get("/staff/letters", params={"status": "requested"}).raise_for_status().json()
        entry = next(entry for entry in queue if entry["letter_id"] == letter_id)
        assert (entry["guest_name"], entry["nationality"], entry["event_title"]) == (
            "Trần Thị Bình",
            "VN",
            "Mekong Tourism Week",
        )
        issued = staff.post(f"/staff/letters/{letter_id}/approve")
        assert issued.status_code == 200, issued.text
        number, code = issued.json()["number"], issued.json()["code"]
        assert staff.post(f"/staff/letters/{letter_id}/approve").status_code == 409
        assert (
            staff.post(
                f"/staff/letters/{letter_id}/refuse", json={"reason_zh": "否", "reason_en": "no"}
            ).status_code
            == 409
        )

        downloaded = guest.get("/guest/letter.pdf")
        assert downloaded.status_code == 200 and downloaded.headers["content-type"] == "application/pdf"
        assert (
            downloaded.content.startswith(b"%PDF")
            and f"{number}.pdf" in downloaded.headers["content-disposition"]
        )
        assert staff.get(f"/staff/letters/{letter_id}/pdf").status_code == 400  # a purpose is required
        by_staff = staff.get(f"/staff/letters/{letter_id}/pdf", params={"purpose": "security_registration"})
        assert by_staff.status_code == 200 and by_staff.content.startswith(b"%PDF")
        page = guest.get("/guest/registration").json()
        assert page["letter"]["status"] == "issued" and page["letter"]["number"] == number

        renamed = registration(version, full_name="Tran Thi Binh")
        changed = guest.put("/guest/registration", json=renamed)
        assert changed.status_code == 409 and "full_name" in changed.json()["detail"]
        kept = guest.put(
            "/guest/registration", json=registration(version, full_name="Trần Thị Bình", needs=[])
        )
        assert kept.status_code == 200  # what the letter does not print may change

        public = httpx.Client(base_url=stack.service("venue").base_url, timeout=30)
        verified = public.get("/letters/verify", params={"number": number, "code": code.lower()})
        assert verified.status_code == 200, verified.text
        assert verified.json() | {"issued_at": None} == {
            "number": number,
            "status": "issued",
            "issued_at": None,
            "revoked_at": None,
            "guest_name": "Trần Thị Bình",
            "nationality": "VN",
            "passport": "••••••" + PASSPORT[-4:],
            "event": "Mekong Tourism Week",
            "starts_on": verified.json()["starts_on"],
            "ends_on": verified.json()["ends_on"],
            "inviting_organization": verified.json()["inviting_organization"],
        }
        wrong_code = public.get("/letters/verify", params={"number": number, "code": "00000-00000"})
        wrong_number = public.get("/letters/verify", params={"number": "WICT-2026-999999", "code": code})
        assert (wrong_code.status_code, wrong_number.status_code) == (404, 404)
        assert without_trace(wrong_code) == without_trace(wrong_number)  # one answer for both

        revoked = staff.post(f"/staff/letters/{letter_id}/revoke", json={"reason": "passport replaced"})
        assert revoked.status_code == 200 and revoked.json()["status"] == "revoked"
        assert guest.get("/guest/letter.pdf").status_code == 404  # the PDF is deleted
        again = public.get("/letters/verify", params={"number": number, "code": code})
        assert again.json()["status"] == "revoked" and again.json()["revoked_at"]

        other_body = registration(version, full_name="Refused Guest", nationality="FR")
        assert other.put("/guest/registration", json=other_body).status_code == 201
        other_letter = other.post("/guest/letter").json()["letter_id"]
        no_reason = staff.post(f"/staff/letters/{other_letter}/refuse", json={"reason_en": "no"})
        assert no_reason.status_code == 400
        refusal = {"reason_zh": "活动不需要签证邀请函", "reason_en": "the event needs no visa letter"}
        assert staff.post(f"/staff/letters/{other_letter}/refuse", json=refusal).status_code == 200
        shown = other.get("/guest/registration").json()["letter"]
        assert shown["status"] == "refused" and "no visa letter" in shown["reason"]

        # a consulate's checks are limited per address: 20 a minute (4 were made above)
        answers = [
            public.get("/letters/verify", params={"number": number, "code": code}).status_code
            for _ in range(17)
        ]
        assert answers[:16] == [200] * 16 and answers[16] == 429
        public.close()
    assert PASSPORT.encode() not in venue_dump(stack)


def window_now() -> dict[str, datetime]:
    now = datetime.now(ZoneInfo("UTC"))
    return {"starts_at": now - timedelta(hours=2), "ends_at": now + timedelta(hours=4)}


def people_on_site(stack: Stack, query: PeopleOnSiteQuery) -> PeopleOnSite:
    """Ask as notify does (core request/reply); the venue's responder answers with its own NATS user."""

    async def ask() -> PeopleOnSite:
        connection = await nats.connect(stack.nats.url)
        try:
            reply = await connection.request(PEOPLE_ON_SITE, msgspec.json.encode(query), timeout=10)
            return msgspec.json.decode(reply.data, type=PeopleOnSite)
        finally:
            await connection.close()

    return asyncio.run(ask())


def move_to_now(stack: Stack, booking_id: str) -> None:
    """The booking takes place now (bookings are made ahead; the door needs one that is on)."""

    async def move() -> None:
        connection = await asyncpg.connect(stack.postgres.dsn("venue"))
        try:
            await connection.execute(
                "UPDATE bookings SET starts_at = now() - interval '1 hour', ends_at = now() + interval '3 hours'"
                " WHERE id = $1",
                uuid.UUID(booking_id),
            )
        finally:
            await connection.close()

    asyncio.run(move())


def test_the_door_checks_a_pass_in_once_answers_a_second_scan_registers_walk_ins_and_counts(
    stack: Stack, staff: httpx.Client, organizer: httpx.Client
):
    made = organizer.post(
        "/bookings", json=booking_body(next_day(), space_id="room-a", attendees=100, title="Lancang Night")
    )
    booking_id = made.raise_for_status().json()["booking_id"]
    assert wait_for_outcome(organizer, booking_id)["status"] == "confirmed"
    version = httpx.get(f"{stack.service('venue').base_url}/guest/consent").json()["version"]
    _, secret = invite(stack, organizer, booking_id, "door.guest@example.org")
    with guest_client(stack, secret) as guest:
        body = registration(version, letter_wanted=False, passport_number=None, needs=["wheelchair"])
        page = guest.put("/guest/registration", json=body).raise_for_status().json()
    scanned = {"code": page["registration"]["pass_qr"], "space_id": "room-a"}

    early = staff.post("/staff/check-ins", json=scanned)
    assert early.status_code == 409 and "opens" in early.json()["detail"]
    move_to_now(stack, booking_id)
    assert organizer.post("/staff/check-ins", json=scanned).status_code == 403
    assert staff.post("/staff/check-ins", json=scanned | {"space_id": "nowhere"}).status_code == 422
    first = staff.post("/staff/check-ins", json=scanned)
    assert first.status_code == 201, first.text
    assert (first.json()["full_name"], first.json()["event_title"], first.json()["needs"]) == (
        "Nguyễn Văn An",
        "Lancang Night",
        ["wheelchair"],
    )
    typed = page["registration"]["pass_code"].lower()  # typed at another door, grouped, lower case
    second = staff.post("/staff/check-ins", json={"code": typed, "space_id": "room-a"})
    assert second.status_code == 409
    assert second.headers["content-type"].startswith("application/problem+json")
    assert second.json()["checked_in_at"] == first.json()["checked_in_at"]
    assert second.json()["checked_in_space"] == first.json()["checked_in_space"]
    assert second.json()["by"].startswith("staff")
    mistyped = typed[:-1] + ("0" if typed[-1] != "0" else "1")
    assert staff.post("/staff/check-ins", json={"code": mistyped, "space_id": "room-a"}).status_code == 422
    unknown = staff.post("/staff/check-ins", json={"code": new_pass_code(), "space_id": "room-a"})
    assert unknown.status_code == 404

    walk_in = {
        "booking_id": booking_id,
        "space_id": "room-a",
        "full_name": "Somsak Chaiyaporn",
        "nationality": "TH",
        "locale": "th",
        "consent_version": version,
        "phone": "+66812345678",
    }
    walked = staff.post("/staff/walk-ins", json=walk_in)
    assert walked.status_code == 201, walked.text
    no_contact = staff.post("/staff/walk-ins", json=walk_in | {"phone": None})
    assert no_contact.status_code == 422 and fields(no_contact) == [
        ("email", "give an e-mail address or a mobile number: urgent notices need one")
    ]
    day = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    counted = staff.get("/staff/check-ins/counts", params={"date": day}).raise_for_status().json()
    mine = [c for c in counted["counts"] if c["booking_id"] == booking_id]
    assert [(c["space_id"], c["registered"], c["checked_in"], c["walk_ins"]) for c in mine] == [
        ("room-a", 2, 2, 1)
    ]
    own = organizer.get("/staff/check-ins/counts", params={"date": day}).json()["counts"]
    assert booking_id in {c["booking_id"] for c in own}
    with new_organizer(stack, staff, "Third Person") as other:
        assert booking_id not in {
            c["booking_id"] for c in other.get("/staff/check-ins/counts").json()["counts"]
        }
        refused = other.post("/staff/walk-ins", json=walk_in)
        assert refused.status_code == 403
    counts = organizer.get(f"/bookings/{booking_id}/guest-counts").json()
    assert (counts["registered"], counts["checked_in"], counts["walk_ins"]) == (2, 2, 1)
    on_site = people_on_site(stack, PeopleOnSiteQuery(scope="booking", scope_id=booking_id, **window_now()))
    assert sorted((g.full_name, g.checked_in) for g in on_site.guests) == [
        ("Nguyễn Văn An", True),
        ("Somsak Chaiyaporn", True),
    ]


def redeliver_invitation(stack: Stack, invitation_id: str) -> int:
    """Put the invitation's event on the VENUE stream once more (a copy the dedup window keeps, as a relay
    retry after a lost acknowledgement makes) and wait until notify's consumer has acknowledged it."""

    async def again() -> int:
        connection = await nats.connect(stack.nats.url)
        try:
            js = connection.jetstream()
            info = await js.stream_info("VENUE")
            for sequence in range(info.state.last_seq, max(info.state.first_seq, 1) - 1, -1):
                message = await js.get_msg("VENUE", sequence)
                if message.subject != GuestInvited.subject:
                    continue
                event = msgspec.json.decode(message.data or b"", type=GuestInvited)
                if str(event.invitation_id) == invitation_id:
                    headers = dict(message.headers or {})
                    headers["Nats-Msg-Id"] = headers.get("Nats-Msg-Id", "") + ":again"
                    ack = await js.publish(message.subject, message.data or b"", headers=headers)
                    return ack.seq
            raise AssertionError(f"no guest_invited event of {invitation_id} on the stream")
        finally:
            await connection.close()

    async def acknowledged(sequence: int) -> bool:
        connection = await nats.connect(stack.nats.url)
        try:
            info = await connection.jetstream().consumer_info("VENUE", "notify-booking-events")
            return info.ack_floor.stream_seq >= sequence
        finally:
            await connection.close()

    sequence = asyncio.run(again())
    wait_until(lambda: asyncio.run(acknowledged(sequence)))
    return sequence


def test_notify_mails_the_invited_guest_their_link_in_their_language_once(
    stack: Stack, organizer: httpx.Client, booking_id: str
):
    address = f"li.hua-{uuid.uuid4().hex[:8]}@example.org"
    invited = organizer.post(
        f"/bookings/{booking_id}/invitations", json={"email": address, "locale": "zh-CN"}
    )
    invitation_id = invited.raise_for_status().json()["invitation_id"]

    mail = wait_for_mail(stack, address, "诚邀您参加Mekong Tourism Week")
    text = text_of(mail)
    assert "您好" in text and "Mei Lin" in text and "专属链接" in text  # zh-CN, the organizer named
    link = re.search(r"https?://\S+/g/([A-Za-z0-9_-]{43})\b", text)
    assert link is not None, text
    assert link.group(1) == secret_of(stack, invitation_id)  # the link the venue made, whole
    with guest_client(stack, link.group(1)) as guest:
        opened = guest.get("/guest/registration")
        assert opened.status_code == 200, opened.text
        assert opened.json()["event_title"] == "Mekong Tourism Week"

    redeliver_invitation(stack, invitation_id)
    assert len(mails_to(stack, address)) == 1  # the inbox took the copy: no second e-mail

    written = [
        path for folder in (stack.logs_dir, stack.spans_dir) for path in folder.rglob("*") if path.is_file()
    ]
    leaks = [
        str(path)
        for path in written
        if any(n in path.read_bytes() for n in (address.encode(), link.group(1).encode()))
    ]
    assert written and leaks == []  # neither the address nor the secret in any service's log or span
