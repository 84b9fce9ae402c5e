"""Invitation letters: the staff's queue, approval (which renders and issues), refusal, revocation and
the audited PDF; and the public verification a consulate or border officer uses (number and code, rate
limited per client address, one 404 for anything that does not match)."""

from __future__ import annotations

import ipaddress
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post
from litestar.di import Provide
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.params import Parameter

from services.venue.domain.access import Principal, Role
from services.venue.domain.guests import Purpose
from services.venue.domain.letters import LetterStatus
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.documented import refusals
from services.venue.entrypoints.http.refusals import REFUSALS
from services.venue.entrypoints.schemas.letters import (
    LetterDecision,
    LetterInQueue,
    LetterIssued,
    LetterRefusal,
    LetterRevocation,
    LetterVerification,
)
from services.venue.handlers import letter_verification, letters
from shared.http.api_docs import PUBLIC
from shared.telemetry import trace_id_hex

VERIFICATIONS_PER_MINUTE = 20
STAFF = (Role.STAFF, Role.OPS)


def client_address(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


def client_network(request: Request[Any, Any, Any]) -> str:
    """The client's /24 (IPv4) or /48 (IPv6): enough to see a burst of checks, not who checked."""
    try:
        address = ipaddress.ip_address(client_address(request))
    except ValueError:
        return "unknown"
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


VERIFICATION_LIMIT = RateLimitConfig(
    rate_limit=("minute", VERIFICATIONS_PER_MINUTE),
    identifier_for_request=client_address,
    store="letter_verifications",
)


def pdf(number: str, document: bytes) -> Response[bytes]:
    disposition = f'attachment; filename="{number}.pdf"'
    headers = {"Content-Disposition": disposition, "Cache-Control": "no-store"}
    return Response(document, media_type="application/pdf", headers=headers)


class StaffLettersController(Controller):
    path = "/staff/letters"
    tags = ["letters"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = REFUSALS

    @get("/", operation_id="ListInvitationLetters")
    async def queue(
        self,
        deps: VenueDependencies,
        principal: Principal,
        status: LetterStatus = LetterStatus.REQUESTED,
        limit: Annotated[int, Parameter(ge=1, le=500)] = 100,
    ) -> list[LetterInQueue]:
        """Letters in a state, oldest request first (staff): the queue to decide."""
        require(principal, *STAFF)
        rows = await letters.letter_queue(deps.database, status, limit)
        return [
            LetterInQueue(
                letter_id=row["id"],
                registration_id=row["registration_id"],
                booking_id=row["booking_id"],
                status=row["status"],
                number=row["number"],
                requested_at=row["requested_at"],
                guest_name=row["full_name"],
                nationality=row["nationality"],
                event_title=row["title"],
            )
            for row in rows
        ]

    @post(
        "/{letter_id:uuid}/approve",
        operation_id="ApproveInvitationLetter",
        status_code=200,
        responses=refusals(e404="no such letter", e409="not requested any more", e422="unprintable name"),
    )
    async def approve(
        self, letter_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> LetterIssued:
        """Issue a requested letter: number, verification code, the bilingual PDF (sealed)."""
        require(principal, *STAFF)
        issued = await letters.approve_letter(
            deps.database,
            deps.guest_keys,
            deps.letters,
            principal,
            letter_id,
            datetime.now(UTC),
            trace_id_hex(),
        )
        return LetterIssued(letter_id=issued.letter_id, number=issued.number, code=issued.code)

    @post(
        "/{letter_id:uuid}/refuse",
        operation_id="RefuseInvitationLetter",
        status_code=200,
        responses=refusals(e404="no such letter", e409="not requested any more"),
    )
    async def refuse(
        self, letter_id: uuid.UUID, data: LetterRefusal, deps: VenueDependencies, principal: Principal
    ) -> LetterDecision:
        """Refuse a requested letter; the guest reads the reason (zh-CN and en)."""
        require(principal, *STAFF)
        reason = f"{data.reason_zh.strip()} / {data.reason_en.strip()}"
        await letters.refuse_letter(
            deps.database, principal, letter_id, reason, datetime.now(UTC), trace_id_hex()
        )
        return LetterDecision(letter_id=letter_id, status="refused")

    @post(
        "/{letter_id:uuid}/revoke",
        operation_id="RevokeInvitationLetter",
        status_code=200,
        responses=refusals(e404="no such letter", e409="neither requested nor issued"),
    )
    async def revoke(
        self, letter_id: uuid.UUID, data: LetterRevocation, deps: VenueDependencies, principal: Principal
    ) -> LetterDecision:
        """Revoke a letter: its PDF is deleted, and verification answers it as revoked from now on."""
        require(principal, *STAFF)
        await letters.revoke_letter(
            deps.database, principal, letter_id, data.reason.strip(), datetime.now(UTC), trace_id_hex()
        )
        return LetterDecision(letter_id=letter_id, status="revoked")

    @get(
        "/{letter_id:uuid}/pdf",
        operation_id="GetInvitationLetterPdf",
        media_type="application/pdf",
        responses=refusals(e404="no issued letter"),
    )
    async def letter_pdf(
        self,
        letter_id: uuid.UUID,
        deps: VenueDependencies,
        principal: Principal,
        purpose: Annotated[Purpose, Parameter(description="why staff open it (audited)")],
    ) -> Response[bytes]:
        """The issued letter's PDF (staff, with a purpose; audited)."""
        require(principal, *STAFF)
        number, document = await letters.staff_pdf(
            deps.database, deps.guest_keys, principal, letter_id, purpose.value, trace_id_hex()
        )
        return pdf(number, document)


class LetterVerificationController(Controller):
    path = "/letters/verify"
    tags = ["letters"]
    security = PUBLIC
    exception_handlers = REFUSALS
    middleware = [VERIFICATION_LIMIT.middleware]

    @get(
        "/",
        operation_id="VerifyInvitationLetter",
        responses=refusals(e404="no letter with this number and code"),
    )
    async def verify(
        self,
        request: Request[Any, Any, Any],
        deps: VenueDependencies,
        number: Annotated[str, Parameter(max_length=40, description="WICT-2026-000123")],
        code: Annotated[str, Parameter(max_length=40, description="XXXXX-XXXXX, as printed")],
    ) -> LetterVerification:
        """A letter's facts and state for its number and code (no sign-in; 20 checks a minute per address)."""
        facts = await letter_verification.verify_letter(
            deps.database, number, code, client_network(request), trace_id_hex()
        )
        return LetterVerification(
            number=facts.number,
            status=facts.status.value,
            issued_at=facts.issued_at,
            revoked_at=facts.revoked_at,
            guest_name=facts.guest_name,
            nationality=facts.nationality,
            passport=facts.passport,
            event=facts.event,
            starts_on=facts.starts_on,
            ends_on=facts.ends_on,
            inviting_organization=facts.inviting_organization,
        )
