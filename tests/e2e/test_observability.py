"""Ops' view of one booking on the running stack: every span of its trace names the saga (and the step),
and each service's ``GET /metrics`` moves with it."""

from __future__ import annotations

import secrets

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from deploy.embedded.stack import Stack
from shared.span_store import SpanRecord, read_trace
from tests.e2e.conftest import booking_body, next_day, wait_for_outcome, wait_until
from tests.e2e.test_booking_saga import BUFFET, INTERPRETING, book

pytestmark = pytest.mark.e2e

SERVICES = ("venue", "interpreting", "catering", "notify")
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(stack: Stack, service: str) -> Samples:
    response = httpx.get(f"{stack.service(service).base_url}/metrics", timeout=10)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def idle(stack: Stack) -> dict[str, Samples] | None:
    """Every service's metrics once nothing waits in its consumers or its outbox."""
    scraped = {service: scrape(stack, service) for service in SERVICES}
    for samples in scraped.values():
        gauges = [
            v for (name, _), v in samples.items() if name in ("wict_consumer_pending", "wict_outbox_backlog")
        ]
        if not gauges or any(gauges):
            return None
    return scraped


def request_preamble(spans: list[SpanRecord], root: SpanRecord) -> list[SpanRecord]:
    """The POST's own spans from before the booking existed (the caller's account lookups)."""
    tagged = [span for span in spans if span.parent_id == root.span_id and "booking.id" in span.attributes]
    first = min(span.start_ns for span in tagged)
    return [span for span in spans if span.parent_id == root.span_id and span.end_ns <= first]


def test_every_span_of_a_bookings_trace_names_its_saga_and_each_service_counts_it(venue, stack: Stack):
    before = wait_until(lambda: idle(stack), timeout=60)
    accepted = book(venue, booking_body(next_day(), interpreting=INTERPRETING, catering=BUFFET))
    booking_id = accepted["booking_id"]
    assert wait_for_outcome(venue, booking_id)["status"] == "confirmed"

    def whole_trace() -> list[SpanRecord] | None:
        # each service writes its spans out in batches (every 500 ms): under load the venue's step spans
        # can land after notify's e-mail span, so wait for every step the assertions below look at
        spans = read_trace(stack.spans_dir, accepted["trace_id"])
        sent = any(span.service == "notify" and span.name == "email send" for span in spans)
        venue_steps = {span.attributes.get("saga.step") for span in spans if span.service == "venue"}
        complete = sent and {"hold", "interpreting", "catering"} <= venue_steps
        return spans if complete and {span.service for span in spans} == set(SERVICES) else None

    spans = wait_until(whole_trace, timeout=30)
    root = next(span for span in spans if span.name == "POST /bookings")
    preamble = request_preamble(spans, root)
    assert len(preamble) <= 2 and all(span.kind == "client" for span in preamble)
    untagged = [
        (span.service, span.name)
        for span in spans
        if span not in preamble
        and (span.attributes.get("saga.id") != booking_id or span.attributes.get("booking.id") != booking_id)
    ]
    assert untagged == []
    steps = {
        service: {span.attributes.get("saga.step") for span in spans if span.service == service}
        for service in SERVICES
    }
    assert steps["interpreting"] == {"interpreting"} and steps["catering"] == {"catering"}
    assert steps["venue"] - {None} == {"hold", "interpreting", "catering"}  # None: the preamble only
    assert steps["notify"] <= {"notify", "interpreting", "catering"} and "notify" in steps["notify"]

    after = wait_until(lambda: idle(stack), timeout=60)  # outbox backlogs and consumers back to 0
    assert value(after["venue"], "wict_bookings_total", outcome="confirmed") == (
        value(before["venue"], "wict_bookings_total", outcome="confirmed") + 1
    )
    saga_runs = "wict_saga_step_duration_seconds_count"
    assert value(after["venue"], saga_runs, step="saga", outcome="confirmed") == (
        value(before["venue"], saga_runs, step="saga", outcome="confirmed") + 1
    )
    for step in ("interpreting", "catering"):
        assert value(after["venue"], saga_runs, step=step, outcome="reserved") > value(
            before["venue"], saga_runs, step=step, outcome="reserved"
        )
    durables = {labels for name, labels in after["venue"] if name == "wict_consumer_pending"}
    assert durables == {
        (("durable", d),)
        for d in ("venue-interpreting-events", "venue-catering-events", "venue-dead-letters")
    }

    def delivered(channel: str) -> float:
        now = scrape(stack, "notify")
        sent = "wict_notifications_deliveries_total"
        return value(now, sent, channel=channel, outcome="sent") - value(
            before["notify"], sent, channel=channel, outcome="sent"
        )

    # the organizer hears twice (received, confirmed), in the feed and by e-mail; vendors hear of tasks
    wait_until(lambda: delivered("email") >= 2 and delivered("in_app") >= 2, timeout=30)


def test_a_request_about_a_booking_is_tagged_with_its_saga(venue, stack: Stack):
    booking_id = book(venue, booking_body(next_day()))["booking_id"]
    trace_id = secrets.token_hex(16)
    headers = {"traceparent": f"00-{trace_id}-{secrets.token_hex(8)}-01"}
    assert venue.get(f"/bookings/{booking_id}", headers=headers).status_code == 200

    def server_span() -> SpanRecord | None:
        return next((s for s in read_trace(stack.spans_dir, trace_id) if s.kind == "server"), None)

    span = wait_until(server_span, timeout=20)
    assert span.attributes["booking.id"] == booking_id and span.attributes["saga.id"] == booking_id
    assert (
        not httpx.get(f"{stack.service('venue').base_url}/schema/openapi.json")
        .json()["paths"]
        .get("/metrics")
    )
