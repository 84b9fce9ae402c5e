from __future__ import annotations

import json
import uuid

import msgspec
import pytest

from clients.vendor import render
from clients.vendor.answers import AnswerResult
from clients.vendor.errors import UsageError
from clients.vendor.identity import Vendor
from clients.vendor.tests.views import VENDOR_ID, view
from shared.contracts.tasks import VendorTaskCancelled, VendorTaskChanged, VendorTaskView

pytestmark = pytest.mark.unit

SHANGHAI = render.zone("Asia/Shanghai")
VENDOR = Vendor("catering", VENDOR_ID)


def test_the_table_shows_each_task_by_its_short_booking_id_with_times_in_the_venues_zone():
    open_task, withdrawn = view("awaiting_answer"), view("cancelled")
    table = render.task_table([open_task, withdrawn], VENDOR, SHANGHAI, closed=True).splitlines()
    assert table[0] == f"Tasks of {VENDOR_ID} (catering), times in Asia/Shanghai:"
    assert table[1].split() == ["BOOKING", "STATE", "ANSWER", "BY", "STARTS", "SPACE", "SUMMARY"]
    first = table[2]
    assert first.startswith(str(open_task.booking_id)[:8] + "  awaiting_answer")
    assert "2027-02-28 14:00" in first and "2027-03-02 14:00" in first  # 06:00 UTC is 14:00 at the venue
    assert first.endswith(open_task.work.summary)  # type: ignore[union-attr]
    assert table[3].startswith(str(withdrawn.booking_id)[:8]) and table[3].endswith("(withdrawn)")
    assert first.index("2027-03-02") == table[1].index("STARTS")  # columns line up


def test_an_empty_list_says_so():
    assert render.task_table([], VENDOR, SHANGHAI, closed=False) == (
        f"Open tasks of {VENDOR_ID} (catering), times in Asia/Shanghai: none."
    )


def test_the_detail_shows_what_to_do_by_when_and_every_detail():
    task = view("awaiting_answer")
    text = render.task_detail(task, render.zone("Europe/Berlin"))
    lines = text.splitlines()
    assert lines[0].split() == ["task", task.task_id]
    assert lines[2].split(maxsplit=1) == [
        "state",
        "awaiting_answer (accept or decline, answer by 2027-02-28 07:00 +01:00)",
    ]
    assert lines[5].split(maxsplit=1) == ["event", "2027-03-02 07:00 - 2027-03-02 11:00 +01:00"]
    assert "  headcount  250" in lines and "    - Roast beef" in lines
    assert ["in_reply_to", str(task.in_reply_to)] in [line.split() for line in lines]


def test_json_output_is_the_contract_itself():
    task = view()
    decoded = msgspec.json.decode(render.as_json([task]), type=list[VendorTaskView])
    assert decoded == [task]


def test_an_answer_result_reads_as_what_happened():
    booking = uuid.uuid4()
    applied = AnswerResult(task_id="t-1", booking_id=booking, answer="declined", sent=True, state="declined")
    assert (
        render.answer_text(applied)
        == f"declined: task t-1 (booking {str(booking)[:8]}) is declined now: the work goes to another vendor"
    )
    escalated = msgspec.structs.replace(applied, state="escalated")
    assert "the venue's staff take it over" in render.answer_text(escalated)
    repeated = AnswerResult(
        task_id="t-1", booking_id=booking, answer="accepted", sent=False, state="accepted"
    )
    assert render.answer_text(repeated).startswith("nothing sent: task t-1")
    unwaited = AnswerResult(
        task_id="t-1", booking_id=booking, answer="done", sent=True, duplicate=True, state="sent"
    )
    assert "sent before" in render.answer_text(unwaited) and "`show`" in render.answer_text(unwaited)
    assert json.loads(render.as_json(applied))["state"] == "declined"


def test_each_watched_event_is_one_headline_and_what_it_is_about():
    work = view().work
    assert work is not None
    changed = VendorTaskChanged(
        **{f: getattr(work, f) for f in work.__struct_fields__ if f != "message_id"},
        changes=["headcount", "time"],
    )
    lines = render.event_text("changed", changed, SHANGHAI).splitlines()
    assert lines[0].split()[3:] == [
        "changed",
        str(work.booking_id)[:8],
        work.task_id,
        "changed:",
        "headcount,",
        "time",
    ]
    assert lines[1] == f"    {work.summary}; starts 2027-03-02 14:00 +08:00"
    cancelled = VendorTaskCancelled(
        booking_id=work.booking_id,
        task_id=work.task_id,
        kind="catering",
        vendor_id=VENDOR_ID,
        reason="the booking was cancelled",
    )
    assert (
        render.event_text("cancelled", cancelled, SHANGHAI).splitlines()[1] == "    the booking was cancelled"
    )
    assert (
        json.loads(render.event_json("cancelled", cancelled))["task"]["reason"] == "the booking was cancelled"
    )


def test_an_unknown_zone_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown time zone"):
        render.zone("Mars/Olympus")
