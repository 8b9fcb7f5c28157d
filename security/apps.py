from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Login throttling, two factors, browser policies, error pages, backups."""

    name = "security"
    verbose_name = "보안"

    def ready(self):
        from django.db.models.signals import post_save

        from home.models import ClinicSettings

        from .error_pages import rewrite_on_settings_save

        post_save.connect(
            rewrite_on_settings_save, sender=ClinicSettings, dispatch_uid="security-error-pages"
        )
