"""Receiving the form: the one POST endpoint, and the token a cached page's form fetches.

A treatment page is kept in the page cache, so its form cannot carry a CSRF token (it would be
the first visitor's). Its script fetches this visitor's own token and form stamp from
`token` when they start typing. Without script, or from a page kept too long, the POST arrives
without a valid token: it is then not stored but shown back on the 상담 신청 page, with what was
typed and a fresh token, to be sent again with one click.
"""

from django.db import transaction
from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import ratelimit
from .forms import (
    MIN_FILL_SECONDS,
    ConsultationForm,
    consultation_page,
    new_form_stamp,
    seconds_since,
)
from .notifications import notify

RESEND = "보안을 위해 한 번 더 확인합니다. 입력하신 내용을 확인하신 뒤 ‘상담 신청하기’를 다시 눌러 주세요."
TOO_FAST = "입력이 너무 빨리 끝나 자동 입력으로 보였습니다. 내용을 확인하신 뒤 다시 눌러 주세요."
RATE_LIMITED = (
    "같은 곳에서 짧은 시간에 신청이 여러 번 들어와 잠시 받지 않고 있습니다. "
    "10분쯤 뒤에 다시 신청해 주시거나 전화로 문의해 주세요. 불편을 드려 죄송합니다."
)


class _CsrfCheck(CsrfViewMiddleware):
    """Django's own CSRF check, answering with the reason instead of a 403 page."""

    def _reject(self, request, reason):
        return reason


def csrf_failure(request):
    check = _CsrfCheck(lambda request: None)
    check.process_request(request)
    return check.process_view(request, None, (), {})


@csrf_exempt  # checked in the view: a failed check keeps what the visitor typed
@require_POST
def submit(request):
    page = consultation_page(request)
    if page is None:
        raise Http404("상담 신청 페이지가 없습니다.")
    form = ConsultationForm.for_request(request, data=request.POST)
    if csrf_failure(request):
        form.is_valid()  # show every other problem at the same time
        return page.render_form(request, form, notice=RESEND)
    if form.is_bot():  # looks sent, so the script learns nothing; nothing is stored
        ratelimit.count(request)
        return see_other(page.thanks_url(request))
    if not form.is_valid():
        return page.render_form(request, form)
    elapsed = seconds_since(request.POST.get("started"))
    if elapsed is None or elapsed < MIN_FILL_SECONDS:
        return page.render_form(request, form, notice=TOO_FAST)
    if ratelimit.is_limited(request):
        return page.render_form(request, form, notice=RATE_LIMITED, status=429)
    with transaction.atomic():
        consultation = form.save()
    ratelimit.count(request)
    notify([consultation])
    return see_other(page.thanks_url(request))


def see_other(url):
    """303: the browser fetches the thank-you page with GET; a reload never sends the form again."""
    response = redirect(url)
    response.status_code = 303
    return response


@never_cache
@require_GET
def token(request):
    """This visitor's CSRF token (the cookie comes with it) and the moment they started."""
    return JsonResponse({"csrf": get_token(request), "started": new_form_stamp()})
