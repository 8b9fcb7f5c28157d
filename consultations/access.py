"""Who may see what of 상담 신청, made idempotently for the data migration and the tests.

상담 담당 sees and handles the requests (personal data); 마케팅 sees counts only; 개인정보 관리자
writes the consent wording and reads the access and destruction records. Written against an app
registry so the migration (historical models) and tests after a flush share one definition.
"""

from policies.access import PRIVACY_MANAGERS

CONSULTATION_STAFF = "상담 담당"
MARKETING = "마케팅"

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
GRANTS = {
    CONSULTATION_STAFF: [
        ACCESS_ADMIN,
        ("consultations", "consultationrequest", "view_consultationrequest"),
        ("consultations", "consultationrequest", "change_consultationrequest"),
        ("consultations", "consultationrequest", "delete_consultationrequest"),
        ("consultations", "consultationrequest", "view_consultation_stats"),
        ("consultations", "destructionrecord", "view_destructionrecord"),
    ],
    MARKETING: [
        ACCESS_ADMIN,
        ("consultations", "consultationrequest", "view_consultation_stats"),
    ],
    PRIVACY_MANAGERS: [
        ACCESS_ADMIN,
        ("consultations", "consentversion", "add_consentversion"),
        ("consultations", "consentversion", "view_consentversion"),
        ("consultations", "accesslog", "view_accesslog"),
        ("consultations", "destructionrecord", "view_destructionrecord"),
    ],
}


# Names as Django would give them; the one custom permission reads in Korean in the group editor.
PERMISSION_NAMES = {"view_consultation_stats": "상담 신청 통계(건수만) 보기"}


def ensure_consultation_access(apps):
    """The three groups with their permissions on 상담 신청 (others' grants are left alone)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, grants in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, model, codename in grants:
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={
                    "name": PERMISSION_NAMES.get(codename, f"Can {codename.replace('_', ' ', 1)}")
                },
            )
            group.permissions.add(permission)
