"""Tencent Cloud API 3.0 request signing, TC3-HMAC-SHA256 (the SMS provider's protocol, docs/guests.md). Pure.

canonical request (method, path, query, the signed headers lower-cased as ``name:value\\n``, their names,
hex SHA-256 of the body) -> string to sign (algorithm, timestamp, ``<UTC date>/<service>/tc3_request``,
hex SHA-256 of the canonical request) -> a key derived by HMAC-SHA256 from ``"TC3" + secret key`` through
the date, the service and ``tc3_request`` -> the hex signature. The checking server recomputes the same.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

ALGORITHM = "TC3-HMAC-SHA256"
SIGNED_HEADERS = ("content-type", "host", "x-tc-action")  # what the provider's documentation signs


@dataclass(frozen=True)
class SignedRequest:
    authorization: str
    signature: str


def _sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def utc_date(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d")


def canonical_request(
    method: str, path: str, query: str, headers: Mapping[str, str], signed: Sequence[str], body: bytes
) -> str:
    lowered = {name.lower(): value.strip() for name, value in headers.items()}
    lowered["x-tc-action"] = lowered.get("x-tc-action", "").lower()  # signed in lower case, as documented
    canonical_headers = "".join(f"{name}:{lowered[name]}\n" for name in signed)
    return "\n".join([method, path, query, canonical_headers, ";".join(signed), _sha256_hex(body)])


def signature(secret_key: str, service: str, timestamp: int, canonical: str) -> str:
    date = utc_date(timestamp)
    to_sign = "\n".join(
        [ALGORITHM, str(timestamp), f"{date}/{service}/tc3_request", _sha256_hex(canonical.encode())]
    )
    key = _hmac(_hmac(_hmac(f"TC3{secret_key}".encode(), date), service), "tc3_request")
    return hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()


def sign(
    secret_id: str,
    secret_key: str,
    service: str,
    timestamp: int,
    headers: Mapping[str, str],
    body: bytes,
    signed: Sequence[str] = SIGNED_HEADERS,
) -> SignedRequest:
    """The ``Authorization`` header of a JSON POST to ``/`` (how the SMS API is called)."""
    canonical = canonical_request("POST", "/", "", headers, signed, body)
    value = signature(secret_key, service, timestamp, canonical)
    scope = f"{utc_date(timestamp)}/{service}/tc3_request"
    authorization = (
        f"{ALGORITHM} Credential={secret_id}/{scope}, SignedHeaders={';'.join(signed)}, Signature={value}"
    )
    return SignedRequest(authorization, value)
