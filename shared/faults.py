"""Failpoints: the named places where the fault suite makes a service crash or repeat itself on purpose.

Off unless ``WICT_FAILPOINTS`` arms them (the fault tests do; nothing else should). Its value is a comma
list of ``<point>[@<subject prefix>]=<action>``:

- ``kill``: SIGKILL this process when the point is reached (for a message whose subject starts with the
  prefix, if one is given). It fires once per ``WICT_FAILPOINT_DIR`` (a marker file is written first),
  so the restarted process goes on past it.
- ``twice``: the point's work is done a second time (e.g. a message is published twice under different
  JetStream message ids, so the duplicate window cannot drop it and consumers really get it twice).

Points: ``relay.before_publish`` (the outbox row is committed, nothing published yet),
``relay.after_publish`` (published, the outbox row not yet deleted), ``relay.publish`` (with ``twice``:
every message a service publishes goes through its outbox relay), ``consumer.after_commit`` (a durable
consumer's handler transaction committed, or found the message handled before; the message not yet acked).
The subject is the message's: ``consumer.after_commit@interpreting.cmd=kill`` kills interpreting after it
handled its first command.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Failpoint:
    point: str
    subject_prefix: str
    action: str

    @property
    def marker(self) -> str:
        return f"{self.point}@{self.subject_prefix or '*'}={self.action}".replace("/", "_")


def parse(armed: str) -> list[Failpoint]:
    found = []
    for entry in filter(None, (part.strip() for part in armed.split(","))):
        where, _, action = entry.partition("=")
        point, _, prefix = where.partition("@")
        if action not in ("kill", "twice"):
            raise ValueError(f"WICT_FAILPOINTS: unknown action {action!r} in {entry!r} (kill or twice)")
        found.append(Failpoint(point, prefix, action))
    return found


_ARMED = parse(os.environ.get("WICT_FAILPOINTS", ""))
_MARKERS = Path(os.environ.get("WICT_FAILPOINT_DIR", "/tmp"))


def reached(point: str, subject: str = "") -> str | None:
    """Call at ``point``; kills the process if armed so, else returns the armed action (or None)."""
    if not _ARMED:
        return None
    for failpoint in _ARMED:
        if failpoint.point != point or not subject.startswith(failpoint.subject_prefix):
            continue
        if failpoint.action == "kill":
            marker = _MARKERS / f"fired-{failpoint.marker}"
            try:
                marker.touch(exist_ok=False)
            except FileExistsError:
                continue  # fired before this restart
            os.kill(os.getpid(), signal.SIGKILL)
        return failpoint.action
    return None
