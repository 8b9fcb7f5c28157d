"""The calendar rules of a policy version: Seoul dates, the go-live moment and the notice periods."""

import datetime
import zoneinfo

from django.utils import timezone

SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")
NOTICE_DAYS = 7  # the clinic's own policy promises a week's notice
UNFAVOURABLE_NOTICE_DAYS = 30  # the Korean convention for changes against the data subject


def seoul_today():
    return timezone.now().astimezone(SEOUL).date()


def go_live_moment(effective_on):
    """A version takes effect at 00:00 Seoul time on its 시행일자."""
    return datetime.datetime.combine(effective_on, datetime.time.min, tzinfo=SEOUL)


def date_rule_errors(announced_on, effective_on, unfavourable):
    """Field errors (Korean) for a version's dates, whatever the day it is checked."""
    errors = {}
    if announced_on and effective_on:
        required = UNFAVOURABLE_NOTICE_DAYS if unfavourable else NOTICE_DAYS
        if effective_on < announced_on:
            errors["effective_on"] = "시행일자는 공고일자보다 빠를 수 없습니다."
        elif (effective_on - announced_on).days < required:
            reason = "정보주체에게 불리한 변경은 " if unfavourable else ""
            errors["effective_on"] = (
                f"{reason}공고일자로부터 최소 {required}일 뒤에 시행해야 합니다. "
                f"가장 빠른 시행일자는 {format_date(announced_on + datetime.timedelta(days=required))}입니다."
            )
    return errors


def publishing_errors(announced_on, effective_on, today=None):
    """Field errors for publishing or scheduling a new version today: both dates, never backdated."""
    today = today or seoul_today()
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


def format_date(day):
    """A date as Koreans write it in notices: 2017.08.25 (empty when there is none)."""
    return f"{day:%Y.%m.%d}" if day else ""
