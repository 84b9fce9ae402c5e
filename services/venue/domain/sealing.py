"""Sealing personal fields at rest: AES-256-GCM with a random nonce per value and the row as associated data.

A sealed value is ``nonce (12 bytes) || ciphertext || tag`` and names the key that sealed it, so keys can
rotate: the ring holds several keys, the first seals, any opens. The associated data binds a value to its
row and field, so a ciphertext copied to another guest, booking or column does not open. Pure (no I/O).
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

NONCE_BYTES = 12
KEY_BYTES = 32
_KEY_ID = re.compile(r"[A-Za-z0-9_.-]{1,32}")


class Unreadable(Exception):
    """A sealed value that does not open: unknown key, wrong key, or moved or altered (never says the value)."""


@dataclass(frozen=True)
class Sealed:
    key_id: str
    blob: bytes


class KeyRing:
    def __init__(self, keys: Sequence[tuple[str, bytes]]) -> None:
        if not keys:
            raise ValueError("a key ring needs at least one key")
        for position, (key_id, key) in enumerate(keys, 1):
            if not _KEY_ID.fullmatch(key_id) or len(key) != KEY_BYTES:
                raise ValueError(f"entry {position}: ids are 1–32 of A–Z a–z 0–9 _ . -, keys 32 bytes")
        self._keys = {key_id: AESGCM(key) for key_id, key in keys}
        if len(self._keys) != len(keys):
            raise ValueError("a key id appears twice")
        self.primary = keys[0][0]

    def seal(self, plaintext: str, context: bytes) -> Sealed:
        return self.seal_bytes(plaintext.encode(), context)

    def seal_bytes(self, plaintext: bytes, context: bytes) -> Sealed:
        """A document (an invitation letter's PDF) sealed like a field."""
        nonce = os.urandom(NONCE_BYTES)
        return Sealed(self.primary, nonce + self._keys[self.primary].encrypt(nonce, plaintext, context))

    def open(self, sealed: Sealed, context: bytes) -> str:
        return self.open_bytes(sealed, context).decode()

    def open_bytes(self, sealed: Sealed, context: bytes) -> bytes:
        cipher = self._keys.get(sealed.key_id)
        if cipher is None:
            raise Unreadable(f"sealed with key {sealed.key_id!r}, which is not configured")
        nonce, body = sealed.blob[:NONCE_BYTES], sealed.blob[NONCE_BYTES:]
        try:
            return cipher.decrypt(nonce, body, context)
        except (InvalidTag, ValueError):
            raise Unreadable(
                f"does not open with key {sealed.key_id!r}: altered, moved or a wrong key"
            ) from None


def parse_keys(text: str) -> KeyRing:
    """``id:base64,id:base64,...`` (each key 32 bytes); the first seals. Errors never quote a key."""
    keys = []
    for position, entry in enumerate(part.strip() for part in text.split(",") if part.strip()):
        key_id, colon, encoded = entry.partition(":")
        if not colon:
            raise ValueError(f"entry {position + 1} is not `id:base64-key`")
        try:
            key = base64.b64decode(encoded, validate=True)
        except binascii.Error:
            raise ValueError(f"entry {position + 1}: the key is not valid base64") from None
        keys.append((key_id, key))
    return KeyRing(keys)


def new_key_entry(key_id: str) -> str:
    """A fresh ``id:base64`` entry for configuration."""
    return f"{key_id}:{base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()}"


def guest_field(booking_id: uuid.UUID, guest_id: uuid.UUID, field: str) -> bytes:
    """The associated data of one field of one guest of one booking."""
    return b"wict.guest.v1|" + booking_id.bytes + guest_id.bytes + b"|" + field.encode()


def letter_field(letter_id: uuid.UUID, field: str) -> bytes:
    """The associated data of one sealed field of one invitation letter (its PDF: ``"pdf"``)."""
    return b"wict.letter.v1|" + letter_id.bytes + b"|" + field.encode()
