"""Guest invitations of a booking (its organizer or staff): invite one guest, import a CSV or XLSX list (all
or nothing, each fault named by row and field), list them, send a link again, end one; the guest counts.

The URLs carry ids only; addresses travel in bodies. The link's secret is never in an answer: notify
e-mails it to the guest.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from litestar import Controller, Request, Response, delete, get, post
from litestar.di import Provide

from services.venue.adapters.invitation_files import MEDIA_TYPES, UnreadableFile, guest_rows
from services.venue.domain.access import Principal, Role
from services.venue.domain.invitations import MAX_ROWS
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.http.bookings import IdempotencyKey
from services.venue.entrypoints.http.documented import refusals, upload_of
from services.venue.entrypoints.http.refusals import REFUSALS
from services.venue.entrypoints.schemas.invitations import (
    GuestCounts,
    Invitation,
    InvitationCreate,
    InvitationSent,
    InvitationsSent,
)
from services.venue.handlers import invitations
from shared.http.problems import ApiError, FieldError
from shared.telemetry import trace_id_hex

IMPORT_MAX_BYTES = 2 * 1024 * 1024
UPLOAD = (
    "CSV (UTF-8, with or without BOM) or XLSX (first sheet): a header row naming `email` and optionally `name`"
    " (the e-mail's greeting only, not kept) and `locale`; at most 2,000 guests and 2 MiB"
)


def _sent(invited: list[invitations.Invited]) -> InvitationsSent:
    sent = [InvitationSent(invitation_id=i.invitation_id, email=i.email, locale=i.locale) for i in invited]
    return InvitationsSent(invited=len(sent), invitations=sent)


def _media_type(request: Request[Any, Any, Any]) -> str:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in MEDIA_TYPES:
        reason = f"must be {' or '.join(MEDIA_TYPES)}"
        raise ApiError(
            415, "Unsupported media type", f"Content-Type: {reason}", [FieldError("Content-Type", reason)]
        )
    return media_type


class InvitationsController(Controller):
    path = "/bookings/{booking_id:uuid}"
    tags = ["guests"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = REFUSALS

    @post("/invitations", operation_id="InviteGuest", status_code=201)
    async def invite_guest(
        self,
        booking_id: uuid.UUID,
        data: InvitationCreate,
        deps: VenueDependencies,
        principal: Principal,
        idempotency_key: IdempotencyKey = None,
    ) -> InvitationSent:
        """Invite one guest: notify e-mails them a personal link to register (409 when already invited)."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        invited = await invitations.invite_one(
            deps.database,
            principal,
            booking_id,
            data.email,
            data.locale,
            deps.config.web_url.rstrip("/"),
            datetime.now(UTC),
            trace_id_hex(),
        )
        return InvitationSent(invitation_id=invited.invitation_id, email=invited.email, locale=invited.locale)

    @post(
        "/invitations/import",
        operation_id="ImportGuestInvitations",
        status_code=201,
        request_max_body_size=IMPORT_MAX_BYTES,
        operation_class=upload_of(UPLOAD, *MEDIA_TYPES),
        responses=refusals(
            e413="the file is over 2 MiB", e415="neither CSV nor XLSX", e422="faults by row and field"
        ),
    )
    async def import_invitations(
        self,
        request: Request[Any, Any, Any],
        booking_id: uuid.UUID,
        deps: VenueDependencies,
        principal: Principal,
        idempotency_key: IdempotencyKey = None,
    ) -> InvitationsSent:
        """Invite every guest of a CSV or XLSX list, all or nothing: 422 names each fault as `rows[n].field`."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        await invitations.invitable(
            deps.database, principal, booking_id, datetime.now(UTC)
        )  # before the file
        media_type = _media_type(request)
        try:
            rows = guest_rows(await request.body(), media_type, MAX_ROWS)
        except UnreadableFile as refused:
            raise ApiError(
                422, "The file cannot be read", str(refused), [FieldError(refused.field, refused.reason)]
            ) from None
        invited = await invitations.import_invitations(
            deps.database,
            principal,
            booking_id,
            rows,
            deps.config.web_url.rstrip("/"),
            datetime.now(UTC),
            trace_id_hex(),
        )
        return _sent(invited)

    @get("/invitations", operation_id="ListGuestInvitations")
    async def list_invitations(
        self, booking_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> list[Invitation]:
        """The booking's invited guests: state, registered, checked in, letter (no passport data)."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        rows = await invitations.invitations_of(deps.database, principal, booking_id)
        return [
            Invitation(
                invitation_id=row["id"],
                email=row["email"],
                locale=row["locale"],
                status=row["status"],
                invited_at=row["invited_at"],
                expires_at=row["expires_at"],
                sent_count=row["sent_count"],
                registered=row["registered"],
                checked_in_at=row["checked_in_at"],
                letter_status=row["letter_status"],
            )
            for row in rows
        ]

    @post("/invitations/{invitation_id:uuid}/resend", operation_id="ResendGuestLink", status_code=202)
    async def resend_link(
        self,
        booking_id: uuid.UUID,
        invitation_id: uuid.UUID,
        deps: VenueDependencies,
        principal: Principal,
    ) -> Response[None]:
        """E-mail the guest a new link to the same address (the old one stops working); at most five times."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        await invitations.resend(
            deps.database,
            principal,
            booking_id,
            invitation_id,
            deps.config.web_url.rstrip("/"),
            datetime.now(UTC),
            trace_id_hex(),
        )
        return Response(None, status_code=202)

    @delete("/invitations/{invitation_id:uuid}", operation_id="RevokeGuestInvitation", status_code=204)
    async def revoke_invitation(
        self,
        booking_id: uuid.UUID,
        invitation_id: uuid.UUID,
        deps: VenueDependencies,
        principal: Principal,
    ) -> None:
        """End the guest's link; their registration is deleted and a live letter revoked (audited)."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        await invitations.revoke_invitation(
            deps.database, principal, booking_id, invitation_id, datetime.now(UTC), trace_id_hex()
        )

    @get("/guest-counts", operation_id="GetGuestCounts")
    async def guest_counts(
        self, booking_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> GuestCounts:
        """Registered and checked-in guests, and registrations per dietary choice, allergen and need."""
        require(principal, Role.ORGANIZER, Role.STAFF)
        row = await invitations.guest_counts(deps.database, principal, booking_id)
        return GuestCounts(
            booking_id=booking_id,
            registered=row["registered"],
            checked_in=row["checked_in"],
            walk_ins=row["walk_ins"],
            dietary=row["dietary"],
            allergens=row["allergens"],
            needs=row["needs"],
        )
