"""Serve the site as production does, for Lighthouse, axe, vnu and screenshots (not a test).

gunicorn with the production settings (DEBUG off, static files collected and hashed, served by
WhiteNoise) behind nginx, which serves /media/ as the README's production set-up says. The
database is a throw-away SQLite file with the clinic's content unless DATABASE_URL is set.
Everything listens on 127.0.0.1; Ctrl-C (or SIGTERM) stops both servers.

    .venv/bin/python tests/tools/serve_prodlike.py --port 8351      # site at :8351
"""

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def environment(workdir):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="nbsite.settings.production",
        SECRET_KEY=env.get("SECRET_KEY") or "prodlike-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=env.get("DATABASE_URL") or f"sqlite:///{workdir}/site.sqlite3",
        SECURE_SSL_REDIRECT="false",
        MEDIA_ROOT=str(workdir / "media"),
    )
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=REPO, env=env, check=True)


def nginx_conf(workdir, port, upstream):
    return (
        f"worker_processes 1; daemon off; pid {workdir}/nginx.pid; error_log stderr warn;\n"
        "events { worker_connections 256; }\n"
        "http {\n"
        "  include /etc/nginx/mime.types; access_log off; gzip on;\n"
        "  gzip_types text/css application/javascript image/svg+xml application/json;\n"
        f"  client_body_temp_path {workdir}/nginx-tmp; proxy_temp_path {workdir}/nginx-tmp;\n"
        f"  fastcgi_temp_path {workdir}/nginx-tmp; uwsgi_temp_path {workdir}/nginx-tmp;\n"
        f"  scgi_temp_path {workdir}/nginx-tmp;\n"
        f"  server {{ listen 127.0.0.1:{port};\n"
        f"    location /media/ {{ alias {workdir}/media/; expires 30d; }}\n"
        f"    location / {{ proxy_pass http://127.0.0.1:{upstream}; proxy_set_header Host $http_host; }}\n"
        "  }\n"
        "}\n"
    )


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8351, help="nginx port (gunicorn: port - 1)")
    parser.add_argument("--workdir", default=str(REPO / "var" / "prodlike"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--fresh", action="store_true", help="start from an empty database")
    args = parser.parse_args()

    workdir = Path(args.workdir).resolve()
    if args.fresh and workdir.exists():
        shutil.rmtree(workdir)
    (workdir / "nginx-tmp").mkdir(parents=True, exist_ok=True)
    (workdir / "media").mkdir(exist_ok=True)
    env = environment(workdir)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_clinic_content")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    gunicorn = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "nbsite.wsgi", "--bind", f"127.0.0.1:{args.port - 1}"]
        + ["--workers", str(args.workers), "--access-logfile", "/dev/null"],
        cwd=REPO,
        env=env,
        start_new_session=True,
    )
    conf = workdir / "nginx.conf"
    conf.write_text(nginx_conf(workdir, args.port, args.port - 1))
    nginx = subprocess.Popen(
        [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf), "-p", str(workdir)],
        start_new_session=True,
    )

    def stop(*_):
        for process in (nginx, gunicorn):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    wait_for(f"http://127.0.0.1:{args.port}/")
    print(f"serving http://127.0.0.1:{args.port}/ (gunicorn :{args.port - 1})", flush=True)
    while gunicorn.poll() is None and nginx.poll() is None:
        time.sleep(1)
    stop()


if __name__ == "__main__":
    main()
