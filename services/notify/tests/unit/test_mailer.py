import email as mail
import uuid
from email.policy import default

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

    raw = SmtpMailer("127.0.0.1", 25, "WICT Venue <bookings@wict.example>").build(email)
    message = mail.message_from_bytes(raw, policy=default)

    assert message["Message-ID"] == f"<{email.delivery_id}@wict.example>"
    assert message["X-WICT-Booking-Id"] == str(email.booking_id)
    assert message["Subject"] == "预订已确认：论坛"
    plain, html = message.get_body(("plain",)), message.get_body(("html",))
    assert plain is not None and plain.get_content().strip() == "您好"
    assert html is not None and html.get_content().strip() == "<p>您好</p>"


def test_a_title_with_a_line_break_stays_in_its_header() -> None:
    email = Email(
        delivery_id=uuid.uuid4(),
        booking_id=None,
        event="booking_confirmed",
        recipient="li@example.cn",
        locale="en",
        subject="Forum\r\nBcc: someone@example.org",
        text="Hello",
        html="",
    )
    message = mail.message_from_bytes(SmtpMailer("127.0.0.1", 25, "bookings@wict.example").build(email))
    assert message["Subject"] == "Forum Bcc: someone@example.org" and message["Bcc"] is None
    assert message.get_content_type() == "text/plain"
