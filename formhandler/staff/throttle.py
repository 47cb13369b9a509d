"""Limits on failed staff logins, per account and client and per client, in memory only.

A client is known only by an HMAC of its address under a key derived from a random
secret made at start and today's date: the address itself is never stored, and
yesterday's keys cannot be linked to today's. A restart forgets every count, which is
acceptable: the limit is there to make guessing a password and a TOTP code slow.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime

from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

# Five wrong tries per account AND client in 15 minutes: enough for typos, far too few
# to guess a password and a TOTP code. Counting per account alone let anyone lock a
# known helper out by failing five times from anywhere; per pair, the helper's own
# browser keeps working while the guessing address is stopped.
ACCOUNT_CLIENT_LIMIT = RateLimitItemPerMinute(5, 15)
# A whole office may share one address, so the client limit is higher.
CLIENT_LIMIT = RateLimitItemPerMinute(20, 15)


class LoginThrottle:
    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)
        self._limiter = MovingWindowRateLimiter(MemoryStorage())

    def client_key(self, address: str | None, today: str | None = None) -> str:
        day = today or datetime.now(UTC).date().isoformat()
        daily = hmac.new(self._secret, f"login-client:{day}".encode(), hashlib.sha256).digest()
        return hmac.new(daily, (address or "-").encode(), hashlib.sha256).hexdigest()

    def allowed(self, account: str, client: str) -> bool:
        pair = (account.strip().lower(), client)
        return self._limiter.test(ACCOUNT_CLIENT_LIMIT, "account-client", *pair) and (
            self._limiter.test(CLIENT_LIMIT, "client", client)
        )

    def failed(self, account: str, client: str) -> None:
        self._limiter.hit(ACCOUNT_CLIENT_LIMIT, "account-client", account.strip().lower(), client)
        self._limiter.hit(CLIENT_LIMIT, "client", client)
