"""Saga tags on spans: the span processor, their travel with the trace context, resumed and linked spans,
and the tags a consumer takes from a message (never another booking's)."""

import uuid

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from shared.contracts import ReleaseCatering
from shared.messaging.consumer import message_saga, step_of
from shared.telemetry import (
    SAGA_HEADER,
    SagaAttributes,
    SagaTags,
    context_from,
    current_traceparent,
    resumed_span,
    saga_scope,
)

pytestmark = pytest.mark.unit

BOOKING = uuid.UUID("6f1c2a4e-0000-4000-8000-000000000001")
OTHER = uuid.UUID("6f1c2a4e-0000-4000-8000-000000000002")


@pytest.fixture
def spans():
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SagaAttributes())
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    yield provider.get_tracer("test"), exporter
    provider.shutdown()


def by_name(exporter):
    return {span.name: span for span in exporter.get_finished_spans()}


def test_every_span_started_in_a_saga_scope_carries_its_tags_and_the_enclosing_span_gets_them_too(spans):
    tracer, exporter = spans
    with tracer.start_as_current_span("request"):
        with tracer.start_as_current_span("before"):
            pass
        with saga_scope(SagaTags.of(BOOKING, step="hold")):
            with tracer.start_as_current_span("insert"), tracer.start_as_current_span("nested"):
                pass
            with tracer.start_as_current_span("approval"):
                with saga_scope(SagaTags.of(BOOKING, step="approval")):  # narrows, and tags ``approval``
                    with tracer.start_as_current_span("approve"):
                        pass
    with tracer.start_as_current_span("after"):
        pass
    found = by_name(exporter)
    tags = {"saga.id": str(BOOKING), "booking.id": str(BOOKING), "saga.step": "hold"}
    for name in ("request", "insert", "nested"):
        assert {k: found[name].attributes.get(k) for k in tags} == tags, name
    assert found["approve"].attributes["saga.step"] == "approval"
    assert found["approval"].attributes["saga.step"] == "approval"
    for name in ("before", "after"):
        assert "saga.id" not in found[name].attributes, name


def test_a_change_is_a_saga_of_its_own_named_after_its_revision():
    change = SagaTags.of(BOOKING, 3, "catering", change=True)
    assert change.saga_id == f"{BOOKING}/r3" and change.booking_id == str(BOOKING)
    assert SagaTags.of(BOOKING).saga_id == str(BOOKING)
    assert SagaTags.from_header(change.header()) == change
    assert SagaTags.from_header("not-a-booking;hold") is None and SagaTags.from_header("") is None


def test_the_tags_travel_with_the_stored_trace_context(spans):
    tracer, exporter = spans
    with tracer.start_as_current_span("request") as request, saga_scope(SagaTags.of(BOOKING, 2, change=True)):
        stored = current_traceparent()
    assert stored[SAGA_HEADER] == f"{BOOKING}/r2;" and "traceparent" in stored
    with tracer.start_as_current_span("relay publish", context=context_from(stored)):
        pass
    published = by_name(exporter)["relay publish"]
    assert published.context.trace_id == request.get_span_context().trace_id
    assert published.parent.span_id == request.get_span_context().span_id
    assert published.attributes["saga.id"] == f"{BOOKING}/r2"


def test_a_resumed_span_joins_the_stored_trace_and_a_linked_one_starts_its_own(spans):
    tracer, exporter = spans
    with tracer.start_as_current_span("request") as request, saga_scope(SagaTags.of(BOOKING)):
        stored = current_traceparent()
    origin = request.get_span_context()
    with resumed_span(tracer, "saga deadline", stored, SagaTags.of(BOOKING, step="catering")):
        with tracer.start_as_current_span("compensate"):
            pass
    with resumed_span(tracer, "reminder", stored, SagaTags.of(BOOKING, step="notify"), link=True):
        pass
    found = by_name(exporter)
    for name in ("saga deadline", "compensate"):
        assert found[name].context.trace_id == origin.trace_id, name
        assert found[name].attributes["saga.step"] == "catering"
    reminder = found["reminder"]
    assert reminder.context.trace_id != origin.trace_id and reminder.parent is None
    assert [link.context.span_id for link in reminder.links] == [origin.span_id]
    assert reminder.attributes["booking.id"] == str(BOOKING)
    with resumed_span(tracer, "nothing stored", {}, SagaTags.of(BOOKING), link=True):
        pass
    assert by_name(exporter)["nothing stored"].links == ()


def test_a_consumer_takes_the_senders_saga_only_when_it_names_the_bodys_booking():
    release = ReleaseCatering(booking_id=BOOKING, revision=2)
    named = {SAGA_HEADER: SagaTags.of(BOOKING, 2, "hold", change=True).header()}
    assert message_saga(release, "catering.cmd.release", named) == SagaTags(
        f"{BOOKING}/r2", str(BOOKING), "catering"
    )
    forged = {SAGA_HEADER: SagaTags.of(OTHER).header()}  # e.g. a vendor naming another booking
    assert message_saga(release, "catering.cmd.release", forged) == SagaTags(
        str(BOOKING), str(BOOKING), "catering"
    )
    assert message_saga(release, "catering.cmd.release", None).saga_id == str(BOOKING)


def test_the_step_of_a_message_is_the_participant_it_serves():
    assert step_of("interpreting.cmd.reserve") == "interpreting"
    assert step_of("catering.evt.released") == "catering"
    assert step_of("tasks.catering.caterer-1.accepted") == "catering"
    assert step_of("venue.evt.booking_confirmed") == "notify"
    assert step_of("elsewhere.evt.x") == ""
