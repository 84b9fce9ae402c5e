"""The AsyncAPI 3.0 documents of the message contracts, generated from the code that uses them.

Channels come from the contracts' subjects, payload schemas from the msgspec Structs, and who sends
or receives each message from the provisioned consumers, so the document cannot drift from the code.
``document`` is the whole platform (docs/asyncapi.json); ``asyncapi_vendors.vendor_document`` only what
a vendor uses, seen from the vendor's client, with the vendor's NATS permissions (docs/asyncapi-vendors.json).
"""

from __future__ import annotations

from typing import Any

import msgspec

from shared.contracts import ALL_MESSAGES, Message
from shared.messaging.streams import CONSUMERS, STREAMS

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


def channel_name(subject: str) -> str:
    return subject.replace("{", "").replace("}", "").replace(".", "-")


def _parameters(subject: str) -> dict[str, Any]:
    names = [part[1:-1] for part in subject.split(".") if part.startswith("{")]
    if not names:
        return {}
    return {"parameters": {name: {"description": f"the task's {name.replace('_', ' ')}"} for name in names}}


def _streams() -> str:
    return ", ".join(f"{stream.name} ({' '.join(stream.subjects)})" for stream in STREAMS)


_HEADERS = {
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
}


def summary(message_type: type) -> str:
    """The first line of a message type's docstring, or its name."""
    doc = (message_type.__doc__ or "").strip()
    return doc.splitlines()[0] if doc else message_type.__name__


def encode(document: dict[str, Any]) -> str:
    return msgspec.json.format(msgspec.json.encode(document), indent=2).decode() + "\n"


def _message(message_type: type[Message], schema: dict[str, Any]) -> dict[str, Any]:
    name = message_type.__name__
    return {
        "name": name,
        "title": name,
        "summary": summary(message_type),
        "contentType": "application/json",
        "headers": _HEADERS,
        "payload": schema,
    }


def _channel(message_type: type[Message]) -> dict[str, Any]:
    name, subject = message_type.__name__, message_type.subject
    return {
        "address": subject,
        **_parameters(subject),
        "messages": {name: {"$ref": f"#/components/messages/{name}"}},
        "description": f"sent by {_sender(message_type)}; received by {', '.join(_receivers(subject)) or 'vendors'}",
    }


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
        channel = channel_name(message_type.subject)
        messages[name] = _message(message_type, schema)
        channels[channel] = _channel(message_type)
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
    return encode(document())
