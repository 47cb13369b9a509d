"""Reading a form POST strictly: size, content type, encoding, fields.

Only `application/x-www-form-urlencoded` in UTF-8 with at most MAX_FIELDS distinct
fields is read; a body over MAX_BODY is drained (up to a limit) so the browser shows
our 413 page instead of a broken connection.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.requests import Request

MAX_BODY = 64 * 1024
MAX_FIELDS = 40
# How much of an oversized body is read (and dropped) so the browser shows our 413 page.
_DRAIN_LIMIT = 1024 * 1024


class Unreadable(Exception):
    """The body is not a form this service reads (file, content type, encoding, fields)."""


class TooLarge(Exception):
    """The body is over MAX_BODY."""


async def read_form(request: Request) -> dict[str, str]:
    media, _, params = request.headers.get("content-type", "").partition(";")
    media = media.strip().lower()
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
        if not length.isdigit():
            raise Unreadable("content-length")
        await _drain(request)
        raise TooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            await _drain(request)
            raise TooLarge
    if media == "multipart/form-data":
        raise Unreadable("multipart")
    if media != "application/x-www-form-urlencoded":
        raise Unreadable("content-type")
    charset = params.strip().lower()
    if charset and charset.replace(" ", "") not in ("charset=utf-8", 'charset="utf-8"'):
        raise Unreadable("charset")
    try:
        pairs = parse_qsl(
            bytes(body).decode("utf-8"),
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=MAX_FIELDS,
        )
    except UnicodeDecodeError as error:
        raise Unreadable("encoding") from error
    except ValueError as error:
        raise Unreadable("fields") from error
    fields: dict[str, str] = {}
    for name, value in pairs:
        if name in fields:
            raise Unreadable("repeated field")
        fields[name] = value
    return fields


async def _drain(request: Request) -> None:
    # Reading the rest lets the browser show our page instead of a connection error.
    seen = 0
    try:
        async for chunk in request.stream():
            seen += len(chunk)
            if seen > _DRAIN_LIMIT:
                return
    except Exception:  # the client went away; nothing to answer
        return
