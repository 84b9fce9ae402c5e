"""Staff approval of bookings of spaces that need it (the VIP hall)."""

from __future__ import annotations

import uuid

from litestar import Controller, get, post
from litestar.di import Provide

from services.venue.domain.access import Principal, Role
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.schemas.approvals import ApprovalDecision, PendingApproval
from services.venue.handlers.approvals import decide_approval, pending_approvals
from services.venue.handlers.errors import NotAwaitingApproval
from shared.http.problems import ApiError, FieldError


class ApprovalsController(Controller):
    path = "/"
    tags = ["approvals"]
    dependencies = {"principal": Provide(authenticate)}

    @get("/approvals", operation_id="ListPendingApprovals")
    async def pending(self, deps: VenueDependencies, principal: Principal) -> list[PendingApproval]:
        """Bookings waiting for a staff decision, the most urgent first (staff and ops)."""
        require(principal, Role.STAFF, Role.OPS)
        rows = await pending_approvals(deps.database)
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
        self, booking_id: uuid.UUID, data: ApprovalDecision, deps: VenueDependencies, principal: Principal
    ) -> dict[str, str]:
        """Approve or reject a booking that waits for approval (staff); a rejection needs a reason."""
        require(principal, Role.STAFF)
        if data.decision == "reject" and not data.reason.strip():
            raise ApiError(
                422, "A rejection needs a reason", "", [FieldError("reason", "tell the organizer why")]
            )
        approve, reason = data.decision == "approve", data.reason.strip()
        try:
            await decide_approval(
                deps.database, booking_id, approve, reason, principal.actor, deps.catalog, deps.saga
            )
        except NotAwaitingApproval:
            raise ApiError(
                409, "Not waiting for approval", f"booking {booking_id} has no pending approval"
            ) from None
        return {"booking_id": str(booking_id), "decision": data.decision}
