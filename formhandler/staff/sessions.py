"""Staff sessions in a signed cookie, and the CSRF token that every staff POST carries.

The cookie holds only: the account id, the account's session epoch (raised at logout and
when an account is disabled, which ends every session at once), when the session began,
when it was last used, and the CSRF token. It is signed with itsdangerous (SHA-256,
the newest of FORMHANDLER_SECRET_KEYS signs, all of them verify) and re-issued on every
request so the idle clock restarts.

Cookie: `__Host-` prefix, Secure, HttpOnly, SameSite=Strict, Path=/. Only in development
mode over plain http (a developer's machine) are the prefix and Secure left out, because
a browser refuses both there; production never does that.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass, replace

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.requests import Request
from starlette.responses import Response

from formhandler.core.settings import Settings

IDLE_SECONDS = 30 * 60
MAX_SECONDS = 12 * 60 * 60
SECURE_NAME = "__Host-1712-staff"
PLAIN_NAME = "1712-staff"
_SALT = "formhandler.web.staff_pages-session"


@dataclass(frozen=True)
class Session:
    csrf: str
    user_id: int | None = None
    epoch: int = 0
    started: float = 0.0
    seen: float = 0.0

    @property
    def logged_in(self) -> bool:
        return self.user_id is not None


def _serializer(settings: Settings) -> URLSafeSerializer:
    keys = [str(key) for key in settings.secret_keys]
    # itsdangerous signs with the last key and accepts any of them: rotation without logouts.
    return URLSafeSerializer(keys, salt=_SALT, signer_kwargs={"digest_method": hashlib.sha256})


def cookie_name(settings: Settings, request: Request) -> str:
    return PLAIN_NAME if _plain_http_development(settings, request) else SECURE_NAME


def _plain_http_development(settings: Settings, request: Request) -> bool:
    return settings.development and request.url.scheme == "http"


def new_session() -> Session:
    return Session(csrf=secrets.token_urlsafe(32))


def load(settings: Settings, request: Request, now: float | None = None) -> Session:
    """The session of this request; a fresh anonymous one when absent, forged or expired."""
    now = time.time() if now is None else now
    raw = request.cookies.get(cookie_name(settings, request))
    if not raw:
        return new_session()
    try:
        data = _serializer(settings).loads(raw)
        session = Session(
            csrf=str(data["c"]),
            user_id=data["u"],
            epoch=int(data["e"]),
            started=float(data["s"]),
            seen=float(data["t"]),
        )
    except (BadSignature, KeyError, TypeError, ValueError):
        return new_session()
    if session.logged_in and (
        now - session.seen > IDLE_SECONDS or now - session.started > MAX_SECONDS
    ):
        return new_session()
    return session


def logged_in_session(user_id: int, epoch: int, now: float | None = None) -> Session:
    """A new session for a fresh login: new CSRF token, so nothing from before carries over."""
    now = time.time() if now is None else now
    return Session(
        csrf=secrets.token_urlsafe(32), user_id=user_id, epoch=epoch, started=now, seen=now
    )


def touch(session: Session, now: float | None = None) -> Session:
    return replace(session, seen=time.time() if now is None else now)


def save(settings: Settings, request: Request, response: Response, session: Session) -> None:
    value = _serializer(settings).dumps(
        {
            "c": session.csrf,
            "u": session.user_id,
            "e": session.epoch,
            "s": session.started,
            "t": session.seen,
        }
    )
    plain = _plain_http_development(settings, request)
    response.set_cookie(
        cookie_name(settings, request),
        value,
        # A session cookie: no Max-Age, so closing the browser ends it on a shared
        # computer. The signed value still expires after MAX_SECONDS (and idle time).
        path="/",
        secure=not plain,
        httponly=True,
        samesite="strict",
    )


def clear(settings: Settings, request: Request, response: Response) -> None:
    plain = _plain_http_development(settings, request)
    response.delete_cookie(
        cookie_name(settings, request),
        path="/",
        secure=not plain,
        httponly=True,
        samesite="strict",
    )


def csrf_ok(session: Session, submitted: object) -> bool:
    """The form's token equals the session's (constant-time); a missing token never passes."""
    return (
        isinstance(submitted, str)
        and bool(submitted)
        and hmac.compare_digest(session.csrf.encode(), submitted.encode())
    )
