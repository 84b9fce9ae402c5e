"""The generated NATS users, without a server: who may publish each contract, what a vendor's lists name,
which vendors exist, and how passwords are kept."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from deploy.embedded.nats import ensure_passwords
from deploy.permissions import (
    ADMIN,
    OPS,
    READS,
    SERVICES,
    nats_users,
    ops_permissions,
    service_permissions,
    vendor_permissions,
)
from shared.contracts import ALL_MESSAGES
from shared.contracts.tasks import VendorTaskAnswer
from shared.messaging.streams import CONSUMERS, DEAD_LETTERS, STREAMS, TASKS, consumers_of, deliver_subject
from shared.messaging.vendors import KINDS, Vendor, known_vendors

pytestmark = pytest.mark.unit


def matches(pattern: str, subject: str) -> bool:
    """NATS subject matching: ``*`` is one token, a final ``>`` one or more."""
    wanted, tokens = pattern.split("."), subject.split(".")
    if wanted[-1] == ">":
        return len(tokens) >= len(wanted) and all(
            w in ("*", t) for w, t in zip(wanted[:-1], tokens, strict=False)
        )
    return len(tokens) == len(wanted) and all(w in ("*", t) for w, t in zip(wanted, tokens, strict=True))


def may_publish(user_permissions: dict, subject: str) -> bool:
    return any(matches(pattern, subject) for pattern in user_permissions["publish"]["allow"])


def contract_subjects() -> list[tuple[type, str, Vendor | None]]:
    """Every contract's subject; a task's for each kind, for one vendor of that kind."""
    found: list[tuple[type, str, Vendor | None]] = []
    for message in ALL_MESSAGES:
        if "{" not in message.subject:
            found.append((message, message.subject, None))
        for kind in KINDS if "{" in message.subject else ():
            vendor = Vendor(kind, "some-vendor")
            found.append((message, message.subject.format(kind=kind, vendor_id=vendor.vendor_id), vendor))
    return found


def expected_publisher(message: type, subject: str, vendor: Vendor | None) -> str:
    """Commands come from the venue, events from the service named first, a task's answer from its vendor."""
    root, second = subject.split(".")[:2]
    if vendor is not None:
        return vendor.name if issubclass(message, VendorTaskAnswer) else vendor.kind
    return "venue" if second == "cmd" else root


@pytest.mark.parametrize(
    ("message", "subject", "vendor"), contract_subjects(), ids=lambda v: getattr(v, "__name__", None)
)
def test_each_contract_may_be_published_by_exactly_its_sender(
    message: type, subject: str, vendor: Vendor | None
) -> None:
    permissions = {service: service_permissions(service) for service in SERVICES}
    if vendor is not None:
        permissions |= {vendor.name: vendor_permissions(vendor)}
        permissions |= {other.name: vendor_permissions(other) for other in (Vendor(vendor.kind, "another"),)}

    publishers = {user for user, allowed in permissions.items() if may_publish(allowed, subject)}

    assert publishers == {expected_publisher(message, subject, vendor)}


def test_a_service_binds_to_its_own_consumers_only() -> None:
    for service in SERVICES:
        permissions = service_permissions(service)
        own = {deliver_subject(consumer) for consumer in consumers_of(service)}
        delivered = {
            subject for subject in permissions["subscribe"]["allow"] if subject.startswith("deliver.")
        }

        assert delivered == own
        stream_api = [
            pattern for pattern in permissions["publish"]["allow"] if pattern.startswith("$JS.API.STREAM")
        ]
        assert stream_api == [f"$JS.API.STREAM.MSG.GET.{stream}" for stream in READS.get(service, ())]
        assert not any(
            TASKS in pattern for pattern in stream_api
        )  # vendors' tasks are read by consumers only
        # participants answer vendors' task queries, the venue answers notify's people-on-site query
        assert permissions.get("allow_responses", False) == (service in KINDS or service == "venue")


def test_a_vendors_lists_name_only_its_own_subjects() -> None:
    vendor = Vendor("catering", "caterer-1")
    permissions = vendor_permissions(vendor)
    publish, subscribe = permissions["publish"]["allow"], permissions["subscribe"]["allow"]

    assert subscribe == ["_INBOX_catering_caterer-1.>"]
    assert all("caterer-1" in subject for subject in publish)
    assert [subject for subject in publish if "*" in subject or ">" in subject] == [
        "$JS.ACK.TASKS.vendor-catering-caterer-1.>"
    ]
    assert "allow_responses" not in permissions


@pytest.mark.parametrize("vendor_id", ["*", ">", "a.b", "a b", "", "a.>"])
def test_an_id_that_is_not_one_subject_token_is_refused(vendor_id: str) -> None:
    with pytest.raises(ValueError, match="subject token"):
        Vendor("interpreting", vendor_id)


def test_only_the_two_vendor_kinds_exist() -> None:
    with pytest.raises(ValueError, match="kind"):
        Vendor("venue", "x")


def test_admin_alone_has_no_limits_and_every_user_gets_its_password() -> None:
    vendors = [Vendor("interpreting", "agency-1")]
    passwords = {user: f"pw-{user}" for user in [ADMIN, *SERVICES, OPS, "vendor-interpreting-agency-1"]}

    users = nats_users(passwords, vendors)

    assert [user["user"] for user in users if "permissions" not in user] == [ADMIN]
    assert {user["user"]: user["password"] for user in users} == passwords


def test_ops_reads_lag_and_dead_letters_and_may_replay_but_not_administer_jetstream() -> None:
    permissions = ops_permissions()
    publish = permissions["publish"]["allow"]

    assert permissions["subscribe"]["allow"] == ["_INBOX.>"]  # replies to its own requests only
    assert {p for p in publish if p.startswith("$JS.API.CONSUMER.")} == {
        f"$JS.API.CONSUMER.INFO.{consumer.stream}.{consumer.durable}" for consumer in CONSUMERS
    }  # one per durable: no wildcard, no create, delete or pull
    stream_api = {p for p in publish if p.startswith("$JS.API.STREAM.")}
    assert stream_api == {f"$JS.API.STREAM.MSG.GET.{stream.name}" for stream in STREAMS} | {
        f"$JS.API.STREAM.INFO.{DEAD_LETTERS}",
        f"$JS.API.STREAM.MSG.DELETE.{DEAD_LETTERS}",
    }
    assert not [p for p in publish if p.startswith(("$JS.ACK", "$JS.EVENT", "deliver.", "$JS.API.DIRECT"))]
    # a replay goes out on the original's subject, whoever sent it first
    for subject in ("interpreting.cmd.reserve", "venue.evt.booking_confirmed", "tasks.catering.c-1.accepted"):
        assert may_publish(permissions, subject)
    assert not may_publish(permissions, "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.VENUE.x")
    assert not may_publish(permissions, f"$JS.API.STREAM.DELETE.{TASKS}")
    assert not may_publish(permissions, f"$JS.API.STREAM.MSG.DELETE.{TASKS}")


def test_known_vendors_are_the_rosters_agencies_and_the_menu_books_caterers(tmp_path: Path) -> None:
    menus = tmp_path / "menus.json"
    menus.write_text(json.dumps({"caterers": [{"vendor_id": "caterer-x", "menus": ["western-buffet"]}]}))

    default = known_vendors({})
    moved = known_vendors({"WICT_MENUS_FILE": str(menus)})

    assert {Vendor("interpreting", "agency-yangtze"), Vendor("catering", "caterer-cuntan-kitchen")} <= set(
        default
    )
    assert [v for v in moved if v.kind == "catering"] == [Vendor("catering", "caterer-x")]
    assert [v for v in moved if v.kind == "interpreting"] == [v for v in default if v.kind == "interpreting"]


def test_passwords_are_made_once_kept_owner_only_and_added_for_new_users(tmp_path: Path) -> None:
    path = tmp_path / "nats-users.json"

    first = ensure_passwords(path, ["admin", "venue"], "nats://127.0.0.1:4222")
    again = ensure_passwords(path, ["admin", "venue", "vendor-catering-new"], "nats://127.0.0.1:4223")

    assert again["admin"] == first["admin"] and again["venue"] == first["venue"]
    assert len(set(again.values())) == 3 and min(len(password) for password in again.values()) >= 32
    assert json.loads(path.read_text())["url"] == "nats://127.0.0.1:4223"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
