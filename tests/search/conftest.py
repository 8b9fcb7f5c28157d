import re

import pytest

from django.core.cache import caches


@pytest.fixture
def page_cache_on(settings):
    """Production's page cache, emptied before and after so no other test's pages are served."""
    settings.PAGE_CACHE_ENABLED = True
    caches[settings.CACHE_MIDDLEWARE_ALIAS].clear()
    yield
    caches[settings.CACHE_MIDDLEWARE_ALIAS].clear()


RESULT_TITLE = re.compile(r'<li>\s*<h2><a href="[^"]*">([^<]+)</a></h2>')


def result_titles(response):
    """The result titles of /search/, in order, as the visitor reads them."""
    assert response.status_code == 200
    return RESULT_TITLE.findall(response.content.decode())
