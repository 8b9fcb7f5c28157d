import json
import os
import random
import time
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from search.analysis import compose, is_syllable, letters, normalize
from search.views import backend_terms, find_suggestions, search_pages

QUERIES_FILE = Path(__file__).resolve().parents[2] / "eval" / "queries.json"
TOP_K = 3

# Words of the clinic's own content, shuffled into generated treatment pages for the latency figure.
FILLER_WORDS = [
    "피부",
    "시술",
    "레이저",
    "관리",
    "진료",
    "상담",
    "예약",
    "안내",
    "휴진",
    "공지",
    "이벤트",
    "여름",
    "겨울",
    "자외선",
    "보습",
    "주름",
    "탄력",
    "색소",
    "모공",
    "건조",
    "민감성",
    "홍조",
    "여드름",
    "리프팅",
    "주사",
    "비타민",
    "진피",
    "흉터",
    "탈모",
    "두피",
    "의료진",
    "원장",
    "변경",
    "시간",
    "토요일",
    "공휴일",
    "연휴",
    "주차",
    "위치",
    "오픈",
    "새로운",
    "장비",
    "도입",
    "소식",
]
PARTICLES = ["", "", "을", "를", "이", "가", "은", "는", "의", "에", "으로", "와"]


def rss_mb():
    """This process's resident memory (Linux), or None elsewhere."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Timings:
    """Wall-clock milliseconds of each call, and this process's CPU time beside them: on a
    machine shared with other work the wall clock also measures the neighbours."""

    def __init__(self):
        self.wall, self.cpu = [], []

    def time(self, function, *args):
        wall, cpu = time.perf_counter(), time.process_time()
        result = function(*args)
        self.wall.append((time.perf_counter() - wall) * 1000)
        self.cpu.append((time.process_time() - cpu) * 1000)
        return result

    def __str__(self):
        return (
            f"p50 {percentile(self.wall, 0.5):.1f} ms, p95 {percentile(self.wall, 0.95):.1f} ms "
            f"(CPU of this process p50 {percentile(self.cpu, 0.5):.1f}, "
            f"p95 {percentile(self.cpu, 0.95):.1f} ms)"
        )


def load_average():
    try:
        return f"load average {os.getloadavg()[0]:.1f}"
    except OSError:
        return "load average unknown"


def keystroke_states(word):
    """What the search box shows while a word is typed on a Korean keyboard, one syllable's
    initial, then with its vowel, then with its final (울쎄라: ㅇ 우 울 울ㅆ 울쎄 울쎄ㄹ 울쎄라);
    a Latin word from its second letter."""
    word = normalize(word)
    states = []
    for i, char in enumerate(word):
        head = word[:i]
        if not is_syllable(char):
            if i:
                states.append(head + char)
            continue
        first, vowel, final = letters(char)
        states += [head + first, head + compose(first, vowel)]
        if final:
            states.append(head + char)
    return list(dict.fromkeys(states))


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "검색 품질을 측정합니다: 질의 모음(JSON)의 recall@3과 검색·자동완성 지연시간(p50/p95)을 "
        "출력합니다. --pages N은 측정용 시술 페이지 N개를 만들었다가 끝나면 되돌립니다."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queries", default=str(QUERIES_FILE))
        parser.add_argument("--pages", type=int, default=0, help="측정 동안만 더할 시술 페이지 수")
        parser.add_argument(
            "--rebuild",
            action="store_true",
            help="페이지를 더한 뒤 검색 색인 전체를 다시 만드는 시간(update_index)도 잽니다",
        )
        parser.add_argument("--repeat", type=int, default=3, help="질의마다 지연시간 측정 횟수")
        parser.add_argument(
            "--setup",
            action="store_true",
            help="데이터베이스를 (없으면) 만들고 migrate와 load_clinic_content를 먼저 실행합니다",
        )
        parser.add_argument("--show-misses", action="store_true")
        parser.add_argument(
            "--http", action="store_true", help="뷰 전체(템플릿 포함) 응답 시간도 잽니다"
        )
        parser.add_argument("--min-recall", type=float, default=0.0)

    def handle(self, *args, **options):
        if options["setup"]:
            self.setup_database()
        queries = json.loads(Path(options["queries"]).read_text(encoding="utf-8"))
        vendor = connection.vendor
        rss_before = rss_mb()
        recall, misses = self.recall(queries)
        rss_after = rss_mb()
        self.stdout.write(
            f"[{vendor}] recall@{TOP_K}: {recall:.1%} ({len(queries) - len(misses)}/{len(queries)} queries)"
        )
        for source in sorted({q.get("source", "") for q in queries} - {""}):
            subset = [q for q in queries if q.get("source") == source]
            missed = sum(1 for q, _ in misses if q.get("source") == source)
            self.stdout.write(
                f"[{vendor}]   {source}: {(len(subset) - missed) / len(subset):.1%} "
                f"({len(subset) - missed}/{len(subset)})"
            )
        if rss_before is not None:
            self.stdout.write(
                f"[{vendor}] worker memory (RSS): {rss_before:.0f} MB before the first search, "
                f"{rss_after:.0f} MB after the analyzer and backend are in use"
            )
        if options["show_misses"]:
            for query, got in misses:
                self.stdout.write(
                    f"  miss: {query['q']!r} expected {query['expect_any']} got {got}"
                )
        try:
            with transaction.atomic():
                started = time.perf_counter()
                pages = self.add_filler_pages(options["pages"])
                if pages:
                    self.stdout.write(
                        f"[{vendor}] {pages} treatment pages generated and indexed one by one "
                        f"in {time.perf_counter() - started:.1f} s"
                    )
                if options["rebuild"]:
                    started = time.perf_counter()
                    call_command("update_index", verbosity=0)
                    self.stdout.write(
                        f"[{vendor}] full index rebuild (update_index): "
                        f"{time.perf_counter() - started:.1f} s"
                    )
                indexed = apps.get_model("wagtailcore", "Page").objects.live().count()
                self.stdout.write(
                    f"[{vendor}] {indexed} live pages ({pages} generated), {load_average()}"
                )
                searches, suggestions = self.latency(queries, options["repeat"])
                filled_recall, _ = self.recall(queries) if pages else (recall, None)
                self.stdout.write(f"[{vendor}] search {searches}")
                self.stdout.write(
                    f"[{vendor}] suggest, as typed ({len(suggestions.wall)} keystrokes) {suggestions}"
                )
                self.stdout.write(f"[{vendor}] recall@{TOP_K} with them {filled_recall:.1%}")
                if options["http"]:
                    pages_timed, endpoint_timed = self.http_latency(queries)
                    self.stdout.write(f"[{vendor}] whole /search/ responses {pages_timed}")
                    self.stdout.write(
                        f"[{vendor}] whole /search/suggest/ responses {endpoint_timed}"
                    )
                    self.stdout.write(f"[{vendor}] {load_average()}")
                raise Rollback
        except Rollback:
            pass
        if recall < options["min_recall"]:
            raise CommandError(f"recall@{TOP_K} {recall:.1%} is below {options['min_recall']:.0%}")

    def setup_database(self):
        if connection.vendor == "postgresql":
            name = connection.settings_dict["NAME"]
            with connection._nodb_cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
                if cursor.fetchone() is None:
                    cursor.execute(f'CREATE DATABASE "{name}"')
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_clinic_content", verbosity=0)

    def top_titles(self, query):
        return [page.title for page in search_pages(backend_terms(query))[:TOP_K]]

    def recall(self, queries):
        misses = []
        for query in queries:
            got = self.top_titles(query["q"])
            if not set(got) & set(query["expect_any"]):
                misses.append((query, got))
        return (len(queries) - len(misses)) / (len(queries) or 1), misses

    @staticmethod
    def typed_states(queries):
        """Every state of the search box while each query's first word is typed, then the query."""
        states = []
        for query in queries:
            first, _, rest = query["q"].partition(" ")
            states += keystroke_states(first)
            if rest:
                states.append(query["q"])
        return list(dict.fromkeys(backend_terms(state) for state in states if state.strip()))

    def latency(self, queries, repeat):
        """The backend calls the views make: the first 10 results and the count; suggestions."""

        def search(terms):
            results = search_pages(terms)
            list(results[:10])
            results.count()

        searches, suggestions = Timings(), Timings()
        typed = self.typed_states(queries)
        for _ in range(repeat):
            for query in queries:
                searches.time(search, backend_terms(query["q"]))
            for terms in typed:
                suggestions.time(find_suggestions, terms)
        return searches, suggestions

    def http_latency(self, queries):
        """Whole responses through Django's test client (template, menu, hit counting)."""
        from django.test import Client

        client = Client(HTTP_HOST="localhost")
        pages, endpoint = Timings(), Timings()
        # Each query once: with the page cache on (as in production) a repeat is a cache hit.
        distinct = list(dict.fromkeys(q["q"] for q in queries))
        requests = [("/search/", q, pages) for q in distinct]
        requests += [("/search/suggest/", typed, endpoint) for typed in self.typed_states(queries)]
        for url, q, timings in requests:
            response = timings.time(client.get, url, {"q": q})
            if response.status_code != 200:
                raise CommandError(f"{url}?q={q} answered {response.status_code}")
        return pages, endpoint

    def add_filler_pages(self, count):
        """Treatment pages of plausible Korean text, spread over the treatment sections, to
        measure search on a bigger site (each is indexed as it is saved, as an editor's is)."""
        if not count:
            return 0
        category_class = apps.get_model("treatments", "TreatmentCategoryPage")
        treatment_class = apps.get_model("treatments", "TreatmentPage")
        sections = list(category_class.objects.filter(depth=3).order_by("path"))
        if not sections:
            raise CommandError(
                "시술 분류 페이지가 없습니다. --setup 또는 load_clinic_content를 먼저 실행하세요."
            )
        precautions = (
            treatment_class.objects.exclude(precautions="")
            .values_list("precautions", flat=True)
            .first()
            or "<p>시술 후 붉어짐이 있을 수 있습니다.</p>"
        )
        rng = random.Random(5)

        def sentence(n):
            return " ".join(w + rng.choice(PARTICLES) for w in rng.sample(FILLER_WORDS, n))

        for number in range(count):
            title = (
                f"{''.join(rng.sample(FILLER_WORDS, 2))} {rng.choice(FILLER_WORDS)} {number + 1}"
            )
            paragraphs = "".join(f"<p>{sentence(25)}.</p>" for _ in range(3))
            sections[number % len(sections)].add_child(
                instance=treatment_class(
                    title=title,
                    slug=f"eval-treatment-{number + 1}",
                    summary=sentence(20)[:300],
                    body=[("paragraph", paragraphs)],
                    precautions=precautions,
                )
            )
        return count
