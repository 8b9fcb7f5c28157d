"""Wagtail's database search backends, taught Korean (see README, "Search").

Selected with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}``: like
``modelsearch.backends.database``, it returns the backend for the default database's vendor.
``korean.py`` holds what both share; ``sqlite.py`` and ``postgres.py`` what differs.
"""

from django.db import connection


def SearchBackend(params):
    """The Korean backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        from .postgres import KoreanPostgresSearchBackend

        return KoreanPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import KoreanSQLiteSearchBackend

        return KoreanSQLiteSearchBackend(params)
    raise NotImplementedError(
        "The Korean search backend supports SQLite and PostgreSQL; use Elasticsearch/OpenSearch "
        "with the nori analyzer elsewhere (see README, Search)."
    )
