"""The 마케팅 group: edits and publishes the site's content, images, doctors and clinic settings.

Page permissions are granted at the tree's root, as Wagtail's own Editors group is, because a fresh
database has no home page until load_clinic_content runs. Policies stay out of reach through
PolicyPage.permissions_for_user() (the policies app), not through this group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "마케팅"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
MODEL_PERMISSIONS = {
    "wagtailadmin": ["access_admin"],
    "home": ["add_doctor", "change_doctor", "delete_doctor", "change_clinicsettings"],
}


def create_marketing_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, codenames in MODEL_PERMISSIONS.items():
        for codename in codenames:
            group.permissions.add(permission(app_label, codename))
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission("wagtailcore", codename)
            )
    collection = Collection.objects.filter(depth=1).first()
    if collection is not None:
        for app_label, codenames in COLLECTION_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission(app_label, codename)
                )


def remove_marketing_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_clinic_details_images_doctors"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_marketing_group, remove_marketing_group)]
