from __future__ import annotations

import smtplib
from email.message import EmailMessage

import pytest

from deploy.embedded import SmtpSink, still_running

pytestmark = pytest.mark.integration


def test_keeps_every_message_it_receives(smtp_sink: SmtpSink) -> None:
    for subject in ("Booking confirmed", "Booking cancelled"):
        message = EmailMessage()
        message["From"], message["To"], message["Subject"] = "venue@wict.test", "guest@example.org", subject
        message.set_content("Hall A, 3 June")
        with smtplib.SMTP("127.0.0.1", smtp_sink.port, timeout=5) as client:
            client.send_message(message)

    received = smtp_sink.messages()

    assert [m["Subject"] for m in received] == ["Booking confirmed", "Booking cancelled"]
    assert received[0]["To"] == "guest@example.org"
    assert received[0].get_content().strip() == "Hall A, 3 June"


def test_clear_forgets_the_messages(smtp_sink: SmtpSink) -> None:
    with smtplib.SMTP("127.0.0.1", smtp_sink.port, timeout=5) as client:
        client.sendmail("venue@wict.test", ["guest@example.org"], "Subject: hi\r\n\r\nhello\r\n")

    smtp_sink.clear()

    assert smtp_sink.messages() == []


def test_stop_leaves_no_process_behind(smtp_sink: SmtpSink) -> None:
    pids = smtp_sink.process.family_pids()

    smtp_sink.stop()

    assert smtp_sink.process.returncode == 0
    assert still_running(pids) == set()
