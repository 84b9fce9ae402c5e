"""The committed OpenAPI documents say how to authenticate and what errors look like: every service
declares the bearer scheme (API key or access token) for every operation but the public ones, and every
error response is an RFC 9457 problem with its extension members at the top level."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from deploy.contracts.openapi import SERVICES

pytestmark = pytest.mark.unit

DOCS = Path(__file__).resolve().parents[2] / "docs" / "openapi"
METHODS = ("get", "put", "post", "patch", "delete")
HEALTH = {"Live", "Ready"}
PUBLIC = {
    "venue": HEALTH
    | {
        "ListSpaces",
        "ListPublicEvents",  # what's on: confirmed bookings their organizers made public
        "SignUp",
        "VerifySignup",
        "CreateSession",
        "RefreshSession",
        "RevokeSession",
        "RequestSignInLink",
        "SignInWithLink",
        "RequestPasswordReset",
        "ConfirmPasswordReset",
        "GetNetworkLineAvailability",
        "GetSpaceCalendar",
        "GetPerformanceSheet",
        "GetGuestConsent",  # the consent text a guest reads before registering (docs/guests.md)
        # a guest has no account: their personal link, as `Authorization: Guest <secret>`, is the credential
        "GetGuestRegistration",
        "PutGuestRegistration",
        "WithdrawGuestRegistration",
        "RequestInvitationLetter",
        "GetGuestInvitationLetter",
        "GetGuestPassSvg",
        "GetGuestPassPng",
        "VerifyInvitationLetter",  # a consulate or border officer checks a letter by number and code, signed in nowhere
    },
    "notify": HEALTH,
    "interpreting": HEALTH | {"ListInterpreters"},
    "catering": HEALTH | {"ListMenus"},
}
OPTIONAL = {"venue": {"GetAvailability", "ListClosures"}}


def _operations(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        operation["operationId"]: operation
        for item in document["paths"].values()
        for method, operation in item.items()
        if method in METHODS
    }


@pytest.mark.parametrize("service", SERVICES)
def test_every_operation_but_the_public_ones_needs_the_bearer_credential(service):
    document = json.loads((DOCS / f"{service}.json").read_text())
    scheme = document["components"]["securitySchemes"]["bearer"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    assert document["security"] == [{"bearer": []}]
    public = {name for name, op in _operations(document).items() if op.get("security") == [{}]}
    optional = {
        name for name, op in _operations(document).items() if op.get("security") == [{}, {"bearer": []}]
    }
    assert public == PUBLIC[service]
    assert optional == OPTIONAL.get(service, set())
    for name, operation in _operations(document).items():
        assert operation.get("security") in (None, [{}], [{}, {"bearer": []}]), name


@pytest.mark.parametrize("service", SERVICES)
def test_errors_are_problems_with_top_level_extension_members(service):
    document = json.loads((DOCS / f"{service}.json").read_text())
    problem = document["components"]["schemas"]["Problem"]
    assert problem["additionalProperties"] is True
    assert "extra" not in problem["properties"]
    assert {"type", "title", "status", "detail", "errors", "trace_id"} <= set(problem["properties"])
    for name, operation in _operations(document).items():
        default = operation["responses"]["default"]["content"]
        assert list(default) == ["application/problem+json"], name
