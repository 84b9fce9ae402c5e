"""The 3-node JetStream cluster: R3 streams keep acknowledged messages through a leader's SIGKILL, and
with two of three nodes down nothing is acknowledged (so nothing can be reported done)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import nats
import pytest
from nats.js.api import StreamConfig

from deploy.embedded.nats_cluster import NatsCluster

pytestmark = pytest.mark.integration

_NOT_NOW = (nats.errors.Error, asyncio.TimeoutError)  # no quorum / no leader yet / no answer in time


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[NatsCluster]:
    started = NatsCluster(tmp_path / "cluster")
    try:
        started.start()
        yield started
    finally:
        started.stop()


async def _stream_leader(url: str | list[str], stream: str) -> str:
    connection = await nats.connect(url)
    try:
        info = await connection.jetstream().stream_info(stream)
        assert info.cluster is not None and info.cluster.leader
        return info.cluster.leader
    finally:
        await connection.close()


async def _publish_all(connection: nats.NATS, count: int, start: int = 0) -> int:
    jetstream = connection.jetstream(timeout=5)
    acked = 0
    for n in range(start, start + count):
        for _attempt in range(60):  # while a new stream leader is elected, retry (same id: deduplicated)
            try:
                await jetstream.publish("probe.n", str(n).encode(), headers={"Nats-Msg-Id": f"m{n}"})
                acked += 1
                break
            except _NOT_NOW:
                await asyncio.sleep(0.25)
    return acked


async def test_an_r3_stream_keeps_every_acknowledged_message_when_its_leader_is_killed(cluster: NatsCluster):
    connection = await nats.connect(cluster.admin_urls, max_reconnect_attempts=-1, reconnect_time_wait=0.2)
    try:
        await connection.jetstream().add_stream(
            StreamConfig(name="PROBE", subjects=["probe.>"], num_replicas=3, duplicate_window=120)
        )
        assert await _publish_all(connection, 300) == 300
        leader = await _stream_leader(cluster.admin_urls, "PROBE")
        cluster.node(leader).kill()
        assert await _publish_all(connection, 300, start=300) == 300
        new_leader = await _stream_leader(cluster.url, "PROBE")  # a node that runs
        assert new_leader != leader
        info = await connection.jetstream().stream_info("PROBE")
        assert info.state.messages == 600  # nothing lost, nothing doubled
    finally:
        await connection.close()


async def test_with_two_of_three_nodes_down_nothing_is_acknowledged_and_all_resumes_after(
    cluster: NatsCluster,
):
    connection = await nats.connect(cluster.admin_urls[0], max_reconnect_attempts=-1, reconnect_time_wait=0.2)
    try:
        jetstream = connection.jetstream(timeout=2)
        await jetstream.add_stream(StreamConfig(name="QUORUM", subjects=["quorum.>"], num_replicas=3))
        await jetstream.publish("quorum.before", b"1")
        for node in cluster.nodes[1:]:
            node.kill()
        with pytest.raises(_NOT_NOW):
            await jetstream.publish("quorum.during", b"2", headers={"Nats-Msg-Id": "during"})
        for node in cluster.nodes[1:]:
            node.start()
        cluster.wait_for_leader()
        for _attempt in range(120):
            try:
                await jetstream.publish("quorum.after", b"3", headers={"Nats-Msg-Id": "after"})
                break
            except _NOT_NOW:
                await asyncio.sleep(0.25)
        info = await jetstream.stream_info("QUORUM")
        # the refused publish may or may not have been stored before quorum was lost: never more
        assert info.state.messages in (2, 3)
        assert info.state.last_seq >= 2
    finally:
        await connection.close()
