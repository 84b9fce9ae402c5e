"""Organizers, as the staff's desk sees them: open an account for a walk-in or a caller (its API key is
shown once), find one by name, organization, e-mail or phone, see one with their counts, disable or
enable one."""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import urlencode

import msgspec
from litestar import Controller, Response, get, post
from litestar.datastructures import ResponseHeader
from litestar.di import Provide
from litestar.params import Parameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from services.venue.adapters.accounts import profile_of
from services.venue.domain.access import Principal, Role, new_api_key
from services.venue.domain.countries import ISO_3166_ALPHA_2
from services.venue.domain.profiles import MIN_SEARCH_LENGTH, search_needle
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http import auth
from services.venue.entrypoints.http.account_answers import ACCOUNT_REFUSALS, account
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.schemas.accounts import (
    Account,
    AccountCreated,
    Organizer,
    OrganizerCounts,
    OrganizerCreate,
)
from services.venue.handlers import accounts, organizers
from shared.http.openapi_problems import problem_responses
from shared.http.problems import ApiError, FieldError

NEXT_PAGE = ResponseHeader(
    name="Link",
    documentation_only=True,
    description='`</organizers?…&cursor=…>; rel="next"` when more may follow',
)
STAFF_ONLY = {401: "no valid API key or access token", 403: "staff only"}
UNKNOWN = {**STAFF_ONLY, 404: "no such organizer"}


def _organizer(row_or_account: Account, counts: OrganizerCounts | None = None) -> Organizer:
    return Organizer(**msgspec.structs.asdict(row_or_account), counts=counts)


def _cursor(name: str, account_id: uuid.UUID) -> str:
    return base64.urlsafe_b64encode(msgspec.json.encode([name, str(account_id)])).decode().rstrip("=")


def _after(cursor: str | None) -> tuple[str, uuid.UUID] | None:
    if cursor is None:
        return None
    try:
        name, account_id = msgspec.json.decode(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return str(name), uuid.UUID(account_id)
    except (ValueError, TypeError, AttributeError, msgspec.DecodeError):
        raise ApiError(
            400, "Invalid cursor", "", [FieldError("cursor", "use the one from the Link header")]
        ) from None


class OrganizersController(Controller):
    path = "/organizers"
    tags = ["accounts"]
    dependencies = {"principal": Provide(authenticate)}
    exception_handlers = ACCOUNT_REFUSALS

    @post(
        "/",
        operation_id="CreateOrganizer",
        status_code=HTTP_201_CREATED,
        responses=problem_responses(
            {**STAFF_ONLY, 409: "an organizer has this e-mail address", 422: "phone, time zone or country"}
        ),
    )
    async def create_organizer(
        self, data: OrganizerCreate, deps: VenueDependencies, principal: Principal
    ) -> AccountCreated:
        """Open an organizer account (staff only); the API key is in this answer and nowhere else."""
        require(principal, Role.STAFF)
        api_key = new_api_key()
        fields = msgspec.structs.asdict(data)
        if data.country is not None and data.country not in ISO_3166_ALPHA_2:
            reason = f"{data.country!r} is not an ISO 3166-1 alpha-2 code"
            raise ApiError(422, "Unknown country", reason, [FieldError("country", reason)])
        try:
            created = await accounts.create_account(deps.database, Role.ORGANIZER, fields, api_key, "first")
        except accounts.AccountExists:
            raise ApiError(
                409, "Organizer exists", "", [FieldError("email", "an organizer with it exists")]
            ) from None
        return AccountCreated(account=account(created), api_key=api_key)

    @get(
        "/",
        operation_id="ListOrganizers",
        response_headers=[NEXT_PAGE],
        responses=problem_responses(
            {**STAFF_ONLY, 400: f"q shorter than {MIN_SEARCH_LENGTH} characters, or a bad cursor"}
        ),
    )
    async def list_organizers(
        self,
        deps: VenueDependencies,
        principal: Principal,
        q: Annotated[
            str | None,
            Parameter(
                max_length=200, description="part of a name, organization, e-mail or phone (any format)"
            ),
        ] = None,
        cursor: Annotated[str | None, Parameter(max_length=600, description="from the Link header")] = None,
        limit: Annotated[int, Parameter(ge=1, le=200)] = 50,
    ) -> Response[list[Organizer]]:
        """Find organizers by name, organization, e-mail or phone, by name (staff only); pages via Link."""
        require(principal, Role.STAFF)
        needle = search_needle(q) if q is not None else None
        if q is not None and needle is None:
            reason = f"give at least {MIN_SEARCH_LENGTH} characters"
            raise ApiError(400, "Invalid query parameter", f"q: {reason}", [FieldError("q", reason)])
        rows = await organizers.find(deps.database, needle, _after(cursor), limit + 1)
        page = [_organizer(account(profile_of(row))) for row in rows[:limit]]
        headers = {}
        if len(rows) > limit:
            last = rows[limit - 1]
            wanted = {"q": q, "limit": limit, "cursor": _cursor(last["sort_name"], last["id"])}
            query = urlencode({name: value for name, value in wanted.items() if value is not None})
            headers["Link"] = f'</organizers?{query}>; rel="next"'
        return Response(page, headers=headers)

    @get("/{account_id:uuid}", operation_id="GetOrganizer", responses=problem_responses(UNKNOWN))
    async def get_organizer(
        self, account_id: uuid.UUID, deps: VenueDependencies, principal: Principal
    ) -> Organizer:
        """One organizer with the counts of their bookings, keys and sessions (staff only)."""
        require(principal, Role.STAFF)
        found, counts = await organizers.organizer(deps.database, account_id, datetime.now(UTC))
        return _organizer(account(found), OrganizerCounts(**counts.__dict__))

    @post(
        "/{account_id:uuid}/disable",
        operation_id="DisableOrganizer",
        status_code=HTTP_200_OK,
        responses=problem_responses(UNKNOWN),
    )
    async def disable(self, account_id: uuid.UUID, deps: VenueDependencies, principal: Principal) -> Account:
        """Disable the account: every key, token and session of it is refused at once; the person is told."""
        return await self._set_disabled(account_id, True, deps, principal)

    @post(
        "/{account_id:uuid}/enable",
        operation_id="EnableOrganizer",
        status_code=HTTP_200_OK,
        responses=problem_responses(UNKNOWN),
    )
    async def enable(self, account_id: uuid.UUID, deps: VenueDependencies, principal: Principal) -> Account:
        """Enable a disabled account again (its keys work again; sessions ended by disabling stay ended)."""
        return await self._set_disabled(account_id, False, deps, principal)

    async def _set_disabled(
        self, account_id: uuid.UUID, disabled: bool, deps: VenueDependencies, principal: Principal
    ) -> Account:
        require(principal, Role.STAFF)
        updated = await organizers.set_disabled(
            deps.database, account_id, disabled, principal.account_id, datetime.now(UTC)
        )
        auth.forget(f"account:{account_id}")
        return account(updated)
