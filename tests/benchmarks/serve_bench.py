"""make bench: the site under a production server (gunicorn) on loopback, loaded by wrk.

For SQLite and PostgreSQL, on the clinic's seeded site and again with --extra (1,000) more
treatment pages, for each page type, three ways of serving it:

- cold: PAGE_CACHE=off, every request rendered with everything read from the database (an
  editor's view, or the first visitor after a publish);
- miss: page cache on, each request a URL it has not stored (a new query string per request,
  as searches and paginated lists are), rendered with the menu, settings and routes cached;
- hit: page cache on, the same URL again and again.

It prints requests/s, p50 and p99, the SQL queries of a cold and of a missed render and the
HTML size. With --baseline REV the same is measured for an older commit (a `git archive` copy
run with the same Python) and each figure gets its ratio to it; --json/--compare keep and
compare runs. Last, nginx serving a static copy of the home page: the machine's ceiling. Not a
test: numbers, to be read and compared. Everything listens on 127.0.0.1 only, every run is
bounded, and the databases it makes are dropped.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
PROBE = Path(__file__).with_name("page_probe.py")
PAGES = {
    "home": "/",
    "category": "/lifting/",
    "treatment": "/lifting/ulthera/",
    "policy": "/privacy/",
    "notices": "/notices/",
    "events": "/events/",
    "search": "/search/?q=%EC%9A%B8%EC%8E%84%EB%9D%BC",
}
DATABASES = ("sqlite", "postgres")


def environment(workdir, database_url, page_cache):
    env = dict(os.environ)
    env.pop("REDIS_URL", None)  # each worker's own memory cache, as README's plain production
    env.update(
        DJANGO_SETTINGS_MODULE="nbsite.settings.production",
        SECRET_KEY="benchmark-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=str(workdir / "media"),
        ERROR_PAGES_ROOT=str(workdir / "error-pages"),
        PAGE_CACHE="on" if page_cache else "off",
    )
    return env


def run(code, env, *args):
    subprocess.run([PYTHON, *args], cwd=code, env=env, check=True, stdout=subprocess.DEVNULL)


def shell(code, env, command):
    run(code, env, "manage.py", "shell", "-c", command)


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read()
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


# A new query string on every request, unique across wrk's threads: a page-cache miss each time.
MISS_SCRIPT = """
local threads = 0
function setup(thread) threads = threads + 1; thread:set("id", threads) end
function init(args) n = 0 end
function request()
  n = n + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "bench=" .. id .. "-" .. n)
end
"""


def wrk(url, seconds, connections, script=None):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    out = subprocess.run(
        [*command, *(["-s", script] if script else []), url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50": latency.get("50", "?"),
        "p99": latency.get("99", "?"),
        "errors": int(errors[1]) if errors else 0,
    }


def start_gunicorn(code, env, port, workers):
    return subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "nbsite.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            "-",
            "--log-level",
            "warning",
        ],
        cwd=code,
        env=env,
        start_new_session=True,
    )


def stop(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    process.wait(timeout=20)


def serve_static(workdir, html, port):
    """nginx with the home page's HTML as a static file: what the machine can do at best."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        return None
    root = workdir / "static-copy"
    root.mkdir(exist_ok=True)
    (root / "index.html").write_bytes(html)
    conf = workdir / "nginx.conf"
    conf.write_text(
        f"worker_processes 2; daemon off; pid {workdir}/nginx.pid; error_log stderr warn;\n"
        "events { worker_connections 1024; }\n"
        f"http {{ access_log off; server {{ listen 127.0.0.1:{port}; root {root}; }} }}\n"
    )
    return subprocess.Popen([nginx, "-c", str(conf), "-p", str(workdir)], start_new_session=True)


def checkout(rev, workdir):
    """The code of an older commit, with this run's factories (the pages it adds) and the
    compiled admin translations copied in."""
    code = workdir / f"code-{rev}"
    code.mkdir()
    archive = subprocess.run(
        ["git", "archive", rev], cwd=REPO, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(code)], input=archive, check=True)
    shutil.copy(REPO / "tests" / "factories.py", code / "tests" / "factories.py")
    for mo in (REPO / "locale").rglob("*.mo"):
        target = code / mo.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(mo, target)
    return code


class Database:
    """A new, empty database for one measured checkout: a SQLite file or a PostgreSQL database."""

    def __init__(self, kind, label, workdir, postgres_url):
        self.kind = kind
        self.server = postgres_url.rstrip("/")
        self.name = f"nbsite_bench_{label}_{os.getpid()}"
        if kind == "sqlite":
            self.url = f"sqlite:///{workdir}/{self.name}.sqlite3"
        else:
            self.url = f"{self.server}/{self.name}"
            self.admin(f'CREATE DATABASE "{self.name}"')

    def admin(self, statement):
        import psycopg

        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as connection:
            connection.execute(statement)

    def drop(self):
        if self.kind == "postgres":
            self.admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


MODES = {"cold": False, "miss": True, "hit": True}  # mode: page cache on


def measure_pages(code, workdir, database, args, mode):
    env = environment(workdir, database.url, MODES[mode])
    script = None
    if mode == "miss":
        script = workdir / "miss.lua"
        script.write_text(MISS_SCRIPT)
    server = start_gunicorn(code, env, args.port, args.workers)
    results = {}
    try:
        base = f"http://127.0.0.1:{args.port}"
        wait_for(base + "/")
        for name, path in PAGES.items():
            wait_for(base + path)
            results[name] = wrk(base + path, args.seconds, args.connections, script)
    finally:
        stop(server)
    return results


def probe(code, workdir, database, mode):
    """Queries and HTML size of each page, rendered in-process (page_probe.py)."""
    out = subprocess.run(
        [PYTHON, str(PROBE), json.dumps(PAGES), mode],
        cwd=code,
        env=environment(workdir, database.url, MODES[mode]),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def measure_code(label, code, workdir, args):
    """Every database and size for one checkout: {db: {size: {page: figures}}}."""
    results = {}
    env = environment(workdir, "sqlite:///unused", True)
    run(code, env, "manage.py", "collectstatic", "--noinput")
    modes = [mode for mode in MODES if args.hits or mode != "hit"]
    for kind in args.databases:
        database = Database(kind, label, workdir, args.postgres)
        try:
            env = environment(workdir, database.url, page_cache=False)
            run(code, env, "manage.py", "migrate", "--noinput")
            run(code, env, "manage.py", "load_clinic_content")
            shell(code, env, "from tests.factories import running_event; running_event()")
            results[kind] = {}
            for size in ("seeded", f"+{args.extra}"):
                if size != "seeded":
                    shell(
                        code,
                        env,
                        f"from tests.factories import many_treatments; many_treatments({args.extra})",
                    )
                print(f"  {label} {kind} {size}", file=sys.stderr, flush=True)
                cold, miss = (
                    probe(code, workdir, database, "cold"),
                    probe(code, workdir, database, "miss"),
                )
                figures = {
                    name: {**cold[name], "miss_queries": miss[name]["queries"]} for name in PAGES
                }
                for mode in modes:
                    served = measure_pages(code, workdir, database, args, mode)
                    for name in PAGES:
                        figures[name][mode] = served[name]
                results[kind][size] = figures
        finally:
            database.drop()
    return results


def rps(row, mode):
    return f"{row[mode]['rps']:.0f}" if row.get(mode) else "-"


def print_table(results, baseline, args):
    print(
        f"\ngunicorn {args.workers} sync workers, wrk 2 threads {args.connections} connections "
        f"{args.seconds}s per page and mode, {os.cpu_count()} cores. req/s cold (page cache off) / "
        "miss (page cache on, a new URL each request) / hit; p50 and p99 cold; SQL queries per "
        "cold / missed render; HTML KB; ms: median cold render in-process (page_probe.py)"
    )
    head = f"{'db':<9}{'pages':<7}{'page':<10}{'cold':>6}{'miss':>6}{'hit':>6}{'p50':>9}{'p99':>9}"
    head += f"{'q':>6}{'KB':>7}{'ms':>6}"
    if baseline:
        head += f"   base:{'cold':>6}{'miss':>6}{'hit':>6}{'p50':>9}{'q':>6}{'KB':>7}{'ms':>6}"
        head += f"{'×cold':>7}{'×miss':>7}"
    print(head)
    for kind, sizes in results.items():
        for size, pages in sizes.items():
            for name, row in pages.items():
                line = row_text(kind, size, name, row)
                old = (baseline or {}).get(kind, {}).get(size, {}).get(name)
                if old:
                    line += (
                        f"   {'':>5}{rps(old, 'cold'):>6}{rps(old, 'miss'):>6}{rps(old, 'hit'):>6}"
                    )
                    line += f"{old['cold']['p50']:>9}{queries(old):>6}{old['kb']:>7.1f}"
                    line += f"{old.get('ms', '-'):>6}"
                    for mode in ("cold", "miss"):
                        line += f"{ratio(row[mode]['rps'], old[mode]['rps']):>7}"
                print(line)
    print("\nGrowth: cold req/s with the extra pages ÷ on the seeded site")
    for kind, sizes in results.items():
        seeded, grown = sizes.get("seeded", {}), sizes.get(f"+{args.extra}", {})
        cells = [
            f"{name} {ratio(grown[name]['cold']['rps'], seeded[name]['cold']['rps'])}"
            for name in PAGES
            if name in seeded and name in grown
        ]
        print(f"{kind:<9}" + ", ".join(cells))


def ratio(new, old):
    return f"{new / old:.2f}×" if old else "-"


def queries(row):
    return f"{row['queries']}/{row['miss_queries']}"


def row_text(kind, size, name, row):
    errors = sum((row.get(mode) or {}).get("errors", 0) for mode in MODES)
    flag = f"  non-2xx: {errors}" if errors or row["status"] != 200 else ""
    return (
        f"{kind:<9}{size:<7}{name:<10}{rps(row, 'cold'):>6}{rps(row, 'miss'):>6}{rps(row, 'hit'):>6}"
        f"{row['cold']['p50']:>9}{row['cold']['p99']:>9}{queries(row):>6}{row['kb']:>7.1f}"
        f"{row.get('ms', '-'):>6}{flag}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=3, help="wrk duration per page (default 3)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--extra", type=int, default=1000, help="treatment pages added (1000)")
    parser.add_argument(
        "--databases", default="sqlite,postgres", help="sqlite,postgres (default both)"
    )
    parser.add_argument(
        "--postgres",
        default=os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432"),
        help="a PostgreSQL server the benchmark may create and drop databases on",
    )
    parser.add_argument("--no-hits", dest="hits", action="store_false", help="skip the hit runs")
    parser.add_argument("--baseline", help="a commit to measure the same way and compare with")
    parser.add_argument("--compare", help="a --json file of an earlier run to compare with")
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--skip-current", action="store_true", help="measure --baseline only")
    args = parser.parse_args()
    args.databases = [d for d in args.databases.split(",") if d]
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="nbsite-bench-"))
    workdir.chmod(0o755)  # nginx workers run as an unprivileged user
    try:
        baseline = json.loads(Path(args.compare).read_text()) if args.compare else None
        if args.baseline:
            print(f"measuring {args.baseline}", file=sys.stderr, flush=True)
            code = checkout(args.baseline, workdir)
            baseline = measure_code("base", code, workdir, args)
        results = baseline
        if not args.skip_current:
            print("measuring the working tree", file=sys.stderr, flush=True)
            results = measure_code("new", REPO, workdir, args)
        if args.json:  # and the baseline's beside it, for a later --compare
            Path(args.json).write_text(json.dumps(results, indent=1))
            if args.baseline and not args.skip_current:
                Path(args.json + ".base").write_text(json.dumps(baseline, indent=1))
        print_table(results, None if args.skip_current else baseline, args)
        home_html = wait_for_home_copy(workdir, args)
        if home_html:
            print(home_html)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def wait_for_home_copy(workdir, args):
    """nginx serving the home page's HTML (as the working tree renders it) as a static file."""
    env = environment(workdir, f"sqlite:///{workdir}/ceiling.sqlite3", True)
    run(REPO, env, "manage.py", "collectstatic", "--noinput")
    run(REPO, env, "manage.py", "migrate", "--noinput")
    run(REPO, env, "manage.py", "load_clinic_content")
    server = start_gunicorn(REPO, env, args.port, 1)
    try:
        html = wait_for(f"http://127.0.0.1:{args.port}/")
    finally:
        stop(server)
    static = serve_static(workdir, html, args.port + 1)
    if static is None:
        return ""
    try:
        url = f"http://127.0.0.1:{args.port + 1}/index.html"
        wait_for(url)
        figures = wrk(url, args.seconds, args.connections)
    finally:
        stop(static)
    return f"\nceiling: nginx serving the home page as a file: {figures['rps']:.0f} req/s, p50 {figures['p50']}"


if __name__ == "__main__":
    main()
