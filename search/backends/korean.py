"""What the SQLite and PostgreSQL backends share: the index entry's text and the Korean search.

Indexing stores the analyzer's tokens (``search.analysis``) instead of raw text, in the three
columns modelsearch's index entry has: ``title`` (fields ranked like a title), ``body`` (the
other searchable fields) and ``autocomplete``. Each column holds one segment per field, in the
order of the model's ``search_fields``, separated by `` | ``; a segment holds one group of
tokens per word, separated by `` , ``. Neither database tokenizes those separators, so the
full-text index sees only tokens, while Python can still tell the fields apart (``fields=``,
field boosts) and the words apart (phrases, as-you-type).

Searching asks the database's full-text index once for the candidates: the entries holding any
token the query's parts need. Python then decides which candidates each part of the query
matches (``operator="and"``, ``Phrase``, ``Not`` …), ranks them with one formula and combines
the parts, so SQLite and PostgreSQL return the same results in the same order.

modelsearch's surface used here (look here first after an upgrade):
- ``BaseSearchQueryCompiler``: its ``__init__`` (a string becomes ``PlainText`` with the
  operator), ``check()`` (fields, filters and ordering allowed), ``_get_filterable_field``
  (facets), and the ``queryset``/``query``/``fields``/``order_by_relevance`` attributes.
- ``BaseSearchResults``: ``start``/``stop``/``_score_field`` and the ``_do_search``/``_do_count``
  hooks it calls; ``facet`` is overridden.
- ``modelsearch.index`` field classes, ``modelsearch.utils.get_descendants_content_types_pks``
  and ``modelsearch.conf.get_app_config`` (which app holds the ``IndexEntry`` model).
The database modules name what they override of the stock backends.
"""

import functools
import hashlib
import math
import sys
from collections import Counter, OrderedDict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Count, IntegerField, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.encoding import force_str
from django.utils.functional import cached_property

from modelsearch.backends.base import (
    BaseSearchQueryCompiler,
    BaseSearchResults,
    FilterFieldError,
)
from modelsearch.conf import get_app_config
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from ..analysis import (
    HANGUL_RE,
    SUFFIX_SET,
    autocomplete_groups,
    bigrams,
    index_groups,
    query_terms,
    stem,
    typed_match,
    typed_prefilter,
    typed_words,
    words,
)

# modelsearch's model lives in whichever app installs it ("wagtail.search" in Wagtail).
IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

SEGMENT_SEPARATOR = " | "
GROUP_SEPARATOR = " , "
# Page.title is SearchField("title", boost=2): a field boosted as much ranks like a title
# (a treatment's other names, "Ulthera, 울세라").
TITLE_BOOST = 2.0

MAX_TERMS = 40
STRONG_WEIGHT = 0.9
TITLE_HIT = 3.0
TITLE_COVERAGE = 4.0
EXACT_TITLE = 6.0

# As-you-type: a match at the start of the title, at the start of a word, inside a word.
TITLE_START, WORD_START, INSIDE_WORD, WHOLE_WORD = 3.0, 2.0, 1.0, 0.5


# -- The index entry ------------------------------------------------------------------------


class Segment:
    """One field's place in an index column: the top-level field name ``fields=`` uses, its
    boost, and whether it is the model's own title."""

    def __init__(self, name, boost, is_title, path):
        self.name, self.boost, self.is_title, self.path = name, boost, is_title, path


class Layout:
    """Which field goes in which segment of which column, for one model."""

    def __init__(self, model):
        self.title, self.body, self.autocomplete = [], [], []
        for field, top, path in _leaves(model.get_search_fields()):
            name = top or field.field_name
            if isinstance(field, AutocompleteField):
                self.autocomplete.append(Segment(name, 1.0, False, path))
                continue
            boost = float(field.boost) if field.boost is not None else 1.0
            is_title = top is None and field.field_name == "title"
            if top is None and (is_title or boost >= TITLE_BOOST):
                self.title.append(Segment(name, boost, is_title, path))
            else:
                self.body.append(Segment(name, boost, False, path))
        self.uniform_title = len({s.boost for s in self.title}) <= 1
        self.own_title = next((i for i, s in enumerate(self.title) if s.is_title), None)


def _leaves(fields, top=None, path=()):
    for field in fields:
        if isinstance(field, RelatedFields):
            yield from _leaves(field.fields, top or field.field_name, (*path, field))
        elif isinstance(field, SearchField | AutocompleteField):
            yield field, top, (*path, field)


@functools.cache
def layout_for(model):
    return Layout(model)


def field_text(value):
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple):
        return " ".join(field_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(field_text(item) for item in value.values())
    return force_str(value) if value is not None else ""


def _related_objects(obj, field):
    related = field.get_value(obj)
    if related is None:
        return []
    if hasattr(related, "all"):
        return list(related.all())
    if callable(related):
        return [related()]
    return [related]


def segment_values(obj, path):
    """The texts of one field of an object; a related field gives one per related object."""
    objects = [obj]
    for related in path[:-1]:
        objects = [sub for parent in objects for sub in _related_objects(parent, related)]
    return [field_text(path[-1].get_value(o)) for o in objects]


class EntryText:
    """The three column texts of one object's index entry, and their version (a hash kept in
    the entry's ``title_norm``, which our ranking does not otherwise use): searches keep each
    entry parsed in memory (``ENTRY_CACHE``) and read it again only when it changed."""

    def __init__(self, obj, model):
        self.id = force_str(obj.pk)
        layout = layout_for(model)
        self.title = self.column(obj, layout.title, index_groups)
        self.body = self.column(obj, layout.body, index_groups)
        self.autocomplete = self.column(obj, layout.autocomplete, autocomplete_groups)
        text = f"{self.title}\n{self.body}\n{self.autocomplete}".encode()
        # 48 bits: exact in a float column on both databases.
        self.version = float(int.from_bytes(hashlib.blake2b(text, digest_size=6).digest()))

    @staticmethod
    def column(obj, segments, analyze):
        texts = []
        for segment in segments:
            groups = [g for value in segment_values(obj, segment.path) for g in analyze(value)]
            texts.append(GROUP_SEPARATOR.join(" ".join(group) for group in groups))
        return SEGMENT_SEPARATOR.join(texts)


def entry_texts(model, objs):
    """What both indexes' add_items write: one EntryText per object of a searchable model."""
    if not model.get_search_fields():
        return []
    return [EntryText(obj, model) for obj in objs]


# -- A candidate entry, as the query parts read it ------------------------------------------

# {(database alias, content type id, object id): Entry}. An entry's texts are read and parsed
# once per version; a search then fetches only the candidates' ids and versions, so it costs
# the same whether pages hold a paragraph or ten.
ENTRY_CACHE = {}
ENTRY_CACHE_SIZE = 20_000
SHARED_FLOATS = {}


def _segments(text, segments, fields):
    parts = (text or "").split(SEGMENT_SEPARATOR)
    if len(parts) != len(segments):  # an entry written before the layout changed
        parts = [text or ""] + [""] * (len(segments) - 1) if segments else []
    return [
        (segment, part)
        for segment, part in zip(segments, parts, strict=False)
        if fields is None or segment.name in fields
    ]


class Entry:
    """What the query parts read of one index entry, parsed from its column texts (limited to
    ``fields`` if given). Token strings are interned: every entry shares one "주사"."""

    __slots__ = (
        "body_score",
        "own_title_tokens",
        "phrase_segments",
        "title_hit",
        "typed_segments",
        "version",
    )

    def __init__(self, layout, version, title, body, autocomplete, fields=None, phrases=False):
        self.version = version
        title_segments = _segments(title, layout.title, fields)
        body_segments = _segments(body, layout.body, fields)
        self.title_hit = title_hits(title_segments)
        self.own_title_tokens = {
            t for segment, part in title_segments if segment.is_title for t in part.split()
        } - {","}
        self.body_score = body_scores(body_segments)
        self.typed_segments = [
            [sys.intern(group.split(" ", 1)[0]) for group in part.split(GROUP_SEPARATOR) if group]
            for _, part in _segments(autocomplete, layout.autocomplete, fields)
        ]
        # Only a Phrase reads the words in order (and such an entry is not kept).
        self.phrase_segments = (
            [
                [set(group.split()) for group in part.split(GROUP_SEPARATOR)]
                for _, part in title_segments + body_segments
            ]
            if phrases
            else None
        )


def title_hits(segments):
    """{token: the largest boost of the title-ranked fields holding it}."""
    hits = {}
    for segment, part in segments:
        for token in part.split():
            if segment.boost > hits.get(token, 0.0):
                hits[sys.intern(token)] = segment.boost
    hits.pop(",", None)
    return hits


def body_scores(segments):
    """{token: its body hit}: per field boost, boost × tf / (tf + 1.5), summed. It does not
    depend on the query, so it is worked out once per entry."""
    counts = {}
    for segment, part in segments:
        counts.setdefault(segment.boost, Counter()).update(part.split())
    scores = {}
    for boost, counter in counts.items():
        for token, tf in counter.items():
            scores[sys.intern(token)] = scores.get(token, 0.0) + boost * tf / (tf + 1.5)
    scores.pop(",", None)
    scores.pop("|", None)
    # Few distinct values: one float object each, shared by every entry.
    return {token: SHARED_FLOATS.setdefault(value, value) for token, value in scores.items()}


class Document:
    """A candidate: the object's primary key and its parsed entry."""

    __slots__ = ("body_score", "entry", "pk", "title_hit")

    def __init__(self, pk, entry):
        self.pk, self.entry = pk, entry
        self.title_hit, self.body_score = entry.title_hit, entry.body_score

    def has(self, token):
        return token in self.title_hit or token in self.body_score

    @property
    def own_title_tokens(self):
        return self.entry.own_title_tokens

    @property
    def typed_segments(self):
        return self.entry.typed_segments

    @property
    def phrase_segments(self):
        return self.entry.phrase_segments


# -- Parts of a query -------------------------------------------------------------------------


def synonym_map():
    from ..models import SearchSynonym  # the app registry is ready by query time

    return SearchSynonym.as_map()


def bounded(terms):
    """Bound the work for long queries: keep the heaviest terms."""
    return dict(sorted(terms.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS])


class WordsPart:
    """``PlainText`` (and ``Fuzzy``, which the database backends take as plain words)."""

    def __init__(self, text, operator, synonyms):
        self.terms = bounded(query_terms(text, synonyms))
        self.words = words(text)[:MAX_TERMS]
        self.operator = operator
        self.synonyms = synonyms
        # Weak words (가격, 시술, 효과 …) only add to the score of pages a real word found;
        # they would otherwise make nearly every page a candidate.
        strong = [t for t, weight in self.terms.items() if weight >= STRONG_WEIGHT]
        self.pulls = [(term, False) for term in strong or self.terms]
        self.pulled = {term for term, _ in self.pulls}

    def matches(self, doc):
        if self.operator == "or":
            pulled = self.pulled
            return not (
                doc.title_hit.keys().isdisjoint(pulled) and doc.body_score.keys().isdisjoint(pulled)
            )
        return self.all_words_match(doc)

    def all_words_match(self, doc):
        if not self.words:
            return False
        found = [word_present(doc, word, hangul, self.synonyms) for word, hangul in self.words]
        # A spacing variant: adjacent Hangul words found written as one (실 리프팅 → 실리프팅).
        for i, ((first, first_hangul), (second, second_hangul)) in enumerate(
            zip(self.words, self.words[1:], strict=False)
        ):
            if found[i] and found[i + 1] or not (first_hangul and second_hangul):
                continue
            if word_present(doc, first + second, True, self.synonyms):
                found[i] = found[i + 1] = True
        return all(found)


def word_present(doc, word, hangul, synonyms):
    """A query word is in a document as a token, or (Hangul) as all of its bigrams, or one of
    its synonyms is."""
    if doc.has(word) or (hangul and len(word) > 2 and all(doc.has(b) for b in bigrams(word))):
        return True
    for other in synonyms.get(word, ()):
        other_words = words(other)
        if other_words and all(doc.has(w) for w, _ in other_words):
            return True
    return False


class PhrasePart:
    """``Phrase``: the words next to each other, in order, within one field."""

    def __init__(self, text):
        self.terms = bounded(query_terms(text))
        self.words = words(text)[:MAX_TERMS]
        self.pulls = [(word, False) for word, _ in self.words] + [
            (b, False) for word, hangul in self.words if hangul for b in bigrams(word)
        ]

    def matches(self, doc):
        if not self.words:
            return False
        n = len(self.words)
        for groups in doc.phrase_segments:
            for start in range(len(groups) - n + 1):
                if all(
                    word_in_group(word, hangul, groups[start + i])
                    for i, (word, hangul) in enumerate(self.words)
                ):
                    return True
        return False


def word_in_group(word, hangul, group):
    if word in group:
        return True
    if not hangul:
        return False
    if len(word) > 2:
        return all(b in group for b in bigrams(word))
    # A short word keeps its particle in the index (실을 is not cut to one syllable).
    return any(token.startswith(word) and token[len(word) :] in SUFFIX_SET for token in group)


class TypedPart:
    """``autocomplete()``: the words being typed, the last one maybe unfinished (see
    ``analysis.typed_match``); ranked by where they match (title start, word start, inside)."""

    def __init__(self, text, operator, synonyms, phrase=False):
        typed = typed_words(text)[:MAX_TERMS]
        self.operator = operator
        self.phrase = phrase
        self.words = []  # per typed word: [(pattern, is_last, factor)]
        for i, word in enumerate(typed):
            is_last = i == len(typed) - 1
            patterns = [(word, is_last, 1.0)]
            if HANGUL_RE.fullmatch(word):
                stemmed = stem(word)
                if stemmed != word:
                    patterns.append((stemmed, False, 1.0))
                for other in synonyms.get(stemmed, ()):
                    other_words = [w for w, _ in words(other)]
                    if len(other_words) == 1:
                        patterns.append((other_words[0], False, 0.9))
            elif not is_last:
                for other in synonyms.get(word, ()):
                    other_words = [w for w, _ in words(other)]
                    if len(other_words) == 1:
                        patterns.append((other_words[0], False, 0.9))
            self.words.append(patterns)
        self.pulls = list(
            dict.fromkeys(
                token
                for patterns in self.words
                for pattern, is_last, _ in patterns
                for token in typed_prefilter(pattern, is_last)
            )
        )

    def quality(self, patterns, segments):
        best = 0.0
        for pattern, is_last, factor in patterns:
            for s, words_ in enumerate(segments):
                for w, word in enumerate(words_):
                    start = typed_match(pattern, word, is_last)
                    if start is None:
                        continue
                    if start:
                        value = INSIDE_WORD
                    else:
                        value = TITLE_START if s == 0 and w == 0 else WORD_START
                    if pattern == word:
                        value += WHOLE_WORD
                    best = max(best, value * factor)
        return best

    def score(self, doc):
        """The as-you-type score, or None when the document does not match."""
        segments = doc.typed_segments
        if self.phrase:
            return self.phrase_score(segments)
        qualities = [self.quality(patterns, segments) for patterns in self.words]
        if not qualities or (self.operator == "and" and not all(qualities)) or not any(qualities):
            return None
        first = " ".join(segments[0]) if segments else ""
        return sum(qualities) + 0.5 / (1 + len(first))

    def phrase_score(self, segments):
        """Typed words on consecutive words of one field; after the first, from their start."""
        n = len(self.words)
        for words_ in segments:
            for start in range(len(words_) - n + 1):
                if all(
                    self.matches_word(patterns, words_[start + i], anywhere=i == 0)
                    for i, patterns in enumerate(self.words)
                ):
                    return float(n)
        return None

    @staticmethod
    def matches_word(patterns, word, anywhere):
        for pattern, is_last, _ in patterns:
            start = typed_match(pattern, word, is_last)
            if start is not None and (anywhere or start == 0):
                return True
        return False


# -- Combining the parts ----------------------------------------------------------------------


class Hits:
    """What a (sub)query matches: ``scores`` by primary key; when ``excluded`` is a set, every
    object the queryset allows except those (scores then name the ones known to score)."""

    def __init__(self, scores=None, excluded=None):
        self.scores = scores or {}
        self.excluded = excluded

    @property
    def negated(self):
        return self.excluded is not None

    def __and__(self, other):
        if not self.negated and not other.negated:
            return Hits(
                {k: v + other.scores[k] for k, v in self.scores.items() if k in other.scores}
            )
        if self.negated and other.negated:
            excluded = self.excluded | other.excluded
            return Hits(_merge(self.scores, other.scores, excluded), excluded)
        positive, negative = (other, self) if self.negated else (self, other)
        return Hits(
            {
                k: v + negative.scores.get(k, 0.0)
                for k, v in positive.scores.items()
                if k not in negative.excluded
            }
        )

    def __or__(self, other):
        if not self.negated and not other.negated:
            return Hits(_merge(self.scores, other.scores))
        if self.negated and other.negated:
            excluded = self.excluded & other.excluded
            return Hits(_merge(self.scores, other.scores, excluded), excluded)
        positive, negative = (other, self) if self.negated else (self, other)
        excluded = negative.excluded - positive.scores.keys()
        return Hits(_merge(positive.scores, negative.scores, excluded), excluded)

    def __invert__(self):
        if self.negated:
            return Hits(dict.fromkeys(self.excluded, 0.0))
        return Hits({}, set(self.scores))

    def boosted(self, factor):
        return Hits({k: v * factor for k, v in self.scores.items()}, self.excluded)


def _merge(a, b, excluded=()):
    merged = dict(a)
    for k, v in b.items():
        merged[k] = merged.get(k, 0.0) + v
    return {k: v for k, v in merged.items() if k not in excluded}


def rank(terms, matched, documents, total):
    """{pk: score} of the documents a part matched, normalised so parts can be combined.

    One formula for both databases: each term's weight times its rarity (idf over the index),
    a hit in a title-ranked field worth more than body hits (scaled by field boosts), plus how
    much of the page's own title the query covers, so "리프팅 종류" puts the 리프팅 section first.
    """
    wanted = set(terms)
    document_frequency = Counter()
    found = {}  # id(doc): the query's terms in it
    for doc in documents:
        # dict views intersect by walking the smaller side (the query's few terms).
        present = doc.title_hit.keys() & wanted
        present |= doc.body_score.keys() & wanted
        found[id(doc)] = present
        document_frequency.update(present)
    idf = {t: math.log(1 + total / (1 + document_frequency[t])) for t in terms}
    best_idf = max(idf.values())
    ideal = sum(w * idf[t] * TITLE_HIT for t, w in terms.items()) + (
        TITLE_COVERAGE * best_idf + EXACT_TITLE
    )
    weight = {t: w * idf[t] for t, w in terms.items()}
    title_factor = TITLE_HIT / TITLE_BOOST
    scores = {}
    for doc in matched:
        title_hit, body_score = doc.title_hit, doc.body_score
        score = 0.0
        for term in sorted(found[id(doc)]):  # a fixed order: equal sums stay equal
            hit = title_factor * title_hit.get(term, 0.0) + body_score.get(term, 0.0)
            score += weight[term] * hit
        own = doc.own_title_tokens
        if own:
            covered = len(own.intersection(wanted)) / len(own)
            score += TITLE_COVERAGE * covered * covered * best_idf
            if covered == 1.0:
                score += EXACT_TITLE
        scores[doc.pk] = score / ideal
    return scores


# -- The query compiler ---------------------------------------------------------------------


class KoreanSearchQueryCompiler(BaseSearchQueryCompiler):
    """Evaluates modelsearch's query objects the Korean way; a subclass per database supplies
    ``matching_entries`` (its full-text query) and the text columns to read."""

    DEFAULT_OPERATOR = "and"
    HANDLES_ORDER_BY_EXPRESSIONS = True
    is_autocomplete = False

    @cached_property
    def synonyms(self):
        return synonym_map()

    # Parts

    def part(self, query):
        """modelsearch's query object → a tree of (kind, …) with leaf parts."""
        if isinstance(query, MatchAll):
            return ("all",)
        if isinstance(query, Not):
            return ("not", self.part(query.subquery))
        if isinstance(query, And | Or):
            kind = "and" if isinstance(query, And) else "or"
            return (kind, [self.part(sub) for sub in query.subqueries])
        if isinstance(query, Boost):
            return ("boost", self.part(query.subquery), query.boost)
        if isinstance(query, PlainText | Fuzzy):
            leaf = ("leaf", self.words_part(query.query_string, query.operator))
            boost = getattr(query, "boost", 1)
            return ("boost", leaf, boost) if boost != 1 else leaf
        if isinstance(query, Phrase):
            return ("leaf", self.phrase_part(query.query_string))
        raise NotImplementedError(
            f"`{query.__class__.__name__}` is not supported by the Korean search backend."
        )

    def words_part(self, text, operator):
        return WordsPart(text, operator, self.synonyms)

    def phrase_part(self, text):
        return PhrasePart(text)

    @cached_property
    def tree(self):
        return self.part(self.query)

    def leaves(self, node):
        if node[0] == "leaf":
            yield node[1]
        elif node[0] in ("and", "or"):
            for sub in node[1]:
                yield from self.leaves(sub)
        elif node[0] in ("not", "boost"):
            yield from self.leaves(node[1])

    # Candidates

    def columns(self):
        """The index columns searched: the title column alone when ``fields`` name only
        title-ranked fields."""
        if self.fields is not None:
            names = {s.name for s in layout_for(self.queryset.model).title}
            if set(self.fields) <= names:
                return ("title",)
        return ("title", "body")

    def allowed_ids(self):
        """The queryset's objects as index entry object ids, for the candidate query."""
        return (
            self.queryset.order_by()
            .annotate(_search_id=Cast("pk", output_field=TextField()))
            .values("_search_id")
        )

    def content_types(self):
        return list(get_descendants_content_types_pks(self.queryset.model))

    # What each database module defines:
    #: the index entry's fields holding the column texts, which ``read_texts`` reads
    text_fields = ()

    def matching_entries(self, pulls, columns):
        """The index entries holding any of the tokens ``(token, is_prefix)`` in the columns
        (the database's full-text query)."""
        raise NotImplementedError

    def read_texts(self, values):
        """(title, body, autocomplete) column texts from the ``text_fields`` values."""
        raise NotImplementedError

    # Candidates

    @cached_property
    def documents(self):
        """(total entries of these models, [Document]) for every leaf's candidate tokens."""
        pulls = list(dict.fromkeys(p for leaf in self.leaves(self.tree) for p in leaf.pulls))
        if not pulls:
            return 0, []
        content_types = self.content_types()
        entries = self.matching_entries(pulls, self.columns()).filter(
            content_type_id__in=content_types, object_id__in=self.allowed_ids()
        )
        # idf needs the number of entries of these models; a scalar subquery, run once.
        table = entries.model._meta.db_table
        placeholders = ", ".join(["%s"] * len(content_types))
        total = RawSQL(
            f"SELECT COUNT(*) FROM {table} WHERE content_type_id IN ({placeholders})",
            content_types,
            output_field=IntegerField(),
        )
        entries = entries.annotate(_total=Value(0) if self.is_autocomplete else total)
        rows = self.execute(
            entries.values_list("id", "object_id", "content_type_id", "title_norm", "_total")
        )
        parsed = self.read_entries(rows)
        to_pk = self.queryset.model._meta.pk.to_python
        total = rows[0][4] if rows else 0
        documents = [
            Document(to_pk(object_id), parsed[entry_id])
            for entry_id, object_id, _, _, _ in rows
            if entry_id in parsed
        ]
        return total, documents

    @staticmethod
    def execute(queryset):
        """The rows of a values_list queryset, straight from the cursor: a thousand candidates
        through Django's row machinery would cost more than ranking them."""
        try:
            sql, params = queryset.query.sql_with_params()
        except EmptyResultSet:  # e.g. searching .none() or a leaf page's children
            return []
        with connections[queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def read_entries(self, rows):
        """{entry id: Entry} for the candidate rows: from ENTRY_CACHE when the version there
        is current, otherwise read (one query for all of them) and parsed."""
        phrases = any(isinstance(leaf, PhrasePart) for leaf in self.leaves(self.tree))
        keep = self.fields is None and not phrases
        alias = self.queryset.db
        parsed, missing = {}, {}
        for entry_id, object_id, content_type_id, version, _ in rows:
            cached = ENTRY_CACHE.get((alias, content_type_id, object_id)) if keep else None
            if cached is not None and cached.version == version:
                parsed[entry_id] = cached
            else:
                missing[entry_id] = (object_id, content_type_id, version)
        if not missing:
            return parsed
        if keep and len(ENTRY_CACHE) + len(missing) > ENTRY_CACHE_SIZE:
            ENTRY_CACHE.clear()
        texts = self.execute(
            IndexEntry.objects.filter(id__in=list(missing)).values_list("id", *self.text_fields)
        )
        layouts = {}
        for entry_id, *values in texts:
            object_id, content_type_id, version = missing[entry_id]
            if content_type_id not in layouts:
                model = ContentType.objects.get_for_id(content_type_id).model_class()
                layouts[content_type_id] = layout_for(model) if model else None
            if layouts[content_type_id] is None:
                continue
            title, body, autocomplete = self.read_texts(values)
            entry = Entry(
                layouts[content_type_id], version, title, body, autocomplete, self.fields, phrases
            )
            parsed[entry_id] = entry
            if keep:
                ENTRY_CACHE[(alias, content_type_id, object_id)] = entry
        return parsed

    def leaf_hits(self, leaf):
        total, documents = self.documents
        if isinstance(leaf, TypedPart):
            scores = {}
            for doc in documents:
                score = leaf.score(doc)
                if score is not None:
                    scores[doc.pk] = score
            return Hits(scores)
        matched = [doc for doc in documents if leaf.matches(doc)]
        if not matched:
            return Hits()
        return Hits(rank(leaf.terms, matched, documents, total))

    def evaluate(self, node):
        kind = node[0]
        if kind == "all":
            return Hits({}, set())
        if kind == "leaf":
            return self.leaf_hits(node[1])
        if kind == "not":
            return ~self.evaluate(node[1])
        if kind == "boost":
            return self.evaluate(node[1]).boosted(node[2])
        parts = [self.evaluate(sub) for sub in node[1]]
        combined = parts[0]
        for other in parts[1:]:
            combined = combined & other if kind == "and" else combined | other
        return combined

    @cached_property
    def hits(self):
        return self.evaluate(self.tree)

    # Results

    def matching_queryset(self):
        """The queryset limited to what the query matches (for counts, ordering and facets)."""
        if isinstance(self.query, MatchAll):
            return self.queryset
        hits = self.hits
        if hits.negated:
            return self.queryset.exclude(pk__in=hits.excluded)
        return self.queryset.filter(pk__in=list(hits.scores))

    @cached_property
    def ranked(self):
        """[(score, pk)] of positive scores, best first (ties by primary key)."""
        hits = self.hits
        ranked = sorted((-score, pk) for pk, score in hits.scores.items())
        return [(-score, pk) for score, pk in ranked if not hits.negated or score < 0]

    def results(self, start, stop, score_field=None):
        if isinstance(self.query, MatchAll):
            return list(self.queryset[start:stop])
        if not self.order_by_relevance:
            queryset = self.matching_queryset()
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            objects = list(queryset[start:stop])
            if score_field:
                scores = self.hits.scores
                for obj in objects:
                    setattr(obj, score_field, float(scores.get(obj.pk, 0.0)))
            return objects
        ranked = self.ranked
        page = ranked[start:stop]
        objects = {obj.pk: obj for obj in self.queryset.filter(pk__in=[pk for _, pk in page])}
        results = []
        for score, pk in page:
            obj = objects.get(pk)
            if obj is not None:
                if score_field:
                    setattr(obj, score_field, float(score))
                results.append(obj)
        if self.hits.negated:
            results += self.unscored_rest(ranked, start, stop, score_field)
        return results

    def unscored_rest(self, ranked, start, stop, score_field):
        """After the scored objects, the rest of everything-but-something, newest first."""
        offset = max(0, start - len(ranked))
        if stop is not None and stop <= len(ranked):
            return []
        rest = self.matching_queryset().exclude(pk__in=[pk for _, pk in ranked])
        if not rest.query.order_by:
            rest = rest.order_by("-pk")
        limit = None if stop is None else offset + stop - max(start, len(ranked))
        objects = list(rest[offset:limit])
        if score_field:
            for obj in objects:
                setattr(obj, score_field, 0.0)
        return objects

    def count(self, start, stop):
        if isinstance(self.query, MatchAll) or self.hits.negated or not self.order_by_relevance:
            queryset = self.matching_queryset()
            return queryset[start:stop].count() if start or stop is not None else queryset.count()
        return len(self.ranked[start:stop])


class KoreanAutocompleteMixin:
    """``.autocomplete()``: the autocomplete fields, words matched as they are being typed."""

    is_autocomplete = True

    def words_part(self, text, operator):
        return TypedPart(text, operator, self.synonyms)

    def phrase_part(self, text):
        return TypedPart(text, "and", self.synonyms, phrase=True)

    def columns(self):
        return ("autocomplete",)


# -- Results ----------------------------------------------------------------------------------


class KoreanSearchResults(BaseSearchResults):
    supports_facet = True

    def _do_search(self):
        return self.query_compiler.results(self.start, self.stop, self._score_field)

    def _do_count(self):
        return self.query_compiler.count(self.start, self.stop)

    def facet(self, field_name):
        """{value: number of matching objects}, most frequent first."""
        compiler = self.query_compiler
        if compiler._get_filterable_field(field_name) is None:
            raise FilterFieldError(
                f'Cannot facet search results with field "{field_name}". Please add '
                f'index.FilterField("{field_name}") to {compiler.queryset.model.__name__}.search_fields.',
                field_name=field_name,
            )
        counts = (
            compiler.matching_queryset()
            .values(field_name)
            .annotate(count=Count("pk"))
            .order_by("-count")
        )
        return OrderedDict((row[field_name], row["count"]) for row in counts)
