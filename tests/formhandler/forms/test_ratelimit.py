"""The rate limit counts per client under a daily-changing HMAC, never the IP itself."""

from __future__ import annotations

from datetime import date

from formhandler.forms.ratelimit import SubmissionLimit

TODAY = date(2026, 11, 23)


def test_the_limit_stops_a_client_after_the_allowed_count() -> None:
    limit = SubmissionLimit(2, 600)
    for _ in range(2):
        assert limit.take("192.0.2.7", TODAY)
    assert not limit.take("192.0.2.7", TODAY)
    assert limit.take("192.0.2.8", TODAY)


def test_the_client_key_hides_the_ip_and_changes_every_day() -> None:
    limit = SubmissionLimit(5, 600)
    key = limit.client_key("192.0.2.7", TODAY)
    assert "192.0.2.7" not in key and "192" not in key
    assert key == limit.client_key("192.0.2.7", TODAY)
    assert key != limit.client_key("192.0.2.7", date(2026, 11, 24))


def test_two_processes_do_not_share_keys() -> None:
    assert SubmissionLimit(5, 600).client_key("192.0.2.7", TODAY) != SubmissionLimit(
        5, 600
    ).client_key("192.0.2.7", TODAY)
