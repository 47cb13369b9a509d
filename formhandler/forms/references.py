"""References people quote on the phone: 8 characters, none that look alike.

0/O, 1/I/L are left out (and U, which is read as V on a bad line), so a reference
read aloud or copied by hand from a confirmation page still finds the message.
30 symbols to the 8th power is about 650 billion: guessing one is hopeless and
collisions are rare enough that one retry covers them.
"""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8


def new_reference() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(text: str) -> str | None:
    """A reference as typed by a person (spaces, lower case), or None if it cannot be one."""
    cleaned = "".join(text.split()).upper().replace("-", "")
    if len(cleaned) != LENGTH or any(char not in ALPHABET for char in cleaned):
        return None
    return cleaned
