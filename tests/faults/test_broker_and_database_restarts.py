"""Scenarios 6 (single node) and 7: NATS, then PostgreSQL, restarted (or killed) while sagas are in flight.

Bookings keep coming from many clients; part way through the broker or the database goes away and comes
back. Afterwards every booking accepted by the API reaches a terminal state, none is lost, and no effect
happened twice (one reservation per booking at each participant, one confirmation event per booking).
"""

from __future__ import annotations

import pytest

from deploy.embedded.stack import Stack
from tests.faults.conftest import size
from tests.faults.crash import count
from tests.faults.load import (
    assert_no_duplicate_effects,
    bodies,
    book_all,
    record,
    seconds_since_fault,
    wait_terminal,
)

pytestmark = pytest.mark.e2e


def test_nats_restarted_under_load_loses_no_saga(stack: Stack, organizer):
    sagas = bodies(size(300, 60), "NATS restart")
    accepted = book_all(organizer, sagas, stack.nats.restart, at=0.3)
    assert len(accepted) == len(sagas)
    states = wait_terminal(organizer, accepted)
    record("nats-restart", sagas=len(accepted), all_terminal_after_fault_s=seconds_since_fault())
    # every slot was free: nothing to reject
    assert set(states.values()) == {"confirmed"}, set(states.values())
    assert_no_duplicate_effects(stack, states)


def test_postgresql_restarted_under_load_leaves_no_partial_saga(stack: Stack, organizer):
    sagas = bodies(size(300, 60), "PostgreSQL restart")
    accepted = book_all(organizer, sagas, stack.postgres.restart, at=0.3)
    states = wait_terminal(organizer, accepted)
    record("postgres-restart", sagas=len(accepted), all_terminal_after_fault_s=seconds_since_fault())
    assert set(states.values()) == {"confirmed"}, set(states.values())
    assert_no_duplicate_effects(stack, states)
    stuck = count(stack, "venue", "SELECT count(*) FROM bookings WHERE status = 'pending'")
    assert stuck == 0
