"""The vendor's view of the message contracts (docs/asyncapi-vendors.json), generated from the code.

A vendor receives its task events by pulling its own durable consumer, sends its answers with a
JetStream publish and asks for its task list by core request/reply; it may do nothing else (its NATS
permissions, shown with their kind and vendor id as parameters).
"""

from __future__ import annotations

from typing import Any

import msgspec

from deploy.contracts.asyncapi import channel_name, encode, summary
from deploy.permissions import vendor_permissions
from shared.contracts.tasks import (
    VENDOR_TASKS_QUERY,
    VendorTaskAccepted,
    VendorTaskAssigned,
    VendorTaskCancelled,
    VendorTaskChanged,
    VendorTaskDeclined,
    VendorTaskDone,
    VendorTaskList,
    VendorTaskMessage,
    VendorTaskQuery,
)
from shared.messaging.streams import TASKS
from shared.messaging.vendors import KINDS, Vendor

VENDOR_RECEIVES: tuple[type[VendorTaskMessage], ...] = (
    VendorTaskAssigned,
    VendorTaskChanged,
    VendorTaskCancelled,
)
VENDOR_SENDS: tuple[type[VendorTaskMessage], ...] = (VendorTaskAccepted, VendorTaskDeclined, VendorTaskDone)
_SAMPLE = Vendor("catering", "caterer-cuntan-kitchen")
_INBOX_CHANNEL = "vendor-inbox"
_CONSUMER = "vendor-{kind}-{vendor_id}"
_VENDOR_PARAMETERS = {
    "kind": {"enum": list(KINDS), "description": "what the vendor does"},
    "vendor_id": {"description": "the vendor's id, as the venue set it up", "examples": [_SAMPLE.vendor_id]},
}
_MESSAGE_ID = {"type": "string", "format": "uuid"}
_TASK_EVENT_ID = "= message_id; name it as in_reply_to when answering an assigned or changed task"
_ANSWER_ID = (
    "= message_id. Derive it from (task_id, in_reply_to, answer), so that a retried answer is the same "
    "message: JetStream drops the copy, and the service ignores an answer it has handled"
)


def _headers(message_id: str) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "Nats-Msg-Id": {**_MESSAGE_ID, "description": message_id},
            "traceparent": {"type": "string", "description": "W3C trace context (optional for vendors)"},
        },
        "required": ["Nats-Msg-Id"],
    }


_EXAMPLE_BOOKING = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
_EXAMPLE_TASK = f"catering-{_EXAMPLE_BOOKING}-{_SAMPLE.vendor_id}"
_VENDOR_EXAMPLES: dict[str, list[dict[str, Any]]] = {
    "VendorTaskDeclined": [
        {
            "name": "decline",
            "headers": {"Nats-Msg-Id": "9b2e6f0a-1c3d-5e7f-8a9b-0c1d2e3f4a5b"},
            "payload": {
                "message_id": "9b2e6f0a-1c3d-5e7f-8a9b-0c1d2e3f4a5b",
                "booking_id": _EXAMPLE_BOOKING,
                "occurred_at": "2027-02-20T08:30:00Z",
                "task_id": _EXAMPLE_TASK,
                "kind": _SAMPLE.kind,
                "vendor_id": _SAMPLE.vendor_id,
                "in_reply_to": "6d7e8f90-a1b2-5c3d-9e4f-5a6b7c8d9e0f",
                "reason": "our kitchen is closed that week",
            },
        }
    ],
    "VendorTaskQuery": [
        {"name": "open tasks", "payload": {}},
        {"name": "all tasks", "payload": {"include_closed": True}},
    ],
}


def vendor_permission_templates() -> dict[str, list[str]]:
    """The subjects a vendor may publish and subscribe to, with ``{kind}`` and ``{vendor_id}`` in them."""

    def template(subject: str) -> str:
        return subject.replace(_SAMPLE.vendor_id, "{vendor_id}").replace(_SAMPLE.kind, "{kind}")

    allowed = vendor_permissions(_SAMPLE)
    return {
        action: [template(subject) for subject in allowed[action]["allow"]]
        for action in ("publish", "subscribe")
    }


class _VendorDocument:
    """Channels, operations and messages of the vendor's document, added one message at a time."""

    def __init__(self) -> None:
        types: tuple[type, ...] = (*VENDOR_RECEIVES, *VENDOR_SENDS, VendorTaskQuery, VendorTaskList)
        (schemas, self.schemas) = msgspec.json.schema_components(
            types, ref_template="#/components/schemas/{name}"
        )
        self.payloads = dict(zip(types, schemas, strict=True))
        self.channels: dict[str, Any] = {}
        self.operations: dict[str, Any] = {}
        self.messages: dict[str, Any] = {}

    def add(
        self, message_type: type, address: str | None, channel: str, headers: dict[str, Any] | None
    ) -> dict[str, Any]:
        name = message_type.__name__
        self.messages[name] = {
            "name": name,
            "title": name,
            "summary": summary(message_type),
            "contentType": "application/json",
            **({"headers": headers} if headers else {}),
            "payload": self.payloads[message_type],
            **({"examples": _VENDOR_EXAMPLES[name]} if name in _VENDOR_EXAMPLES else {}),
        }
        refs = {name: {"$ref": f"#/components/parameters/{name}"} for name in _VENDOR_PARAMETERS}
        parameters = {"parameters": refs} if address else {}
        self.channels[channel] = {
            "address": address,
            **parameters,
            "messages": {name: {"$ref": f"#/components/messages/{name}"}},
        }
        return self.channels[channel]

    def task_events(self) -> None:
        for event in VENDOR_RECEIVES:
            channel = channel_name(event.subject)
            added = self.add(event, event.subject, channel, _headers(_TASK_EVENT_ID))
            added["description"] = "published by the service that owns the task; stored in stream TASKS"
            self.operations[f"receive{event.__name__}"] = {
                "action": "receive",
                "channel": {"$ref": f"#/channels/{channel}"},
                "summary": f"pull {event.__name__} from your durable consumer {_CONSUMER} (stream {TASKS})",
                "description": f"Fetch with $JS.API.CONSUMER.MSG.NEXT.{TASKS}.{_CONSUMER} (its info: "
                f"$JS.API.CONSUMER.INFO.{TASKS}.{_CONSUMER}); acknowledge each event on its reply subject "
                f"($JS.ACK.{TASKS}.{_CONSUMER}.…) once handled, or it is delivered again.",
            }

    def answers(self) -> None:
        for answer in VENDOR_SENDS:
            channel = channel_name(answer.subject)
            added = self.add(answer, answer.subject, channel, _headers(_ANSWER_ID))
            added["description"] = "published by the vendor; received by the service that owns the task"
            self.operations[f"send{answer.__name__}"] = {
                "action": "send",
                "channel": {"$ref": f"#/channels/{channel}"},
                "summary": f"answer a task with a JetStream publish (stream {TASKS}); the PubAck comes to your inbox",
            }

    def task_query(self) -> None:
        query = channel_name(VENDOR_TASKS_QUERY)
        self.add(VendorTaskQuery, VENDOR_TASKS_QUERY, query, None)["description"] = (
            "core NATS request/reply (no stream): answered by the service that owns the tasks"
        )
        self.add(VendorTaskList, None, _INBOX_CHANNEL, None)["description"] = (
            "the requester's private inbox, _INBOX_{kind}_{vendor_id}.<token> (nats-py: inbox_prefix=)"
        )
        self.operations["requestVendorTaskList"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{query}"},
            "summary": "ask for your tasks (the open ones, or all with include_closed); no responder: the platform is down",
            "reply": {
                "channel": {"$ref": f"#/channels/{_INBOX_CHANNEL}"},
                "messages": [{"$ref": f"#/channels/{_INBOX_CHANNEL}/messages/VendorTaskList"}],
            },
        }


_INFO = {
    "title": "WICT venue platform: vendor task subjects",
    "version": "0.1.0",
    "description": "What an interpreting agency or a caterer exchanges with the platform over NATS, "
    "seen from the vendor's client: it receives its task events from its own durable consumer, "
    "answers them (accept, decline with a reason, done) and asks for its task list. Every subject "
    "carries the vendor's kind and id, and NATS lets each vendor use only its own (security scheme "
    "vendorLogin). Tasks carry no guest personal data. Guide: docs/vendors.md.",
}
_SERVERS = {
    "embedded": {
        "host": "127.0.0.1:4222",
        "protocol": "nats",
        "description": "make run",
        "security": [{"$ref": "#/components/securitySchemes/vendorLogin"}],
    }
}


def _security_schemes() -> dict[str, Any]:
    return {
        "vendorLogin": {
            "type": "userPassword",
            "description": "User vendor-{kind}-{vendor_id} with the password the venue gives you. Connect "
            "with the inbox prefix _INBOX_{kind}_{vendor_id}: replies can reach you nowhere else. "
            "x-nats-permissions lists everything the user may do.",
            "x-nats-permissions": vendor_permission_templates(),
        }
    }


def vendor_document() -> dict[str, Any]:
    """The AsyncAPI document of the vendor-facing subjects, from the vendor's side, as a JSON-ready dict."""
    built = _VendorDocument()
    built.task_events()
    built.answers()
    built.task_query()
    return {
        "asyncapi": "3.0.0",
        "info": _INFO,
        "defaultContentType": "application/json",
        "servers": _SERVERS,
        "channels": built.channels,
        "operations": built.operations,
        "components": {
            "messages": built.messages,
            "schemas": built.schemas,
            "parameters": _VENDOR_PARAMETERS,
            "securitySchemes": _security_schemes(),
        },
    }


def render_vendors() -> str:
    return encode(vendor_document())
