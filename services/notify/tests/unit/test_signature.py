import pytest

from services.notify.domain.signature import new_secret, sign, verify

pytestmark = pytest.mark.unit

BODY = b'{"event":"booking_confirmed"}'


def test_a_signature_is_the_hmac_of_timestamp_dot_body() -> None:
    import hashlib
    import hmac

    header = sign("whsec_test", 1_800_000_000, BODY)

    expected = hmac.new(b"whsec_test", b"1800000000." + BODY, hashlib.sha256).hexdigest()
    assert header == f"t=1800000000,v1={expected}"


def test_the_receiver_accepts_it_and_refuses_tampering_old_timestamps_and_other_secrets() -> None:
    secret = new_secret()
    header = sign(secret, 1_800_000_000, BODY)

    assert verify(secret, header, BODY, now=1_800_000_010)
    assert not verify(secret, header, BODY + b" ", now=1_800_000_010)
    assert not verify(secret, header, BODY, now=1_800_000_000 + 301)
    assert not verify(new_secret(), header, BODY, now=1_800_000_010)
    assert not verify(secret, "v1=abc", BODY, now=1_800_000_010)


def test_secrets_are_long_and_distinct() -> None:
    first, second = new_secret(), new_secret()

    assert first != second and first.startswith("whsec_") and len(first) == 6 + 64
