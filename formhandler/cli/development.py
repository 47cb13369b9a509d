"""The development start: a local mail sink when no SMTP server is configured.

The only module that starts `mail.devsink` (the import contract says so). `make
serve` and a lone `formhandler tick` in development get a sink whose copies the
staff side shows; production without FORMHANDLER_SMTP_HOST gets no mailer, so
mails wait in the outbox.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Iterator

from formhandler.core.crypto import DataCipher
from formhandler.core.settings import Settings
from formhandler.mail.devsink import MailSink
from formhandler.mail.outbox import Mailer
from formhandler.mail.smtp import smtp_mailer
from formhandler.storage import database

log = logging.getLogger(__name__)


@contextlib.contextmanager
def development_sink(settings: Settings) -> Iterator[MailSink | None]:
    """A running sink in development without SMTP host; None otherwise."""
    if settings.smtp_host or not settings.development:
        yield None
        return
    database.open_database(settings.database_path).close()
    with MailSink(settings.database_path, DataCipher(settings.data_keys)) as sink:
        yield sink


@contextlib.asynccontextmanager
async def mailer_for_a_run(settings: Settings) -> AsyncIterator[Mailer | None]:
    """The mailer of one `formhandler tick`: SMTP, a sink for the run, or none."""
    if settings.smtp_host:
        yield smtp_mailer(settings)
        return
    with development_sink(settings) as sink:
        yield sink.mailer if sink is not None else None
