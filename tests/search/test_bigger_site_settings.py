"""The Elasticsearch/OpenSearch path is chosen by settings alone (no cluster here: config only)."""

import importlib
import os
from unittest import mock

from search.elasticsearch import USER_DICTIONARY, nori_search_backend


def test_the_nori_backend_indexes_with_nori_and_searches_with_synonyms():
    backend = nori_search_backend("http://search.internal:9200")
    analysis = backend["INDEX_SETTINGS"]["settings"]["analysis"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert analysis["tokenizer"]["nori_clinic"]["type"] == "nori_tokenizer"
    assert "울쎄라" in analysis["tokenizer"]["nori_clinic"]["user_dictionary_rules"]
    assert analysis["analyzer"]["default"]["tokenizer"] == "nori_clinic"
    assert "clinic_synonyms" in analysis["analyzer"]["default_search"]["filter"]
    assert "clinic_synonyms" not in analysis["analyzer"]["default"]["filter"]


def test_an_environment_variable_switches_the_site_to_it():
    from nbsite.settings import base

    env = {
        "SEARCH_ELASTICSEARCH_URL": "http://search.internal:9200",
        "SEARCH_ENGINE": "wagtail.search.backends.opensearch2",
    }
    with mock.patch.dict(os.environ, env):
        switched = importlib.reload(base)
        assert (
            switched.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
            == "wagtail.search.backends.opensearch2"
        )
        assert switched.WAGTAILSEARCH_BACKENDS["default"]["URLS"] == ["http://search.internal:9200"]
    restored = importlib.reload(base)
    assert restored.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.backends"


def test_user_dictionary_words_are_single_hangul_words():
    assert all(word.isalpha() and " " not in word for word in USER_DICTIONARY)
