from wagtail import hooks
from wagtail.admin.ui.components import Component
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


class LaunchReadinessPanel(Component):
    """사이트 공개 준비: the dashboard list of what a real launch still needs (home.launch)."""

    name = "launch_readiness"
    template_name = "home/admin/launch_readiness.html"
    order = 50  # above Wagtail's own panels: it is the editor's to-do list before launch

    def get_context_data(self, parent_context):
        from .launch import launch_items

        context = super().get_context_data(parent_context)
        items = launch_items()
        context["items"] = items
        context["blocking"] = [item for item in items if item.blocks_launch]
        context["warnings"] = [item for item in items if item.status == "warning"]
        return context


@hooks.register("construct_homepage_panels")
def add_launch_readiness_panel(request, panels):
    """Shown to those who can fix most of it: editors of 병원 정보 (the 마케팅 group, admins)."""
    if request.user.has_perm("home.change_clinicsettings"):
        panels.append(LaunchReadinessPanel())
