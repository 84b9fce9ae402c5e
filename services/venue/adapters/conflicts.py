"""What the database refused, in the venue's words: the repositories raise these, never driver errors."""

from __future__ import annotations


class HoldTaken(Exception):
    """A hold overlaps another one of the same room or line (the exclusion constraint said no)."""


class KeyTaken(Exception):
    """A unique key is in use already (a repeated Idempotency-Key, an organizer's e-mail)."""
