"""The ops API's NATS login on the session's real NATS (users and permissions as deployed): the ``ops`` user
reads every durable's lag and the dead letters; the venue's own user may not, and the ops API says why."""

import pytest

from services.venue.adapters.ops.nats import (
    OpsNatsUnavailable,
    consumer_lag,
    dead_letter_count,
    ops_jetstream,
)
from services.venue.bootstrap import VenueConfig
from shared.messaging.dead_letters import DeadLetters
from shared.messaging.streams import CONSUMERS

pytestmark = pytest.mark.integration


def config(infra, ops_user: str = "") -> VenueConfig:
    venue, ops = infra.nats.login("venue"), infra.nats.login("ops")
    return VenueConfig(
        nats_url=venue.url,
        nats_user=venue.user,
        nats_password=venue.password,
        ops_nats_user=ops.user if ops_user else "",
        ops_nats_password=ops.password if ops_user else "",
    )


async def test_the_ops_login_reads_the_lag_of_every_durable_and_the_dead_letters(infra):
    async with ops_jetstream(config(infra, "ops")) as js:
        lag = await consumer_lag(js)
        letters = await DeadLetters(js).list()
        count = await dead_letter_count(js)

    assert [(c.stream, c.durable) for c in lag] == [(c.stream, c.durable) for c in CONSUMERS]
    assert all(c.num_pending >= 0 and c.num_ack_pending >= 0 for c in lag)
    assert len(letters) == count


async def test_the_venues_own_login_is_refused_and_the_refusal_is_named(infra):
    with pytest.raises(OpsNatsUnavailable, match=r"(?i)permissions violation.*CONSUMER\.INFO\.INTERPRETING"):
        async with ops_jetstream(config(infra)) as js:
            await consumer_lag(js)


async def test_a_nats_that_does_not_answer_is_unavailable_not_an_error():
    unreachable = VenueConfig(nats_url="nats://127.0.0.1:9")
    with pytest.raises(OpsNatsUnavailable, match="cannot connect"):
        async with ops_jetstream(unreachable):
            pass
