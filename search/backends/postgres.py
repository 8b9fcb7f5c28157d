"""The Korean backend on PostgreSQL: modelsearch's backend, storing and searching our tokens.

What it overrides of ``modelsearch.backends.database.postgres.postgres`` and why:
- ``PostgresIndex.add_items``: writes ``EntryText`` (analyzed tokens) as ``simple``-config
  tsvectors (no stemming: the analyzer already did it), and the token texts in ``title_text``
  and ``body_text`` for ranking in Python. The entry has no plain autocomplete text column, so
  ``title_text`` keeps the autocomplete text on a second line.
- ``PostgresIndex._refresh_title_norms``: skipped; ``title_norm`` weights modelsearch's
  ts_rank, which our ranking does not use (the column keeps each entry's version instead, see
  ``EntryText``), and would scan every entry on each save.
- The backend's ``query_compiler_class``, ``autocomplete_query_compiler_class`` and
  ``results_class``: ours (``korean.py``); the index, rebuilders and reset stay modelsearch's.
"""

from django.contrib.postgres.search import SearchQuery
from django.db.models import Q

from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend
from modelsearch.utils import get_content_type_pk

from .korean import (
    IndexEntry,
    KoreanAutocompleteMixin,
    KoreanSearchQueryCompiler,
    KoreanSearchResults,
    entry_texts,
)

AUTOCOMPLETE_LINE = "\n"


class KoreanPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        texts = entry_texts(model, objs)
        if not texts:
            return
        content_type_pk = get_content_type_pk(model)
        rows, params = [], []
        vector = "to_tsvector('simple', %s)"
        for text in texts:
            rows.append(f"(%s, %s, {vector}, {vector}, {vector}, %s, %s, %s)")
            params += [
                content_type_pk,
                text.id,
                text.title,
                text.autocomplete,
                text.body,
                text.version,
                text.title + AUTOCOMPLETE_LINE + text.autocomplete,
                text.body,
            ]
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {IndexEntry._meta.db_table} "
                "(content_type_id, object_id, title, autocomplete, body, title_norm, "
                "title_text, body_text) VALUES "
                + ", ".join(rows)
                + " ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                "title = EXCLUDED.title, autocomplete = EXCLUDED.autocomplete, "
                "title_norm = EXCLUDED.title_norm, "
                "body = EXCLUDED.body, title_text = EXCLUDED.title_text, "
                "body_text = EXCLUDED.body_text",
                params,
            )

    def _refresh_title_norms(self, full=False):
        pass


class KoreanPostgresSearchQueryCompiler(KoreanSearchQueryCompiler):
    def matching_entries(self, pulls, columns):
        # Tokens are [0-9a-z가-힣ㄱ-ㅎ]+ only (see search.analysis), so quoting is enough.
        tsquery = " | ".join(f"'{token}':*" if prefix else f"'{token}'" for token, prefix in pulls)
        query = SearchQuery(tsquery, search_type="raw", config="simple")
        match = Q()
        for column in columns:
            match |= Q(**{column: query})
        return IndexEntry.objects.filter(match)

    text_fields = ("title_text", "body_text")

    def read_texts(self, values):
        title, _, autocomplete = values[0].partition(AUTOCOMPLETE_LINE)
        return title, values[1], autocomplete


class KoreanPostgresAutocompleteQueryCompiler(
    KoreanAutocompleteMixin, KoreanPostgresSearchQueryCompiler
):
    pass


class KoreanPostgresSearchBackend(PostgresSearchBackend):
    index_class = KoreanPostgresIndex
    query_compiler_class = KoreanPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = KoreanPostgresAutocompleteQueryCompiler
    results_class = KoreanSearchResults


SearchBackend = KoreanPostgresSearchBackend
