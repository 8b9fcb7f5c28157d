"""Part of `make bench`: SQL queries and HTML size of each page type, rendered in-process.

Run with the code to measure as the working directory (serve_bench.py measures a baseline
checkout with the same probe); prints JSON {page: {"queries": n, "kb": size, "status": code}}.
Each page is requested twice and the second request counted, as a warm worker serves it; in
"miss" mode (page cache on) the counted request adds a query string the cache has not stored.
"""

import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.getcwd())


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def render_ms(client, path, times=15):
    """Median wall time of rendering the page in-process (no HTTP server, no other clients)."""
    timings = []
    for number in range(times):
        url = path + ("&" if "?" in path else "?") + f"render={number}"  # never a cache hit
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(timings), 1)


def main():
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    pages = json.loads(sys.argv[1])
    miss = sys.argv[2:] == ["miss"]
    client = Client(HTTP_HOST="localhost")
    results = {}
    for name, path in pages.items():
        client.get(path)
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = client.get(
                path + ("&" if "?" in path else "?") + "probe=1" if miss else path
            )
        results[name] = {
            "ms": render_ms(client, path),
            "queries": counter.count,
            "kb": round(len(response.content) / 1024, 1),
            "status": response.status_code,
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
