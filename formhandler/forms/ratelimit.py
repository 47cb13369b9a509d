"""How often one client may send a form, kept in memory only.

The client is known by an HMAC of its IP address under a key that is derived from
a random secret made at start and today's date: the key changes every day, the
secret never leaves the process, and no IP address is ever written anywhere
(not in the database, not in logs). A restart forgets every count, which is fine
for a limit that only slows down floods.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date

from limits import RateLimitItemPerSecond
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter


class SubmissionLimit:
    def __init__(self, count: int, seconds: int) -> None:
        self._item = RateLimitItemPerSecond(count, seconds)
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._secret = secrets.token_bytes(32)

    def client_key(self, ip: str, today: date) -> str:
        day_key = hmac.new(self._secret, today.isoformat().encode(), hashlib.sha256).digest()
        return hmac.new(day_key, ip.encode(), hashlib.sha256).hexdigest()

    def take(self, ip: str, today: date) -> bool:
        """Count one submission of this client if the limit allows it; whether it did.

        Checking and counting are one step (a moving-window `hit`, synchronous, so no
        other request runs in between): twenty parallel posts cannot all pass a check
        made before any of them was counted.
        """
        return bool(self._limiter.hit(self._item, self.client_key(ip, today)))
