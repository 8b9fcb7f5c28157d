"""The 의료광고 검토 group (edits the rules, reads the review records) and the starting rules."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from medical_ads.rules_data import SHIPPED_RULES

GROUP = "의료광고 검토"
PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "medical_ads": ["add_rule", "change_rule", "delete_rule", "view_rule", "view_adreview"],
}


def create_group_and_rules(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, codenames in PERMISSIONS.items():
        for codename in codenames:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    Rule = apps.get_model("medical_ads", "Rule")
    for rule in SHIPPED_RULES:
        Rule.objects.get_or_create(name=rule["name"], defaults=rule)


def remove_group_and_rules(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()
    names = [rule["name"] for rule in SHIPPED_RULES]
    apps.get_model("medical_ads", "Rule").objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("medical_ads", "0001_rules_and_review_records"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group_and_rules, remove_group_and_rules)]
