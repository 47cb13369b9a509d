"""Message text and contact details sealed at rest with AES-256-GCM.

A sealed value is one BLOB: a version byte, the id of the key that sealed it (the
first 8 bytes of the key's SHA-256, so the id stays the same when older keys are
dropped from the front of FORMHANDLER_DATA_KEYS), the 12-byte nonce and the
ciphertext with its tag. New values use the newest key (last in the list); values
sealed with any listed key stay readable, which is what key rotation needs.

`context` is bound to the ciphertext as associated data: a value sealed for one
row and column cannot be copied into another and still open.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_VERSION = b"\x01"
_KEY_ID_BYTES = 8
_NONCE_BYTES = 12


class SealError(ValueError):
    """A sealed value cannot be opened: unknown key, altered bytes or wrong context."""


def key_id(key: bytes) -> bytes:
    return hashlib.sha256(key).digest()[:_KEY_ID_BYTES]


class DataCipher:
    """Seals and opens values with the data keys (newest last)."""

    def __init__(self, keys: Sequence[bytes]) -> None:
        if not keys:
            raise ValueError("at least one data key is needed")
        for key in keys:
            if len(key) != 32:
                raise ValueError("AES-256 needs 32-byte keys")
        self._newest = keys[-1]
        self._by_id = {key_id(key): AESGCM(key) for key in keys}

    def seal(self, plaintext: str | bytes, context: str = "") -> bytes:
        data = plaintext.encode("utf-8") if isinstance(plaintext, str) else plaintext
        nonce = os.urandom(_NONCE_BYTES)
        sealed = AESGCM(self._newest).encrypt(nonce, data, context.encode("utf-8"))
        return _VERSION + key_id(self._newest) + nonce + sealed

    def open(self, blob: bytes, context: str = "") -> bytes:
        if len(blob) < 1 + _KEY_ID_BYTES + _NONCE_BYTES + 16 or blob[:1] != _VERSION:
            raise SealError("not a sealed value")
        kid = blob[1 : 1 + _KEY_ID_BYTES]
        nonce = blob[1 + _KEY_ID_BYTES : 1 + _KEY_ID_BYTES + _NONCE_BYTES]
        aesgcm = self._by_id.get(kid)
        if aesgcm is None:
            raise SealError("sealed with a key that is no longer configured")
        try:
            return aesgcm.decrypt(
                nonce, blob[1 + _KEY_ID_BYTES + _NONCE_BYTES :], context.encode("utf-8")
            )
        except InvalidTag as error:
            raise SealError("sealed value was altered or belongs elsewhere") from error

    def open_text(self, blob: bytes, context: str = "") -> str:
        return self.open(blob, context).decode("utf-8")

    def sealed_with_newest(self, blob: bytes) -> bool:
        """Whether a value already uses the newest key (for re-sealing after rotation)."""
        return blob[1 : 1 + _KEY_ID_BYTES] == key_id(self._newest)
