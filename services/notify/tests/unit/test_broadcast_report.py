"""The urgent notice's report per channel: receipts, the feed and missing addresses counted as they are."""

import pytest

from services.notify.domain.broadcast import channel_outcome, channel_totals, recipient_state

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("channel", "state", "receipt", "outcome"),
    [
        ("sms", "sent", None, "sent"),
        ("sms", "sent", "delivered", "delivered"),
        ("sms", "sent", "failed", "failed"),
        ("in_app", "sent", None, "delivered"),
        ("email", "sent", None, "sent"),
        ("email", "not_reachable", None, "not_reachable"),
        ("sms", "pending", None, "pending"),
        ("webhook", "failed", None, "failed"),
    ],
)
def test_each_delivery_is_counted_as_the_report_sees_it(channel, state, receipt, outcome) -> None:
    assert channel_outcome(channel, state, receipt) == outcome


def test_counts_per_channel_name_every_state() -> None:
    totals = channel_totals([("sms", "delivered"), ("sms", "not_reachable"), ("email", "sent")])

    assert totals == {
        "sms": {"pending": 0, "sent": 0, "delivered": 1, "failed": 0, "not_reachable": 1},
        "email": {"pending": 0, "sent": 1, "delivered": 0, "failed": 0, "not_reachable": 0},
    }


def test_a_channel_without_an_address_does_not_decide_a_persons_state() -> None:
    assert recipient_state([("in_app", "sent"), ("sms", "not_reachable"), ("email", "failed")]) == "failed"
    assert recipient_state([("in_app", "sent"), ("sms", "not_reachable")]) == "delivered"
    assert recipient_state([("sms", "not_reachable"), ("email", "pending")]) == "pending"
