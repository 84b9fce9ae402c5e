"""Access tokens: what is accepted and what is refused, and why."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta

import jwt
import pytest

from services.venue.domain.tokens import TokenRefused, TokenSettings, issue, looks_like_token, verify

pytestmark = pytest.mark.unit

SETTINGS = TokenSettings("s" * 48, "wict-venue-api", "wict-venue", timedelta(minutes=15))
ACCOUNT = uuid.UUID("6f1c1c36-4f59-4b8e-9d59-4c1b1a0c7e21")


def _now() -> datetime:
    return datetime.now(UTC)


def _b64(part: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(part).encode()).rstrip(b"=").decode()


def _claims(**changes: object) -> dict[str, object]:
    now = int(_now().timestamp())
    claims = {
        "sub": str(ACCOUNT),
        "aud": SETTINGS.audience,
        "iss": SETTINGS.issuer,
        "iat": now,
        "exp": now + 60,
    }
    return {**claims, **changes}


def _refusal(token: str, now: datetime | None = None) -> str:
    with pytest.raises(TokenRefused) as refused:
        verify(token, SETTINGS, now or _now())
    return str(refused.value)


def test_an_issued_token_names_its_account_until_it_expires():
    issued = issue(ACCOUNT, "organizer", SETTINGS, _now())
    assert looks_like_token(issued.token) and not looks_like_token("wict_abcdef")
    assert verify(issued.token, SETTINGS, _now()) == ACCOUNT
    assert "expired" in _refusal(issued.token, issued.expires_at + timedelta(minutes=1))


def test_an_expired_token_is_refused():
    token = jwt.encode(_claims(iat=1_700_000_000, exp=1_700_000_060), SETTINGS.secret, algorithm="HS256")
    assert "expired" in _refusal(token)


def test_alg_none_is_refused_even_with_valid_claims():
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims())}."
    assert "HS256" in _refusal(unsigned)


def test_another_algorithm_is_refused():
    token = jwt.encode(_claims(), SETTINGS.secret + "x" * 16, algorithm="HS512")
    assert "HS256" in _refusal(token)


def test_a_tampered_payload_breaks_the_signature():
    header, _, signature = jwt.encode(_claims(), SETTINGS.secret, algorithm="HS256").split(".")
    forged = f"{header}.{_b64(_claims(sub=str(uuid.uuid4()), role='staff'))}.{signature}"
    assert "signature" in _refusal(forged)


def test_a_token_signed_with_another_secret_is_refused():
    assert "signature" in _refusal(jwt.encode(_claims(), "t" * 48, algorithm="HS256"))


def test_wrong_audience_and_wrong_issuer_are_refused():
    assert "audience" in _refusal(jwt.encode(_claims(aud="other-api"), SETTINGS.secret, algorithm="HS256"))
    assert "issued by" in _refusal(jwt.encode(_claims(iss="elsewhere"), SETTINGS.secret, algorithm="HS256"))


@pytest.mark.parametrize("claim", ["exp", "iat", "sub", "aud", "iss"])
def test_required_claims_must_be_present(claim: str):
    claims = _claims()
    del claims[claim]
    assert _refusal(jwt.encode(claims, SETTINGS.secret, algorithm="HS256"))


def test_garbage_is_malformed():
    assert "malformed" in _refusal("a.b.c")


def test_a_short_secret_is_rejected_at_start():
    with pytest.raises(ValueError, match="32 bytes"):
        TokenSettings("short", "a", "b", timedelta(minutes=1))
