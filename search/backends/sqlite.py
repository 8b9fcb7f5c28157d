"""The Korean backend on SQLite: modelsearch's FTS5 backend, storing and searching our tokens.

What it overrides of ``modelsearch.backends.database.sqlite.sqlite`` and why:
- ``SQLiteIndex.add_items``: writes ``EntryText`` (analyzed tokens) instead of raw text; the
  FTS5 table follows the entry table through modelsearch's own triggers.
- ``SQLiteIndex._refresh_title_norms``: skipped; it rescales ``title_norm`` for FTS5's bm25,
  which our ranking does not use (the column keeps each entry's version instead, see
  ``EntryText``), and would scan every entry on each save.
- The backend's ``query_compiler_class``, ``autocomplete_query_compiler_class`` and
  ``results_class``: ours (``korean.py``); the index, rebuilders and reset stay modelsearch's.
"""

from django.db.models.expressions import RawSQL

from modelsearch.backends.database.sqlite.sqlite import SQLiteIndex, SQLiteSearchBackend
from modelsearch.conf import get_app_config
from modelsearch.utils import get_content_type_pk

from .korean import (
    IndexEntry,
    KoreanAutocompleteMixin,
    KoreanSearchQueryCompiler,
    KoreanSearchResults,
    entry_texts,
)

SQLiteFTSIndexEntry = get_app_config().get_model("SQLiteFTSIndexEntry", require_ready=False)


class KoreanSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        texts = {text.id: text for text in entry_texts(model, objs)}
        if not texts:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        existing = set(entries.filter(object_id__in=texts).values_list("object_id", flat=True))
        for object_id in existing:
            text = texts[object_id]
            entries.filter(object_id=object_id).update(
                title=text.title,
                autocomplete=text.autocomplete,
                body=text.body,
                title_norm=text.version,
            )
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=get_content_type_pk(model),
                object_id=object_id,
                title=text.title,
                autocomplete=text.autocomplete,
                body=text.body,
                title_norm=text.version,
            )
            for object_id, text in texts.items()
            if object_id not in existing
        )

    def _refresh_title_norms(self, full=False):
        pass


class KoreanSQLiteSearchQueryCompiler(KoreanSearchQueryCompiler):
    text_fields = ("title", "body", "autocomplete")

    def matching_entries(self, pulls, columns):
        fts = SQLiteFTSIndexEntry._meta.db_table
        # Tokens are [0-9a-z가-힣ㄱ-ㅎ]+ only (see search.analysis), so quoting is enough.
        terms = " OR ".join(f'"{token}"*' if prefix else f'"{token}"' for token, prefix in pulls)
        match = "{" + " ".join(columns) + "}: (" + terms + ")"
        return IndexEntry.objects.filter(
            id__in=RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [match])
        )

    def read_texts(self, values):
        return values


class KoreanSQLiteAutocompleteQueryCompiler(
    KoreanAutocompleteMixin, KoreanSQLiteSearchQueryCompiler
):
    pass


class KoreanSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = KoreanSQLiteIndex
    query_compiler_class = KoreanSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = KoreanSQLiteAutocompleteQueryCompiler
    results_class = KoreanSearchResults


SearchBackend = KoreanSQLiteSearchBackend
