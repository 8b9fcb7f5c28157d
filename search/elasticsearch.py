"""Settings for a bigger site: Elasticsearch/OpenSearch with the nori Korean analyzer.

Nothing here runs on the database backends. ``nbsite/settings/base.py`` switches to it when
``SEARCH_ELASTICSEARCH_URL`` is set (the cluster needs the ``analysis-nori`` plugin), then
``python manage.py update_index`` builds the index. Kept free of Django imports: settings
import it.
"""

# Words nori must keep whole (treatment and product names it would otherwise split).
USER_DICTIONARY = [
    "울쎄라",
    "울세라",
    "실리프팅",
    "실루엣리프팅",
    "엑실리스",
    "스컬트라",
    "엘란쎄",
    "콜라겐닥터",
    "트리플토닝",
    "헤어셀",
    "백옥주사",
    "마늘주사",
    "태반주사",
    "샤넬주사",
    "물광주사",
    "신데렐라주사",
    "마이어스칵테일",
]

# Query-time synonyms (the admin's 검색 동의어 list applies to the database backends only).
SYNONYMS = [
    "울쎄라, 울세라, ulthera",
    "보톡스, 보톡, botox",
    "스컬트라, sculptra",
    "엘란쎄, 엘란세, ellanse",
    "오시는길, 위치, 약도",
    "진료안내, 진료시간",
]


def nori_search_backend(url, engine="wagtail.search.backends.elasticsearch8", index="nbsite"):
    """A WAGTAILSEARCH_BACKENDS entry: nori for indexing, nori plus synonyms for queries."""
    nori_filters = ["nori_part_of_speech", "nori_readingform", "lowercase"]
    return {
        "BACKEND": engine,
        "URLS": [url],
        "INDEX": index,
        "TIMEOUT": 5,
        "INDEX_SETTINGS": {
            "settings": {
                "analysis": {
                    "tokenizer": {
                        "nori_clinic": {
                            "type": "nori_tokenizer",
                            "decompound_mode": "mixed",
                            "user_dictionary_rules": USER_DICTIONARY,
                        }
                    },
                    "filter": {"clinic_synonyms": {"type": "synonym_graph", "synonyms": SYNONYMS}},
                    "analyzer": {
                        "default": {
                            "type": "custom",
                            "tokenizer": "nori_clinic",
                            "filter": nori_filters,
                        },
                        "default_search": {
                            "type": "custom",
                            "tokenizer": "nori_clinic",
                            "filter": [*nori_filters, "clinic_synonyms"],
                        },
                    },
                }
            }
        },
    }
