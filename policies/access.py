"""The 개인정보 관리자 group and the 개인정보처리방침 승인 workflow, made idempotently.

Written against an app registry so the data migration (historical models) and the tests
(after a transactional flush) share one definition.
"""

PRIVACY_MANAGERS = "개인정보 관리자"
APPROVAL_WORKFLOW = "개인정보처리방침 승인"
APPROVAL_TASK = "개인정보 관리자 승인"


def ensure_policy_access(apps, task_model="policies.PolicyApprovalTask"):
    """The group, its page permissions, and the workflow whose one task is `task_model`
    (migration 0003 predates PolicyApprovalTask and made a plain GroupApprovalTask)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    TaskModel = apps.get_model(task_model)

    group, _ = Group.objects.get_or_create(name=PRIVACY_MANAGERS)
    admin_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_type,
        codename="access_admin",
        defaults={"name": "Can access Wagtail admin"},
    )
    group.permissions.add(access_admin)
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        for codename in ("change_page", "publish_page"):
            permission, _ = Permission.objects.get_or_create(
                content_type=page_type,
                codename=codename,
                defaults={"name": f"Can {codename.split('_')[0]} page"},
            )
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)

    task_type, _ = ContentType.objects.get_or_create(
        app_label=TaskModel._meta.app_label, model=TaskModel._meta.model_name
    )
    task = TaskModel.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        task = TaskModel.objects.create(name=APPROVAL_TASK, content_type=task_type, active=True)
    task.groups.add(group)
    workflow, _ = Workflow.objects.get_or_create(name=APPROVAL_WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    policy_type = ContentType.objects.filter(app_label="policies", model="policypage").first()
    if policy_type is not None:
        for page in Page.objects.filter(content_type=policy_type):
            WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    return group, workflow
