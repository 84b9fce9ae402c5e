from __future__ import annotations

import uuid

import msgspec
import pytest

from clients.vendor import answers, lookup
from clients.vendor.errors import UnknownTask
from clients.vendor.identity import Vendor
from clients.vendor.lookup import OPEN_STATES, STATES
from clients.vendor.tests.views import view
from shared.contracts.tasks import VendorTaskDeclined
from shared.messaging import vendors as platform_vendors
from shared.participant.domain import task_states as platform_states

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("answer", ["accepted", "declined", "done"])
@pytest.mark.parametrize("state", STATES)
def test_the_client_sends_exactly_the_answers_the_platform_applies(state: str, answer: str):
    sendable = answers.check(view(state), answer).send  # type: ignore[arg-type]
    assert sendable == (platform_states.after_answer(state, answer) is not None)  # type: ignore[arg-type]


def test_the_client_and_the_platform_agree_on_which_states_are_open():
    assert set(OPEN_STATES) == set(platform_states.OPEN)


def test_a_task_already_where_the_answer_leads_needs_nothing_sent():
    assert answers.check(view("accepted"), "accepted") == answers.Check(send=False, settled=True)
    assert answers.check(view("expired"), "declined").settled
    refused = answers.check(view("cancelled"), "accepted")
    assert not refused.send and "withdrawn" in refused.refusal
    assert "cannot be done" in answers.check(view("declined"), "done").refusal


def test_an_answer_names_the_version_it_answers_and_its_id_is_the_same_on_every_send():
    task = view()
    first = answers.answer_message(task, "declined", "kitchen closed that week")
    again = answers.answer_message(task, "declined", "kitchen closed that week")
    assert isinstance(first, VendorTaskDeclined) and first.reason == "kitchen closed that week"
    assert first.message_id == again.message_id
    assert first.in_reply_to == task.in_reply_to
    assert first.vendor_subject() == f"tasks.catering.{task.vendor_id}.declined"
    changed = msgspec.structs.replace(task, in_reply_to=uuid.uuid4())
    assert answers.answer_id(changed, "declined") != first.message_id
    assert answers.answer_id(task, "accepted") != first.message_id


def test_what_became_of_a_sent_answer_is_read_from_the_task_listed_again():
    before = view("awaiting_answer")
    assert answers.outcome(before, "accepted", msgspec.structs.replace(before, state="accepted")).applied
    assert answers.outcome(before, "declined", msgspec.structs.replace(before, state="escalated")).applied
    assert answers.outcome(before, "accepted", before).pending
    assert answers.outcome(before, "accepted", None).pending
    newer = msgspec.structs.replace(before, in_reply_to=uuid.uuid4())
    assert "changed before your answer" in answers.outcome(before, "accepted", newer).refusal
    withdrawn = msgspec.structs.replace(before, state="cancelled", work=None)
    assert "cancelled now" in answers.outcome(before, "accepted", withdrawn).refusal


def test_a_task_is_found_by_its_id_or_its_bookings_id_and_never_guessed():
    one, two = view(), view()
    assert lookup.find([one, two], one.task_id) is one
    assert lookup.find([one, two], str(two.booking_id)) is two
    assert lookup.find([one, two], str(two.booking_id)[:8].upper()) is two
    with pytest.raises(UnknownTask, match="at least 8 characters"):
        lookup.find([one, two], str(one.booking_id)[:4])
    with pytest.raises(UnknownTask, match="none of your tasks"):
        lookup.find([one, two], "catering-unknown")
    twin = msgspec.structs.replace(
        two, booking_id=uuid.UUID(str(one.booking_id)[:8] + str(two.booking_id)[8:])
    )
    with pytest.raises(UnknownTask, match="names several"):
        lookup.find([one, twin], str(one.booking_id)[:8])


@pytest.mark.parametrize(
    ("kind", "vendor_id"), [("catering", "caterer-cuntan-kitchen"), ("interpreting", "agency-yangtze")]
)
def test_the_client_uses_the_names_the_platforms_permissions_are_written_in(kind: str, vendor_id: str):
    ours, platforms = Vendor(kind, vendor_id), platform_vendors.Vendor(kind, vendor_id)
    assert (ours.user, ours.consumer, ours.inbox_prefix, ours.query_subject) == (
        platforms.name,
        platforms.name,
        platforms.inbox_prefix,
        platforms.query_subject,
    )
    assert set(answers.ANSWER_OF.values()) == set(platform_vendors.ANSWERS)
