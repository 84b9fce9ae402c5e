import msgspec
import pytest

from services.venue.bootstrap import VenueConfig
from shared.config import ConfigError, ServiceConfig, load, nats_servers
from shared.messaging.consumer import redelivery_delay
from shared.messaging.streams import JetStreamSettings
from shared.span_store import SpanRecord, read_trace, render_waterfall, trace_path

pytestmark = pytest.mark.unit


def test_config_reads_prefixed_variables_and_keeps_documented_defaults():
    config = load(ServiceConfig, {"WICT_HTTP_PORT": "9100", "WICT_TRACE_SAMPLE_RATIO": "0.25"})
    assert config.http_port == 9100 and config.trace_sample_ratio == 0.25
    assert config.db_pool_size == 16 and config.shutdown_grace_seconds == 10.0


def test_a_bad_value_names_the_variable():
    with pytest.raises(ConfigError, match="WICT_HTTP_PORT"):
        load(ServiceConfig, {"WICT_HTTP_PORT": "eighty"})


def test_redelivery_backs_off_and_is_bounded():
    delays = [redelivery_delay(n) for n in range(1, 12)]
    assert delays == sorted(delays) and delays[0] == 0.25 and max(delays) == 30.0


def span(span_id, parent, service, start, end, name="work"):
    return SpanRecord(
        trace_id="ab" * 16,
        span_id=span_id,
        parent_id=parent,
        service=service,
        name=name,
        kind="internal",
        start_ns=start,
        end_ns=end,
        status="unset",
    )


def test_the_waterfall_nests_children_under_parents_in_time_order():
    spans = [
        span("1", None, "venue", 0, 10_000_000, "POST /bookings"),
        span("3", "1", "catering", 6_000_000, 9_000_000),
        span("2", "1", "interpreting", 2_000_000, 5_000_000),
    ]
    lines = render_waterfall(spans).splitlines()
    assert lines[0].startswith(f"trace {'ab' * 16}  3 spans  10.0 ms")
    assert lines[1].startswith("venue: POST /bookings")
    assert lines[2].startswith("  interpreting: work") and lines[3].startswith("  catering: work")


def test_a_trace_read_while_a_writer_appends_skips_the_unfinished_line(tmp_path):
    path = trace_path(tmp_path, "ab" * 16)
    path.parent.mkdir(parents=True, exist_ok=True)
    whole = msgspec.json.encode(span("1", None, "venue", 0, 10)) + b"\n"
    half = msgspec.json.encode(span("2", "1", "notify", 1, 5))[:20]
    path.write_bytes(whole + half)
    assert [record.span_id for record in read_trace(tmp_path, "ab" * 16)] == ["1"]


def test_parameterised_subjects_route_to_their_contract():
    from shared.messaging.consumer import route_for, subject_matches

    assert subject_matches("tasks.{kind}.{vendor_id}.assigned", "tasks.catering.caterer-1.assigned")
    assert not subject_matches("tasks.{kind}.{vendor_id}.assigned", "tasks.catering.caterer-1.cancelled")
    assert not subject_matches("tasks.{kind}.{vendor_id}.assigned", "tasks.catering.assigned")
    exact, template = object(), object()
    routes = {"venue.evt.booking_confirmed": exact, "tasks.{kind}.{vendor_id}.assigned": template}
    assert route_for("venue.evt.booking_confirmed", routes) is exact  # type: ignore[arg-type]
    assert route_for("tasks.interpreting.agency-a.assigned", routes) is template  # type: ignore[arg-type]
    assert route_for("tasks.interpreting.agency-a.done", routes) is None  # type: ignore[arg-type]


def test_a_cluster_url_lists_every_node_for_failover():
    assert nats_servers("nats://a:4222, nats://b:4222,,nats://c:4222") == [
        "nats://a:4222",
        "nats://b:4222",
        "nats://c:4222",
    ]
    assert nats_servers("nats://127.0.0.1:4222") == ["nats://127.0.0.1:4222"]


def test_consumers_are_redelivered_well_before_the_saga_step_deadline():
    settings = load(JetStreamSettings, {})
    assert settings.ack_wait_seconds * 2 < VenueConfig().step_timeout_seconds
    assert load(JetStreamSettings, {"WICT_STREAM_REPLICAS": "3"}).stream_replicas == 3
