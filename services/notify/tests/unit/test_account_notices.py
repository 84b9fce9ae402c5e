"""Account notices: which event tells what, and that they go by e-mail alone (never the feed, SMS or a
webhook: their links sign in or set a password)."""

import uuid
from datetime import UTC, datetime

import pytest

from services.notify.domain.account_notices import account_notice
from services.notify.domain.channels import Contact, Endpoint, plan_deliveries
from services.notify.domain.notices import EMAIL_ONLY, ESSENTIAL, NOTICE_VARIABLES, SECRET_IN_TEXT
from shared.contracts import ACCOUNT_EVENTS, AccountProfileChanged, Organizer, SignInLinkRequested

pytestmark = pytest.mark.unit

CONTACT = Contact(
    "organizer:ann@example.org", "organizer", "Ann", "ann@example.org", "+8613812345678", "en", "UTC"
)


def test_every_account_event_but_a_profile_change_has_an_essential_email_only_notice():
    person = Organizer(name="Ann", email="ann@example.org")
    for event_type in ACCOUNT_EVENTS:
        fields = {"account_id": uuid.uuid4(), "person": person}
        if "link" in event_type.__struct_fields__:
            fields |= {"link": "https://web.test/x?token=wl_x", "expires_at": datetime.now(UTC)}
        if "sign_in_url" in event_type.__struct_fields__:
            fields |= {"sign_in_url": "https://web.test/sign-in", "password_reset_url": "https://web.test/r"}
        notice = account_notice(event_type(**fields))
        if event_type is AccountProfileChanged:
            assert notice is None
        else:
            assert notice in NOTICE_VARIABLES and notice in EMAIL_ONLY and notice in ESSENTIAL


def test_an_email_only_notice_has_one_delivery_the_email_even_when_opted_out():
    planned = plan_deliveries(CONTACT, [Endpoint(uuid.uuid4())], {"email"}, essential=True, email_only=True)

    assert [(p.channel, p.address, p.state) for p in planned] == [("email", "ann@example.org", "pending")]
    assert (
        account_notice(
            SignInLinkRequested(
                account_id=uuid.uuid4(),
                person=Organizer(name="Ann", email="ann@example.org"),
                link="https://web.test",
                expires_at=datetime.now(UTC),
            )
        )
        == "sign_in_link"
    )


def test_every_notice_carrying_a_one_time_link_has_its_text_emptied_by_retention():
    with_link = {notice for notice, names in NOTICE_VARIABLES.items() if "link" in names}
    assert with_link >= {"signup_verification", "sign_in_link", "password_reset"}
    assert with_link <= SECRET_IN_TEXT  # the secret must not outlive payload retention in the text
    assert SECRET_IN_TEXT <= EMAIL_ONLY  # and never reaches the feed, an SMS or a webhook
