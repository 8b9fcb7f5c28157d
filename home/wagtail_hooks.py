from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Doctor


class DoctorViewSet(SnippetViewSet):
    """의료진: editors add doctors here and order them by dragging; treatment pages pick from them."""

    model = Doctor
    icon = "user"
    menu_label = "의료진"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "specialties"]
    search_fields = ["name", "specialties"]


register_snippet(DoctorViewSet)


@hooks.register("register_scheduled_job")
def image_renditions_job():
    """Renditions for images that lack them (the seeded pictures, older uploads)."""
    from .images import prepare_missing_renditions

    return prepare_missing_renditions
