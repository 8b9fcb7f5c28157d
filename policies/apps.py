from django.apps import AppConfig


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = "정책"

    def ready(self):
        from . import lifecycle

        lifecycle.connect()
