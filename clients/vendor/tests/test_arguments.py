from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from clients.vendor.arguments import parse
from clients.vendor.errors import UsageError
from clients.vendor.settings import DEFAULT_URL, settings_from

pytestmark = pytest.mark.unit

ENV = {"WICT_VENDOR_KIND": "catering", "WICT_VENDOR_ID": "caterer-cuntan-kitchen"}


def test_options_may_come_before_or_after_the_command():
    before = parse(["--kind", "catering", "--json", "list"])
    after = parse(["list", "--kind", "catering", "--json"])
    assert (before.kind, before.json, before.command) == (after.kind, after.json, after.command)
    assert (before.kind, before.json) == ("catering", True)


def test_defaults_come_from_the_environment_and_name_the_vendors_own_user():
    settings = settings_from(parse(["list"]), ENV)
    assert (settings.url, settings.user, settings.password) == (
        DEFAULT_URL,
        "vendor-catering-caterer-cuntan-kitchen",
        None,
    )
    assert settings.vendor.inbox_prefix == "_INBOX_catering_caterer-cuntan-kitchen"


def test_flags_win_over_the_environment():
    arguments = parse(
        ["--url", "nats://platform:4222", "--vendor", "caterer-jiangbei-banquet", "--user", "me", "list"]
    )
    settings = settings_from(arguments, {**ENV, "WICT_VENDOR_NATS_URL": "nats://elsewhere:4222"})
    assert (settings.url, settings.vendor.vendor_id, settings.user) == (
        "nats://platform:4222",
        "caterer-jiangbei-banquet",
        "me",
    )


def test_the_password_comes_from_a_file_or_the_environment_never_a_flag(tmp_path: Path):
    secret = tmp_path / "password"
    secret.write_text("s3cret\n")
    assert settings_from(parse(["--password-file", str(secret), "list"]), ENV).password == "s3cret"
    assert settings_from(parse(["list"]), {**ENV, "WICT_VENDOR_PASSWORD": "from-env"}).password == "from-env"
    assert "s3cret" not in repr(settings_from(parse(["--password-file", str(secret), "list"]), ENV))
    with pytest.raises(SystemExit):
        parse(["--password", "s3cret", "list"])
    with pytest.raises(UsageError, match="cannot read the password file"):
        settings_from(parse(["--password-file", str(tmp_path / "missing"), "list"]), ENV)


@pytest.mark.parametrize(
    ("environ", "says"),
    [
        ({}, "say which vendor you are"),
        ({"WICT_VENDOR_KIND": "catering"}, "say which vendor you are"),
        ({"WICT_VENDOR_KIND": "cleaning", "WICT_VENDOR_ID": "x"}, "must be one of interpreting, catering"),
        ({"WICT_VENDOR_KIND": "catering", "WICT_VENDOR_ID": "a.>"}, "only letters, digits"),
        ({"WICT_VENDOR_KIND": "catering", "WICT_VENDOR_ID": "*"}, "only letters, digits"),
    ],
)
def test_a_vendor_that_is_not_one_subject_token_is_a_usage_error(environ: dict[str, str], says: str):
    with pytest.raises(UsageError, match=says):
        settings_from(parse(["list"]), environ)


def test_decline_needs_a_reason_that_is_not_blank(capsys: pytest.CaptureFixture[str]):
    assert parse(["decline", "1c2d3e4f", "--reason", "  kitchen closed  "]).reason == "kitchen closed"
    for argv in (["decline", "1c2d3e4f"], ["decline", "1c2d3e4f", "--reason", "   "]):
        with pytest.raises(SystemExit) as exit_:
            parse(argv)
        assert exit_.value.code == 2
    assert "--reason" in capsys.readouterr().err


def test_answers_wait_ten_seconds_unless_told_and_never_a_negative_time():
    assert parse(["accept", "x"]).wait == 10.0
    assert parse(["done", "x", "--wait", "0"]).wait == 0.0
    for bad in ("-1", "nan", "soon"):
        with pytest.raises(SystemExit):
            parse(["accept", "x", "--wait", bad])


def test_list_filters_by_known_states_only():
    assert parse(["list", "--state", "accepted", "--state", "declined"]).state == ["accepted", "declined"]
    with pytest.raises(SystemExit):
        parse(["list", "--state", "lost"])


def test_no_command_is_a_usage_error():
    with pytest.raises(SystemExit) as exit_:
        parse([])
    assert exit_.value.code == 2
    assert isinstance(parse(["watch"]), argparse.Namespace)
