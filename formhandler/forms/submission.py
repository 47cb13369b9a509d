"""Storing a checked submission: one transaction, committed before the person sees "sent".

In that transaction: the form token's nonce (a replay fails here even when two posts
race), the message (text and contact details sealed), the team's notification and,
if asked, the confirmation to the person. WAL with synchronous FULL: when `store`
returns, the message is on disk; the mails leave through the outbox afterwards.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta

from formhandler.core.crypto import DataCipher
from formhandler.core.i18n import audience_of, language_of
from formhandler.core.settings import Settings
from formhandler.core.teams import Teams
from formhandler.core.workdays import reply_due
from formhandler.forms import notifications
from formhandler.forms.code_words import hash_code_word
from formhandler.forms.references import new_reference, normalise
from formhandler.forms.tokens import FormToken
from formhandler.forms.validation import CODE_WORD, FormSpec, Result
from formhandler.storage import database, messages

# What an audience's own site says about the person without asking: the children's
# site is for children under 13.
AUDIENCE_CATEGORIES: dict[str, dict[str, str]] = {"kinderen": {"age_group": "tot-12"}}


class Replayed(Exception):
    """The token's nonce was used already."""


@dataclass(frozen=True)
class Stored:
    reference: str
    due: datetime
    outbox_ids: list[int]


class Submissions:
    """Stores submissions; made once at start with the service's settings."""

    def __init__(
        self, settings: Settings, cipher: DataCipher, teams: Teams, token_max_age: timedelta
    ) -> None:
        self.settings = settings
        self.cipher = cipher
        self.teams = teams
        self.token_max_age = token_max_age
        database.open_database(settings.database_path).close()

    def store(
        self, spec: FormSpec, variant: str, result: Result, token: FormToken, now: datetime
    ) -> Stored:
        """The message, its nonce and its mails in one transaction, on disk when this returns."""
        values = result.values
        due = reply_due(now, self.settings.calendar)
        queue = self.teams.queue_for(spec.name, values.get("regio"))
        categories: dict[str, str | None] = {
            column: values.get(name) or None for name, column in spec.categories.items()
        }
        categories.update(AUDIENCE_CATEGORIES.get(audience_of(variant), {}))
        code_word = values.get(CODE_WORD, "") if result.reply_by == "site" else ""
        # Hashed before the write lock: argon2 takes a moment and holds nothing.
        code_word_hash = hash_code_word(code_word) if code_word else None
        conn = database.connect(self.settings.database_path)
        try:
            with database.transaction(conn):
                if not database.use_token_nonce(
                    conn, token.nonce, token.expires_at(self.token_max_age)
                ):
                    raise Replayed
                reference = self._free_reference(conn, code_word)
                database.insert_message(
                    conn,
                    self.cipher,
                    database.NewMessage(
                        reference=reference,
                        form=spec.name,
                        audience=audience_of(variant),
                        language=language_of(variant),
                        queue=queue.key,
                        reply_by=result.reply_by,
                        content={name: values.get(name, "") for name in spec.content},
                        contact={name: values.get(name, "") for name in spec.contact},
                        categories=categories,
                        received_at=now,
                        due_at=due,
                        code_word_hash=code_word_hash,
                    ),
                )
                ids = [
                    notifications.notify_team(
                        conn,
                        self.cipher,
                        self.settings,
                        queue=queue,
                        reference=reference,
                        form=spec.name,
                        due=due,
                        now=now,
                    )
                ]
                if values.get("bevestiging") and values.get("email"):
                    ids.append(
                        notifications.confirm_to_person(
                            conn,
                            self.cipher,
                            self.settings,
                            address=values["email"],
                            reference=reference,
                            variant=variant,
                            due=due,
                            now=now,
                        )
                    )
        finally:
            conn.close()
        return Stored(reference, due, ids)

    @staticmethod
    def _free_reference(conn: sqlite3.Connection, code_word: str = "") -> str:
        """A reference no message has, and never the person's code word read as one."""
        while True:
            reference = new_reference()
            if normalise(code_word) == reference:
                continue
            if not messages.reference_taken(conn, reference):
                return reference

    def token_used(self, nonce: str) -> bool:
        conn = database.connect(self.settings.database_path)
        try:
            return database.token_nonce_used(conn, nonce)
        finally:
            conn.close()
