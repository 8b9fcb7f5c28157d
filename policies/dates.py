"""The calendar rules of a policy version: the go-live moment and the notice periods.

Plain functions of the dates (no models), shared by the editor's form and the approval task.
"Today" is `timezone.localdate()`: TIME_ZONE is Asia/Seoul.
"""

import datetime

from django.utils import timezone

from home.text import format_date

NOTICE_DAYS = 7  # the clinic's own policy promises a week's notice
UNFAVOURABLE_NOTICE_DAYS = 30  # the Korean convention for changes against the data subject


def go_live_moment(effective_on):
    """A version takes effect at 00:00 Seoul time on its 시행일자."""
    return datetime.datetime.combine(
        effective_on, datetime.time.min, tzinfo=timezone.get_default_timezone()
    )


def date_rule_errors(announced_on, effective_on, unfavourable):
    """Field errors (Korean) for a version's dates, whatever the day it is checked."""
    errors = {}
    if announced_on and effective_on:
        required = UNFAVOURABLE_NOTICE_DAYS if unfavourable else NOTICE_DAYS
        if effective_on < announced_on:
            errors["effective_on"] = "시행일자는 공고일자보다 빠를 수 없습니다."
        elif (effective_on - announced_on).days < required:
            reason = "정보주체에게 불리한 변경은 " if unfavourable else ""
            earliest = format_date(announced_on + datetime.timedelta(days=required))
            errors["effective_on"] = (
                f"{reason}공고일자로부터 최소 {required}일 뒤에 시행해야 합니다. "
                f"가장 빠른 시행일자는 {earliest}입니다."
            )
    return errors


def publishing_errors(announced_on, effective_on, today=None):
    """Field errors for publishing or scheduling a new version today: both dates, never backdated."""
    today = today or timezone.localdate()
    errors = {}
    if not announced_on:
        errors["announced_on"] = "새 판을 게시하려면 공고일자를 입력하세요."
    elif announced_on < today:
        errors["announced_on"] = (
            f"공고일자({format_date(announced_on)})가 이미 지났습니다. 공고는 소급할 수 없으니 "
            f"오늘({format_date(today)}) 이후의 날짜로 정하세요."
        )
    if not effective_on:
        errors["effective_on"] = "새 판을 게시하려면 시행일자를 입력하세요."
    return errors


def version_errors(announced_on, effective_on, unfavourable, *, making_public, on_record):
    """All field errors for a version's dates.

    A version already on record (such as the 2017 one) is history: its date rules stand as they
    were. Making a version public (publishing, scheduling, submitting or approving it) also needs
    both dates and an announcement that has not passed.
    """
    errors = {} if on_record else date_rule_errors(announced_on, effective_on, unfavourable)
    if making_public:
        errors = {**publishing_errors(announced_on, effective_on), **errors}
    return errors
