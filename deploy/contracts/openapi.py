"""Render each service's OpenAPI document and the JetStream topology without starting anything."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import msgspec

from shared.config import load
from shared.http.openapi_problems import document_problems
from shared.messaging.streams import CONSUMERS, STREAMS
from shared.service import Runtime

SERVICES = ("venue", "interpreting", "catering", "notify")
DOCS = Path(__file__).resolve().parents[2] / "docs"


def openapi_document(service: str) -> dict[str, Any]:
    """The document the running service serves at /schema (problem details included)."""
    spec = importlib.import_module(f"services.{service}.bootstrap").spec()
    runtime = Runtime(spec, load(spec.config_type, environ={}))
    try:
        app = runtime.app()
        schema = app.openapi_schema
        document_problems(schema)
        return schema.to_schema()
    finally:
        runtime.tracer_provider.shutdown()
        runtime.metrics.shutdown()


def topology() -> dict[str, Any]:
    """Streams with their subjects and the services' durable consumers with their filters."""
    return {
        "streams": {stream.name: list(stream.subjects) for stream in STREAMS},
        "consumers": {
            consumer.durable: {
                "service": consumer.service,
                "stream": consumer.stream,
                "filter_subject": consumer.filter_subject,
            }
            for consumer in CONSUMERS
        },
    }


def render(document: dict[str, Any]) -> str:
    return json.dumps(msgspec.to_builtins(document), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def documents() -> dict[Path, str]:
    """Every committed document, by where it lives."""
    written = {
        DOCS / "openapi" / f"{service}.json": render(openapi_document(service)) for service in SERVICES
    }
    written[DOCS / "nats-topology.json"] = render(topology())
    return written
