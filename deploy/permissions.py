"""Who may do what on NATS: the ``authorization.users`` entries of nats-server, derived from the topology.

- ``admin`` (provisioning, tests; ops tooling may use it too) may do everything.
- each service publishes its own events and commands, binds to its own durable consumers (consumer
  info, acks, the consumer's deliver subject), receives replies on ``_INBOX.>`` and, if it answers
  vendors' task queries, subscribes to them and may respond into the vendor's private inbox
  (``allow_responses``). No other JetStream API: it cannot create, delete or read streams and consumers,
  except that the venue reads single messages of the streams its saga messages live in (``READS``).
- each vendor publishes only its answers and its task query, pulls and acks only its own consumer, and
  subscribes only to its private inbox prefix.
- ``ops`` (the venue's ops API and the ops CLI): reads the info of every service's durable consumer (lag)
  and of DEAD_LETTERS, reads single messages of every stream, deletes dead letters, and publishes on the
  streams' subjects (a replayed message goes out as its first sender sent it). It cannot create, change or
  delete streams or consumers, nor bind to any consumer.

Kept beside the streams and consumers (``streams.py``) because the lists are written in their names:
both change together. Deployments (the embedded stack, a cluster) call ``nats_users``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from shared.contracts.guests import PEOPLE_ON_SITE
from shared.contracts.tasks import VENDOR_TASKS_QUERY
from shared.messaging.streams import CONSUMERS, DEAD_LETTERS, STREAMS, TASKS, consumers_of, deliver_subject
from shared.messaging.vendors import ANSWERS, KINDS, Vendor

ADMIN = "admin"
OPS = "ops"
SERVICES = ("venue", "interpreting", "catering", "notify")
PLATFORM_TASK_EVENTS = ("assigned", "changed", "cancelled", "escalated")

PUBLISHES: Mapping[str, tuple[str, ...]] = {
    "venue": ("venue.evt.>", "interpreting.cmd.>", "catering.cmd.>"),
    **{
        kind: (f"{kind}.evt.>", *(f"tasks.{kind}.*.{event}" for event in PLATFORM_TASK_EVENTS))
        for kind in KINDS
    },
    "notify": (PEOPLE_ON_SITE,),  # asks the venue who is on site before an urgent notice (core request/reply)
}
ANSWERS_QUERIES: Mapping[str, tuple[str, ...]] = {
    kind: (VENDOR_TASKS_QUERY.format(kind=kind, vendor_id="*"),) for kind in KINDS
}
# streams a service reads single messages of, by sequence: the venue reads the original of a dead-lettered
# saga message to compensate its saga (services/venue/entrypoints/messages/dead_letters.py)
READS: Mapping[str, tuple[str, ...]] = {"venue": ("INTERPRETING", "CATERING")}

Permissions = dict[str, Any]


def service_permissions(service: str) -> Permissions:
    """What ``service`` (any number of instances) needs, and nothing more."""
    consumers = consumers_of(service)
    queries = ANSWERS_QUERIES.get(service, ())
    publish = [
        *PUBLISHES[service],
        *(f"$JS.API.CONSUMER.INFO.{consumer.stream}.{consumer.durable}" for consumer in consumers),
        *(f"$JS.ACK.{consumer.stream}.{consumer.durable}.>" for consumer in consumers),
        *(f"$JS.API.STREAM.MSG.GET.{stream}" for stream in READS.get(service, ())),
    ]
    subscribe = ["_INBOX.>", *(deliver_subject(consumer) for consumer in consumers), *queries]
    permissions: Permissions = {"publish": {"allow": publish}, "subscribe": {"allow": subscribe}}
    if queries:  # replies go to the asking vendor's private inbox, which no allow list names
        permissions["allow_responses"] = True
    return permissions


def ops_permissions() -> Permissions:
    """Ops' read access to lag and dead letters, and what a replay or a discard needs; nothing more."""
    replayable = [subject for stream in STREAMS if stream.name != DEAD_LETTERS for subject in stream.subjects]
    publish = [
        *(f"$JS.API.CONSUMER.INFO.{consumer.stream}.{consumer.durable}" for consumer in CONSUMERS),
        f"$JS.API.STREAM.INFO.{DEAD_LETTERS}",
        *(f"$JS.API.STREAM.MSG.GET.{stream.name}" for stream in STREAMS),
        f"$JS.API.STREAM.MSG.DELETE.{DEAD_LETTERS}",
        *replayable,
    ]
    return {"publish": {"allow": publish}, "subscribe": {"allow": ["_INBOX.>"]}}


def vendor_permissions(vendor: Vendor) -> Permissions:
    """Only the vendor's own answers, task query, consumer and private inbox."""
    consumer = f"{TASKS}.{vendor.name}"
    publish = [
        *(vendor.subject(answer) for answer in ANSWERS),
        vendor.query_subject,
        f"$JS.API.CONSUMER.MSG.NEXT.{consumer}",
        f"$JS.API.CONSUMER.INFO.{consumer}",
        f"$JS.ACK.{consumer}.>",
    ]
    return {"publish": {"allow": publish}, "subscribe": {"allow": [f"{vendor.inbox_prefix}.>"]}}


def user_names(vendors: Sequence[Vendor]) -> list[str]:
    """Every user ``nats_users`` writes: admin, the services, ops, the vendors."""
    return [ADMIN, *SERVICES, OPS, *(vendor.name for vendor in vendors)]


def nats_users(passwords: Mapping[str, str], vendors: Sequence[Vendor]) -> list[dict[str, Any]]:
    """The ``authorization { users = [...] }`` entries; ``passwords`` must name every ``user_names``."""
    permissions: dict[str, Permissions | None] = {ADMIN: None}
    permissions |= {service: service_permissions(service) for service in SERVICES}
    permissions[OPS] = ops_permissions()
    permissions |= {vendor.name: vendor_permissions(vendor) for vendor in vendors}
    return [
        {"user": user, "password": passwords[user]} | ({"permissions": allowed} if allowed else {})
        for user, allowed in permissions.items()
    ]
