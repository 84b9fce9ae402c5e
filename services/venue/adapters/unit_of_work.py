"""The venue's unit of work: one transaction (or one pooled connection) and the repositories on it.

``VenueDatabase.transaction()`` wraps ``shared.db``'s transaction: what a use case stages with
``unit.publish`` commits with its rows (the outbox), and a consumer's ``unit.claim`` records the
message as handled (the inbox). ``autocommit()`` is a pooled connection without a transaction (each
statement commits on its own), for reads and single writes. A consumer's unit of work, opened by
``shared.messaging``, is wrapped with ``VenueUnit.of``.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from functools import cached_property

import asyncpg

from services.venue.adapters.accounts import AccountRepository
from services.venue.adapters.audit import AuditLog
from services.venue.adapters.bookings import BookingRepository
from services.venue.adapters.calendar import CalendarRepository
from services.venue.adapters.changes import ChangeRepository
from services.venue.adapters.credentials import CredentialRepository
from services.venue.adapters.guest_purge import GuestPurgeRepository
from services.venue.adapters.guests import GuestRepository
from services.venue.adapters.holds import HoldRepository
from services.venue.adapters.invitations import InvitationRepository
from services.venue.adapters.letters import LetterRepository
from services.venue.adapters.listing import BookingListRepository
from services.venue.adapters.network_lines import NetworkLineRepository
from services.venue.adapters.ops.sagas import OpsRepository
from services.venue.adapters.options import OptionRepository
from services.venue.adapters.organizers import OrganizerDirectory
from services.venue.adapters.planning import PlanningRepository
from services.venue.adapters.public_events import PublicEventRepository
from services.venue.adapters.quotes import QuoteRepository
from services.venue.adapters.records import RecordRepository
from services.venue.adapters.registrations import RegistrationRepository
from services.venue.adapters.reports import ReportRepository
from services.venue.adapters.sagas import SagaRepository
from services.venue.adapters.series import SeriesRepository
from services.venue.adapters.sign_in_guard import SignInGuardRepository
from services.venue.adapters.vendor_tasks import VendorTaskRepository
from services.venue.adapters.waitlist import WaitlistRepository
from services.venue.domain.booking import ReleasedHold
from shared.contracts.base import Message
from shared.db.unit_of_work import Database, UnitOfWork


class VenueUnit:
    """The repositories of one unit of work, its outbox (``publish``) and inbox (``claim``)."""

    def __init__(self, connection: asyncpg.Connection, outbox: UnitOfWork | None = None) -> None:
        self.connection = connection
        self._outbox = outbox
        # holds given up in this unit: the waitlist's promotion step reads them (handlers.waitlist)
        self.released: list[ReleasedHold] = []

    @classmethod
    def of(cls, unit: UnitOfWork) -> VenueUnit:
        """The venue's view of a unit of work opened elsewhere (a consumer's)."""
        return cls(unit.connection, unit)

    def publish(self, message: Message) -> None:
        """Stage ``message``: it is published when (and only if) the transaction commits."""
        assert self._outbox is not None, "a unit without a transaction publishes nothing"
        self._outbox.publish(message)

    async def claim(self, consumer: str, message_id: uuid.UUID) -> bool:
        assert self._outbox is not None, "a unit without a transaction claims nothing"
        return await self._outbox.claim(consumer, message_id)

    def savepoint(self) -> AbstractAsyncContextManager[object]:
        """A nested transaction: what fails inside it is undone, the unit goes on."""
        return self.connection.transaction()  # type: ignore[no-any-return]

    @cached_property
    def bookings(self) -> BookingRepository:
        return BookingRepository(self.connection)

    @cached_property
    def booking_list(self) -> BookingListRepository:
        return BookingListRepository(self.connection)

    @cached_property
    def holds(self) -> HoldRepository:
        return HoldRepository(self.connection)

    @cached_property
    def options(self) -> OptionRepository:
        return OptionRepository(self.connection)

    @cached_property
    def sagas(self) -> SagaRepository:
        return SagaRepository(self.connection)

    @cached_property
    def series(self) -> SeriesRepository:
        return SeriesRepository(self.connection)

    @cached_property
    def changes(self) -> ChangeRepository:
        return ChangeRepository(self.connection)

    @cached_property
    def waitlist(self) -> WaitlistRepository:
        return WaitlistRepository(self.connection)

    @cached_property
    def calendar(self) -> CalendarRepository:
        return CalendarRepository(self.connection)

    @cached_property
    def public_events(self) -> PublicEventRepository:
        return PublicEventRepository(self.connection)

    @cached_property
    def audit(self) -> AuditLog:
        return AuditLog(self.connection)

    @cached_property
    def accounts(self) -> AccountRepository:
        return AccountRepository(self.connection)

    @cached_property
    def credentials(self) -> CredentialRepository:
        return CredentialRepository(self.connection)

    @cached_property
    def sign_in_guard(self) -> SignInGuardRepository:
        return SignInGuardRepository(self.connection)

    @cached_property
    def organizers(self) -> OrganizerDirectory:
        return OrganizerDirectory(self.connection)

    @cached_property
    def network_lines(self) -> NetworkLineRepository:
        return NetworkLineRepository(self.connection)

    @cached_property
    def quotes(self) -> QuoteRepository:
        return QuoteRepository(self.connection)

    @cached_property
    def guests(self) -> GuestRepository:
        return GuestRepository(self.connection)

    @cached_property
    def guest_purge(self) -> GuestPurgeRepository:
        return GuestPurgeRepository(self.connection)

    @cached_property
    def invitations(self) -> InvitationRepository:
        return InvitationRepository(self.connection)

    @cached_property
    def letters(self) -> LetterRepository:
        return LetterRepository(self.connection)

    @cached_property
    def registrations(self) -> RegistrationRepository:
        return RegistrationRepository(self.connection)

    @cached_property
    def planning(self) -> PlanningRepository:
        return PlanningRepository(self.connection)

    @cached_property
    def reports(self) -> ReportRepository:
        return ReportRepository(self.connection)

    @cached_property
    def records(self) -> RecordRepository:
        return RecordRepository(self.connection)

    @cached_property
    def vendor_tasks(self) -> VendorTaskRepository:
        return VendorTaskRepository(self.connection)

    @cached_property
    def ops(self) -> OpsRepository:
        return OpsRepository(self.connection)


class VenueDatabase:
    """Opens the venue's units of work on the service's database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    @property
    def pool(self) -> asyncpg.Pool:
        return self.database.pool

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[VenueUnit]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        async with self.database.transaction() as unit:
            yield VenueUnit.of(unit)

    @asynccontextmanager
    async def autocommit(self) -> AsyncIterator[VenueUnit]:
        """A pooled connection without a transaction: each statement commits on its own."""
        async with self.database.connection() as connection:
            yield VenueUnit(connection)
