"""Every message that crosses services. Commands are imperative, events past tense.

Subjects follow ``<owning service>.<cmd|evt>.<name>``; vendor tasks ``tasks.<kind>.<vendor_id>.<event>``.
Readers tolerate unknown fields, so a newer sender does not break an older reader; a breaking change
bumps ``schema_version``.
"""

from shared.contracts.accounts import (
    ACCOUNT_EVENTS,
    AccountDisabled,
    AccountEvent,
    AccountProfileChanged,
    PasswordChanged,
    PasswordResetRequested,
    SignInLinkRequested,
    SignupAttempted,
    SignupVerificationRequested,
)
from shared.contracts.base import Message, PlanMessage, new_message_id
from shared.contracts.catering import (
    CateringConfirmed,
    CateringRejected,
    CateringReleased,
    CateringReserved,
    ConfirmCatering,
    ReleaseCatering,
    ReserveCatering,
)
from shared.contracts.guest_events import GUEST_EVENTS, GuestInvited
from shared.contracts.interpreting import (
    ConfirmInterpreting,
    InterpretingConfirmed,
    InterpretingRejected,
    InterpretingReleased,
    InterpretingReserved,
    ReleaseInterpreting,
    ReserveInterpreting,
)
from shared.contracts.tasks import (
    CateringTaskStateChanged,
    InterpretingTaskStateChanged,
    VendorTaskAccepted,
    VendorTaskAssigned,
    VendorTaskCancelled,
    VendorTaskChanged,
    VendorTaskDeclined,
    VendorTaskDone,
    VendorTaskEscalated,
    VendorTaskStateChanged,
)
from shared.contracts.venue import (
    ApprovalNeeded,
    BookingCancelled,
    BookingChanged,
    BookingConfirmed,
    BookingReceived,
    BookingRejected,
    HoldExpired,
    HoldExpiring,
    Organizer,
    WaitlistPromoted,
)
from shared.contracts.venue import (
    BookingEvent as BookingEvent,
)

ALL_MESSAGES: tuple[type[Message], ...] = (
    ReserveInterpreting,
    ConfirmInterpreting,
    ReleaseInterpreting,
    InterpretingReserved,
    InterpretingRejected,
    InterpretingConfirmed,
    InterpretingReleased,
    ReserveCatering,
    ConfirmCatering,
    ReleaseCatering,
    CateringReserved,
    CateringRejected,
    CateringConfirmed,
    CateringReleased,
    BookingReceived,
    BookingConfirmed,
    BookingRejected,
    BookingChanged,
    BookingCancelled,
    HoldExpiring,
    HoldExpired,
    WaitlistPromoted,
    ApprovalNeeded,
    SignupVerificationRequested,
    SignupAttempted,
    SignInLinkRequested,
    PasswordResetRequested,
    PasswordChanged,
    AccountDisabled,
    AccountProfileChanged,
    GuestInvited,
    VendorTaskAssigned,
    VendorTaskChanged,
    VendorTaskCancelled,
    VendorTaskAccepted,
    VendorTaskDeclined,
    VendorTaskDone,
    VendorTaskEscalated,
    InterpretingTaskStateChanged,
    CateringTaskStateChanged,
)

__all__ = [
    *(message.__name__ for message in ALL_MESSAGES),
    "ACCOUNT_EVENTS",
    "GUEST_EVENTS",
    "ALL_MESSAGES",
    "AccountEvent",
    "Message",
    "Organizer",
    "PlanMessage",
    "VendorTaskStateChanged",
    "new_message_id",
]
