"""Content-Security-Policy per response: the site's policy, or the admin's looser one.

The policies themselves are settings (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN).
What this adds is the one inline <style> block every public page carries, the @font-face rules
(templates/includes/font_faces.html), allowed by the hash of its exact text rather than by
'unsafe-inline' or a nonce: a nonce would be frozen into the page cache's copies.
"""

import base64
import functools
import hashlib
import logging
import re

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
INLINE_STYLE_TEMPLATES = ["includes/font_faces.html"]


def style_hashes(html):
    """The CSP source expressions ('sha256-…') allowing each <style> block in `html`."""
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in STYLE_BLOCK.findall(html)
    ]


@functools.cache
def site_style_hashes():
    """Rendered once per process: the blocks only change with a deploy (their static URLs)."""
    return [h for name in INLINE_STYLE_TEMPLATES for h in style_hashes(render_to_string(name))]


def page_style_hashes(response):
    """The site's hashes for a page rendered from base.html; none for the static error pages,
    which must answer even when the templates' static files cannot be resolved."""
    if response.status_code >= 500:
        return []
    try:
        return site_style_hashes()
    except Exception:  # a missing static manifest must cost the fonts, never the page
        logger.exception("cannot hash the inline style blocks")
        return []


def is_admin(request):
    return request.path_info.startswith("/admin/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the admin's policy for /admin/ (and so the preview)."""

    def process_response(self, request, response):
        if is_admin(request):
            # Wagtail renders a preview through the whole middleware chain again, for the page's
            # own path; that inner response carries the site's policy (frame-ancestors 'none'),
            # which would stop the editor's preview frame. The admin request's policy wins.
            response.headers.pop("Content-Security-Policy", None)
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if is_admin(request):
            parts.replace = {**settings.CONTENT_SECURITY_POLICY_ADMIN, **(parts.replace or {})}
        else:
            update = dict(parts.update or {})
            update["style-src"] = [*page_style_hashes(response), *update.get("style-src", [])]
            parts.update = update
        return parts
