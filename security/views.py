import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render

from .csp import style_hashes
from .error_pages import error_page


def server_error(request):
    """handler500: a database that cannot be reached is 503 (try again soon), anything else 500.

    Reads a file and nothing else: no database, no cache, no template context processors.
    """
    error = sys.exc_info()[1]
    unavailable = isinstance(error, (OperationalError, InterfaceError))
    html = error_page("503" if unavailable else "500")
    response = HttpResponse(html, status=503 if unavailable else 500)
    if unavailable:
        response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    # The page carries its own <style>, allowed by hash like the site's font block.
    response._csp_update = {"style-src": style_hashes(html)}
    return response


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer: 429 with the reason in Korean and whom to ask."""
    from axes.helpers import get_cool_off, get_failure_limit

    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cooloff_minutes": int(cool_off.total_seconds() // 60) if cool_off else None,
    }
    return render(request, "security/locked_out.html", context, status=429)
