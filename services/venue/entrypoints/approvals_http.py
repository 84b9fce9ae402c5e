"""Staff approval of bookings of spaces that need it (the VIP hall)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

import msgspec
from litestar import Controller, get, post
from litestar.di import NamedDependency, Provide
from msgspec import Meta

from services.venue.domain.access import Principal, Role
from services.venue.entrypoints.auth import authenticate, require
from services.venue.handlers import NotAwaitingApproval, decide_approval
from shared.http.problems import ApiError, FieldError
from shared.service import Context


class PendingApproval(msgspec.Struct, frozen=True, kw_only=True):
    booking_id: uuid.UUID
    title: str
    space_id: str
    starts_at: datetime
    ends_at: datetime
    attendees: int
    decide_by: datetime


class ApprovalDecision(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    decision: Literal["approve", "reject"]
    reason: Annotated[str, Meta(max_length=500)] = ""


class ApprovalsController(Controller):
    path = "/"
    tags = ["approvals"]
    dependencies = {"principal": Provide(authenticate)}

    @get("/approvals", operation_id="ListPendingApprovals")
    async def pending(
        self, context: NamedDependency[Context], principal: NamedDependency[Principal]
    ) -> list[PendingApproval]:
        """Bookings waiting for a staff decision, the most urgent first (staff and ops)."""
        require(principal, Role.STAFF, Role.OPS)
        async with context.database.connection() as connection:
            rows = await connection.fetch(
                "SELECT b.id, b.title, b.space_id, b.starts_at, b.ends_at, b.attendees, s.deadline"
                " FROM saga_steps s JOIN bookings b ON b.id = s.booking_id"
                " WHERE s.step = 'approval' AND s.state = 'pending' ORDER BY s.deadline LIMIT 500"
            )
        return [
            PendingApproval(
                booking_id=r["id"],
                title=r["title"],
                space_id=r["space_id"],
                starts_at=r["starts_at"],
                ends_at=r["ends_at"],
                attendees=r["attendees"],
                decide_by=r["deadline"],
            )
            for r in rows
        ]

    @post("/bookings/{booking_id:uuid}/approval", operation_id="DecideApproval", status_code=200)
    async def decide(
        self,
        booking_id: uuid.UUID,
        data: ApprovalDecision,
        context: NamedDependency[Context],
        principal: NamedDependency[Principal],
    ) -> dict[str, str]:
        """Approve or reject a booking that waits for approval (staff); a rejection needs a reason."""
        require(principal, Role.STAFF)
        if data.decision == "reject" and not data.reason.strip():
            raise ApiError(
                422, "A rejection needs a reason", "", [FieldError("reason", "tell the organizer why")]
            )
        try:
            await decide_approval(
                context.database,
                booking_id,
                data.decision == "approve",
                data.reason.strip(),
                principal.actor,
                context.state["catalog"],
                context.state["saga_settings"],
            )
        except NotAwaitingApproval:
            raise ApiError(
                409, "Not waiting for approval", f"booking {booking_id} has no pending approval"
            ) from None
        return {"booking_id": str(booking_id), "decision": data.decision}
