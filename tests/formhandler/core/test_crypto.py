"""Sealed values: AES-256-GCM, readable after key rotation, bound to their place."""

from __future__ import annotations

import os

import pytest

from formhandler.core.crypto import DataCipher, SealError


def test_sealed_text_opens_and_hides_the_plaintext() -> None:
    cipher = DataCipher([os.urandom(32)])
    blob = cipher.seal("geheim bericht", "messages.content:ABCD2345")
    assert b"geheim" not in blob
    assert cipher.open_text(blob, "messages.content:ABCD2345") == "geheim bericht"


def test_each_seal_uses_a_fresh_nonce() -> None:
    cipher = DataCipher([os.urandom(32)])
    assert cipher.seal("x") != cipher.seal("x")


def test_values_sealed_with_an_older_key_stay_readable_after_rotation() -> None:
    old, new = os.urandom(32), os.urandom(32)
    blob = DataCipher([old]).seal("voor de rotatie")
    rotated = DataCipher([old, new])
    assert rotated.open_text(blob) == "voor de rotatie"
    assert not rotated.sealed_with_newest(blob)
    assert rotated.sealed_with_newest(rotated.seal("na de rotatie"))


def test_a_value_sealed_with_a_dropped_key_says_so() -> None:
    blob = DataCipher([os.urandom(32)]).seal("weg")
    with pytest.raises(SealError, match="no longer configured"):
        DataCipher([os.urandom(32)]).open(blob)


def test_a_value_moved_to_another_row_does_not_open() -> None:
    cipher = DataCipher([os.urandom(32)])
    blob = cipher.seal("tekst", "messages.content:AAAA2222")
    with pytest.raises(SealError):
        cipher.open(blob, "messages.content:BBBB3333")


def test_an_altered_byte_is_detected() -> None:
    cipher = DataCipher([os.urandom(32)])
    blob = bytearray(cipher.seal("tekst"))
    blob[-1] ^= 1
    with pytest.raises(SealError):
        cipher.open(bytes(blob))
