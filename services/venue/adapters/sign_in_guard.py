"""SQL for the sign-in backoff and the mail budget (rules in ``domain.throttle``). Keys are hashed."""

from __future__ import annotations

from datetime import datetime

import asyncpg

from services.venue.domain.throttle import Backoff, MailBudget


class SignInGuardRepository:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self.connection = connection

    async def locked_until(self, keys: list[str], now: datetime) -> datetime | None:
        """The latest lock among ``keys`` still in force, or None."""
        until: datetime | None = await self.connection.fetchval(
            "SELECT max(locked_until) FROM sign_in_failures WHERE key = ANY($1::text[]) AND locked_until > $2",
            keys,
            now,
        )
        return until

    async def record_failure(self, key: str, backoff: Backoff, now: datetime) -> datetime | None:
        """Count one more failure of ``key`` (in the caller's transaction); the lock it earns, if any."""
        row = await self.connection.fetchrow(
            "SELECT failures, last_failure_at FROM sign_in_failures WHERE key = $1 FOR UPDATE", key
        )
        failures, locked_until = backoff.after_failure(
            row["failures"] if row else 0, row["last_failure_at"] if row else None, now
        )
        await self.connection.execute(
            "INSERT INTO sign_in_failures (key, failures, last_failure_at, locked_until) VALUES ($1, $2, $3, $4)"
            " ON CONFLICT (key) DO UPDATE SET failures = $2, last_failure_at = $3,"
            " locked_until = greatest(sign_in_failures.locked_until, $4)",
            key,
            failures,
            now,
            locked_until,
        )
        return locked_until

    async def forget(self, key: str) -> None:
        await self.connection.execute("DELETE FROM sign_in_failures WHERE key = $1", key)

    async def spend_mail(self, key: str, budget: MailBudget, now: datetime) -> bool:
        """Count one e-mail to ``key`` if the budget allows it; False (nothing counted) if it does not."""
        row = await self.connection.fetchrow(
            "SELECT sent, window_starts_at FROM account_mail_budget WHERE key = $1 FOR UPDATE", key
        )
        if row is not None and not budget.allows(row["sent"], row["window_starts_at"], now):
            return False
        fresh = row is None or now - row["window_starts_at"] >= budget.window
        await self.connection.execute(
            "INSERT INTO account_mail_budget (key, sent, window_starts_at) VALUES ($1, 1, $2)"
            " ON CONFLICT (key) DO UPDATE SET sent = CASE WHEN $3 THEN 1 ELSE account_mail_budget.sent + 1 END,"
            " window_starts_at = CASE WHEN $3 THEN $2 ELSE account_mail_budget.window_starts_at END",
            key,
            now,
            fresh,
        )
        return True

    async def purge(self, failures_before: datetime, budgets_before: datetime, now: datetime) -> int:
        """Forget failures no lock depends on any more, and spent mail windows."""
        failures = await self.connection.execute(
            "DELETE FROM sign_in_failures WHERE last_failure_at < $1 AND (locked_until IS NULL OR locked_until < $2)",
            failures_before,
            now,
        )
        budgets = await self.connection.execute(
            "DELETE FROM account_mail_budget WHERE window_starts_at < $1", budgets_before
        )
        return int(failures.rsplit(" ", 1)[-1]) + int(budgets.rsplit(" ", 1)[-1])
