from django.apps import AppConfig


class MedicalAdsConfig(AppConfig):
    name = "medical_ads"
    verbose_name = "의료광고 검토"

    def ready(self):
        from . import signals  # noqa: F401  (records the 검토했습니다 tick with each revision)
