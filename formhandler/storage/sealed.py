"""Every sealed column, and the context each value is bound to: written once, here.

A sealed value (core.crypto, AES-256-GCM) carries a context as associated data, so a
value copied to another row or column does not open. The functions below are the
only place a context is spelled; the owners of the columns call them to seal and
open, and `SEALED_COLUMNS` lists them for key rotation and backup checks.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass


def message_content(reference: str) -> str:
    return f"messages.content:{reference}"


def message_contact(reference: str) -> str:
    return f"messages.contact:{reference}"


def message_categories(reference: str) -> str:
    return f"messages.categories:{reference}"


def note_body(note_id: int) -> str:
    return f"message_notes.body:{note_id}"


def thread_body(entry_id: int) -> str:
    return f"message_thread.body:{entry_id}"


def outbox_envelope(message_id: str) -> str:
    return f"outbox:{message_id}"


def sink_envelope(row_id: int) -> str:
    return f"sink_messages:{row_id}"


def totp_secret(account_name: str) -> str:
    # Bound to the account: a sealed secret copied to another account does not open.
    return f"staff_users.totp_secret:{account_name.lower()}"


@dataclass(frozen=True)
class SealedColumn:
    table: str
    column: str
    # The columns the context is made of; `context` turns a row into the context text.
    key_columns: tuple[str, ...]
    context: Callable[[sqlite3.Row], str]


SEALED_COLUMNS = (
    SealedColumn("messages", "content", ("reference",), lambda r: message_content(r["reference"])),
    SealedColumn("messages", "contact", ("reference",), lambda r: message_contact(r["reference"])),
    SealedColumn(
        "messages", "categories", ("reference",), lambda r: message_categories(r["reference"])
    ),
    SealedColumn("message_notes", "body", ("id",), lambda r: note_body(r["id"])),
    SealedColumn("message_thread", "body", ("id",), lambda r: thread_body(r["id"])),
    SealedColumn("outbox", "envelope", ("message_id",), lambda r: outbox_envelope(r["message_id"])),
    SealedColumn("sink_messages", "envelope", ("id",), lambda r: sink_envelope(r["id"])),
    SealedColumn("staff_users", "totp_secret", ("name",), lambda r: totp_secret(r["name"])),
)
