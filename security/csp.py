"""Content-Security-Policy per response: the site's policy, or the admin's looser one.

The policies themselves are settings (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN).
Public pages carry no inline style or script (the @font-face rules are static/css/fonts.css).
The one inline <style> block left is the static error page's, allowed by the hash of its exact
text (`style_hashes`) rather than by 'unsafe-inline' or a nonce: a nonce would be frozen into
cached copies.
"""

import base64
import hashlib
import re

from csp.middleware import CSPMiddleware

from django.conf import settings

STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)


def style_hashes(html):
    """The CSP source expressions ('sha256-…') allowing each <style> block in `html`."""
    return [
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in STYLE_BLOCK.findall(html)
    ]


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
        return parts
