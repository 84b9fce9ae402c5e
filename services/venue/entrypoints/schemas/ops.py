"""Types of the ops API (/ops/...)."""

from __future__ import annotations

import uuid
from datetime import datetime

import msgspec

from services.venue.entrypoints.schemas.vendor_tasks import DeskVendorTask


class WaitingStep(msgspec.Struct, frozen=True, kw_only=True):
    step: str
    state: str  # pending (a reserve sent) or releasing (a release sent)
    deadline: datetime | None


class Saga(msgspec.Struct, frozen=True, kw_only=True):
    """A booking saga (its state is the booking's phase) or a change saga (a revision of the booking)."""

    kind: str  # booking | change
    booking_id: uuid.UUID
    revision: int | None = None  # the change's revision
    state: str
    status: str | None = None  # the booking's status (booking sagas)
    reason: str | None = None
    started_at: datetime
    updated_at: datetime
    trace_id: str
    waiting_on: list[WaitingStep] = []
    stuck_because: list[str] = []


class SagaPage(msgspec.Struct, frozen=True, kw_only=True):
    counts: dict[str, dict[str, int]]  # kind -> state -> sagas, over all sagas
    sagas: list[Saga]  # newest change first; more with the Link header's cursor


class StuckSagas(msgspec.Struct, frozen=True, kw_only=True):
    grace_seconds: float
    in_flight_seconds: float
    sagas: list[Saga]  # oldest first


class OverdueVendorTask(DeskVendorTask, frozen=True, kw_only=True):
    overdue_seconds: int  # since its answer deadline


class ConsumerLag(msgspec.Struct, frozen=True, kw_only=True):
    stream: str
    durable: str
    num_pending: int  # in the stream, not yet delivered
    num_ack_pending: int  # delivered, not yet acknowledged
    num_redelivered: int
    bound: bool  # an instance of the service listens


class ServiceHealth(msgspec.Struct, frozen=True, kw_only=True):
    service: str
    url: str
    ready: bool
    checks: dict[str, bool] = {}
    error: str = ""
    pending: int = 0  # messages waiting for the service: sum of its consumers' num_pending + num_ack_pending
    consumers: list[ConsumerLag] = []


class OpsHealth(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    status: str  # ok | degraded
    services: list[ServiceHealth]
    dead_letters: int | None = None
    nats_error: str = ""


class DeadLetter(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    kind: str  # max deliveries | terminated
    stream: str
    stream_seq: int
    subject: str  # "" once the original aged out of its stream
    consumer: str
    deliveries: int
    reason: str
    time: datetime


class DeadLetterDetail(DeadLetter, frozen=True, kw_only=True):
    """With the original's headers and payload (may hold personal data: ops only, audited)."""

    booking_id: uuid.UUID | None
    headers: dict[str, str]
    payload: str | None  # None once the original aged out of its stream


class DeadLetterReplay(msgspec.Struct, frozen=True, kw_only=True):
    dead_letter: int
    stream: str
    sequence: int
    message_id: str
    duplicate: bool  # JetStream had this replay already (the dead letter was replayed before)


class NotificationFailure(msgspec.Struct, frozen=True, kw_only=True):
    """A delivery notify gave up on, as notify's ops API reports it."""

    id: uuid.UUID
    booking_id: uuid.UUID | None
    event: str
    recipient: str
    channel: str
    attempts: int
    created_at: datetime
    last_attempt_at: datetime | None = None
    last_error: str | None = None


class OpsAuditEntry(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    at: datetime
    actor: str
    action: str
    booking_id: uuid.UUID | None
    detail: dict[str, object]
    trace_id: str
