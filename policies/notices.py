"""The 공지사항 that announces a scheduled policy change, published by Wagtail on the 공고일자."""

from html import escape

from django.apps import apps

from wagtail.models import Page

from home.korean import particle, with_particle

from .dates import go_live_moment, seoul_today


def notice_slug(page, version):
    return f"{page.slug}-{version.effective_on:%Y%m%d}"


def announce_change(page, revision, user=None):
    """Create (once) the notice of the scheduled version; drop notices of schedules it replaced
    that were never shown."""
    NoticeIndexPage = apps.get_model("home", "NoticeIndexPage")
    NoticePage = apps.get_model("home", "NoticePage")
    index = NoticeIndexPage.objects.first()
    version = revision.as_object()
    if index is None or not version.announced_on or not version.effective_on:
        return None
    slug = notice_slug(page, version)
    withdraw_unshown_notices(page, keep=slug)
    if Page.objects.child_of(index).filter(slug=slug).exists():
        return None
    url = page.url or ""
    paragraphs = [
        (
            f"{escape(with_particle(page.title, '이/가'))} 개정되어 "
            f"{version.effective_on:%Y년 %-m월 %-d일}부터 시행됩니다."
        ),
        escape(version.change_summary),
        (
            f'개정 전문과 신구대조표는 <a href="{url}upcoming/">개정 예정 {escape(page.title)}</a>'
            f"{particle(page.title, '과/와')} "
            f'<a href="{url}compare/?to=upcoming">신구대조표</a>에서 볼 수 있습니다.'
        ),
    ]
    notice = NoticePage(
        title=f"{page.title} 개정 안내 ({version.effective_on:%Y.%m.%d} 시행)",
        slug=slug,
        summary=(version.change_summary or "")[:300],
        published_on=version.announced_on,
        body=[{"type": "paragraph", "value": "".join(f"<p>{p}</p>" for p in paragraphs if p)}],
        go_live_at=go_live_moment(version.announced_on)
        if version.announced_on > seoul_today()
        else None,
        show_in_menus=False,
        owner=user,
    )
    index.add_child(instance=notice)
    notice.save_revision(user=user, log_action=False).publish(user=None)
    return notice


def withdraw_unshown_notices(page, keep=None):
    """Delete the notices of this policy's schedules that were replaced or cancelled before
    their 공고일자 came; a notice already shown stays, as the public record it has become."""
    NoticeIndexPage = apps.get_model("home", "NoticeIndexPage")
    index = NoticeIndexPage.objects.first()
    if index is None:
        return
    unshown = Page.objects.child_of(index).filter(
        slug__startswith=f"{page.slug}-", live=False, first_published_at__isnull=True
    )
    for notice in unshown.exclude(slug=keep or ""):
        notice.delete()
