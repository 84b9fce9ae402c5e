"""Dietary counts and the final guarantee against a real PostgreSQL, and the staff-only BEO over HTTP."""

from __future__ import annotations

import uuid
from datetime import datetime

import httpx
import pytest
from litestar import Litestar
from litestar.di import Provide

from services.catering import handlers
from services.catering.domain.guarantee import CHARGE, DEFAULT_POLICY, GuaranteePolicy
from services.catering.domain.tasks import TASKS
from services.catering.entrypoints.dependencies import CateringDependencies
from services.catering.entrypoints.http.orders import BeoController
from services.catering.tests.integration.conftest import published
from services.catering.tests.integration.test_revisions import BOOK, NOW, covers, reserve_command, statuses
from shared.contracts import ConfirmCatering, ReserveCatering
from shared.db.unit_of_work import Database
from shared.http.problems import EXCEPTION_HANDLERS

pytestmark = pytest.mark.integration

# the event is Tuesday 2027-03-02 11:00 (Shanghai): its guarantee is due by the end of Thursday 02-25
AFTER_DEADLINE = datetime.fromisoformat("2027-02-26T10:00:00+08:00")
BEFORE_DEADLINE = datetime.fromisoformat("2027-02-25T18:00:00+08:00")
STAFF_KEY = "wict_test-catering-staff"


async def reserve(
    database: Database,
    command: ReserveCatering,
    now: datetime = NOW,
    policy: GuaranteePolicy = DEFAULT_POLICY,
) -> dict:
    async with database.transaction() as unit:
        await handlers.reserve(command, unit, BOOK, now, policy)
    return (await published(database, command.booking_id))[-1][1]


async def confirmed(
    database: Database, booking_id: uuid.UUID, headcount: int = 120, **fields: object
) -> None:
    await reserve(database, reserve_command(booking_id, headcount=headcount, **fields))
    async with database.transaction() as unit:
        await handlers.confirm(ConfirmCatering(booking_id=booking_id, revision=0), unit, BOOK)


async def test_dietary_counts_above_the_headcount_or_unknown_are_rejected(database: Database) -> None:
    booking = uuid.uuid4()
    answer = await reserve(database, reserve_command(booking, dietary={"vegan": 100, "halal": 30, "keto": 1}))
    assert answer["reason"].startswith(
        "unknown dietary need(s) keto; use vegetarian, vegan, halal, gluten_free"
    )
    assert "add up to 131" in answer["reason"] and "headcount 120" in answer["reason"]
    assert await statuses(database, booking) == {0: "rejected"}
    assert await covers(database) is None


async def test_dietary_counts_and_notes_are_kept_for_the_caterer(database: Database) -> None:
    booking = uuid.uuid4()
    await confirmed(
        database, booking, dietary={"vegan": 10, "halal": 4}, allergy_notes="2 coeliac", layout="rounds"
    )
    [(_, task)] = [m for m in await published(database, booking) if m[0].startswith("tasks.")]
    details = task["details"]
    assert (details["dietary_vegan"], details["dietary_halal"], details["dietary_vegetarian"]) == (10, 4, 0)
    assert (details["allergy_notes"], details["layout"]) == ("2 coeliac", "rounds")


async def test_a_headcount_change_after_the_guarantee_is_refused(database: Database) -> None:
    booking = uuid.uuid4()
    await confirmed(database, booking)
    answer = await reserve(database, reserve_command(booking, 1, headcount=90), AFTER_DEADLINE)
    assert (
        answer["revision"] == 1
        and "final guarantee of 120 guests was due by the end of 2027-02-25" in answer["reason"]
    )
    assert await statuses(database, booking) == {0: "confirmed", 1: "rejected"}
    assert await covers(database) == 120
    same = await reserve(database, reserve_command(booking, 2, space_id="other-hall"), AFTER_DEADLINE)
    assert same["covers"] == 120 and "reason" not in same


async def test_a_change_in_time_or_under_the_charge_policy_is_held(database: Database) -> None:
    booking = uuid.uuid4()
    await confirmed(database, booking)
    in_time = await reserve(database, reserve_command(booking, 1, headcount=90), BEFORE_DEADLINE)
    assert (in_time["covers"], in_time["price_minor"]) == (90, 90 * 18800)
    charged = await reserve(
        database,
        reserve_command(booking, 2, headcount=80),
        AFTER_DEADLINE,
        GuaranteePolicy(late_headcount=CHARGE),
    )
    assert (charged["covers"], charged["price_minor"]) == (80, 120 * 18800)


async def test_the_beo_is_for_staff_only(database: Database) -> None:
    booking = uuid.uuid4()
    await confirmed(database, booking, dietary={"vegetarian": 7})
    deps = CateringDependencies(
        database=database,
        menus=BOOK,
        guarantee=DEFAULT_POLICY,
        tasks=TASKS,
        staff_api_keys=f"other,{STAFF_KEY}",
    )
    app = Litestar(
        route_handlers=[BeoController],
        dependencies={"deps": Provide(lambda: deps, sync_to_thread=False)},
        exception_handlers=EXCEPTION_HANDLERS,
    )
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://catering.test") as client:
        for headers in [{}, {"Authorization": "Bearer nope"}, {"Authorization": STAFF_KEY}]:
            refused = await client.get(f"/orders/{booking}/beo", headers=headers)
            assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Bearer")
        staff = {"Authorization": f"Bearer {STAFF_KEY}"}
        beo = await client.get(f"/orders/{booking}/beo", headers=staff)
        assert beo.status_code == 200 and beo.headers["content-type"].startswith("text/plain")
        assert f"Booking {booking}  |  plan revision 0" in beo.text
        assert "  vegetarian           7" in beo.text and "  Captains  2" in beo.text
        assert (await client.get(f"/orders/{uuid.uuid4()}/beo", headers=staff)).status_code == 404
