import pytest

pytestmark = pytest.mark.django_db


def test_editors_get_wagtails_accessibility_checker_on_every_page(client, django_user_model):
    editor = django_user_model.objects.create_superuser("a11y", "a@example.com", "pw")
    client.force_login(editor)
    html = client.get("/lifting/ulthera/").content.decode()
    assert "<wagtail-userbar" in html
    assert "checker-axe-configuration" in html  # the content checker (axe) item of the userbar


def test_visitors_get_no_editor_tools(client):
    assert "<wagtail-userbar" not in client.get("/lifting/ulthera/").content.decode()
