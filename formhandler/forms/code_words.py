"""Code words for reading the answer on the site: argon2id hashes, checked in constant work.

The code word itself is never stored, logged, mailed or shown; only its argon2id hash is
kept, with the message, until the purge. A check for an unknown or purged reference
verifies against a dummy hash, so it costs the same as a wrong code word.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher(type=Type.ID)
_DUMMY_HASH = _HASHER.hash("no message has this code word")


def hash_code_word(code_word: str) -> str:
    return _HASHER.hash(code_word)


def code_word_matches(stored_hash: str | None, code_word: str) -> bool:
    """True when the code word fits the hash; with no hash the same work, then False."""
    try:
        return _HASHER.verify(stored_hash or _DUMMY_HASH, code_word) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False
