"""Vendors on NATS: who they are (read from the reference data) and the names each one's access uses.

A vendor ``(kind, vendor_id)`` connects as user ``vendor-<kind>-<vendor_id>``, pulls its tasks from the
durable consumer of the same name on stream TASKS, and receives replies on its private inbox prefix
``_INBOX_<kind>_<vendor_id>`` (nats-py ``inbox_prefix=``). These names are a contract with the vendors'
clients: the NATS permissions are written in them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import msgspec

from shared.contracts.tasks import VENDOR_TASKS_QUERY

KINDS = ("interpreting", "catering")
ANSWERS = ("accepted", "declined", "done")  # what a vendor publishes
DELIVERED = ("assigned", "changed", "cancelled")  # what its consumer hands it

_SERVICES = Path(__file__).resolve().parents[2] / "services"
ROSTER_PATH = _SERVICES / "interpreting" / "roster.json"  # the interpreting service reads this file
MENUS_PATH = _SERVICES / "catering" / "menus.json"  # the catering default of WICT_MENUS_FILE
# one subject token: a dot or a wildcard in an id would widen the vendor's permissions
_TOKEN = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True, order=True)
class Vendor:
    kind: str
    vendor_id: str

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"vendor kind must be one of {KINDS}, not {self.kind!r}")
        if not _TOKEN.fullmatch(self.vendor_id):
            raise ValueError(f"vendor id {self.vendor_id!r} is not one subject token ([A-Za-z0-9_-]+)")

    @property
    def name(self) -> str:
        """The vendor's NATS user and the durable consumer of its tasks."""
        return f"vendor-{self.kind}-{self.vendor_id}"

    @property
    def inbox_prefix(self) -> str:
        return f"_INBOX_{self.kind}_{self.vendor_id}"

    def subject(self, event: str) -> str:
        """``tasks.<kind>.<vendor_id>.<event>``."""
        return f"tasks.{self.kind}.{self.vendor_id}.{event}"

    @property
    def query_subject(self) -> str:
        """Where the vendor asks for its task list."""
        return VENDOR_TASKS_QUERY.format(kind=self.kind, vendor_id=self.vendor_id)


class _Listed(msgspec.Struct):
    vendor_id: str


class _Roster(msgspec.Struct):
    agencies: list[_Listed]


class _Menus(msgspec.Struct):
    caterers: list[_Listed]


def known_vendors(environ: Mapping[str, str] | None = None) -> list[Vendor]:
    """The interpreting agencies of the roster and the caterers of the menu book (WICT_MENUS_FILE)."""
    environ = os.environ if environ is None else environ
    roster = msgspec.json.decode(ROSTER_PATH.read_bytes(), type=_Roster)
    menus = msgspec.json.decode(Path(environ.get("WICT_MENUS_FILE") or MENUS_PATH).read_bytes(), type=_Menus)
    vendors = {Vendor("interpreting", agency.vendor_id) for agency in roster.agencies}
    vendors |= {Vendor("catering", caterer.vendor_id) for caterer in menus.caterers}
    return sorted(vendors)
