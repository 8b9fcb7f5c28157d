"""Wagtail's database search backends, taught Korean.

Selected with ``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}``, so
``Page.objects.live().public().search(q)`` (and the admin's search) goes through it.

Indexing stores the analyzer's tokens (``search.analysis.index_tokens``) instead of raw text:
in SQLite's FTS5 table and, on PostgreSQL, in ``simple``-config tsvectors plus the plain token
text. Searching asks the database's full-text index for every entry holding ANY of the query's
weighted terms, then ranks those candidates in Python from the stored tokens with one formula,
so SQLite and PostgreSQL return the same results in the same order.
"""

import functools
import math
from collections import Counter

from django.db import connection
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.encoding import force_str

from modelsearch.backends.base import BaseSearchResults
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .analysis import index_tokens, query_terms

# Fields indexed and ranked like the title: a treatment's English name or common misspelling
# is as good a match as its Korean title.
TITLE_FIELDS = ("title", "alternative_names")
TITLE_SEPARATOR = " | "
MAX_TERMS = 40
STRONG_WEIGHT = 0.9

TITLE_HIT = 3.0
TITLE_COVERAGE = 4.0
EXACT_TITLE = 6.0


def field_text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(field_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(field_text(item) for item in value.values())
    return force_str(value) if value is not None else ""


class KoreanIndexer:
    """The analyzed token strings of one object, in the index entry's three columns."""

    def __init__(self, obj):
        self.obj = obj
        self.title_texts, self.other_title_texts, self.body_texts, self.autocomplete_texts = (
            [],
            [],
            [],
            [],
        )
        for field in obj.get_search_fields():
            self.collect(obj, field, top_level=True)

    def collect(self, obj, field, top_level=False):
        if isinstance(field, SearchField):
            text = field_text(field.get_value(obj))
            if top_level and field.field_name == "title":
                self.title_texts.append(text)
            elif top_level and field.field_name in TITLE_FIELDS:
                self.other_title_texts.append(text)
            else:
                self.body_texts.append(text)
        elif isinstance(field, AutocompleteField):
            self.autocomplete_texts.append(field_text(field.get_value(obj)))
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                return
            if hasattr(related, "all"):
                related = related.all()
            elif callable(related):
                related = [related()]
            else:
                related = [related]
            for sub_obj in related:
                for sub_field in field.fields:
                    self.collect(sub_obj, sub_field)

    @staticmethod
    def tokens(texts):
        return " ".join(token for text in texts for token in index_tokens(text))

    @property
    def id(self):
        return force_str(self.obj.pk)

    @property
    def title(self):
        # The page's own title comes first, so ranking can tell it from alternative names.
        return self.tokens(self.title_texts) + TITLE_SEPARATOR + self.tokens(self.other_title_texts)

    @property
    def body(self):
        return self.tokens(self.body_texts)

    @property
    def autocomplete(self):
        return self.tokens(self.autocomplete_texts)


def query_text(query):
    """The words of a modelsearch query object, whatever operators wrap them."""
    if isinstance(query, PlainText | Phrase | Fuzzy):
        return query.query_string
    if isinstance(query, Boost):
        return query_text(query.subquery)
    if isinstance(query, And | Or):
        return " ".join(query_text(sub) for sub in query.subqueries)
    return ""  # Not(...) excludes words; it adds none to look for.


def rank(terms, candidates, total):
    """Score candidate entries ``(object_id, title_tokens, body_tokens)``; best first.

    One formula for both databases: each term's weight times its rarity (idf over the index),
    a hit in the title (or alternative names) worth more than body hits, plus how much of the
    page's own title the query covers, so "리프팅 종류" puts the 리프팅 section first.
    """
    padded_terms = {t: f" {t} " for t in terms}
    documents = []
    document_frequency = Counter()
    for object_id, title, body in candidates:
        own_title, _, other_title = (title or "").partition(TITLE_SEPARATOR.strip())
        own_tokens = own_title.split()
        title_tokens = set(own_tokens)
        title_tokens.update(other_title.split())
        body = f" {body or ''} "
        # str.count on the padded text is far cheaper than splitting every body into tokens.
        hits = {}
        for term, padded in padded_terms.items():
            tf = body.count(padded)
            if tf or term in title_tokens:
                hits[term] = (term in title_tokens, tf)
        document_frequency.update(hits.keys())
        documents.append((object_id, own_tokens, hits))

    idf = {t: math.log(1 + total / (1 + document_frequency[t])) for t in terms}
    best_idf = max(idf.values())
    ranked = []
    for object_id, own_tokens, hits in documents:
        score = 0.0
        for term, (in_title, tf) in hits.items():
            score += terms[term] * idf[term] * ((TITLE_HIT if in_title else 0.0) + tf / (tf + 1.5))
        if own_tokens:
            own = set(own_tokens)
            covered = sum(1 for t in own if t in terms) / len(own)
            score += TITLE_COVERAGE * covered * covered * best_idf
            if covered == 1.0:
                score += EXACT_TITLE
        ranked.append((score, object_id))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return ranked


def synonym_map():
    from .models import SearchSynonym  # the app registry is ready by query time

    return SearchSynonym.as_map()


class KoreanSearchCompilerMixin:
    """Candidates from the database's full-text index, ranked by ``rank``."""

    _ranked = None

    def get_terms(self):
        terms = query_terms(query_text(self.query), synonym_map())
        # Bound the work for long queries: keep the heaviest terms.
        return dict(sorted(terms.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS])

    def ranked_ids(self):
        """[(score, pk)] of the queryset's objects that match, best first (cached)."""
        if self._ranked is None:
            self._ranked = self._compute_ranked()
        return self._ranked

    def _compute_ranked(self):
        terms = self.get_terms()
        if not terms:
            return []
        content_types = list(get_descendants_content_types_pks(self.queryset.model))
        # Only objects the queryset allows (live, public, in a section …), in the same query.
        allowed_sql, allowed_params = (
            self.queryset.order_by()
            .annotate(_search_id=Cast("pk", TextField()))
            .values("_search_id")
            .query.sql_with_params()
        )
        # Weak words (가격, 시술, 효과 …) only add to the score of pages a real word found;
        # they would otherwise make nearly every page a candidate.
        strong = sorted(t for t, weight in terms.items() if weight >= STRONG_WEIGHT) or sorted(
            terms
        )
        total, candidates = self.fetch_candidates(
            strong, content_types, (allowed_sql, allowed_params), self.title_only()
        )
        if not candidates:
            return []
        to_pk = self.queryset.model._meta.pk.to_python
        candidates = [(to_pk(object_id), title, body) for object_id, title, body in candidates]
        return rank(terms, candidates, total)

    def title_only(self):
        """``.search(q, fields=["title"])`` (suggestions) matches and ranks on titles alone."""
        return self.fields is not None and set(self.fields) <= set(TITLE_FIELDS)

    def fetch_ordered(self, start, stop, score_field=None):
        ranked = self.ranked_ids()[start:stop]
        if not self.order_by_relevance:
            pks = [pk for _, pk in self.ranked_ids()]
            queryset = self.queryset.filter(pk__in=pks)
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return list(queryset[start:stop])
        objects = {obj.pk: obj for obj in self.queryset.filter(pk__in=[pk for _, pk in ranked])}
        results = []
        for score, pk in ranked:
            obj = objects.get(pk)
            if obj is not None:
                if score_field:
                    setattr(obj, score_field, score)
                results.append(obj)
        return results


class KoreanAutocompleteMixin:
    """``.autocomplete(q)`` (the admin's choosers): the same analysis, on titles and
    alternative names only."""

    def get_search_fields_for_model(self):
        return self.queryset.model.get_autocomplete_search_fields()

    def title_only(self):
        return True


class KoreanSearchResults(BaseSearchResults):
    def _do_search(self):
        if isinstance(self.query_compiler.query, MatchAll):
            return list(self.query_compiler.queryset[self.start : self.stop])
        return self.query_compiler.fetch_ordered(self.start, self.stop, self._score_field)

    def _do_count(self):
        if isinstance(self.query_compiler.query, MatchAll):
            return self.query_compiler.queryset.count()
        return len(self.query_compiler.ranked_ids()[self.start : self.stop])


def korean_indexers(model, objs):
    """What both backends' add_items index: one KoreanIndexer per object of a searchable model."""
    if not model.get_search_fields():
        return []
    return [KoreanIndexer(obj) for obj in objs]


def fetch_candidates(entry_model, sql, params):
    """Run a backend's candidate query: (total indexed entries, [(object_id, title, body), …])."""
    from django.db import connections, router

    with connections[router.db_for_read(entry_model)].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return (rows[0][3] if rows else 0), [row[:3] for row in rows]


@functools.cache
def sqlite_backend():
    from modelsearch.backends.database.sqlite import sqlite

    IndexEntry, SQLiteFTSIndexEntry = sqlite.IndexEntry, sqlite.SQLiteFTSIndexEntry

    class KoreanSQLiteIndex(sqlite.SQLiteIndex):
        def add_items(self, model, objs):
            indexers = korean_indexers(model, objs)
            if not indexers:
                return
            content_type_pk = sqlite.get_content_type_pk(model)
            data = {i.id: (i.title, i.autocomplete, i.body) for i in indexers}
            entries = self.entries.filter(content_type_id=content_type_pk)
            existing = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
            for object_id in existing:
                title, autocomplete, body = data[object_id]
                entries.filter(object_id=object_id).update(
                    title=title, autocomplete=autocomplete, body=body
                )
            self.entries.bulk_create(
                IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in existing
            )
            self._refresh_title_norms()

    class KoreanSQLiteQueryCompiler(KoreanSearchCompilerMixin, sqlite.SQLiteSearchQueryCompiler):
        def fetch_candidates(self, terms, content_types, allowed, title_only):
            fts = SQLiteFTSIndexEntry._meta.db_table
            entries = IndexEntry._meta.db_table
            columns = "{title}" if title_only else "{title body}"
            # Terms are [0-9a-z가-힣]+ only (see analysis.WORD_RE), so quoting is enough.
            match = columns + ": (" + " OR ".join(f'"{t}"' for t in terms) + ")"
            types = ", ".join(["%s"] * len(content_types))
            body = "''" if title_only else "e.body"
            sql = (
                f"SELECT e.object_id, e.title, {body}, "
                f"(SELECT COUNT(*) FROM {entries} WHERE content_type_id IN ({types})) "
                f"FROM {fts} JOIN {entries} e ON e.id = {fts}.rowid "
                f"WHERE {fts} MATCH %s AND e.content_type_id IN ({types}) "
                f"AND e.object_id IN ({allowed[0]})"
            )
            params = [*content_types, match, *content_types, *allowed[1]]
            return fetch_candidates(IndexEntry, sql, params)

    class KoreanSQLiteAutocompleteCompiler(KoreanAutocompleteMixin, KoreanSQLiteQueryCompiler):
        pass

    class KoreanSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
        index_class = KoreanSQLiteIndex
        query_compiler_class = KoreanSQLiteQueryCompiler
        autocomplete_query_compiler_class = KoreanSQLiteAutocompleteCompiler
        results_class = KoreanSearchResults

    return KoreanSQLiteSearchBackend


@functools.cache
def postgres_backend():
    from modelsearch.backends.database.postgres import postgres

    IndexEntry = postgres.IndexEntry

    class KoreanPostgresIndex(postgres.PostgresIndex):
        def add_items(self, model, objs):
            indexers = korean_indexers(model, objs)
            if not indexers:
                return
            content_type_pk = postgres.get_content_type_pk(model)
            rows, params = [], []
            for i in indexers:
                title, body = i.title, i.body
                rows.append(
                    "(%s, %s, to_tsvector('simple', %s), to_tsvector('simple', %s), "
                    "to_tsvector('simple', %s), 1.0, %s, %s)"
                )
                params += [content_type_pk, i.id, title, i.autocomplete, body, title, body]
            with self.write_connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {IndexEntry._meta.db_table} "
                    "(content_type_id, object_id, title, autocomplete, body, title_norm, "
                    "title_text, body_text) VALUES "
                    + ", ".join(rows)
                    + " ON CONFLICT (content_type_id, object_id) DO UPDATE SET "
                    "title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete, "
                    "body = EXCLUDED.body, title_text = EXCLUDED.title_text, "
                    "body_text = EXCLUDED.body_text",
                    params,
                )
            self._refresh_title_norms()

    class KoreanPostgresQueryCompiler(
        KoreanSearchCompilerMixin, postgres.PostgresSearchQueryCompiler
    ):
        def fetch_candidates(self, terms, content_types, allowed, title_only):
            # Terms are [0-9a-z가-힣]+ only (see analysis.WORD_RE), so quoting is enough.
            tsquery = " | ".join(f"'{t}'" for t in terms)
            entries = IndexEntry._meta.db_table
            types = ", ".join(["%s"] * len(content_types))
            body = "''" if title_only else "body_text"
            matches = "title @@ q" if title_only else "(title @@ q OR body @@ q)"
            sql = (
                f"SELECT object_id, title_text, {body}, "
                f"(SELECT COUNT(*) FROM {entries} WHERE content_type_id IN ({types})) "
                f"FROM {entries}, to_tsquery('simple', %s) q "
                f"WHERE content_type_id IN ({types}) AND {matches} "
                f"AND object_id IN ({allowed[0]})"
            )
            params = [*content_types, tsquery, *content_types, *allowed[1]]
            return fetch_candidates(IndexEntry, sql, params)

    class KoreanPostgresAutocompleteCompiler(KoreanAutocompleteMixin, KoreanPostgresQueryCompiler):
        pass

    class KoreanPostgresSearchBackend(postgres.PostgresSearchBackend):
        index_class = KoreanPostgresIndex
        query_compiler_class = KoreanPostgresQueryCompiler
        autocomplete_query_compiler_class = KoreanPostgresAutocompleteCompiler
        results_class = KoreanSearchResults

        def __init__(self, params):
            super().__init__({**params, "SEARCH_CONFIG": "simple"})

    return KoreanPostgresSearchBackend


def SearchBackend(params):
    """The Korean backend for the default database's vendor."""
    if connection.vendor == "postgresql":
        return postgres_backend()(params)
    if connection.vendor == "sqlite":
        return sqlite_backend()(params)
    raise NotImplementedError(
        "The Korean search backend supports SQLite and PostgreSQL; use Elasticsearch/OpenSearch "
        "with the nori analyzer elsewhere (see README, Search)."
    )
