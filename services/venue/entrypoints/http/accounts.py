"""Accounts: staff create organizer accounts (and their API keys); anyone asks who they are."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.di import Provide
from litestar.status_codes import HTTP_201_CREATED

from services.venue.domain.access import Principal, Role, new_api_key
from services.venue.domain.countries import ISO_3166_ALPHA_2
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.auth import authenticate, require
from services.venue.entrypoints.schemas.accounts import Account, AccountCreated, OrganizerCreate
from services.venue.handlers import accounts
from shared.http.problems import ApiError, FieldError


def _account(principal: Principal) -> Account:
    return Account(
        account_id=principal.account_id,
        role=principal.role.value,
        name=principal.name,
        email=principal.email,
        locale=principal.locale,
        time_zone=principal.time_zone,
    )


class AccountsController(Controller):
    path = "/"
    tags = ["accounts"]
    dependencies = {"principal": Provide(authenticate)}

    @get("/me", operation_id="WhoAmI", sync_to_thread=False)
    def me(self, principal: Principal) -> Account:
        """The account behind the API key."""
        return _account(principal)

    @post("/organizers", operation_id="CreateOrganizer", status_code=HTTP_201_CREATED)
    async def create_organizer(
        self, data: OrganizerCreate, deps: VenueDependencies, principal: Principal
    ) -> AccountCreated:
        """Open an organizer account (staff only); the API key is in this answer and nowhere else."""
        require(principal, Role.STAFF)
        api_key = new_api_key()
        fields = {
            "name": data.name,
            "email": data.email,
            "locale": data.locale,
            "time_zone": data.time_zone,
            "organization": data.organization,
            "country": data.country,
        }
        if data.country is not None and data.country not in ISO_3166_ALPHA_2:
            reason = f"{data.country!r} is not an ISO 3166-1 alpha-2 code"
            raise ApiError(422, "Unknown country", reason, [FieldError("country", reason)])
        try:
            created = await accounts.create_account(deps.database, Role.ORGANIZER, fields, api_key, "first")
        except accounts.AccountExists:
            raise ApiError(
                409, "Organizer exists", "", [FieldError("email", "an organizer with it exists")]
            ) from None
        return AccountCreated(account=_account(created), api_key=api_key)
