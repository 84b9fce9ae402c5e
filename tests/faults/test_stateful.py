"""Issue 6 #9: a hypothesis state machine books, changes, cancels, approves and answers as a vendor, over the
real stack, while interpreting, catering and notify are SIGKILLed and restarted or paused and resumed.

Each example gets two days of its own, two slots a day, and four spaces that collide: room-a, room-b,
room-ab (both rooms behind the partition wall) and the vip-hall (staff approval). Every HTTP answer must
be one the API gives for that case (never a 5xx). After the example's steps the machine heals the stack,
waits until every saga and change has ended and nothing moves on NATS, then checks the databases:

1. no two confirmed bookings overlap on a space or on any unit of a combined space, and each booking holds
   exactly the units of its plan (a change waiting for staff: also those of its new plan);
2. every saga terminal within its deadline. From the code: a participant step waits ``step timeout`` for
   its answer, a compensation again as long for the releases, the approval step until its own deadline
   (48 h). So a saga ends within ``2 x step timeout`` of the later of its creation and the last staff
   decision on it, a change likewise; a booking (or change) still waiting for staff is allowed only if
   the approval deadline is ahead and every other step already holds what it asked for. No step deadline
   may lie in the past unhandled. Times are the database's own (audit log, change rows);
3. at most one active vendor order per saga step: one live interpreting reservation and one live catering
   order per booking, at the booking's revision (plus the new plan of a change waiting for staff); booths,
   interpreters, receivers and kitchen covers held only by live ones; at most one live catering task per
   booking; interpreting tasks live only for agencies seated on the booking; one task state per
   (booking, kind, vendor, version) in the events, and the venue's view of each task equal to its owner's;
4. a rejected or cancelled booking holds nothing: no hall hold, no network line, no reservation, booth,
   interpreter, receiver, kitchen cover, and no vendor task still open;
5. (notify was killed too) its organizer is told of a rejection or cancellation exactly once, and never
   told twice of one outcome.

The venue runs here with a short participant deadline (``STEP_TIMEOUT``) so that a participant paused or
restarted mid-saga can answer after the saga gave up: the late-answer paths run, not only the happy one.
``make test`` runs a few short examples without shrinking; ``make soak`` many longer ones, shrunk on
failure.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import itertools
import json
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import msgspec
import nats
import pytest
from hypothesis import HealthCheck, Phase, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)

from deploy.embedded.stack import Stack
from services.venue.domain.catalog import load_catalog
from shared.contracts import VendorTaskAccepted, VendorTaskDeclined
from tests.e2e.conftest import next_day
from tests.faults.conftest import SOAK, size
from tests.faults.crash import restart, set_ack_wait, wait_quiescent

pytestmark = pytest.mark.e2e

STEP_TIMEOUT = 5.0  # the venue's participant deadline in this module (WICT_STEP_TIMEOUT_SECONDS)
SLACK = 10.0  # the deadline sweep runs every 0.5 s; the rest covers a loaded machine
ACK_WAIT = 2.0  # what a killed or paused instance held comes back after this
MAX_KILLS = size(2, 1)  # per example: each restart costs seconds
DAYS, SLOTS = 2, ((9, 12), (12, 15))  # adjacent slots: setup and teardown make them collide
SPACES = ("room-a", "room-b", "room-ab", "vip-hall")
FAULTY = ("interpreting", "catering", "notify")
INTERPRETING = {
    "none": None,
    "en>zh": {"floor_language": "en", "target_languages": ["zh"]},
    "ar>zh": {"floor_language": "ar", "target_languages": ["zh"]},  # nobody covers it: rejected
}
CATERING = {"none": None, "tea": {"menu": "tea-break", "headcount": 10}}
HOLDING = ("held", "confirmed")
TERMINAL = ("confirmed", "rejected", "cancelled")
CLOSED_TASK_STATES = {"cancelled", "declined", "expired"}
UNITS = {space.id: tuple(space.units) for space in load_catalog().spaces}  # a combined room: each it joins
_windows = itertools.count(10, DAYS + 1)  # days ahead: past the caterer's 72 h lead time
STATS: collections.Counter[str] = collections.Counter()

# the test's own reads of the databases ({ids}: the example's bookings)
SAGA_STEPS = (
    "SELECT booking_id, step, state, deadline > now() AS ahead FROM saga_steps"
    " WHERE booking_id = ANY({ids}) AND step <> 'hold'"
)
RUNNING_CHANGE_STEPS = (
    "SELECT s.booking_id, s.step, s.state, s.deadline > now() AS ahead FROM change_steps s"
    " JOIN booking_changes c USING (booking_id, revision) WHERE c.state = 'running' AND s.booking_id = ANY({ids})"
)
AWAITING_APPROVAL = (
    "SELECT booking_id FROM saga_steps WHERE step = 'approval' AND state = 'pending' AND booking_id = ANY({ids})"
    " UNION ALL SELECT booking_id FROM change_steps WHERE step = 'approval' AND state = 'pending'"
    " AND booking_id = ANY({ids})"
)
VENUE_VIEW = {
    "bookings": "SELECT id, status, space_id, revision, created_at, lower(blocked) AS blocked_from,"
    " upper(blocked) AS blocked_to, interpreting IS NOT NULL AS interpreting, catering IS NOT NULL AS catering"
    " FROM bookings WHERE id = ANY({ids})",
    "holds": "SELECT booking_id, unit, revision, lower(during) AS starts, upper(during) AS ends"
    " FROM space_holds WHERE booking_id = ANY({ids})",
    "lines": "SELECT booking_id, line_id FROM network_line_holds WHERE booking_id = ANY({ids})",
    "changes": "SELECT booking_id, revision, state, plan, created_at, updated_at FROM booking_changes"
    " WHERE booking_id = ANY({ids})",
    "audit": "SELECT booking_id, action, at FROM audit_log WHERE booking_id = ANY({ids})"
    " AND action IN ('confirmed', 'rejected', 'cancelled', 'approved', 'declined')",
    # every booking's (not only the example's): a deadline passed long ago that nobody acted on
    "overdue": "SELECT booking_id, step FROM saga_steps WHERE deadline < now() - interval '{slack} seconds'"
    " UNION ALL SELECT booking_id, step FROM change_steps WHERE deadline < now() - interval '{slack} seconds'",
    "task_states": "SELECT task_id, booking_id, kind, vendor_id, state, version FROM vendor_task_states"
    " WHERE booking_id = ANY({ids})",
}
TASKS = (
    "SELECT task_id, booking_id, vendor_id, revision, status, state, version FROM vendor_tasks"
    " WHERE booking_id = ANY({ids})"
)
TASKS_TO_ANSWER = (
    "SELECT task_id, booking_id, vendor_id, message_id FROM vendor_tasks WHERE booking_id = ANY({ids})"
    " ORDER BY 1"
)
INTERPRETING_VIEW = {
    "plans": "SELECT booking_id, revision, status FROM reservations WHERE booking_id = ANY({ids})",
    "held_by": " UNION ALL ".join(
        f"SELECT booking_id, revision, '{table}' AS what FROM {table} WHERE booking_id = ANY({{ids}})"
        for table in ("booth_holds", "assignments", "receiver_holds")
    ),
    "seated": "SELECT DISTINCT booking_id, revision, vendor_id FROM assignments WHERE booking_id = ANY({ids})",
    "tasks": TASKS,
}
CATERING_VIEW = {
    "plans": "SELECT booking_id, revision, status FROM catering_orders WHERE booking_id = ANY({ids})",
    # every day's (not only the example's): covers promised must be the live orders' headcounts
    "kitchen": "SELECT k.day, k.meal_period, k.covers_reserved, coalesce(sum(o.headcount), 0) AS held"
    " FROM kitchen_load k LEFT JOIN catering_orders o ON o.day = k.day AND o.meal_period = k.meal_period"
    " AND o.status IN ('held', 'confirmed') GROUP BY 1, 2, 3",
    "tasks": TASKS,
}
ALL_CONFIRMED = "SELECT id, space_id, lower(blocked) AS starts, upper(blocked) AS ends FROM bookings WHERE status = 'confirmed'"
TOLD = (
    "SELECT booking_id, event FROM notifications WHERE booking_id = ANY({ids})"
    " AND recipient_key = 'organizer:{email}'"
)


@pytest.fixture(scope="module", autouse=True)
def _short_deadlines(stack: Stack) -> None:
    venue = stack.service("venue")
    venue.stop()
    venue.env = {**(venue.env or {}), "WICT_STEP_TIMEOUT_SECONDS": str(STEP_TIMEOUT)}
    venue.start()
    venue.wait_ready()
    set_ack_wait(stack, ACK_WAIT)


def rows(stack: Stack, database: str, sql: str) -> list[dict[str, Any]]:
    """The rows of ``sql`` as dicts (through psql and json_agg: the test's own read of the database)."""
    found = stack.postgres.psql(f"SELECT coalesce(json_agg(q), '[]'::json) FROM ({sql}) AS q", database)
    return json.loads(found)


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def ids_sql(ids: list[str]) -> str:
    return "'{" + ",".join(ids) + "}'::uuid[]"


def expect(response: httpx.Response, *statuses: int) -> httpx.Response:
    """The answer must be one the API documents for the case; an error is problem+json naming why."""
    STATS[f"{response.request.method} {response.status_code}"] += 1
    assert response.status_code in statuses, (response.request.method, response.request.url, response.text)
    if response.status_code >= 400:
        assert response.headers["content-type"].startswith("application/problem+json"), response.headers
    return response


class Machine(RuleBasedStateMachine):
    bookings = Bundle("bookings")

    def __init__(self, stack: Stack, organizer: httpx.Client, staff: httpx.Client) -> None:
        super().__init__()
        self.stack, self.organizer, self.staff = stack, organizer, staff
        self.day0 = next_day(next(_windows))
        self.booked: list[str] = []
        self.kills = 0
        self.down: str | None = None
        self.paused: tuple[str, float] | None = None  # service, resume no earlier than (monotonic)
        self.broken = False  # a step failed: that is the failure, teardown only heals
        self.first_seq = {name: self._last_seq(name) + 1 for name in ("INTERPRETING", "CATERING")}

    # ---- the organizer, staff and vendors ----

    def _when(self, day: int, slot: int) -> dict[str, str]:
        start, end = SLOTS[slot]
        date = self.day0 + timedelta(days=day)
        return {
            "starts_at": date.replace(hour=start).isoformat(),
            "ends_at": date.replace(hour=end).isoformat(),
        }

    @rule(
        target=bookings,
        space=st.sampled_from(SPACES),
        day=st.integers(0, DAYS - 1),
        slot=st.integers(0, len(SLOTS) - 1),
        attendees=st.sampled_from([10, 20]),
        interpreting=st.sampled_from(list(INTERPRETING)),
        catering=st.sampled_from(list(CATERING)),
    )
    def book(
        self, space: str, day: int, slot: int, attendees: int, interpreting: str, catering: str
    ) -> str | None:
        return self._book(space, day, slot, attendees, interpreting, catering)

    @initialize(
        target=bookings,
        space=st.sampled_from(SPACES),
        day=st.integers(0, DAYS - 1),
        slot=st.integers(0, len(SLOTS) - 1),
    )
    def first_booking(self, space: str, day: int, slot: int) -> str | None:
        """Every example starts with a booking that needs both services."""
        return self._book(space, day, slot, 20, "en>zh", "tea")

    @rule(
        target=bookings,
        space=st.sampled_from(SPACES),
        day=st.integers(0, DAYS - 1),
        slot=st.integers(0, len(SLOTS) - 1),
    )
    def book_with_services(self, space: str, day: int, slot: int) -> str | None:
        """Interpretation and catering both: vendor tasks for two agencies' and two caterers' answers."""
        return self._book(space, day, slot, 20, "en>zh", "tea")

    def _book(
        self, space: str, day: int, slot: int, attendees: int, interpreting: str, catering: str
    ) -> str | None:
        with self._step():
            body = {
                "space_id": space,
                "layout": "boardroom",
                **self._when(day, slot),
                "attendees": attendees,
                "title": "Stateful exchange forum",
                "interpreting": INTERPRETING[interpreting],
                "catering": CATERING[catering],
            }
            response = expect(self.organizer.post("/bookings", json=body), 201, 202, 409, 422)
            if response.status_code == 409:
                # listed as they are now: a compensation may have freed them since (then the list is empty)
                assert isinstance(response.json()["conflicts"], list), response.text
            if response.status_code in (409, 422):
                return None  # refused; a None keeps the bundle independent of the stack's answers
            waits = space == "vip-hall" or interpreting != "none" or catering != "none"
            accepted = response.json()
            assert (response.status_code, accepted["status"]) == (
                (202, "pending") if waits else (201, "confirmed")
            )
            self.booked.append(accepted["booking_id"])
            return accepted["booking_id"]

    @rule(
        booking=bookings,
        edit=st.one_of(
            st.tuples(st.just("attendees"), st.sampled_from([10, 20])),
            st.tuples(st.just("interpreting"), st.sampled_from(list(INTERPRETING))),
            st.tuples(st.just("catering"), st.sampled_from(list(CATERING))),
        ),
    )
    def change(self, booking: str | None, edit: tuple[str, str | int]) -> None:
        """Change the headcount, or add, swap or drop a service."""
        field, value = edit
        services: dict[str, dict[Any, Any]] = {"interpreting": INTERPRETING, "catering": CATERING}
        self._change(booking, {field: services[field][value] if field in services else value})

    @rule(
        booking=bookings,
        day=st.integers(0, DAYS - 1),
        slot=st.integers(0, len(SLOTS) - 1),
        space=st.sampled_from([None, *SPACES]),
    )
    def move(self, booking: str | None, day: int, slot: int, space: str | None) -> None:
        """Move the booking to another day or slot, and maybe to another space (perhaps onto itself)."""
        self._change(booking, {**self._when(day, slot), **({"space_id": space} if space else {})})

    def _change(self, booking: str | None, body: dict[str, Any]) -> None:
        if booking is None:
            return
        with self._step():
            response = expect(self.organizer.patch(f"/bookings/{booking}", json=body), 202, 409, 422)
            if response.status_code == 202:
                assert response.json()["state"] in ("running", "applied"), response.text

    @rule(booking=bookings)
    def cancel(self, booking: str | None) -> None:
        if booking is None:
            return
        with self._step():
            response = expect(self.organizer.post(f"/bookings/{booking}/cancel", json={}), 200, 409)
            status = self.organizer.get(f"/bookings/{booking}").raise_for_status().json()["status"]
            # 200: it is cancelled for good; 409: there was nothing to cancel, it had been rejected
            assert status == ("cancelled" if response.status_code == 200 else "rejected"), response.text

    @rule(booking=bookings, approve=st.booleans(), listed=st.booleans())
    def decide(self, booking: str | None, approve: bool, listed: bool) -> None:
        """Staff approve or reject: the first booking of the example on their list of pending approvals
        (``listed``, if there is one), else ``booking``, which may have nothing to decide."""
        with self._step():
            pending = [a["booking_id"] for a in expect(self.staff.get("/approvals"), 200).json()]
            mine = [booking_id for booking_id in pending if booking_id in self.booked]
            booking = mine[0] if listed and mine else booking
            if booking is None:
                return
            note(f"staff decide on {booking}")
            decision = {"decision": "approve"} if approve else {"decision": "reject", "reason": "room needed"}
            expect(self.staff.post(f"/bookings/{booking}/approval", json=decision), 200, 409)
            # decided now, or there was nothing to decide: either way no approval waits any more
            assert not self._awaiting_approval(booking), booking

    @rule(
        kind=st.sampled_from(["interpreting", "catering"]),
        accept=st.booleans(),
        pick=st.integers(0, 7),
        reply=st.sampled_from(["latest", "none", "stale"]),
    )
    def vendor_answers(self, kind: str, accept: bool, pick: int, reply: str) -> None:
        """A vendor accepts or declines one of its tasks of the example (answering the latest version of it,
        or no version in particular, or one it never got), published on its own subject as its client would."""
        with self._step():
            tasks = self._rows(kind, TASKS_TO_ANSWER, ids_sql(self.booked)) if self.booked else []
            if not tasks:
                return
            task = tasks[pick % len(tasks)]
            note(f"{task['vendor_id']} answers {task['task_id']}")
            in_reply_to = {"latest": uuid.UUID(task["message_id"]), "none": None, "stale": uuid.uuid4()}
            common = {
                "booking_id": uuid.UUID(task["booking_id"]),
                "task_id": task["task_id"],
                "kind": kind,
                "vendor_id": task["vendor_id"],
                "in_reply_to": in_reply_to[reply],
            }
            answer = (
                VendorTaskAccepted(**common) if accept else VendorTaskDeclined(**common, reason="booked up")
            )
            STATS[f"vendor {kind} {'accepted' if accept else 'declined'} {reply}"] += 1
            self._publish(answer.vendor_subject(), msgspec.json.encode(answer), str(answer.message_id))

    @rule(booking=bookings)
    def wait_for(self, booking: str | None) -> None:
        """The organizer waits until the booking's saga (and change) has ended or waits only for staff; a
        paused service is resumed when its time is up, a killed one stays down: deadlines may pass."""
        with self._step():
            bound = time.monotonic() + 2 * STEP_TIMEOUT + SLACK
            while booking is not None and (unsettled := self._unsettled([booking])):
                assert time.monotonic() < bound, f"saga not terminal within its deadline: {unsettled}"
                if self.paused is not None and self.paused[1] <= time.monotonic():
                    self._resume()
                time.sleep(0.1)

    # ---- faults ----

    @precondition(lambda self: self.down is None and self.paused is None)
    @rule(kill=st.booleans(), service=st.sampled_from(FAULTY), seconds=st.sampled_from([1.0, 2.0]))
    def fault(self, kill: bool, service: str, seconds: float) -> None:
        """SIGKILL ``service`` (it stays down until healed; at most MAX_KILLS an example, then it is paused
        instead), or SIGSTOP it for ``seconds`` at least."""
        with self._step():
            if kill and self.kills < MAX_KILLS:
                self.stack.service(service).kill()
                self.kills += 1
                self.down = service
            else:
                self.stack.service(service).pause()
                self.paused = (service, time.monotonic() + seconds)
            STATS[f"{'kill' if self.down else 'pause'} {service}"] += 1

    @precondition(lambda self: self.down is not None or self.paused is not None)
    @rule()
    def heal(self) -> None:
        """Restart the killed service, or SIGCONT the paused one once its time is up."""
        with self._step():
            self._heal()

    def _heal(self) -> None:
        if self.paused is not None:
            self._resume()
        if self.down is not None:
            self._restart()

    def _restart(self) -> None:
        assert self.down is not None
        restart(self.stack, self.down)
        self.down = None

    def _resume(self) -> None:
        assert self.paused is not None
        service, earliest = self.paused
        time.sleep(max(0.0, earliest - time.monotonic()))
        self.stack.service(service).resume()
        self.paused = None

    # ---- after the steps: heal, settle, check ----

    def teardown(self) -> None:
        self._heal()
        if self.broken or not self.booked:
            return
        self._settle()
        venue = self._venue_view()
        self._check_no_overlap(venue)
        self._check_deadlines(venue)
        interpreting, catering = self._participant_view()
        self._check_vendor_orders(venue, interpreting, catering)
        self._check_rejected_hold_nothing(venue, interpreting, catering)
        self._check_told_once(venue)
        for booking in venue["bookings"].values():
            STATS[f"ended {booking['status']}"] += 1

    def _settle(self) -> None:
        """Wait until every saga and change has ended (or waits for staff, as it may) and nothing moves."""
        bound = time.monotonic() + 2 * STEP_TIMEOUT + SLACK
        while True:
            unsettled = self._unsettled(self.booked)
            if not unsettled:
                wait_quiescent(self.stack)
                unsettled = self._unsettled(self.booked)
                if not unsettled:
                    return
            assert time.monotonic() < bound, f"sagas not terminal within their deadline: {unsettled}"
            time.sleep(0.2)

    def _unsettled(self, bookings: list[str]) -> dict[str, str]:
        """The bookings whose saga or change still runs (neither ended nor only waiting for staff)."""
        ids = ids_sql(bookings)
        steps, changes = collections.defaultdict(list), collections.defaultdict(list)
        for step in self._rows("venue", SAGA_STEPS, ids):
            steps[step["booking_id"]].append(step)
        for step in self._rows("venue", RUNNING_CHANGE_STEPS, ids):
            changes[step["booking_id"]].append(step)
        unsettled = {}
        for booking in self._rows("venue", "SELECT id, status FROM bookings WHERE id = ANY({ids})", ids):
            booking_id, status = booking["id"], booking["status"]
            if status not in (*TERMINAL, "pending"):
                unsettled[booking_id] = status
            elif status == "pending" and not _waits_for_staff(steps[booking_id]):
                unsettled[booking_id] = f"pending: {steps[booking_id]}"
            elif changes[booking_id] and not _waits_for_staff(changes[booking_id]):
                unsettled[booking_id] = f"{status}, change running: {changes[booking_id]}"
        return unsettled

    def _venue_view(self) -> dict[str, Any]:
        ids = ids_sql(self.booked)
        view: dict[str, Any] = {name: self._rows("venue", sql, ids) for name, sql in VENUE_VIEW.items()}
        view["bookings"] = {booking["id"]: booking for booking in view["bookings"]}
        return view

    def _participant_view(self) -> tuple[dict[str, Any], dict[str, Any]]:
        ids = ids_sql(self.booked)
        interpreting = {name: self._rows("interpreting", sql, ids) for name, sql in INTERPRETING_VIEW.items()}
        interpreting["events"] = self._task_events("INTERPRETING", "interpreting.evt.task_state")
        catering = {name: self._rows("catering", sql, ids) for name, sql in CATERING_VIEW.items()}
        catering["events"] = self._task_events("CATERING", "catering.evt.task_state")
        return interpreting, catering

    # ---- the invariants ----

    def _check_no_overlap(self, venue: dict[str, Any]) -> None:
        """1. No two confirmed bookings (of any example) share a unit at any moment; each holds its plan."""
        confirmed = rows(self.stack, "venue", ALL_CONFIRMED)
        by_unit = collections.defaultdict(list)
        for booking in confirmed:
            for unit in UNITS[booking["space_id"]]:
                by_unit[unit].append((moment(booking["starts"]), moment(booking["ends"]), booking["id"]))
        for unit, spans in by_unit.items():
            spans.sort()
            for (_, ends, first), (starts, _, second) in itertools.pairwise(spans):
                assert ends <= starts, f"confirmed bookings {first} and {second} overlap on {unit}"
        running = {c["booking_id"]: c for c in venue["changes"] if c["state"] == "running"}
        held = collections.defaultdict(set)
        for hold in venue["holds"]:
            held[hold["booking_id"]].add((hold["unit"], hold["revision"]))
            booking = venue["bookings"][hold["booking_id"]]
            if hold["revision"] == booking["revision"]:
                span = (moment(hold["starts"]), moment(hold["ends"]))
                assert span == (moment(booking["blocked_from"]), moment(booking["blocked_to"])), (
                    booking,
                    hold,
                )
        for booking_id, booking in venue["bookings"].items():
            wanted = set()
            if booking["status"] in ("confirmed", "pending"):
                wanted = {(unit, booking["revision"]) for unit in UNITS[booking["space_id"]]}
            if booking_id in running:
                change = running[booking_id]
                wanted |= {(unit, change["revision"]) for unit in UNITS[change["plan"]["space_id"]]}
            assert held[booking_id] == wanted, (booking, held[booking_id])

    def _check_deadlines(self, venue: dict[str, Any]) -> None:
        """2. Every saga and change ended within 2 x step timeout of its start or of the last staff decision."""
        assert not venue["overdue"], f"deadlines passed and nobody acted: {venue['overdue']}"
        ended: dict[str, datetime] = {}
        decided: dict[str, datetime] = {}
        for entry in venue["audit"]:
            at, booking_id = moment(entry["at"]), entry["booking_id"]
            if entry["action"] in ("approved", "declined"):
                decided[booking_id] = max(at, decided.get(booking_id, at))
            else:
                ended[booking_id] = min(at, ended.get(booking_id, at))
        allowed = timedelta(seconds=2 * STEP_TIMEOUT + SLACK)
        for booking_id, booking in venue["bookings"].items():
            if booking["status"] == "pending":
                continue  # waits for staff, its approval deadline ahead (checked while settling)
            created = moment(booking["created_at"])
            started = max(created, decided.get(booking_id, created))
            assert booking_id in ended, ("no audit entry of the saga's end", booking)
            assert ended[booking_id] - started <= allowed, (booking, ended[booking_id], started)
        for change in venue["changes"]:
            if change["state"] == "running":
                continue
            created, booking_id = moment(change["created_at"]), change["booking_id"]
            started = max(created, decided.get(booking_id, created))
            assert moment(change["updated_at"]) - started <= allowed, change

    def _check_vendor_orders(self, venue: dict[str, Any], *participants: dict[str, Any]) -> None:
        """3. One live order per booking and service, at the booking's plan; nothing held beside it; tasks
        live only where the work is; one state per task version; the venue sees what the owner says."""
        running = {c["booking_id"]: c for c in venue["changes"] if c["state"] == "running"}
        for name, view in zip(("interpreting", "catering"), participants, strict=True):
            live: dict[str, dict[int, str]] = collections.defaultdict(dict)
            for plan in view["plans"]:
                if plan["status"] in HOLDING:
                    live[plan["booking_id"]][plan["revision"]] = plan["status"]
            for booking_id, booking in venue["bookings"].items():
                wanted: dict[int, str] = {}
                if booking[name] and booking["status"] == "confirmed":
                    wanted[booking["revision"]] = "confirmed"
                elif booking[name] and booking["status"] == "pending":
                    wanted[booking["revision"]] = "held"
                change = running.get(booking_id)
                if change is not None and change["plan"][name]:
                    wanted[change["revision"]] = "held"
                assert live[booking_id] == wanted, (name, booking, live[booking_id])
            for held in view.get("held_by", []):
                assert held["revision"] in live[held["booking_id"]], (name, "held without a live plan", held)
            for row in view["kitchen"] if name == "catering" else []:
                assert row["covers_reserved"] == row["held"], ("kitchen covers differ from live orders", row)
            self._check_tasks(name, view, venue, live)

    def _check_tasks(
        self, name: str, view: dict[str, Any], venue: dict[str, Any], live: dict[str, Any]
    ) -> None:
        seated = {(s["booking_id"], s["revision"], s["vendor_id"]) for s in view.get("seated", [])}
        live_tasks: collections.Counter[str] = collections.Counter()
        for task in view["tasks"]:
            if task["status"] != "live":
                continue
            booking = venue["bookings"][task["booking_id"]]
            assert booking["status"] == "confirmed" and task["revision"] == booking["revision"], (
                name,
                task,
                booking,
            )
            live_tasks[task["booking_id"]] += 1
            if name == "interpreting":
                assert (task["booking_id"], task["revision"], task["vendor_id"]) in seated, (
                    name,
                    "unseated",
                    task,
                )
        if name == "catering":
            assert max(live_tasks.values(), default=0) <= 1, ("two caterers hold one order", live_tasks)
        versions = collections.defaultdict(set)
        for event in view["events"]:
            if event["booking_id"] in venue["bookings"]:
                key = (event["booking_id"], event["kind"], event["vendor_id"], event["version"])
                versions[key].add((event["task_id"], event["state"]))
        twice = {key: told for key, told in versions.items() if len(told) > 1}
        assert not twice, (name, "one task version told as two", twice)
        owner = {t["task_id"]: (t["state"], t["version"]) for t in view["tasks"]}
        seen = {t["task_id"]: (t["state"], t["version"]) for t in venue["task_states"] if t["kind"] == name}
        assert seen == owner, (name, "the venue's view of the tasks differs from the owner's", seen, owner)

    def _check_rejected_hold_nothing(self, venue: dict[str, Any], *participants: dict[str, Any]) -> None:
        """4. A rejected or cancelled booking holds nothing anywhere, and no vendor still works for it."""
        ended = {
            b for b, booking in venue["bookings"].items() if booking["status"] in ("rejected", "cancelled")
        }
        holding = [h for h in venue["holds"] + venue["lines"] if h["booking_id"] in ended]
        assert not holding, ("venue holds of ended bookings", holding)
        for name, view in zip(("interpreting", "catering"), participants, strict=True):
            plans = [p for p in view["plans"] if p["booking_id"] in ended and p["status"] in HOLDING]
            held = [h for h in view.get("held_by", []) if h["booking_id"] in ended]
            tasks = [
                t for t in view["tasks"] if t["booking_id"] in ended and t["state"] not in CLOSED_TASK_STATES
            ]
            assert not (plans or held or tasks), (name, "ended bookings still hold", plans, held, tasks)

    def _check_told_once(self, venue: dict[str, Any]) -> None:
        """5. The organizer is told of a rejection or cancellation once, and never of one outcome twice."""
        email = self.organizer.account["email"].lower()  # type: ignore[attr-defined]
        told = collections.Counter(
            (row["booking_id"], row["event"])
            for row in self._rows("notify", TOLD.replace("{email}", email), ids_sql(self.booked))
        )
        for booking_id, booking in venue["bookings"].items():
            outcomes = {event: told[(booking_id, f"booking_{event}")] for event in TERMINAL}
            assert max(outcomes.values()) <= 1, (booking, outcomes)
            if booking["status"] in ("rejected", "cancelled"):
                assert outcomes[booking["status"]] == 1, (booking, outcomes)
            if booking["status"] == "rejected":
                assert outcomes["confirmed"] == 0, (booking, outcomes)

    # ---- plumbing ----

    @contextlib.contextmanager
    def _step(self) -> Iterator[None]:
        self.broken = True  # stays so if the step raises
        yield
        self.broken = False

    def _awaiting_approval(self, booking: str) -> bool:
        return bool(self._rows("venue", AWAITING_APPROVAL, ids_sql([booking])))

    def _rows(self, database: str, sql: str, ids: str) -> list[dict[str, Any]]:
        return rows(self.stack, database, sql.format(ids=ids, slack=SLACK))

    def _publish(self, subject: str, payload: bytes, message_id: str) -> None:
        async def send() -> None:
            connection = await nats.connect(self.stack.nats.url)
            try:
                await connection.jetstream().publish(subject, payload, headers={"Nats-Msg-Id": message_id})
            finally:
                await connection.close()

        asyncio.run(send())

    def _last_seq(self, stream: str) -> int:
        async def read() -> int:
            connection = await nats.connect(self.stack.nats.url)
            try:
                return int((await connection.jetstream().stream_info(stream)).state.last_seq)
            finally:
                await connection.close()

        return asyncio.run(read())

    def _task_events(self, stream: str, subject: str) -> list[dict[str, Any]]:
        """The task state events of ``stream`` since this example began, in order."""

        async def read() -> list[dict[str, Any]]:
            connection = await nats.connect(self.stack.nats.url)
            found: list[dict[str, Any]] = []
            sequence = self.first_seq[stream]
            try:
                js = connection.jetstream()
                while True:
                    try:
                        message = await js.get_msg(stream, seq=sequence, subject=subject, next=True)
                    except nats.js.errors.NotFoundError:
                        return found
                    found.append(json.loads(message.data or b"{}"))
                    assert message.seq is not None
                    sequence = message.seq + 1
            finally:
                await connection.close()

        return asyncio.run(read())


def _waits_for_staff(steps: list[dict[str, Any]]) -> bool:
    """Only a staff decision is missing: the approval pending with its deadline ahead, every other step held."""
    approval = [s for s in steps if s["step"] == "approval"]
    others = [s for s in steps if s["step"] != "approval"]
    return (
        len(approval) == 1
        and approval[0]["state"] == "pending"
        and bool(approval[0]["ahead"])
        and all(s["state"] == "reserved" for s in others)
    )


@pytest.mark.timeout(size(3600, 900))
def test_bookings_changes_answers_and_faults_keep_every_invariant(
    stack: Stack, organizer: httpx.Client, staff: httpx.Client
):
    phases = [Phase.explicit, Phase.generate, *([Phase.shrink] if SOAK else [])]
    run_state_machine_as_test(
        lambda: Machine(stack, organizer, staff),  # type: ignore[arg-type,return-value]  # a factory will do
        settings=settings(
            max_examples=size(75, 10),
            stateful_step_count=size(40, 20),
            deadline=None,
            database=None,
            phases=phases,
            suppress_health_check=[
                HealthCheck.too_slow,
                HealthCheck.filter_too_much,
                HealthCheck.data_too_large,
            ],
        ),
    )
    print(dict(sorted(STATS.items())))  # what ran: pytest -s shows it
