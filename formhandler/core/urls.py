"""The service's own addresses that leave a request: the staff side's prefix and links in mails.

Inside a request, pages link through route names (web.templating's `url`); a mail has
no request, so its link is built here from the public base address.
"""

from __future__ import annotations

STAFF_PREFIX = "/medewerkers"


def staff_message_url(base_url: str, reference: str) -> str:
    """The staff page of one message, for team notifications, reminders and escalations."""
    return f"{base_url.rstrip('/')}{STAFF_PREFIX}/bericht/{reference}"
