"""Where and as whom the client connects: flags first, then WICT_VENDOR_* variables, then defaults.

The password comes from WICT_VENDOR_PASSWORD or from a file (--password-file), never from a flag: a
flag shows in `ps` and in the shell history.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from clients.vendor.errors import UsageError
from clients.vendor.identity import Vendor

DEFAULT_URL = "nats://127.0.0.1:4222"


@dataclass(frozen=True)
class Settings:
    url: str
    vendor: Vendor
    user: str
    password: str | None = field(default=None, repr=False)
    timeout: float = 5.0


def settings_from(arguments: argparse.Namespace, environ: Mapping[str, str]) -> Settings:
    """The connection settings of ``arguments``, completed from ``environ``; UsageError says what is missing."""

    def pick(name: str, variable: str) -> str:
        return str(getattr(arguments, name, None) or environ.get(variable, "")).strip()

    kind, vendor_id = pick("kind", "WICT_VENDOR_KIND"), pick("vendor", "WICT_VENDOR_ID")
    if not kind or not vendor_id:
        raise UsageError(
            "say which vendor you are: --kind and --vendor (or WICT_VENDOR_KIND, WICT_VENDOR_ID)"
        )
    try:
        vendor = Vendor(kind, vendor_id)
    except ValueError as error:
        raise UsageError(str(error)) from None
    return Settings(
        url=pick("url", "WICT_VENDOR_NATS_URL") or DEFAULT_URL,
        vendor=vendor,
        user=pick("user", "WICT_VENDOR_USER") or vendor.user,
        password=_password(getattr(arguments, "password_file", None), environ),
        timeout=getattr(arguments, "timeout", None) or 5.0,
    )


def _password(path: str | None, environ: Mapping[str, str]) -> str | None:
    if path:
        try:
            return Path(path).read_text().strip() or None
        except OSError as error:
            raise UsageError(f"cannot read the password file: {error.strerror}: {path}") from None
    return environ.get("WICT_VENDOR_PASSWORD") or None
