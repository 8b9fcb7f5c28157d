from django.apps import AppConfig


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = "상담 신청"

    def ready(self):
        from django.db.models.signals import post_save

        from home.cache import purge_page_cache

        from .models import ConsentVersion

        # Cached pages show the consent wording: a new version must reach the next visitor.
        post_save.connect(
            purge_page_cache, sender=ConsentVersion, dispatch_uid="purge-page-cache-consent"
        )
