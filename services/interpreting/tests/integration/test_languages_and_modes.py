"""Relay, consecutive mode and unknown languages against the real database."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.interpreting import handlers
from services.interpreting.domain.roster import Roster
from services.interpreting.tests.integration.commands import published, run
from shared.contracts import ConfirmInterpreting, ReleaseInterpreting, ReserveInterpreting
from shared.db.unit_of_work import Database

pytestmark = pytest.mark.integration

START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)  # 14:00 in Shanghai


def reserve_command(
    floor: str, targets: list[str], attendees: int = 120, hours: float = 0.5
) -> ReserveInterpreting:
    return ReserveInterpreting(
        booking_id=uuid.uuid4(),
        space_id="room-a",
        starts_at=START,
        ends_at=START + timedelta(hours=hours),
        floor_language=floor,
        target_languages=targets,
        attendees=attendees,
    )


async def test_a_relay_reservation_seats_the_pivot_and_tells_the_agency(database: Database, roster: Roster):
    command = reserve_command("th", ["en", "lo"])
    await run(database, handlers.reserve, command, roster)

    [(subject, body)] = await published(database, command.booking_id)
    assert subject == "interpreting.evt.reserved", body
    assert len(body["booths"]) == 2
    assert {seat["interpreter_id"] for seat in body["seats"]} == {"yz-07", "sr-08"}
    async with database.pool.acquire() as connection:
        relays = await connection.fetchval(
            "SELECT relays FROM reservations WHERE booking_id = $1", command.booking_id
        )
    assert relays == [["lo", "en"]]

    await run(database, handlers.confirm, ConfirmInterpreting(booking_id=command.booking_id), roster)
    tasks = {s: b for s, b in await published(database, command.booking_id) if s.startswith("tasks.")}
    silkroad = tasks["tasks.interpreting.agency-silkroad.assigned"]
    assert silkroad["details"]["relay"] == ["th→en→lo"] and silkroad["details"]["language_pairs"] == ["en→lo"]
    assert "relay" not in tasks["tasks.interpreting.agency-yangtze.assigned"]["details"]


async def test_a_relay_that_cannot_be_staffed_names_the_relay_pair(database: Database, roster: Roster):
    blocker = reserve_command("en", ["lo"])  # takes sr-08, the only en→lo interpreter
    await run(database, handlers.reserve, blocker, roster)
    command = reserve_command("th", ["en", "lo"])
    await run(database, handlers.reserve, command, roster)

    [(subject, body)] = await published(database, command.booking_id)
    assert subject == "interpreting.evt.rejected"
    assert body["reason"].startswith(
        "no interpreter for en→lo (relay of th→lo via the en booth) on 2027-03-02"
    )


async def test_an_unknown_language_is_rejected_naming_it(database: Database, roster: Roster):
    command = reserve_command("en", ["zh", "xx"])
    await run(database, handlers.reserve, command, roster)

    [(subject, body)] = await published(database, command.booking_id)
    assert subject == "interpreting.evt.rejected"
    assert body["reason"].startswith("the target language 'xx' is not a language we interpret")
    async with database.pool.acquire() as connection:
        assert await connection.fetchval("SELECT count(*) FROM assignments") == 0


async def test_a_small_meeting_is_consecutive_without_booth_or_receivers(database: Database, roster: Roster):
    command = reserve_command("en", ["zh"], attendees=12, hours=3)
    await run(database, handlers.reserve, command, roster)

    [(subject, body)] = await published(database, command.booking_id)
    assert subject == "interpreting.evt.reserved"
    assert body["booths"] == [] and body["team_per_booth"] == 1
    assert [seat["booth"] for seat in body["seats"]] == [""]
    async with database.pool.acquire() as connection:
        assert await connection.fetchval("SELECT count(*) FROM booth_holds") == 0
        assert await connection.fetchval("SELECT count(*) FROM receiver_holds") == 0
    await run(database, handlers.confirm, ConfirmInterpreting(booking_id=command.booking_id), roster)
    task = next(b for s, b in await published(database, command.booking_id) if s.endswith(".assigned"))
    assert task["details"]["mode"] == "consecutive"

    await run(database, handlers.release, ReleaseInterpreting(booking_id=command.booking_id))
    async with database.pool.acquire() as connection:
        assert await connection.fetchval("SELECT count(*) FROM assignments") == 0
