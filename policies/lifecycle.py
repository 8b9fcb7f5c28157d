"""What happens when a policy version is scheduled, goes live or is withdrawn — on every path.

Wagtail makes a version public through PublishPageRevisionAction, which the editor's 게시 button
calls directly, and through Page.publish(), which workflow approval (editor and dashboard), the
bulk 게시 action, revision.publish() and the scheduler call. No single method sees them all, so
the lifecycle listens where Wagtail guarantees to pass, whichever path it is:

1. **Scheduled** — the revision is saved with `approved_go_live_at` set (Wagtail does this for
   every future go-live): the change is announced with a 공지사항 under /notices/, titled with
   the 시행일자, dated and published (by Wagtail's own scheduling) on the 공고일자 at 00:00;
   notices of schedules it replaced that were never shown are withdrawn.
2. **Schedule cancelled** — the same field saved empty (Wagtail's 예약 게시 취소): the notice
   goes too if it has not been shown; a notice already shown stays, as the public record it is.
3. **Live** — `page_published`: the version is copied into its permanent PolicyVersion, with who
   scheduled or published it.

Who acted is read from Wagtail's own log, which every admin path writes: the reviewer who
approved the revision, else the editor who scheduled it, else the revision's author. The date
rules that decide whether a version may be made public at all live in policies/dates.py; the
admin paths that could skip the editor's form (the dashboard's 승인, the bulk 게시) check them in
PolicyApprovalTask and in policies/wagtail_hooks.py.
"""

from html import escape

from django.apps import apps
from django.db.models.signals import post_save

from wagtail.models import Page, PageLogEntry, Revision, Workflow, WorkflowPage
from wagtail.signals import page_published

from home.text import format_date, format_long_date, with_particle

from .access import APPROVAL_WORKFLOW
from .dates import go_live_moment


def connect():
    from .models import PolicyPage

    post_save.connect(schedule_changed, sender=Revision, dispatch_uid="policies.schedule_changed")
    page_published.connect(version_went_live, dispatch_uid="policies.version_went_live")
    post_save.connect(
        assign_approval_workflow, sender=PolicyPage, dispatch_uid="policies.assign_workflow"
    )


def policy_of(revision):
    from .models import PolicyPage

    model = revision.content_type.model_class()
    if model is None or not issubclass(model, PolicyPage):
        return None
    return PolicyPage.objects.filter(pk=revision.object_id).first()


def schedule_changed(sender, instance, update_fields=None, raw=False, **kwargs):
    """A revision's go-live moment was set (scheduled) or cleared (schedule cancelled)."""
    if raw or not update_fields or "approved_go_live_at" not in update_fields:
        return
    page = policy_of(instance)
    if page is None:
        return
    if instance.approved_go_live_at is None:
        withdraw_unshown_notices(page)
    else:
        announce(page, instance.as_object(), user=acting_user(instance))


def version_went_live(sender, instance, revision, **kwargs):
    """Every policy revision that goes live becomes a permanent PolicyVersion."""
    from .models import PolicyPage, PolicyVersion

    if not isinstance(instance, PolicyPage) or instance.live_revision_id != revision.pk:
        return
    go_live_at = instance.go_live_at
    # It waited for its time: created before the go-live moment that has now come.
    scheduled = bool(go_live_at and revision.created_at < go_live_at)
    PolicyVersion.record(instance, revision, user=acting_user(revision), scheduled=scheduled)


def acting_user(revision):
    """Who made this revision public: the reviewer who approved it, else the editor who
    scheduled it (the scheduler itself acts for nobody), else whoever saved it."""
    entry = (
        PageLogEntry.objects.filter(
            revision=revision,
            action__in=("wagtail.workflow.approve", "wagtail.publish.schedule"),
            user__isnull=False,
        )
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )
    return entry.user if entry else revision.user


def assign_approval_workflow(sender, instance, created, raw=False, **kwargs):
    """Policy pages go through 개인정보처리방침 승인 wherever they sit in the tree."""
    if raw or not created:
        return
    workflow = Workflow.objects.filter(name=APPROVAL_WORKFLOW, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow})


# -- the 공지사항 -------------------------------------------------------------------------


def notice_index():
    return apps.get_model("home", "NoticeIndexPage").objects.first()


def notice_slug(page, version):
    return f"{page.slug}-{version.effective_on:%Y%m%d}"


def notice_title(page, version):
    return f"{page.title} 개정 안내 ({format_date(version.effective_on)} 시행)"


def announce(page, version, user=None):
    """The notice of a scheduled version, made once and published by Wagtail on its 공고일자;
    unshown notices of the schedules it replaced are withdrawn."""
    index = notice_index()
    if index is None or not version.announced_on or not version.effective_on:
        return None
    slug = notice_slug(page, version)
    withdraw_unshown_notices(page, keep=slug)
    if Page.objects.child_of(index).filter(slug=slug).exists():
        return None
    notice = apps.get_model("home", "NoticePage")(
        title=notice_title(page, version),
        slug=slug,
        summary=(version.change_summary or "")[:300],
        published_on=version.announced_on,
        body=[{"type": "paragraph", "value": notice_body(page, version)}],
        go_live_at=go_live_moment(version.announced_on),
        show_in_menus=False,
        owner=user,
    )
    index.add_child(instance=notice)
    # Wagtail publishes it now if the 공고일자 is today, else schedules it for 00:00 that day.
    notice.save_revision(user=user, log_action=False).publish(user=None)
    return notice


def notice_body(page, version):
    url = page.url or ""
    title = escape(page.title)
    and_particle = with_particle(page.title, "과/와")[len(page.title) :]
    paragraphs = [
        (
            f"{escape(with_particle(page.title, '이/가'))} 개정되어 "
            f"{format_long_date(version.effective_on)}부터 시행됩니다."
        ),
        escape(version.change_summary or ""),
        (
            f'개정 전문과 신구대조표는 <a href="{url}upcoming/">개정 예정 {title}</a>{and_particle} '
            f'<a href="{url}compare/?to=upcoming">신구대조표</a>에서 볼 수 있습니다.'
        ),
    ]
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs if paragraph)


def withdraw_unshown_notices(page, keep=None):
    """Delete the notices of this policy's schedules that were replaced or cancelled before
    their 공고일자 came; a notice already shown stays, as the public record it has become."""
    index = notice_index()
    if index is None:
        return
    unshown = Page.objects.child_of(index).filter(
        slug__startswith=f"{page.slug}-", live=False, first_published_at__isnull=True
    )
    for notice in unshown.exclude(slug=keep or ""):
        notice.delete()
