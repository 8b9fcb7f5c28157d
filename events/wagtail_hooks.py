from wagtail import hooks

from .jobs import end_finished_events


@hooks.register("register_scheduled_job")
def register_end_finished_events():
    return end_finished_events
