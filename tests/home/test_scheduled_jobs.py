"""The scheduler runs the apps' periodic jobs after publishing; one failing job stops nothing."""

from io import StringIO

import pytest

from django.core.management import call_command

from wagtail import hooks


@pytest.mark.django_db
def test_a_failing_job_does_not_stop_the_next_one():
    ran = []

    def broken():
        raise RuntimeError("메일 서버 없음")

    def tidy():
        ran.append("tidy")
        return "정리 3건"

    out, err = StringIO(), StringIO()
    with (
        hooks.register_temporarily("register_scheduled_job", lambda: broken),
        hooks.register_temporarily("register_scheduled_job", lambda: tidy),
    ):
        call_command("run_scheduler", "--once", stdout=out, stderr=err)
    assert ran == ["tidy"]
    assert "정리 3건" in out.getvalue()
    assert "정기 작업 실패: broken" in err.getvalue()
