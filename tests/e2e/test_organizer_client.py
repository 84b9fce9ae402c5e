"""An organizer books through the typed client generated from the venue's OpenAPI document
(packaging/wict-organizer): its models, its Bearer authentication and its problem type are the API's."""

from __future__ import annotations

import uuid

import httpx
import pytest
from wict_organizer import AuthenticatedClient
from wict_organizer.api.bookings import create_booking, get_booking
from wict_organizer.models import Booking, BookingAccepted, BookingCreate, Problem

from deploy.embedded.stack import Stack
from tests.e2e.conftest import booking_body, new_organizer, next_day

pytestmark = pytest.mark.e2e


def test_an_organizer_books_and_reads_the_booking_through_the_generated_client(
    stack: Stack, staff: httpx.Client
) -> None:
    with new_organizer(stack, staff) as organizer:
        key = organizer.headers["authorization"].removeprefix("Bearer ")
    client = AuthenticatedClient(base_url=stack.service("venue").base_url, token=key)
    body = BookingCreate.from_dict(booking_body(next_day()))  # no services: confirmed at once (201)

    with client:
        accepted = create_booking.sync(client=client, body=body, idempotency_key=str(uuid.uuid4()))
        assert isinstance(accepted, BookingAccepted), accepted
        booking = get_booking.sync(accepted.booking_id, client=client)
        refused = create_booking.sync(client=client, body=body)  # the same slot again

    assert isinstance(booking, Booking) and booking.status == "confirmed"
    assert booking.space_id == "multifunctional-hall" and booking.starts_at == body.starts_at
    assert isinstance(refused, Problem) and refused.status == 409 and refused.type_ == "/problems/conflict"
    assert refused.additional_properties["conflicts"]  # an extension member, at the top level
