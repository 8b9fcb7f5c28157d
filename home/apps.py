from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "홈"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .cache import purge_page_cache
        from .models import ClinicSettings

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(purge_page_cache, dispatch_uid=f"purge-page-cache-{signal}")
        # A page made private (설정 › 공개 범위) must leave every cache at once, and so must a
        # page made public again (its restriction deleted).
        for model in (Page, PageViewRestriction):
            post_delete.connect(
                purge_page_cache, sender=model, dispatch_uid=f"purge-page-cache-delete-{model}"
            )
        for model in (ClinicSettings, Site, PageViewRestriction):
            post_save.connect(
                purge_page_cache, sender=model, dispatch_uid=f"purge-page-cache-{model}"
            )
