"""End to end: guests' passport numbers stay sealed in the venue and never leak.

An organizer registers cross-border guests (passport numbers, dates of birth) on a booking with
interpretation and catering; the saga confirms and the vendor tasks go out. Then every service log, every
exported span, every message of every stream (read as the NATS admin), every file the stack keeps and a
text dump of every database are scanned for the numbers: none is found. The scan proves it can find
things: the booking's id in spans, streams and logs, the guests' names in the venue's dump. Staff reveal
with a purpose (audited); an organizer may not reveal; a cancelled booking's guest data is purged.
"""

from __future__ import annotations

import asyncio
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import nats
import pytest
from nats.js.errors import NotFoundError

from deploy.embedded.postgres import POSTGRES_BIN_PATH
from deploy.embedded.stack import DATABASES, Stack
from shared.span_store import trace_path
from tests.e2e.conftest import booking_body, new_organizer, next_day, wait_for_outcome, wait_until

pytestmark = pytest.mark.e2e

RUN = "QZ" + secrets.token_hex(3).upper()  # every passport number of this module starts with it
BORN = "1957-10-04"


def passports(count: int, start: int = 0) -> list[str]:
    return [f"{RUN}{index:05d}" for index in range(start, start + count)]


def guest_list(numbers: list[str], nationality: str = "AU") -> dict:
    return {
        "guests": [
            {
                "full_name": f"Guest {index} Canary",
                "nationality": nationality,
                "passport_number": number,
                "date_of_birth": BORN,
            }
            for index, number in enumerate(numbers)
        ]
    }


@pytest.fixture(scope="module")
def organizer(stack: Stack, staff: httpx.Client) -> Iterator[httpx.Client]:
    with new_organizer(stack, staff, "Aiko Tanaka", time_zone="Asia/Tokyo") as client:
        yield client


def _streams(stack: Stack) -> dict[str, bytes]:
    """Every message of every stream (headers and payload) as bytes, by stream name."""

    async def read() -> dict[str, bytes]:
        connection = await nats.connect(stack.nats.url)
        try:
            js = connection.jetstream()
            found: dict[str, bytes] = {}
            for info in await js.streams_info():
                parts = []
                for sequence in range(max(info.state.first_seq, 1), info.state.last_seq + 1):
                    try:
                        message = await js.get_msg(info.config.name, sequence)
                    except NotFoundError:
                        continue
                    parts += [repr(message.headers).encode(), message.data or b""]
                found[info.config.name] = b"\n".join(parts)
            return found
        finally:
            await connection.close()

    return asyncio.run(read())


def _dump(stack: Stack, database: str) -> bytes:
    done = subprocess.run(
        [str(POSTGRES_BIN_PATH / "pg_dump"), "--dbname", stack.postgres.dsn(database)],
        capture_output=True,
        check=True,
    )
    return done.stdout


def _files(folder: Path, skip: Path | None = None) -> dict[str, bytes]:
    return {
        str(path): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file() and (skip is None or skip not in path.parents)
    }


def _leaks(sources: dict[str, bytes]) -> list[str]:
    needles = (RUN.lower().encode(), RUN.encode().hex().encode())  # as text, and as bytea hex in a dump
    return [name for name, content in sources.items() if any(n in content.lower() for n in needles)]


def _holding(sources: dict[str, bytes], marker: str) -> list[str]:
    return [name for name, content in sources.items() if marker.lower().encode() in content.lower()]


def _spans_written(stack: Stack, trace_id: str) -> bool:
    path = trace_path(stack.spans_dir, trace_id)
    return path.exists() and '"kind":"server"' in path.read_text()


def test_passports_are_sealed_audited_and_found_nowhere_else(stack: Stack, staff, ops, organizer):
    body = booking_body(
        next_day(),
        attendees=600,
        interpreting={"floor_language": "en", "target_languages": ["zh"]},
        catering={"menu": "western-buffet", "headcount": 150},
    )
    booking_id = organizer.post("/bookings", json=body).raise_for_status().json()["booking_id"]
    numbers = passports(600)
    registered = guest_list(numbers)
    sent = httpx.Request("PUT", "/", json=registered).content
    assert len(sent) > 65536  # over the API's usual body limit
    needles_work = {"sent": sent, "as bytea": RUN.encode().hex().encode()}
    assert _leaks(needles_work) == ["sent", "as bytea"]

    # refused input is named by field, never echoed
    bad = organizer.put(f"/bookings/{booking_id}/guests", json=guest_list([f"{RUN}$!"]))
    too_long = organizer.put(f"/bookings/{booking_id}/guests", json=guest_list([RUN * 6]))
    too_many = organizer.put(f"/bookings/{booking_id}/guests", json=guest_list(passports(601, 1000)))
    assert (bad.status_code, too_long.status_code, too_many.status_code) == (422, 400, 422)
    assert bad.json()["errors"] == [
        {"field": "guests[0].passport_number", "reason": "must be 5–20 letters A–Z or digits 0–9"}
    ]
    assert not _leaks({"bad": bad.content, "too_long": too_long.content, "too_many": too_many.content})

    put = organizer.put(f"/bookings/{booking_id}/guests", json=registered)
    assert put.status_code == 200, put.text
    assert [g["passport_number"] for g in put.json()["guests"][:2]] == ["••••••0000", "••••••0001"]
    booking = wait_for_outcome(organizer, booking_id)
    assert booking["status"] == "confirmed", (booking["reason"], booking["steps"])
    wait_until(
        lambda: (
            {t["kind"] for t in organizer.get(f"/bookings/{booking_id}").json()["vendor_tasks"]}
            == {"interpreting", "catering"}
        )
    )

    masked = organizer.get(f"/bookings/{booking_id}/guests").raise_for_status().json()
    assert not masked["revealed"] and len(masked["guests"]) == 600
    assert masked["guests"][7] | {"guest_id": None} == {
        "guest_id": None,
        "full_name": "Guest 7 Canary",
        "nationality": "AU",
        "passport_number": "••••••0007",
        "date_of_birth": None,
    }
    assert (
        organizer.get(f"/bookings/{booking_id}/guests?reveal=passport&purpose=access_control").status_code
        == 403
    )
    assert ops.get(f"/bookings/{booking_id}/guests").status_code == 403
    assert staff.get(f"/bookings/{booking_id}/guests?reveal=passport").status_code == 400  # no purpose
    revealed = staff.get(f"/bookings/{booking_id}/guests?reveal=passport&purpose=security_registration")
    assert revealed.status_code == 200 and revealed.json()["revealed"]
    assert [g["passport_number"] for g in revealed.json()["guests"]] == numbers
    assert {g["date_of_birth"] for g in revealed.json()["guests"]} == {BORN}

    assert staff.get("/staff/guest-data-audit").status_code == 403
    assert organizer.get("/staff/guest-data-audit").status_code == 403
    trail = ops.get("/staff/guest-data-audit", params={"booking_id": booking_id}).raise_for_status().json()
    assert [(e["action"], e["actor"].split(":")[0], e["guests"]) for e in trail] == [
        ("revealed", "staff", 600),
        ("read", "organizer", 600),
        ("replaced", "organizer", 600),
    ]
    assert trail[0]["purpose"] == "security_registration" and trail[0]["detail"]["passports"] == 600
    assert trail[2]["detail"] == {"guests": 600, "passports": 600, "dates_of_birth": 600}

    # a cancelled booking's guests are purged by the sweep (and its log line names the booking)
    other = booking_body(next_day(), space_id="room-b", layout="boardroom", attendees=20)
    cancelled_id = organizer.post("/bookings", json=other).raise_for_status().json()["booking_id"]
    assert wait_for_outcome(organizer, cancelled_id)["status"] == "confirmed"
    organizer.put(
        f"/bookings/{cancelled_id}/guests", json=guest_list(passports(3, 5000), "JP")
    ).raise_for_status()
    organizer.post(f"/bookings/{cancelled_id}/cancel", json={"reason": "postponed"}).raise_for_status()
    purged = wait_until(lambda: organizer.get(f"/bookings/{cancelled_id}/guests").json()["purged_at"])
    assert purged and organizer.get(f"/bookings/{cancelled_id}/guests").json()["guests"] == []
    purge = ops.get("/staff/guest-data-audit", params={"booking_id": cancelled_id, "action": "purged"}).json()
    assert [(e["actor"], e["guests"], e["detail"]["reason"]) for e in purge] == [
        ("system:guest-purge", 3, "cancelled")
    ]

    # every guest-data request's spans are exported before the scan, so a leak there could be seen
    traces = {e["trace_id"] for e in trail} | {bad.json()["trace_id"], too_long.json()["trace_id"]}
    wait_until(lambda: all(_spans_written(stack, trace_id) for trace_id in traces))

    logs = _files(stack.logs_dir)
    spans = _files(stack.spans_dir)
    streams = _streams(stack)
    kept = _files(stack.config.data_dir, skip=stack.postgres.pgdata)  # streams' store, mail, server logs
    dumps = {database: _dump(stack, database) for database in DATABASES}

    assert _holding(spans, booking_id) and _holding(streams, booking_id) and _holding(logs, cancelled_id)
    assert {"TASKS", "VENUE", "INTERPRETING", "CATERING"} <= set(_holding(streams, booking_id))
    assert _holding(dumps, "Guest 7 Canary") == ["venue"]  # names stay readable (until the purge)
    for source in (logs, spans, streams, kept, dumps):
        assert _leaks(source) == []
    assert b"guests purged" in dumps["venue"] and b"security_registration" in dumps["venue"]  # the audit
    assert BORN.encode() not in dumps["venue"]  # dates of birth are sealed too
