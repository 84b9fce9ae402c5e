"""Reserve against the real database: holds, rejections that name what is missing, and concurrency."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.interpreting import handlers
from services.interpreting.adapters import allocation, repository
from services.interpreting.domain.plan import plan_for
from services.interpreting.domain.roster import Pair, Roster
from services.interpreting.tests.integration.commands import published, run
from shared.contracts import ReserveInterpreting
from shared.db.unit_of_work import Database
from shared.participant.domain.plans import PlanKey

pytestmark = pytest.mark.integration

START = datetime(2027, 3, 2, 6, 0, tzinfo=UTC)  # 14:00 in Shanghai


def reserve_command(
    floor: str = "en", targets: tuple[str, ...] = ("zh",), hours: float = 4, space: str = "room-a", **extra
) -> ReserveInterpreting:
    return ReserveInterpreting(
        booking_id=extra.pop("booking_id", uuid.uuid4()),
        space_id=space,
        starts_at=START,
        ends_at=START + timedelta(hours=hours),
        floor_language=floor,
        target_languages=list(targets),
        attendees=120,
        **extra,
    )


async def answer(database: Database, booking_id: uuid.UUID) -> tuple[str, dict]:
    messages = await published(database, booking_id)
    assert len(messages) == 1, messages
    return messages[0]


async def held(database: Database, booking_id: uuid.UUID) -> tuple[list, list]:
    async with database.pool.acquire() as connection:
        booths = await connection.fetch("SELECT * FROM booth_holds WHERE booking_id = $1", booking_id)
        seats = await connection.fetch("SELECT * FROM assignments WHERE booking_id = $1", booking_id)
    return booths, seats


async def test_a_reservation_holds_one_booth_and_a_full_team(database: Database, roster: Roster):
    command = reserve_command()
    await run(database, handlers.reserve, command, roster)

    subject, body = await answer(database, command.booking_id)
    assert subject == "interpreting.evt.reserved"
    assert body["causation_id"] == str(command.message_id)
    assert body["booths"] == ["mobile-1"] and body["team_per_booth"] == 2
    interpreters = [seat["interpreter_id"] for seat in body["seats"]]
    assert len(set(interpreters)) == 2
    covering = {interpreter.id: interpreter.vendor_id for interpreter in roster.candidates(Pair("en", "zh"))}
    assert all(seat["vendor_id"] == covering[seat["interpreter_id"]] for seat in body["seats"])
    booths, seats = await held(database, command.booking_id)
    assert [row["booth_id"] for row in booths] == ["mobile-1"]
    assert sorted(row["interpreter_id"] for row in seats) == sorted(interpreters)
    assert booths[0]["during"].lower == START - timedelta(minutes=30)  # load-in held too


async def test_the_multifunctional_hall_gets_its_fixed_booths(database: Database, roster: Roster):
    command = reserve_command(targets=("zh", "fr"), hours=0.5, space="multifunctional-hall")
    await run(database, handlers.reserve, command, roster)

    subject, body = await answer(database, command.booking_id)
    assert subject == "interpreting.evt.reserved"
    assert sorted(body["booths"]) == ["fixed-1", "fixed-2"] and body["team_per_booth"] == 1
    french = next(seat for seat in body["seats"] if seat["interpreter_id"] in {"yz-03", "sr-06"})
    assert french["booth"] != next(seat for seat in body["seats"] if seat is not french)["booth"]


async def test_arabic_is_rejected_naming_the_pair_and_nothing_is_held(database: Database, roster: Roster):
    command = reserve_command(floor="ar", targets=("zh",))
    await run(database, handlers.reserve, command, roster)

    subject, body = await answer(database, command.booking_id)
    assert subject == "interpreting.evt.rejected"
    assert body["reason"].startswith(
        "no interpreter for ar→zh on 2027-03-02 14:00–18:00 (Asia/Shanghai): need 2, 0 free"
    )
    assert await held(database, command.booking_id) == ([], [])


async def test_one_missing_language_releases_the_team_already_found_for_another(
    database: Database, roster: Roster
):
    command = reserve_command(targets=("zh", "ar"))
    await run(database, handlers.reserve, command, roster)

    subject, body = await answer(database, command.booking_id)
    assert subject == "interpreting.evt.rejected"
    assert "no interpreter for en→ar" in body["reason"] and "en→zh" not in body["reason"]
    assert await held(database, command.booking_id) == ([], [])
    follow_up = reserve_command()
    await run(database, handlers.reserve, follow_up, roster)
    assert (await answer(database, follow_up.booking_id))[1]["booths"] == ["mobile-1"]


async def test_a_too_long_meeting_is_rejected_with_what_to_do(database: Database, roster: Roster):
    command = reserve_command(hours=9)
    await run(database, handlers.reserve, command, roster)

    subject, body = await answer(database, command.booking_id)
    assert subject == "interpreting.evt.rejected"
    assert body["reason"] == "the meeting runs 9 h, longer than 8 h: split into sessions"


async def test_a_repeated_reserve_gets_the_same_answer_and_holds_nothing_more(
    database: Database, roster: Roster
):
    first = reserve_command()
    again = reserve_command(booking_id=first.booking_id)  # same booking, new message id
    await run(database, handlers.reserve, first, roster)
    await run(database, handlers.reserve, again, roster)

    (_, one), (_, two) = await published(database, first.booking_id)
    assert (one["booths"], one["seats"]) == (two["booths"], two["seats"])
    booths, seats = await held(database, first.booking_id)
    assert (len(booths), len(seats)) == (1, 2)


async def test_concurrent_reserves_for_the_last_interpreters_give_exactly_the_possible_winners(
    database: Database, roster: Roster
):
    en_zh = len(roster.candidates(Pair("en", "zh")))
    blocker = reserve_command(hours=8)  # takes a team of 4 of them
    await run(database, handlers.reserve, blocker, roster)
    assert (await answer(database, blocker.booking_id))[0] == "interpreting.evt.reserved"
    possible = (en_zh - 4) // 2
    spaces = ["room-a", "room-b", "room-c", "experience-center"]
    commands = [reserve_command(space=spaces[n % 4]) for n in range(20)]

    await asyncio.gather(*(run(database, handlers.reserve, command, roster) for command in commands))

    answers = [await answer(database, command.booking_id) for command in commands]
    winners = [body for subject, body in answers if subject == "interpreting.evt.reserved"]
    losers = [body for subject, body in answers if subject == "interpreting.evt.rejected"]
    assert len(winners) == possible and len(losers) == 20 - possible
    assert all("no interpreter for en→zh" in body["reason"] for body in losers)
    seated = [seat["interpreter_id"] for body in winners for seat in body["seats"]]
    assert len(seated) == len(set(seated)) == 2 * possible
    async with database.pool.acquire() as connection:
        assert await connection.fetchval("SELECT count(*) FROM assignments") == 4 + 2 * possible
        assert (
            await connection.fetchval("SELECT count(DISTINCT interpreter_id) FROM assignments")
            == 4 + 2 * possible
        )
        assert await connection.fetchval("SELECT count(*) FROM booth_holds") == 1 + possible


async def test_concurrent_reserves_share_the_six_mobile_booths(database: Database, roster: Roster):
    commands = [
        reserve_command(hours=0.5, space=f"room-{n}") for n in range(10)
    ]  # teams of 1: booths run out first

    await asyncio.gather(*(run(database, handlers.reserve, command, roster) for command in commands))

    answers = [await answer(database, command.booking_id) for command in commands]
    winners = [body for subject, body in answers if subject == "interpreting.evt.reserved"]
    losers = [body for subject, body in answers if subject == "interpreting.evt.rejected"]
    assert len(winners) == 6
    assert sorted(booth for body in winners for booth in body["booths"]) == [
        f"mobile-{n}" for n in range(1, 7)
    ]
    assert all("no interpretation booth free for room-" in body["reason"] for body in losers)
    assert all("need 1 mobile booth(s), 0 free" in body["reason"] for body in losers)


async def test_a_candidate_taken_meanwhile_is_skipped_for_the_next_one(database: Database, roster: Roster):
    first = reserve_command()
    await run(database, handlers.reserve, first, roster)
    taken = [seat["interpreter_id"] for seat in (await answer(database, first.booking_id))[1]["seats"]]
    others = [i.id for i in roster.candidates(Pair("en", "zh")) if i.id not in taken]
    second = reserve_command()
    plan = plan_for("room-b", START, START + timedelta(hours=4), "en", ["zh"], 10, roster.load_time)
    key = PlanKey(second.booking_id, 0)
    async with database.transaction() as unit:
        connection = unit.connection
        await repository.insert_held(connection, key, plan)
        await repository.hold_booths(connection, key, [("mobile-2", "zh")], plan.load_in_at, plan.load_out_at)

        async def insert(chosen):
            team = [(interpreter, roster.vendor_of(interpreter)) for _, interpreter in chosen]
            await repository.assign(connection, key, "mobile-2", team, plan.load_in_at, plan.load_out_at)

        # as if the free-list was read before the first reservation committed
        won = await allocation.claim(connection, [0, 1], [taken[0], others[0], taken[1], others[1]], insert)

    assert [interpreter for _, interpreter in won] == [others[0], others[1]]
    _, seats = await held(database, second.booking_id)
    assert sorted(row["interpreter_id"] for row in seats) == sorted(others[:2])
