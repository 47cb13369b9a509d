"""The confirmation page's link: sealed, so no reference, date or channel can be read from it.

After a submission the browser is sent to `…/verstuurd?bevestiging=TOKEN`. The token is
the reference, the due time and the reply channel sealed with the data key (AES-256-GCM,
core.crypto) under its own context: in a shared device's history or a proxy's log it is
noise. It opens for MAX_AGE after the submission, long enough to reload the page and
short enough that an old history entry no longer shows anything.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from formhandler.core.crypto import DataCipher, SealError
from formhandler.storage import database

MAX_AGE = timedelta(minutes=30)
_CONTEXT = "formhandler.confirmation-link"


@dataclass(frozen=True)
class Confirmation:
    reference: str
    due: datetime
    reply_by: str


class ConfirmationLinks:
    def __init__(self, cipher: DataCipher) -> None:
        self._cipher = cipher

    def make(self, confirmation: Confirmation, now: datetime) -> str:
        payload = {
            "r": confirmation.reference,
            "d": database.timestamp(confirmation.due),
            "b": confirmation.reply_by,
            "t": database.timestamp(now),
        }
        sealed = self._cipher.seal(json.dumps(payload), _CONTEXT)
        return base64.urlsafe_b64encode(sealed).decode("ascii").rstrip("=")

    def read(self, token: str, now: datetime | None = None) -> Confirmation | None:
        """The confirmation in a token, or None when it is forged, damaged or too old."""
        try:
            sealed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            data = json.loads(self._cipher.open_text(sealed, _CONTEXT))
            made = database.moment(data["t"])
            found = Confirmation(data["r"], database.moment(data["d"]), data["b"])
        except (SealError, binascii.Error, ValueError, KeyError, TypeError):
            return None
        if (now or datetime.now(UTC)) - made > MAX_AGE:
            return None
        return found
