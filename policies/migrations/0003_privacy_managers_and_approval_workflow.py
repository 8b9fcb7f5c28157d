from django.db import migrations

from policies.access import ensure_policy_access


def create_group_and_workflow(apps, schema_editor):
    ensure_policy_access(apps, task_model="wagtailcore.GroupApprovalTask")


class Migration(migrations.Migration):
    """The 개인정보 관리자 group and the 개인정보처리방침 승인 workflow that routes policy drafts to it."""

    dependencies = [
        ("policies", "0002_policypage_change_summary_and_more"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group_and_workflow, migrations.RunPython.noop)]
