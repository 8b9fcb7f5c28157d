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
