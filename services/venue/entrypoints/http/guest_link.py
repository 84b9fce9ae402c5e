"""What a guest does through their personal link (no account): read the consent text, register or correct
their registration, withdraw it, ask for a letter and download it.

The link's secret comes as ``Authorization: Guest <secret>`` (never in a URL the API sees); any dead
link (unknown, expired, revoked, withdrawn) answers the same 401, so nobody learns whether an address was
invited. Guest fields travel only in bodies, which nothing logs.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, post, put
from litestar.di import Provide
from litestar.params import Parameter

from services.venue.adapters.pass_images import pass_image
from services.venue.domain.checkin import printed_pass, qr_payload
from services.venue.domain.guest_links import REFUSED
from services.venue.domain.registration import Registration
from services.venue.entrypoints.dependencies import VenueDependencies
from services.venue.entrypoints.http.documented import refusals
from services.venue.entrypoints.http.letters import pdf
from services.venue.entrypoints.http.refusals import REFUSALS
from services.venue.entrypoints.schemas.guest_link import (
    ConsentText,
    GuestLetter,
    GuestPage,
    GuestRegistration,
    GuestRegistrationUpdate,
)
from services.venue.entrypoints.schemas.letters import LetterRequested
from services.venue.handlers import guest_letters, guest_link, guest_registration
from shared.http.api_docs import PUBLIC
from shared.http.problems import ApiError, Problem, on_api_error
from shared.telemetry import trace_id_hex

SCHEME = "guest"
PASS_MEDIA = {"svg": "image/svg+xml", "png": "image/png"}


def refused_link() -> ApiError:
    error = ApiError(401, "Authentication required", REFUSED)
    error.headers = {"WWW-Authenticate": 'Guest realm="wict"'}
    return error


async def guest_secret(request: Request[Any, Any, Any]) -> str:
    """The link's secret from ``Authorization: Guest <secret>``; the one 401 without one."""
    scheme, _, secret = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != SCHEME or not 20 <= len(secret.strip()) <= 100:
        raise refused_link()
    return secret.strip()


def _link_refused(request: Request[Any, Any, Any], _: guest_link.LinkRefused) -> Response[Problem]:
    return on_api_error(request, refused_link())


GUEST_REFUSALS: dict[Any, Any] = {**REFUSALS, guest_link.LinkRefused: _link_refused}


def page(view: guest_registration.GuestView) -> GuestPage:
    invitation, row, letter = view.invitation, view.registration, view.letter
    registration = None
    if row is not None:
        registration = GuestRegistration(
            registration_id=row.id,
            full_name=row.full_name,
            nationality=row.nationality,
            email=row.email,
            phone=row.phone,
            locale=row.locale,
            passport_number=view.passport,
            date_of_birth_given=row.birth_date_sealed is not None,
            dietary=row.dietary,
            allergens=row.allergens,
            needs=row.needs,
            needs_note=row.needs_note,
            letter_wanted=row.letter_wanted,
            consent_version=row.consent_version,
            pass_code=printed_pass(row.check_code),
            pass_qr=qr_payload(row.check_code),
        )
    shown_letter = None
    if letter is not None:
        shown_letter = GuestLetter(
            letter_id=letter["id"],
            status=letter["status"],
            number=letter["number"],
            requested_at=letter["requested_at"],
            decided_at=letter["decided_at"],
            reason=letter["reason"],
        )
    return GuestPage(
        event_title=invitation["title"],
        starts_at=invitation["starts_at"],
        ends_at=invitation["ends_at"],
        invited_email=invitation["email"],
        invitation_status=invitation["status"],
        link_expires_at=invitation["expires_at"],
        registration=registration,
        letter=shown_letter,
    )


async def _pass(deps: VenueDependencies, secret: str, kind: str) -> Response[bytes]:
    code = await guest_registration.pass_code(deps.database, secret, datetime.now(UTC))
    image = await asyncio.to_thread(pass_image, code, kind)
    return Response(image, media_type=PASS_MEDIA[kind], headers={"Cache-Control": "no-store"})


class ConsentController(Controller):
    path = "/guest/consent"
    tags = ["guest link"]
    security = PUBLIC

    @get("/", operation_id="GetGuestConsent")
    async def consent(
        self,
        deps: VenueDependencies,
        locale: Annotated[str, Parameter(max_length=8, description="a guest locale; en where none")] = "en",
    ) -> ConsentText:
        """The current consent text in the guest's language (PIPL: purpose, kept, retention, recipients, rights)."""
        shown = deps.consent.text(locale)
        return ConsentText(version=shown.version, locale=shown.locale, **shown.sections)


class GuestLinkController(Controller):
    path = "/guest"
    tags = ["guest link"]
    dependencies = {"secret": Provide(guest_secret)}
    exception_handlers = GUEST_REFUSALS
    security = PUBLIC  # no bearer credential: the guest link, as `Authorization: Guest <secret>`

    @get("/registration", operation_id="GetGuestRegistration", responses=refusals(e401=REFUSED))
    async def get_registration(self, deps: VenueDependencies, secret: str) -> GuestPage:
        """The guest's event, invitation, registration (passport masked) and letter."""
        view = await guest_registration.read_registration(
            deps.database, deps.guest_keys, secret, datetime.now(UTC)
        )
        return page(view)

    @put(
        "/registration",
        operation_id="PutGuestRegistration",
        responses=refusals(
            e401=REFUSED,
            e409="an issued letter prints the changed fields: staff revoke it first",
            e422="a rule",
        ),
    )
    async def put_registration(
        self, data: GuestRegistrationUpdate, deps: VenueDependencies, secret: str
    ) -> Response[GuestPage]:
        """Register (201) or correct the registration (200); passport number and birth date are sealed."""
        wanted = Registration(
            full_name=data.full_name,
            nationality=data.nationality,
            email=data.email or "",
            locale=data.locale,
            consent_version=data.consent_version,
            passport_number=data.passport_number,
            date_of_birth=data.date_of_birth,
            passport_expires=data.passport_expires,
            phone=data.phone,
            dietary=tuple(data.dietary),
            allergens=tuple(data.allergens),
            needs=tuple(data.needs),
            needs_note=data.needs_note,
            letter_wanted=data.letter_wanted,
        )
        view, new = await guest_registration.register(
            deps.database,
            deps.guest_keys,
            deps.consent,
            secret,
            wanted,
            data.consent_locale or data.locale,
            datetime.now(UTC),
            trace_id_hex(),
        )
        return Response(page(view), status_code=201 if new else 200)

    @post(
        "/letter",
        operation_id="RequestInvitationLetter",
        status_code=202,
        responses=refusals(
            e401=REFUSED, e409="a letter is requested or issued already", e422="passport data missing"
        ),
    )
    async def request_letter(self, deps: VenueDependencies, secret: str) -> LetterRequested:
        """Ask for a visa invitation letter (staff decide); needs passport number and birth date registered."""
        letter_id = await guest_letters.request_letter(
            deps.database, secret, datetime.now(UTC), trace_id_hex()
        )
        return LetterRequested(letter_id=letter_id)

    @get(
        "/letter.pdf",
        operation_id="GetGuestInvitationLetter",
        media_type="application/pdf",
        responses=refusals(e401=REFUSED, e404="no letter issued"),
    )
    async def letter_pdf(self, deps: VenueDependencies, secret: str) -> Response[bytes]:
        """The guest's issued invitation letter (PDF, zh-CN and en); each download is audited."""
        number, document = await guest_letters.guest_pdf(
            deps.database, deps.guest_keys, secret, datetime.now(UTC), trace_id_hex()
        )
        return pdf(number, document)

    @get(
        "/pass.svg",
        operation_id="GetGuestPassSvg",
        media_type="image/svg+xml",
        responses=refusals(e401=REFUSED, e404="not registered yet"),
    )
    async def pass_svg(self, deps: VenueDependencies, secret: str) -> Response[bytes]:
        """The guest's check-in pass as an SVG QR code (it holds the pass code only, no name, no URL)."""
        return await _pass(deps, secret, "svg")

    @get(
        "/pass.png",
        operation_id="GetGuestPassPng",
        media_type="image/png",
        responses=refusals(e401=REFUSED, e404="not registered yet"),
    )
    async def pass_png(self, deps: VenueDependencies, secret: str) -> Response[bytes]:
        """The guest's check-in pass as a PNG QR code (for e-mails and wallets)."""
        return await _pass(deps, secret, "png")

    @delete(
        "/registration",
        operation_id="WithdrawGuestRegistration",
        status_code=204,
        responses=refusals(e401=REFUSED),
    )
    async def withdraw(self, deps: VenueDependencies, secret: str) -> None:
        """Withdraw: the registration is deleted (a live letter revoked), the link ends; audited without names."""
        await guest_link.withdraw(deps.database, secret, datetime.now(UTC), trace_id_hex())
