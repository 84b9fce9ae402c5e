from pathlib import Path

import pytest

from shared.contracts import ALL_MESSAGES
from shared.messaging.asyncapi import document, render
from shared.messaging.streams import stream_for

pytestmark = pytest.mark.unit

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "asyncapi.json"


def test_the_committed_asyncapi_document_matches_the_contracts():
    assert DOCUMENT.read_text() == render(), "run `make asyncapi` and commit docs/asyncapi.json"


def test_every_message_has_a_channel_a_payload_schema_and_a_stream():
    doc = document()
    addresses = {channel["address"] for channel in doc["channels"].values()}
    for message in ALL_MESSAGES:
        assert message.subject in addresses
        assert doc["components"]["messages"][message.__name__]["payload"]
        assert stream_for(message.subject)


def test_vendor_task_channels_are_parameterised_by_vendor():
    tasks = [c for c in document()["channels"].values() if c["address"].startswith("tasks.")]
    assert len(tasks) == 7
    assert all(set(task["parameters"]) == {"kind", "vendor_id"} for task in tasks)
