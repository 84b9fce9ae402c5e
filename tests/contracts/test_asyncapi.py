from pathlib import Path
from typing import Any

import msgspec
import pytest

from deploy.contracts.asyncapi import document, render
from deploy.contracts.asyncapi_vendors import render_vendors, vendor_document, vendor_permission_templates
from deploy.permissions import vendor_permissions
from shared.contracts import ALL_MESSAGES
from shared.contracts.tasks import VENDOR_TASKS_QUERY, VendorTaskDeclined, VendorTaskQuery
from shared.messaging.streams import stream_for, vendor_consumer_config
from shared.messaging.vendors import ANSWERS, DELIVERED, Vendor, known_vendors

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


VENDORS_DOCUMENT = DOCUMENT.with_name("asyncapi-vendors.json")


def test_the_committed_vendor_asyncapi_document_matches_the_contracts():
    assert VENDORS_DOCUMENT.read_text() == render_vendors(), (
        "run `make asyncapi` and commit docs/asyncapi-vendors.json"
    )


def test_the_vendor_document_holds_exactly_the_subjects_a_vendor_uses():
    doc = vendor_document()
    addresses = {channel["address"] for channel in doc["channels"].values()}
    vendor_side = {VENDOR_TASKS_QUERY} | {
        f"tasks.{{kind}}.{{vendor_id}}.{event}" for event in (*DELIVERED, *ANSWERS)
    }
    assert addresses == vendor_side | {None}  # None: the vendor's own inbox, where replies arrive
    actions = {op["channel"]["$ref"].rsplit("/", 1)[1]: op["action"] for op in doc["operations"].values()}
    assert {
        doc["channels"][channel]["address"].rsplit(".", 1)[1]
        for channel, action in actions.items()
        if action == "receive"
    } == set(DELIVERED)
    assert {
        doc["channels"][channel]["address"].rsplit(".", 1)[1]
        for channel, action in actions.items()
        if action == "send"
    } == {*ANSWERS, "tasks"}


@pytest.mark.parametrize("vendor", known_vendors(), ids=lambda vendor: vendor.name)
def test_the_vendor_documents_subjects_and_permissions_are_those_the_server_enforces(vendor: Vendor):
    templates = vendor_permission_templates()
    rendered = {
        action: [s.format(kind=vendor.kind, vendor_id=vendor.vendor_id) for s in subjects]
        for action, subjects in templates.items()
    }
    enforced = vendor_permissions(vendor)
    assert rendered == {action: enforced[action]["allow"] for action in ("publish", "subscribe")}
    sent = [
        c["address"]
        for c in vendor_document()["channels"].values()
        if c["address"] and not c["address"].endswith(DELIVERED)
    ]
    assert {s.format(kind=vendor.kind, vendor_id=vendor.vendor_id) for s in sent} <= set(rendered["publish"])
    assert vendor_consumer_config(vendor, 10, 30).filter_subjects == [
        vendor.subject(event) for event in DELIVERED
    ]


def test_every_reference_in_both_documents_resolves():
    for doc in (document(), vendor_document()):
        for ref in _refs(doc):
            target: Any = doc
            for part in ref.removeprefix("#/").split("/"):
                target = target[part]
            assert target, ref


def test_the_vendor_documents_examples_are_valid_messages():
    messages = vendor_document()["components"]["messages"]
    [decline] = messages["VendorTaskDeclined"]["examples"]
    declined = msgspec.convert(decline["payload"], VendorTaskDeclined)
    assert decline["headers"]["Nats-Msg-Id"] == str(declined.message_id) and declined.reason
    for query in messages["VendorTaskQuery"]["examples"]:
        msgspec.convert(query["payload"], VendorTaskQuery)


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [node["$ref"]] if "$ref" in node else [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in _refs(value)]
    return []
