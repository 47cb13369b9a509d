"""Signed form tokens: no CAPTCHA, no third party, no cookie.

A token is put in the form when it is shown. It carries a random nonce and the
moment the form was shown, signed with itsdangerous (HMAC-SHA-256) under a salt
per form, so a token for the complaint form does not fit the mail form. The
signing keys are a list, newest last: tokens signed with an older key stay valid
until they expire, which is what key rotation needs.

On submission the token must be genuine, at least `min_fill` old (people need a
few seconds, scripts do not wait), at most `max_age` old, and unused: its nonce is
written to `used_tokens` in the same transaction as the message and kept there until
the token would have expired anyway.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from itsdangerous import BadSignature, URLSafeSerializer

MAX_AGE = timedelta(hours=12)


class TokenRejected(Exception):
    """The token is not acceptable; `reason` is forged, too_fast, expired or replayed."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FormToken:
    nonce: str
    issued_at: datetime

    def expires_at(self, max_age: timedelta = MAX_AGE) -> datetime:
        return self.issued_at + max_age


class FormTokens:
    def __init__(
        self,
        keys: Sequence[str],
        *,
        min_fill: timedelta,
        max_age: timedelta = MAX_AGE,
    ) -> None:
        if not keys:
            raise ValueError("at least one signing key is needed")
        self._keys = list(keys)
        self.min_fill = min_fill
        self.max_age = max_age

    def _serializer(self, form: str) -> URLSafeSerializer:
        # itsdangerous signs with the last key and accepts any of them.
        return URLSafeSerializer(
            self._keys,
            salt=f"formhandler.form.{form}",
            signer_kwargs={"digest_method": hashlib.sha256},
        )

    def issue(self, form: str, now: datetime) -> str:
        payload = {"n": secrets.token_urlsafe(16), "t": round(now.timestamp(), 3)}
        return str(self._serializer(form).dumps(payload))

    def read(self, form: str, token: str) -> FormToken:
        """The token's content if the signature is genuine (no time checks)."""
        try:
            payload = self._serializer(form).loads(token)
            nonce, issued = payload["n"], payload["t"]
        except (BadSignature, KeyError, TypeError, ValueError) as error:
            raise TokenRejected("forged") from error
        if not isinstance(nonce, str) or not isinstance(issued, int | float):
            raise TokenRejected("forged")
        try:
            issued_at = datetime.fromtimestamp(issued, tz=UTC)
        except (OverflowError, OSError, ValueError) as error:
            raise TokenRejected("forged") from error
        return FormToken(nonce, issued_at)

    def check(self, form: str, token: str, now: datetime) -> FormToken:
        """A genuine token shown long enough ago and not too long ago (use is checked
        against the database by the caller)."""
        found = self.read(form, token)
        age = now - found.issued_at
        # A token from the future is forged (or the clock jumped): treat it as too fast.
        if age < self.min_fill:
            raise TokenRejected("too_fast")
        if age > self.max_age:
            raise TokenRejected("expired")
        return found
