"""What the vendor-task steps come to: the news to tell (``News``) and who takes over the work of a
vendor that leaves a booking (``Takeover``). Pure values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from shared.contracts.tasks import VendorTaskAssigned, VendorTaskMessage, VendorTaskStateChanged


@dataclass
class News:
    """What a change of tasks tells: the vendors (each on its own subjects) and the venue (task states)."""

    to_vendors: list[VendorTaskMessage] = field(default_factory=list)
    states: list[VendorTaskStateChanged] = field(default_factory=list)

    def __iadd__(self, other: News) -> News:
        self.to_vendors += other.to_vendors
        self.states += other.states
        return self

    @property
    def told(self) -> int:
        return len(self.to_vendors)


@dataclass(frozen=True)
class Takeover:
    """Who takes over a leaving vendor's work: each one's whole task as it now is; or, if nobody can
    take all of it, ``missing`` says what is missing (and the service has let go of the leaving part)."""

    tasks: Sequence[VendorTaskAssigned] = ()
    missing: str = ""
