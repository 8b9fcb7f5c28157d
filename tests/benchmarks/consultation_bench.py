"""How long a 상담 신청 submission takes under a production server (gunicorn) on loopback.

Not a test: numbers to read. Each simulated visitor does what a browser does on a cached
treatment page: fetch the page, fetch its own token (/consultation/token/), wait the form's
minimum fill time, then POST the form; the POST is timed until the 303 arrives. Visitors come
from different addresses (X-Forwarded-For behind one trusted proxy), as real ones do, so the
per-address limit does not apply. No notification mail is sent (no recipients set).

    .venv/bin/python tests/benchmarks/consultation_bench.py [--requests 200] [--concurrency 1]
"""

import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serve_bench import environment, manage, start_gunicorn, stop, wait_for

TREATMENT = "/lifting/ulthera/"


def request(port, method, path, headers=None, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        connection.close()


class Visitor:
    def __init__(self, port, number):
        self.port = port
        self.address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        self.name = "방문자" + "가나다라마바사아자차"[number % 10] * (1 + number % 3)

    def prepare(self):
        """Open the cached treatment page and fetch this visitor's own token and stamp."""
        headers = {"X-Forwarded-For": self.address}
        status, _, html = request(self.port, "GET", TREATMENT, headers)
        assert status == 200, status
        self.treatment = re.search(rb'<option value="(\d+)" selected>', html)[1].decode()
        status, response_headers, body = request(self.port, "GET", "/consultation/token/", headers)
        assert status == 200, status
        token = json.loads(body)
        cookie = next(v for k, v in response_headers if k.lower() == "set-cookie")
        self.cookie = cookie.split(";")[0]
        self.token, self.started = token["csrf"], token["started"]

    def submit(self):
        form = {
            "csrfmiddlewaretoken": self.token,
            "started": self.started,
            "name": self.name,
            "phone": "010-1234-5678",
            "treatment": self.treatment,
            "contact_time": "afternoon",
            "consent_required": "on",
            "age_confirmed": "on",
            "homepage": "",
        }
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": self.cookie,
            "X-Forwarded-For": self.address,
        }
        body = urllib.parse.urlencode(form)
        started = time.perf_counter()
        status, _, _ = request(self.port, "POST", "/consultation/submit/", headers, body)
        return status, (time.perf_counter() - started) * 1000


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8410)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="nbsite-consult-bench-"))
    env = environment(workdir, page_cache=True)
    env.update(TRUSTED_PROXY_COUNT="1", CONSULTATION_NOTIFY_EMAILS="")
    manage(env, "migrate", "--noinput")
    manage(env, "load_clinic_content")
    manage(env, "collectstatic", "--noinput")
    server = start_gunicorn(env, args.port, args.workers)
    try:
        wait_for(f"http://127.0.0.1:{args.port}/")
        visitors = [Visitor(args.port, n) for n in range(args.requests)]
        with ThreadPoolExecutor(args.concurrency) as pool:
            list(pool.map(Visitor.prepare, visitors))
        time.sleep(3.5)  # the form's minimum fill time (consultations.forms.MIN_FILL_SECONDS)
        wall = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            results = list(pool.map(Visitor.submit, visitors))
        wall = time.perf_counter() - wall
    finally:
        stop(server)
    times = [ms for status, ms in results if status == 303]
    failures = [status for status, _ in results if status != 303]
    db = "PostgreSQL" if "postgres" in env["DATABASE_URL"] else "SQLite"
    print(
        f"\n{db}, gunicorn {args.workers} sync workers, page cache on, {os.cpu_count()} cores, "
        f"{args.requests} submissions, {args.concurrency} at a time"
    )
    if times:
        print(
            f"submission (POST → 303): p50 {statistics.median(times):.1f} ms, "
            f"p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms, "
            f"{len(times) / wall:.1f} submissions/s"
        )
    print(f"stored: {len(times)}, refused: {len(failures)} {sorted(set(failures))}")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
