"""Business hours: the weekly table shown on 진료안내 and whether the clinic is open at a moment.

Hours are stored on ClinicSettings as one block per weekday; a weekday with no block, or one
marked closed, is a closed day. Everything is reckoned in the site's zone (TIME_ZONE, Asia/Seoul).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

WEEKDAYS = ["월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"]


@dataclass
class DayHours:
    weekday: int
    opens: datetime.time | None = None
    closes: datetime.time | None = None
    lunch_starts: datetime.time | None = None
    lunch_ends: datetime.time | None = None
    note: str = ""

    @property
    def name(self):
        return WEEKDAYS[self.weekday]

    @property
    def is_closed(self):
        return self.opens is None or self.closes is None

    @property
    def has_lunch(self):
        return self.lunch_starts is not None and self.lunch_ends is not None

    def status_at(self, moment):
        """One of "open", "lunch", "before", "after" or "closed" for a Seoul time on this day."""
        if self.is_closed:
            return "closed"
        if moment < self.opens:
            return "before"
        if moment >= self.closes:
            return "after"
        if self.has_lunch and self.lunch_starts <= moment < self.lunch_ends:
            return "lunch"
        return "open"


STATUS_LABELS = {
    "open": "지금 진료 중입니다",
    "lunch": "지금은 점심시간입니다",
    "before": "오늘 진료 시작 전입니다",
    "after": "오늘 진료가 끝났습니다",
    "closed": "오늘은 휴진일입니다",
}


@dataclass
class OpeningStatus:
    code: str
    today: DayHours

    @property
    def is_open(self):
        return self.code == "open"

    @property
    def label(self):
        return STATUS_LABELS[self.code]


def weekly_hours(stream):
    """Seven DayHours, Monday first, from the setting's stream of day blocks (the last block for a day wins)."""
    days = {weekday: DayHours(weekday) for weekday in range(7)}
    for block in stream or []:
        value = block.value
        weekday = int(value["weekday"])
        if value.get("closed"):
            days[weekday] = DayHours(weekday, note=value.get("note", ""))
            continue
        days[weekday] = DayHours(
            weekday,
            opens=value.get("opens"),
            closes=value.get("closes"),
            lunch_starts=value.get("lunch_starts"),
            lunch_ends=value.get("lunch_ends"),
            note=value.get("note", ""),
        )
    return [days[weekday] for weekday in range(7)]


def opening_status(days, now):
    """Whether the clinic is open at `now` (an aware datetime), judged on the Seoul clock."""
    local = timezone.localtime(now)
    today = days[local.weekday()]
    return OpeningStatus(today.status_at(local.time()), today)
