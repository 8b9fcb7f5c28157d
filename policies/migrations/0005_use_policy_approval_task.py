from django.db import migrations

from policies.access import APPROVAL_TASK, APPROVAL_WORKFLOW, ensure_policy_access


def swap_in_policy_task(apps, schema_editor):
    """Put the date-checking PolicyApprovalTask where 0003's plain GroupApprovalTask was.

    Reviews already waiting carry over to the new task; the old task is kept, inactive, if the
    workflow history names it, and deleted otherwise. Tasks editors added to the workflow themselves stay.
    """
    ensure_policy_access(apps)
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    PolicyApprovalTask = apps.get_model("policies", "PolicyApprovalTask")

    workflow = Workflow.objects.get(name=APPROVAL_WORKFLOW)
    new_task = PolicyApprovalTask.objects.get(name=APPROVAL_TASK)
    for old_task in GroupApprovalTask.objects.filter(name=APPROVAL_TASK):
        link = WorkflowTask.objects.filter(workflow=workflow, task_id=old_task.pk).first()
        if link is None:
            continue
        WorkflowTask.objects.filter(workflow=workflow, task_id=new_task.pk).update(
            sort_order=link.sort_order
        )
        link.delete()
        TaskState.objects.filter(task_id=old_task.pk, status="in_progress").update(
            task_id=new_task.pk
        )
        if TaskState.objects.filter(task_id=old_task.pk).exists():
            old_task.active = False
            old_task.save(update_fields=["active"])
        else:
            old_task.delete()


class Migration(migrations.Migration):
    dependencies = [("policies", "0004_policy_approval_task")]

    operations = [migrations.RunPython(swap_in_policy_task, migrations.RunPython.noop)]
