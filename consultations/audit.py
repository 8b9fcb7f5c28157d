"""Writing the access log: one entry per request seen, exported, changed or deleted."""

from .models import AccessLog

Action = AccessLog.Action
SCHEDULER = "(자동 파기)"


def record(user, action, numbers, detail=""):
    """Log `action` by `user` (None for the scheduler) on each request number."""
    username = user.get_username() if user is not None else SCHEDULER
    AccessLog.objects.bulk_create(
        AccessLog(
            user=user if user is not None and user.is_authenticated else None,
            username=username,
            action=action,
            request_number=number,
            detail=detail[:255],
        )
        for number in numbers
    )
