import uuid

import pytest

from services.notify.domain.broadcast import Notice, notice_for, recipient_state, totals
from services.notify.domain.channels import Contact, Endpoint, organizer_key, plan_deliveries

pytestmark = pytest.mark.unit

VENDOR = Contact(
    key="vendor:agency-yangtze",
    kind="vendor",
    name="王敏",
    email="a@agency.example",
    phone="+8613800000101",
    locale="zh-CN",
    time_zone="Asia/Shanghai",
)


def states(planned) -> dict[str, str]:
    return {delivery.channel: delivery.state for delivery in planned}


def test_every_channel_the_recipient_has_one_per_webhook_endpoint() -> None:
    endpoints = [Endpoint(uuid.uuid4()), Endpoint(uuid.uuid4())]

    planned = plan_deliveries(VENDOR, endpoints, set(), essential=False)

    assert [d.channel for d in planned] == ["in_app", "email", "sms", "webhook", "webhook"]
    assert states(planned) == {"in_app": "sent", "email": "pending", "sms": "pending", "webhook": "pending"}
    assert [d.endpoint_id for d in planned[-2:]] == [e.id for e in endpoints]


def test_an_organizer_without_phone_gets_no_sms() -> None:
    organizer = Contact(
        key="organizer:a@b.org",
        kind="organizer",
        name="A",
        email="a@b.org",
        phone="",
        locale="en",
        time_zone="Europe/Berlin",
    )

    assert [d.channel for d in plan_deliveries(organizer, [], set(), False)] == ["in_app", "email"]


def test_opted_out_channels_are_skipped_except_for_essential_notices() -> None:
    assert states(plan_deliveries(VENDOR, [], {"email", "sms"}, essential=False)) == {
        "in_app": "sent",
        "email": "skipped",
        "sms": "skipped",
    }
    assert states(plan_deliveries(VENDOR, [], {"email", "sms"}, essential=True)) == {
        "in_app": "sent",
        "email": "pending",
        "sms": "pending",
    }


def test_the_organizer_key_ignores_case_and_spaces() -> None:
    assert organizer_key(" Ann@Example.ORG ") == "organizer:ann@example.org"


@pytest.mark.parametrize(
    ("channels", "state"),
    [
        ([("in_app", "sent"), ("email", "sent"), ("sms", "failed")], "delivered"),
        ([("in_app", "sent"), ("email", "pending"), ("sms", "failed")], "pending"),
        ([("in_app", "sent"), ("email", "failed"), ("webhook", "failed")], "failed"),
        ([("in_app", "sent")], "delivered"),
        ([("in_app", "sent"), ("email", "skipped")], "delivered"),
    ],
)
def test_a_recipient_is_reached_once_any_outside_channel_delivered(channels, state) -> None:
    assert recipient_state(channels) == state


def test_totals_count_every_state() -> None:
    assert totals(["delivered", "pending", "delivered"]) == {"delivered": 2, "failed": 0, "pending": 1}


def test_the_notice_is_chosen_in_the_readers_language_else_english() -> None:
    notices = {
        "en": Notice(headline="Closed", message="Storm"),
        "zh-CN": Notice(headline="闭馆", message="暴雨"),
    }

    assert notice_for(notices, "zh-Hans")[0] == "zh-CN"
    assert notice_for(notices, "de")[0] == "en"
    assert notice_for({"zh-CN": notices["zh-CN"]}, "de")[0] == "zh-CN"
