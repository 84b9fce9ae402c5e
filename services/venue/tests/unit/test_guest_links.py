"""The personal link: random, kept only as a hash, one answer for every refusal, re-sent at most five times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.venue.domain.guest_links import (
    REFUSED,
    link_hash,
    link_refusal,
    new_link_secret,
    resend_refusal,
)

pytestmark = pytest.mark.unit

NOW = datetime(2027, 5, 1, 12, tzinfo=UTC)


def test_a_link_is_43_characters_of_base64url_and_its_hash_is_all_that_is_kept():
    secret = new_link_secret()
    assert len(secret) == 43 and secret != new_link_secret()
    assert len(link_hash(secret)) == 32 and link_hash(secret) == link_hash(secret)
    assert secret.encode() not in link_hash(secret)


def test_a_link_works_until_the_event_ends_unless_revoked_or_withdrawn_and_refusals_look_alike():
    later = NOW + timedelta(days=1)
    assert link_refusal("invited", later, NOW) is None
    assert link_refusal("registered", later, NOW) is None
    refusals = {
        link_refusal("registered", NOW, NOW),  # the event is over
        link_refusal("withdrawn", later, NOW),
        link_refusal("revoked", later, NOW),
        link_refusal(None, None, NOW),  # no such link
    }
    assert refusals == {REFUSED}


def test_a_link_is_re_sent_only_while_the_guest_has_not_registered_and_five_times_at_most():
    assert resend_refusal("invited", 1) is None
    assert resend_refusal("invited", 5) is None
    assert resend_refusal("invited", 6) is not None
    assert resend_refusal("registered", 1) is not None
    assert resend_refusal("withdrawn", 1) is not None
