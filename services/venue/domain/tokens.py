"""Short-lived access tokens (JWT, HS256) exchanged for an API key: issue and verify. Pure.

Only HS256 is accepted, so ``alg: none`` or an algorithm switch is refused; ``exp``, ``iat``, ``aud``,
``iss`` and ``sub`` are required. A token names its account; the role is read from the account at use,
so disabling an account or changing its role takes effect before the token expires. A token issued by
signing in also names its session (``sid``): signing out, or ending every session, ends the token too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

import jwt

ALGORITHM = "HS256"
LEEWAY_SECONDS = 5
MIN_SECRET_BYTES = 32  # RFC 7518 §3.2: an HS256 key at least as long as the hash


@dataclass(frozen=True)
class TokenSettings:
    secret: str
    audience: str
    issuer: str
    lifetime: timedelta

    def __post_init__(self) -> None:
        if len(self.secret.encode()) < MIN_SECRET_BYTES:
            raise ValueError(f"the token secret must be at least {MIN_SECRET_BYTES} bytes")


@dataclass(frozen=True)
class Issued:
    token: str
    expires_at: datetime


@dataclass(frozen=True)
class Claims:
    account_id: uuid.UUID
    session_id: uuid.UUID | None  # None: bought with an API key (POST /tokens)


EXPIRED = (
    "the access token has expired: get a new one (POST /sessions/refresh, or POST /tokens with your API key)"
)


class TokenRefused(Exception):
    """The token cannot be used; the message says why, without echoing the token."""


def looks_like_token(credential: str) -> bool:
    """A JWT has three dot-separated parts (API keys have none)."""
    return credential.count(".") == 2


def issue(
    account_id: uuid.UUID,
    role: str,
    settings: TokenSettings,
    now: datetime,
    session_id: uuid.UUID | None = None,
) -> Issued:
    expires_at = now + settings.lifetime
    claims: dict[str, object] = {
        "sub": str(account_id),
        "role": role,
        "aud": settings.audience,
        "iss": settings.issuer,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int(expires_at.timestamp()),
        "jti": uuid.uuid4().hex,
    }
    if session_id is not None:
        claims["sid"] = str(session_id)
    return Issued(jwt.encode(claims, settings.secret, algorithm=ALGORITHM), expires_at)


def verify(token: str, settings: TokenSettings, now: datetime) -> uuid.UUID:
    """The account the token was issued to; TokenRefused if it is not valid here and now."""
    return verify_claims(token, settings, now).account_id


def verify_claims(token: str, settings: TokenSettings, now: datetime) -> Claims:
    """The account (and session) the token was issued to; TokenRefused if it is not valid here and now."""
    try:
        claims = jwt.decode(
            token,
            settings.secret,
            algorithms=[ALGORITHM],
            audience=settings.audience,
            issuer=settings.issuer,
            leeway=LEEWAY_SECONDS,
            options={"require": ["exp", "iat", "aud", "iss", "sub"]},
        )
    except jwt.ExpiredSignatureError as error:
        raise TokenRefused(EXPIRED) from error
    except jwt.InvalidAudienceError as error:
        raise TokenRefused("the access token was issued for another audience") from error
    except jwt.InvalidIssuerError as error:
        raise TokenRefused("the access token was issued by someone else") from error
    except jwt.InvalidSignatureError as error:
        raise TokenRefused("the access token's signature does not match") from error
    except jwt.MissingRequiredClaimError as error:
        raise TokenRefused(f"the access token lacks the {error.claim!r} claim") from error
    except jwt.InvalidAlgorithmError as error:
        raise TokenRefused(f"the access token must be signed with {ALGORITHM}") from error
    except jwt.ImmatureSignatureError as error:
        raise TokenRefused("the access token is not valid yet") from error
    except jwt.InvalidTokenError as error:
        raise TokenRefused("the access token is malformed") from error
    if claims["exp"] < now.timestamp() - LEEWAY_SECONDS:  # PyJWT checks the wall clock; this checks ours
        raise TokenRefused(EXPIRED)
    try:
        account_id = uuid.UUID(claims["sub"])
    except (TypeError, ValueError) as error:
        raise TokenRefused("the access token names no account") from error
    try:
        session_id = uuid.UUID(claims["sid"]) if "sid" in claims else None
    except (TypeError, ValueError) as error:
        raise TokenRefused("the access token names no session") from error
    return Claims(account_id, session_id)
