import uuid

import pytest

from services.notify.adapters.mailer import Email, SmtpMailer

pytestmark = pytest.mark.unit


def test_the_message_carries_the_delivery_as_its_id_and_both_bodies() -> None:
    email = Email(
        delivery_id=uuid.uuid4(),
        booking_id=uuid.uuid4(),
        event="booking_confirmed",
        recipient="li@example.cn",
        locale="zh-CN",
        subject="预订已确认：论坛",
        text="您好",
        html="<p>您好</p>",
    )

    message = SmtpMailer("127.0.0.1", 25, "WICT Venue <bookings@wict.example>").build(email)

    assert message["Message-ID"] == f"<{email.delivery_id}@wict.example>"
    assert message["X-WICT-Booking-Id"] == str(email.booking_id)
    assert message["Subject"] == "预订已确认：论坛"
    plain, html = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and plain.get_content().strip() == "您好"
    assert html is not None and html.get_content().strip() == "<p>您好</p>"
