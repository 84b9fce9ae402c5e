from __future__ import annotations

import httpx
import nats
import pytest

from deploy.embedded import NatsServer, still_running

pytestmark = pytest.mark.integration


async def test_jetstream_acknowledges_a_publish(nats_server: NatsServer) -> None:
    connection = await nats.connect(nats_server.url)
    try:
        jetstream = connection.jetstream()
        await jetstream.add_stream(name="PROBE", subjects=["probe.>"])
        ack = await jetstream.publish("probe.hello", b"hello")
    finally:
        await connection.close()

    assert (ack.stream, ack.seq, ack.duplicate) == ("PROBE", 1, None)


def test_syncs_every_write_to_disk(nats_server: NatsServer) -> None:
    config = httpx.get(f"{nats_server.monitor_url}/varz").json()["jetstream"]["config"]

    assert config["sync_always"] is True
    assert config["store_dir"] == str(nats_server.data_dir / "jetstream")


async def test_keeps_acknowledged_messages_through_a_kill(nats_server: NatsServer) -> None:
    connection = await nats.connect(nats_server.url)
    await connection.jetstream().add_stream(name="KEPT", subjects=["kept.>"])
    await connection.jetstream().publish("kept.one", b"1")
    await connection.close()

    nats_server.kill()
    nats_server.start()

    connection = await nats.connect(nats_server.url)
    try:
        info = await connection.jetstream().stream_info("KEPT")
    finally:
        await connection.close()
    assert info.state.messages == 1


def test_stop_leaves_no_process_behind(nats_server: NatsServer) -> None:
    pids = nats_server.process.family_pids()

    nats_server.stop()

    assert nats_server.pid is None
    assert nats_server.process.returncode == 0
    assert still_running(pids) == set()
