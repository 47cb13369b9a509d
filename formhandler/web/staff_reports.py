"""The coordinators' views of the staff side: statistics (and CSV), audit log, test mails."""

from __future__ import annotations

from email.message import EmailMessage

from starlette.responses import Response

from formhandler.storage import audit, statistics
from formhandler.storage.sink import received_mails
from formhandler.web.staff_context import Context


async def statistics_view(ctx: Context) -> Response:
    statistics.ensure_rows(ctx.db)
    month = ctx.request.query_params.get("maand") or None
    known = statistics.months(ctx.db)
    if month not in known:
        month = None
    ctx.audit("view_statistics", month)
    return ctx.render(
        "staff_statistics.html",
        months=known,
        month=month,
        rows=statistics.per_queue(ctx.db, month),
        counts=statistics.category_counts(ctx.db, month),
        queues=ctx.side.queues,
    )


async def statistics_csv(ctx: Context) -> Response:
    statistics.ensure_rows(ctx.db)
    month = ctx.request.query_params.get("maand") or None
    if month not in statistics.months(ctx.db):
        month = None
    ctx.audit("download_statistics", month)
    name = f"1712-statistieken-{month or 'alle'}.csv"
    return Response(
        statistics.csv_text(ctx.db, month),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


async def audit_view(ctx: Context) -> Response:
    ctx.audit("view_audit")
    raw = ctx.request.query_params.get("pagina", "1")
    entries, pages = audit.page(ctx.db, int(raw) if raw.isdigit() else 1)
    number = int(raw) if raw.isdigit() and 1 <= int(raw) <= pages else 1
    return ctx.render(
        "staff_audit.html",
        entries=entries,
        page_number=number,
        pages=pages,
        refusals=audit.refusal_counts(ctx.db),
    )


async def test_mails(ctx: Context) -> Response:
    """Development only: the mails the local sink caught (nothing leaves the machine)."""
    if not ctx.side.settings.development:
        return ctx.not_found()
    mails = [
        {
            "received_at": mail.received_at,
            "sender": mail.sender,
            "recipients": ", ".join(mail.recipients),
            "subject": str(mail.message["Subject"] or ""),
            "body": _plain_text(mail.message),
        }
        for mail in received_mails(ctx.side.settings.database_path, ctx.side.cipher)
    ]
    ctx.audit("view_outbox", "testmails")
    return ctx.render("staff_mails.html", mails=mails)


def _plain_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    return part.get_content() if isinstance(part, EmailMessage) else ""
