"""Form tokens: signed per form, minimum fill time, maximum age, key rotation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from formhandler.forms.tokens import FormTokens, TokenRejected

SHOWN = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def tokens(keys: list[str] | None = None) -> FormTokens:
    return FormTokens(keys or ["key-one"], min_fill=timedelta(seconds=3))


def reason(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(TokenRejected) as caught:
        call()
    return caught.value.reason


def test_a_token_filled_in_at_human_speed_is_accepted() -> None:
    token = tokens().issue("mail", SHOWN)
    found = tokens().check("mail", token, SHOWN + timedelta(seconds=20))
    assert found.issued_at == SHOWN
    assert found.expires_at() == SHOWN + timedelta(hours=12)


def test_sent_faster_than_the_minimum_time_is_refused() -> None:
    token = tokens().issue("mail", SHOWN)
    assert reason(lambda: tokens().check("mail", token, SHOWN + timedelta(seconds=2))) == (
        "too_fast"
    )


def test_an_old_token_is_expired_not_forged() -> None:
    token = tokens().issue("mail", SHOWN)
    later = SHOWN + timedelta(hours=12, seconds=1)
    assert reason(lambda: tokens().check("mail", token, later)) == "expired"


def test_a_token_of_the_other_form_is_forged() -> None:
    token = tokens().issue("klacht", SHOWN)
    later = SHOWN + timedelta(seconds=20)
    assert reason(lambda: tokens().check("mail", token, later)) == "forged"


@pytest.mark.parametrize("token", ["", "abc", "eyJuIjoiMSIsInQiOjF9.bad", "x" * 500])
def test_garbage_is_forged(token: str) -> None:
    assert reason(lambda: tokens().check("mail", token, SHOWN)) == "forged"


def test_a_token_signed_with_an_unknown_key_is_forged() -> None:
    token = tokens(["someone-elses-key"]).issue("mail", SHOWN)
    assert reason(lambda: tokens().check("mail", token, SHOWN + timedelta(minutes=1))) == "forged"


def test_tokens_signed_before_a_key_rotation_stay_valid() -> None:
    token = tokens(["old"]).issue("mail", SHOWN)
    rotated = tokens(["old", "new"])
    assert rotated.check("mail", token, SHOWN + timedelta(minutes=1)).issued_at == SHOWN
    fresh = rotated.issue("mail", SHOWN)
    assert reason(lambda: tokens(["old"]).check("mail", fresh, SHOWN + timedelta(minutes=1))) == (
        "forged"
    )


def test_each_token_has_its_own_nonce() -> None:
    made = tokens()
    first = made.read("mail", made.issue("mail", SHOWN))
    second = made.read("mail", made.issue("mail", SHOWN))
    assert first.nonce != second.nonce
