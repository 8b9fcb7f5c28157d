from django.db import migrations

from consultations.access import ensure_consultation_access


def create_groups_and_consent(apps, schema_editor):
    ensure_consultation_access(apps)
    ConsentVersion = apps.get_model("consultations", "ConsentVersion")
    if not ConsentVersion.objects.exists():
        ConsentVersion.objects.create(number=1)


def remove_staff_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="상담 담당").delete()


class Migration(migrations.Migration):
    """The 상담 담당 group, count-only access for 마케팅, the privacy managers' records, and the
    first consent wording (the model's defaults)."""

    dependencies = [
        ("consultations", "0001_initial"),
        ("home", "0004_marketing_group"),
        ("policies", "0003_privacy_managers_and_approval_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups_and_consent, remove_staff_group)]
