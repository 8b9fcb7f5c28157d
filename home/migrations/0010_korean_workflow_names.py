"""Korean names for the default moderation workflow and its task, which Wagtail's migration
0048 names "Moderators approval" (editors read it on the 게시 menu: "Submit to Moderators
approval"). Only rows still holding the English name are renamed; a name an administrator chose
is kept. The Moderators and Editors groups keep their names: Wagtail's migrations look groups up
by those names."""

from django.db import migrations

RENAMES = [
    ("wagtailcore", "Workflow", "name", "Moderators approval", "검토 후 게시"),
    ("wagtailcore", "Task", "name", "Moderators approval", "검토자 승인"),
]


def rename(apps, schema_editor, forward=True):
    for app, model, field, english, korean in RENAMES:
        old, new = (english, korean) if forward else (korean, english)
        apps.get_model(app, model).objects.filter(**{field: old}).update(**{field: new})


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0009_clinic_launch_details"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
