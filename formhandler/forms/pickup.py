"""Reading the answer on the site (issue 12): reference and code word, the conversation,
writing back. No HTTP here; web/pickup_pages.py draws the pages.

Nothing is kept in the browser. After the right pair, the page carries a sealed ticket
(AES-GCM, bound to its purpose, valid for `TICKET_AGE`) in a hidden field, so the reply
box works without a cookie and without sending the code word again; the code word itself
is never shown back. A wrong code word, an unknown reference and a purged conversation
cost the same work (argon2 against a dummy hash) and give the same answer.

Ten failed tries for one reference within 24 hours lock it for an hour, even for the
right code word; one client gets `CLIENT_ATTEMPTS` tries an hour whatever it types. Both
counts live in memory only, keyed by an HMAC under a secret made at start: a reference
or an IP address is never written anywhere.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections import deque
from dataclasses import dataclass
from datetime import datetime, timedelta
from threading import Lock

from formhandler.core.crypto import DataCipher, SealError
from formhandler.core.settings import Settings
from formhandler.core.teams import CENTRAL, Teams
from formhandler.core.workdays import reply_due
from formhandler.forms import notifications
from formhandler.forms.code_words import code_word_matches
from formhandler.forms.references import normalise
from formhandler.forms.tokens import FormToken
from formhandler.forms.validation import Field, FormSpec
from formhandler.storage import database, messages, statistics

FAILURES_TO_LOCK = 10
FAILURE_WINDOW = timedelta(hours=24)
LOCK_TIME = timedelta(hours=1)
CLIENT_ATTEMPTS = 30
CLIENT_WINDOW = timedelta(hours=1)
TICKET_AGE = timedelta(minutes=60)
FOLLOW_UP_MAX = 8000
_TICKET_CONTEXT = "pickup-ticket"

_REPLY = {"nl": "Schrijf je bericht", "fr": "Écrivez votre message", "en": "Write your message"}
# A follow-up is checked like the mail form's message: required, one limit, no control
# characters.
FOLLOW_UP = FormSpec(
    name="antwoord",
    fields=(
        Field(
            "bericht",
            "textarea",
            label={"nl": "Schrijf terug", "fr": "Répondre", "en": "Write back"},
            required=_REPLY,
            max_length=FOLLOW_UP_MAX,
        ),
    ),
    submit={"nl": "Verstuur", "fr": "Envoyer", "en": "Send"},
    sent_title=_REPLY,
    content=("bericht",),
    contact=(),
    categories={},
    contact_missing=_REPLY,
    confirmation_needs_email=_REPLY,
)


class Replayed(Exception):
    """The form token of a follow-up was used already."""


class Gone(Exception):
    """The conversation was purged or the ticket no longer fits it."""


@dataclass(frozen=True)
class Entry:
    by_person: bool
    at: datetime
    text: str


@dataclass(frozen=True)
class Conversation:
    message_id: int
    reference: str
    language: str
    entries: list[Entry]
    due_at: datetime
    answered: bool
    closed_at: datetime | None


class Attempts:
    """Failed tries per reference and tries per client, in memory, with an explicit clock."""

    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)
        self._failures: dict[str, deque[datetime]] = {}
        self._locked_until: dict[str, datetime] = {}
        self._clients: dict[str, deque[datetime]] = {}
        self._lock = Lock()

    def _key(self, kind: str, value: str) -> str:
        return hmac.new(self._secret, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()

    def locked(self, reference: str, now: datetime) -> bool:
        with self._lock:
            until = self._locked_until.get(self._key("ref", reference))
            return until is not None and now < until

    def fail(self, reference: str, now: datetime) -> bool:
        """Count a failed try; True when this one locks the reference."""
        key = self._key("ref", reference)
        with self._lock:
            tries = self._failures.setdefault(key, deque())
            while tries and now - tries[0] >= FAILURE_WINDOW:
                tries.popleft()
            tries.append(now)
            if len(tries) >= FAILURES_TO_LOCK:
                self._locked_until[key] = now + LOCK_TIME
                tries.clear()
                return True
            return False

    def client_take(self, client: str, now: datetime) -> bool:
        """Count one try of this client if it has tries left; whether it did."""
        key = self._key("client", client)
        with self._lock:
            tries = self._clients.setdefault(key, deque())
            while tries and now - tries[0] >= CLIENT_WINDOW:
                tries.popleft()
            if len(tries) >= CLIENT_ATTEMPTS:
                return False
            tries.append(now)
            return True


class Pickup:
    """Opens conversations and stores follow-ups; made once at start."""

    def __init__(self, settings: Settings, cipher: DataCipher, teams: Teams) -> None:
        self.settings = settings
        self.cipher = cipher
        self.teams = teams
        self.attempts = Attempts()

    # --- the right pair -------------------------------------------------------------------

    def check(self, typed_reference: str, code_word: str) -> int | None:
        """The message id when reference and code word fit; the same work when they do not."""
        reference = normalise(typed_reference) or ""
        conn = database.connect(self.settings.database_path)
        try:
            found = messages.code_word_hash(conn, reference) if reference else None
        finally:
            conn.close()
        matches = code_word_matches(found[1] if found else None, code_word)
        return found[0] if found and matches else None

    def conversation(self, message_id: int, now: datetime, *, mark_read: bool) -> Conversation:
        conn = database.connect(self.settings.database_path)
        try:
            row = messages.by_id(conn, message_id)
            if row is None or row.purged_at or row.reply_by != "site":
                raise Gone
            content, _ = database.message_content(conn, self.cipher, row.reference)
            entries = [Entry(True, row.received_at, (content or {}).get("bericht", ""))]
            entries += [
                Entry(entry.author is None, entry.created_at, entry.text)
                for entry in messages.thread(conn, self.cipher, message_id)
            ]
            if mark_read:
                messages.mark_read(conn, message_id, now)
        finally:
            conn.close()
        return Conversation(
            message_id=message_id,
            reference=row.reference,
            language=row.language,
            entries=entries,
            due_at=row.due_at,
            answered=not entries[-1].by_person,
            closed_at=row.closed_at,
        )

    # --- the ticket in the page -----------------------------------------------------------

    def ticket(self, message_id: int, reference: str, now: datetime) -> str:
        payload = json.dumps({"m": message_id, "r": reference, "t": database.timestamp(now)})
        return self.cipher.seal(payload, _TICKET_CONTEXT).hex()

    def read_ticket(self, ticket: str, now: datetime) -> tuple[int, str] | None:
        try:
            data = json.loads(self.cipher.open_text(bytes.fromhex(ticket), _TICKET_CONTEXT))
            made = database.moment(data["t"])
            found = (int(data["m"]), str(data["r"]))
        except (SealError, ValueError, KeyError, TypeError):
            return None
        if not timedelta(0) <= now - made <= TICKET_AGE:
            return None
        return found

    # --- writing back ---------------------------------------------------------------------

    def write_back(
        self, message_id: int, text: str, token: FormToken, max_age: timedelta, now: datetime
    ) -> tuple[datetime, list[int]]:
        """Store a follow-up, open the case again due anew, notify the team.

        Returns the new due time and the notification's outbox id."""
        due = reply_due(now, self.settings.calendar)
        conn = database.connect(self.settings.database_path)
        try:
            with database.transaction(conn):
                if not database.use_token_nonce(conn, token.nonce, token.expires_at(max_age)):
                    raise Replayed
                row = messages.by_id(conn, message_id)
                if row is None or row.purged_at or row.reply_by != "site":
                    raise Gone
                messages.add_to_thread(conn, self.cipher, message_id, None, text, now)
                messages.reopen(conn, message_id, due)
                statistics.record_followup(conn, message_id)
                queue = self.teams.queues.get(row.queue) or self.teams.queues[CENTRAL]
                outbox_id = notifications.notify_team(
                    conn,
                    self.cipher,
                    self.settings,
                    queue=queue,
                    reference=row.reference,
                    form=row.form,
                    due=due,
                    now=now,
                    follow_up=True,
                )
        finally:
            conn.close()
        return due, [outbox_id]
