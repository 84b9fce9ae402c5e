"""What the venue forgets when a credential is revoked: the cached answers about exactly that key, session
or account (and every refused key's answer when an account changes: it names no account)."""

import uuid

import pytest

from services.venue.domain.access import Principal, Role, key_hash
from services.venue.entrypoints.http import auth

pytestmark = pytest.mark.unit

ANN, BOB = uuid.uuid4(), uuid.uuid4()
SESSION, OTHER_SESSION = uuid.uuid4(), uuid.uuid4()


def principal(account_id: uuid.UUID) -> Principal:
    return Principal(account_id, Role.ORGANIZER, "x", "x@example.org", "en", "Asia/Shanghai")


@pytest.fixture(autouse=True)
def cache():
    auth.forget_all()
    auth._keys.update(
        {
            key_hash("ann-key"): (1e12, principal(ANN)),
            key_hash("bob-key"): (1e12, principal(BOB)),
            key_hash("refused-key"): (1e12, None),
        }
    )
    auth._tokens.update(
        {
            (ANN, SESSION): (1e12, principal(ANN)),
            (ANN, OTHER_SESSION): (1e12, principal(ANN)),
            (ANN, None): (1e12, principal(ANN)),
            (BOB, None): (1e12, principal(BOB)),
        }
    )
    yield
    auth.forget_all()


def test_a_revoked_key_is_forgotten_alone():
    auth.forget(f"key:{key_hash('ann-key').hex()}")

    assert key_hash("ann-key") not in auth._keys and key_hash("bob-key") in auth._keys
    assert len(auth._tokens) == 4


def test_an_ended_session_is_forgotten_alone():
    auth.forget(f"session:{SESSION}")

    assert set(auth._tokens) == {(ANN, OTHER_SESSION), (ANN, None), (BOB, None)}


def test_a_changed_account_forgets_its_keys_tokens_and_every_refused_key():
    auth.forget(f"account:{ANN}")

    assert set(auth._keys) == {key_hash("bob-key")}
    assert set(auth._tokens) == {(BOB, None)}


def test_an_unreadable_change_forgets_everything():
    auth.forget("account:not-a-uuid")

    assert auth._keys == {} and auth._tokens == {}
