"""Scenario 6 on a 3-node JetStream cluster (R3 streams, ``sync_interval: always``), services failing
over between the nodes.

1. The node leading the most of our streams is SIGKILLed when 30% of the sagas are in: zero lost sagas,
   zero doubled effects, every saga terminal (1,000 sagas under `make soak`).
2. With two of the three nodes down nothing can be acknowledged: bookings are accepted (the outbox keeps
   their commands) but none is reported confirmed; once the nodes are back every saga finishes.
"""

from __future__ import annotations

import asyncio
import collections
import time

import httpx
import nats
import pytest

from deploy.embedded.nats_cluster import NatsCluster, NatsNode
from deploy.embedded.stack import Stack
from shared.messaging.streams import STREAMS
from tests.faults.conftest import size
from tests.faults.load import (
    assert_no_duplicate_effects,
    bodies,
    book_all,
    record,
    seconds_since_fault,
    wait_terminal,
)

pytestmark = pytest.mark.e2e

NATS_NODES = 3


def _cluster(stack: Stack) -> NatsCluster:
    assert isinstance(stack.nats, NatsCluster)
    return stack.nats


def _stream_leaders(stack: Stack) -> collections.Counter[str]:
    """How many of our streams each node leads now (and that every stream has three replicas)."""

    async def read() -> collections.Counter[str]:
        connection = await nats.connect(_cluster(stack).admin_urls, connect_timeout=5)
        try:
            leaders: collections.Counter[str] = collections.Counter()
            for stream in STREAMS:
                info = await connection.jetstream().stream_info(stream.name)
                assert info.config.num_replicas == NATS_NODES and info.cluster is not None
                leaders[str(info.cluster.leader)] += 1
            return leaders
        finally:
            await connection.close()

    return asyncio.run(read())


def _busiest_leader(stack: Stack) -> NatsNode:
    name, _ = _stream_leaders(stack).most_common(1)[0]
    return _cluster(stack).node(name)


def test_the_leading_node_killed_at_30_percent_loses_and_doubles_no_saga(stack: Stack, organizer):
    leader = _busiest_leader(stack)
    sagas = bodies(size(1000, 120), "cluster leader killed")
    try:
        accepted = book_all(organizer, sagas, leader.kill, at=0.3)
        assert len(accepted) == len(sagas)
        states = wait_terminal(organizer, accepted, timeout=size(900, 300))
        record(
            "cluster-leader-killed",
            sagas=len(accepted),
            confirmed=sum(state == "confirmed" for state in states.values()),
            all_terminal_after_fault_s=seconds_since_fault(),
        )
        assert set(states.values()) == {"confirmed"}, collections.Counter(states.values())
        assert_no_duplicate_effects(stack, states)
        assert leader.name not in _stream_leaders(stack)  # the survivors lead every stream now
    finally:
        leader.start()
        _cluster(stack).wait_for_leader()


def _statuses(client: httpx.Client, booking_ids: list[str]) -> collections.Counter[str]:
    return collections.Counter(client.get(f"/bookings/{b}").json()["status"] for b in booking_ids)


def test_with_two_of_three_nodes_down_nothing_is_confirmed_and_everything_finishes_after(
    stack: Stack, organizer
):
    cluster = _cluster(stack)
    down = cluster.nodes[1:]
    sagas = bodies(size(100, 20), "cluster without quorum")
    for node in down:
        node.kill()
    try:
        accepted = []
        for body in sagas:  # the API still takes bookings: only the database is needed for that
            response = organizer.post("/bookings", json=body, headers={"Idempotency-Key": body["title"]})
            assert response.status_code == 202, response.text
            accepted.append(response.json()["booking_id"])
        watched_until = time.monotonic() + 8  # well inside the 30 s step deadline
        while time.monotonic() < watched_until:
            statuses = _statuses(organizer, accepted)
            assert statuses["confirmed"] == 0, statuses  # no quorum: nothing may be reported confirmed
            time.sleep(0.5)
    finally:
        for node in down:
            node.start()
        cluster.wait_for_leader()
    outage_ended = time.monotonic()
    states = wait_terminal(organizer, accepted)
    record(
        "cluster-two-nodes-down",
        sagas=len(accepted),
        all_terminal_after_recovery_s=round(time.monotonic() - outage_ended, 2),
    )
    assert set(states.values()) == {"confirmed"}, collections.Counter(states.values())
    assert_no_duplicate_effects(stack, states)
