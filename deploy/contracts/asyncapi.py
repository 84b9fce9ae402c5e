"""The AsyncAPI 3.0 documents of the message contracts, generated from the code that uses them.

Channels come from the contracts' subjects, payload schemas from the msgspec Structs, and who sends
or receives each message from the provisioned consumers, so the document cannot drift from the code.
``document`` is the whole platform (docs/asyncapi.json); ``vendor_document`` only what a vendor uses,
seen from the vendor's client, with the vendor's NATS permissions (docs/asyncapi-vendors.json).
"""

from __future__ import annotations

from typing import Any

import msgspec

from deploy.permissions import vendor_permissions
from shared.contracts import ALL_MESSAGES, Message
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
from shared.messaging.streams import CONSUMERS, STREAMS, TASKS
from shared.messaging.vendors import KINDS, Vendor

_ORCHESTRATOR = "venue"


def _owner(subject: str) -> str:
    return subject.split(".", 1)[0]


def _receivers(subject: str) -> list[str]:
    def matches(pattern: str) -> bool:
        head = pattern.removesuffix(">")
        return subject.startswith(head) if pattern.endswith(">") else subject == pattern

    return sorted({consumer.service for consumer in CONSUMERS if matches(consumer.filter_subject)})


def _sender(message: type[Message]) -> str:
    subject = message.subject
    if ".cmd." in subject:
        return _ORCHESTRATOR
    if subject.startswith("tasks."):
        answer = subject.rsplit(".", 1)[-1] in ("accepted", "declined", "done")
        return "the vendor" if answer else "interpreting or catering"
    return _owner(subject)


def _channel_name(subject: str) -> str:
    return subject.replace("{", "").replace("}", "").replace(".", "-")


def _parameters(subject: str) -> dict[str, Any]:
    names = [part[1:-1] for part in subject.split(".") if part.startswith("{")]
    if not names:
        return {}
    return {"parameters": {name: {"description": f"the task's {name.replace('_', ' ')}"} for name in names}}


def _streams() -> str:
    return ", ".join(f"{stream.name} ({' '.join(stream.subjects)})" for stream in STREAMS)


def document() -> dict[str, Any]:
    """The AsyncAPI document as a JSON-ready dict."""
    (schemas, components) = msgspec.json.schema_components(
        ALL_MESSAGES, ref_template="#/components/schemas/{name}"
    )
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for message_type, schema in zip(ALL_MESSAGES, schemas, strict=True):
        name = message_type.__name__
        channel = _channel_name(message_type.subject)
        messages[name] = {
            "name": name,
            "title": name,
            "summary": (message_type.__doc__ or "").strip().splitlines()[0] if message_type.__doc__ else name,
            "contentType": "application/json",
            "headers": {
                "type": "object",
                "properties": {
                    "Nats-Msg-Id": {
                        "type": "string",
                        "description": "= message_id; JetStream drops duplicates",
                    },
                    "traceparent": {
                        "type": "string",
                        "description": "W3C trace context of the booking's trace",
                    },
                    "Wict-Causation-Id": {
                        "type": "string",
                        "description": "message_id of the message that caused it",
                    },
                },
                "required": ["Nats-Msg-Id"],
            },
            "payload": schema,
        }
        channels[channel] = {
            "address": message_type.subject,
            **_parameters(message_type.subject),
            "messages": {name: {"$ref": f"#/components/messages/{name}"}},
            "description": f"sent by {_sender(message_type)}; received by {', '.join(_receivers(message_type.subject)) or 'vendors'}",
        }
        operations[f"send{name}"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{channel}"},
            "summary": f"{_sender(message_type)} publishes {name} through its transactional outbox",
        }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "WICT venue platform: message contracts",
            "version": "0.1.0",
            "description": "Commands and events of the booking saga over NATS JetStream, and the vendor task events. "
            f"Streams: {_streams()}.",
        },
        "defaultContentType": "application/json",
        "servers": {"embedded": {"host": "127.0.0.1:4222", "protocol": "nats", "description": "make run"}},
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages, "schemas": components},
    }


def render() -> str:
    return msgspec.json.format(msgspec.json.encode(document()), indent=2).decode() + "\n"


# The vendor's view. A vendor receives its task events by pulling its own durable consumer, sends its
# answers with a JetStream publish and asks for its task list by core request/reply; it may do nothing
# else (its NATS permissions, shown with their kind and vendor id as parameters).
VENDOR_RECEIVES: tuple[type[VendorTaskMessage], ...] = (
    VendorTaskAssigned,
    VendorTaskChanged,
    VendorTaskCancelled,
)
VENDOR_SENDS: tuple[type[VendorTaskMessage], ...] = (VendorTaskAccepted, VendorTaskDeclined, VendorTaskDone)
_SAMPLE = Vendor("catering", "caterer-cuntan-kitchen")
_INBOX_CHANNEL = "vendor-inbox"
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


def vendor_document() -> dict[str, Any]:
    """The AsyncAPI document of the vendor-facing subjects, from the vendor's side, as a JSON-ready dict."""
    types: tuple[type, ...] = (*VENDOR_RECEIVES, *VENDOR_SENDS, VendorTaskQuery, VendorTaskList)
    (schemas, components) = msgspec.json.schema_components(types, ref_template="#/components/schemas/{name}")
    payloads = dict(zip(types, schemas, strict=True))
    consumer = "vendor-{kind}-{vendor_id}"
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}

    def add(message_type: type, address: str | None, channel: str, headers: dict[str, Any] | None) -> None:
        name = message_type.__name__
        messages[name] = {
            "name": name,
            "title": name,
            "summary": _summary(message_type),
            "contentType": "application/json",
            **({"headers": headers} if headers else {}),
            "payload": payloads[message_type],
            **({"examples": _VENDOR_EXAMPLES[name]} if name in _VENDOR_EXAMPLES else {}),
        }
        refs = {name: {"$ref": f"#/components/parameters/{name}"} for name in _VENDOR_PARAMETERS}
        parameters = {"parameters": refs} if address else {}
        channels[channel] = {
            "address": address,
            **parameters,
            "messages": {name: {"$ref": f"#/components/messages/{name}"}},
        }

    for event in VENDOR_RECEIVES:
        channel = _channel_name(event.subject)
        add(event, event.subject, channel, _headers(_TASK_EVENT_ID))
        channels[channel]["description"] = (
            "published by the service that owns the task; stored in stream TASKS"
        )
        operations[f"receive{event.__name__}"] = {
            "action": "receive",
            "channel": {"$ref": f"#/channels/{channel}"},
            "summary": f"pull {event.__name__} from your durable consumer {consumer} (stream {TASKS})",
            "description": f"Fetch with $JS.API.CONSUMER.MSG.NEXT.{TASKS}.{consumer} (its info: "
            f"$JS.API.CONSUMER.INFO.{TASKS}.{consumer}); acknowledge each event on its reply subject "
            f"($JS.ACK.{TASKS}.{consumer}.…) once handled, or it is delivered again.",
        }
    for answer in VENDOR_SENDS:
        channel = _channel_name(answer.subject)
        add(answer, answer.subject, channel, _headers(_ANSWER_ID))
        channels[channel]["description"] = (
            "published by the vendor; received by the service that owns the task"
        )
        operations[f"send{answer.__name__}"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{channel}"},
            "summary": f"answer a task with a JetStream publish (stream {TASKS}); the PubAck comes to your inbox",
        }
    query = _channel_name(VENDOR_TASKS_QUERY)
    add(VendorTaskQuery, VENDOR_TASKS_QUERY, query, None)
    channels[query]["description"] = (
        "core NATS request/reply (no stream): answered by the service that owns the tasks"
    )
    add(VendorTaskList, None, _INBOX_CHANNEL, None)
    channels[_INBOX_CHANNEL]["description"] = (
        "the requester's private inbox, _INBOX_{kind}_{vendor_id}.<token> (nats-py: inbox_prefix=)"
    )
    operations["requestVendorTaskList"] = {
        "action": "send",
        "channel": {"$ref": f"#/channels/{query}"},
        "summary": "ask for your tasks (the open ones, or all with include_closed); no responder: the platform is down",
        "reply": {
            "channel": {"$ref": f"#/channels/{_INBOX_CHANNEL}"},
            "messages": [{"$ref": f"#/channels/{_INBOX_CHANNEL}/messages/VendorTaskList"}],
        },
    }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "WICT venue platform: vendor task subjects",
            "version": "0.1.0",
            "description": "What an interpreting agency or a caterer exchanges with the platform over NATS, "
            "seen from the vendor's client: it receives its task events from its own durable consumer, "
            "answers them (accept, decline with a reason, done) and asks for its task list. Every subject "
            "carries the vendor's kind and id, and NATS lets each vendor use only its own (security scheme "
            "vendorLogin). Tasks carry no guest personal data. Guide: docs/vendors.md.",
        },
        "defaultContentType": "application/json",
        "servers": {
            "embedded": {
                "host": "127.0.0.1:4222",
                "protocol": "nats",
                "description": "make run",
                "security": [{"$ref": "#/components/securitySchemes/vendorLogin"}],
            }
        },
        "channels": channels,
        "operations": operations,
        "components": {
            "messages": messages,
            "schemas": components,
            "parameters": _VENDOR_PARAMETERS,
            "securitySchemes": {
                "vendorLogin": {
                    "type": "userPassword",
                    "description": "User vendor-{kind}-{vendor_id} with the password the venue gives you. Connect "
                    "with the inbox prefix _INBOX_{kind}_{vendor_id}: replies can reach you nowhere else. "
                    "x-nats-permissions lists everything the user may do.",
                    "x-nats-permissions": vendor_permission_templates(),
                }
            },
        },
    }


def render_vendors() -> str:
    return msgspec.json.format(msgspec.json.encode(vendor_document()), indent=2).decode() + "\n"


def _summary(message_type: type) -> str:
    doc = (message_type.__doc__ or "").strip()
    return doc.splitlines()[0] if doc else message_type.__name__
