"""make bench: the site under a production server (gunicorn) on loopback, loaded by wrk.

Prints requests/s, p50 and p99 for each page type with the page cache on and off, beside a
static copy of the home page served by nginx on the same machine (the ceiling). Not a test:
numbers, to be read and compared. Everything listens on 127.0.0.1 only and every run is bounded.
"""

import argparse
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
PAGES = {
    "home": "/",
    "category": "/lifting/",
    "treatment": "/lifting/ulthera/",
    "policy": "/privacy/",
    "search": "/search/?q=%EC%9A%B8%EC%8E%84%EB%9D%BC",
}


def environment(workdir, page_cache):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="nbsite.settings.production",
        SECRET_KEY="benchmark-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=os.environ.get("DATABASE_URL") or f"sqlite:///{workdir}/bench.sqlite3",
        SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=str(workdir / "media"),
        PAGE_CACHE="on" if page_cache else "off",
    )
    return env


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL
    )


def wait_for(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


def wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)$", out, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, latency.get("50", "?"), latency.get("99", "?"), int(errors[1]) if errors else 0


def start_gunicorn(env, port, workers):
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
        cwd=REPO,
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


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per page (default 5)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    workdir = Path(tempfile.mkdtemp(prefix="nbsite-bench-"))
    workdir.chmod(0o755)  # nginx workers run as an unprivileged user
    env = environment(workdir, page_cache=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_clinic_content")
    manage(env, "collectstatic", "--noinput")
    rows = []
    home_html = b""
    for page_cache in (True, False):
        server = start_gunicorn(environment(workdir, page_cache), args.port, args.workers)
        try:
            base = f"http://127.0.0.1:{args.port}"
            home_html = wait_for(base + "/")
            for name, path in PAGES.items():
                wait_for(base + path)
                rows.append(
                    (
                        name,
                        "on" if page_cache else "off",
                        *wrk(base + path, args.seconds, args.connections),
                    )
                )
        finally:
            stop(server)
    static = serve_static(workdir, home_html, args.port + 1)
    if static:
        try:
            url = f"http://127.0.0.1:{args.port + 1}/index.html"
            wait_for(url)
            rows.append(("home (static nginx)", "-", *wrk(url, args.seconds, args.connections)))
        finally:
            stop(static)
    db = "PostgreSQL" if "postgres" in env["DATABASE_URL"] else "SQLite"
    print(
        f"\n{db}, gunicorn {args.workers} sync workers, wrk 2 threads {args.connections} connections "
        f"{args.seconds}s per page, {os.cpu_count()} cores"
    )
    print(f"{'page':<22}{'cache':<7}{'req/s':>9}{'p50':>10}{'p99':>10}{'non-2xx':>9}")
    for name, cache, rps, p50, p99, errors in rows:
        print(f"{name:<22}{cache:<7}{rps:>9.0f}{p50:>10}{p99:>10}{errors:>9}")
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
