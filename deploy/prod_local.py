"""make prod-local: the production shape on this machine, on loopback, until Ctrl-C.

    Varnish (deploy/varnish/nbsite.vcl)        127.0.0.1:PORT        purged by Wagtail
      → two gunicorn app servers               127.0.0.1:PORT+1, +2  production settings, DEBUG off
        → PostgreSQL (its own database)        PROD_LOCAL_POSTGRES   created and loaded if missing
        → Redis (its own redis-server)         127.0.0.1:PORT+3      the shared page cache
      + the scheduler (manage.py run_scheduler)

Everything it writes (logs, secret key, admin password, media, Varnish's working files) is under
var/prod-local/. tests/deploy/ starts the same shape through `Shape` with its own database and
ports. Only processes started here are stopped, each by its own process group.
"""

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
VCL = REPO / "deploy" / "varnish" / "nbsite.vcl"
POSTGRES = os.environ.get("PROD_LOCAL_POSTGRES", "postgres://postgres@127.0.0.1:5432")

BACKEND = """
backend app{n} {{
    .host = "127.0.0.1";
    .port = "{port}";
    .probe = app_health;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
}}
"""
BACKENDS = """# Written by deploy/prod_local.py: its app servers (see backends.example.vcl).
probe app_health {{
    .request = "GET /robots.txt HTTP/1.1" "Host: 127.0.0.1" "Connection: close";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}}
{backends}
sub vcl_init {{
    new app = directors.round_robin();
{add}
}}
"""


class Shape:
    """The processes of the production shape, started and stopped together."""

    def __init__(
        self,
        port=8300,
        database="nbsite_prod_local",
        workdir=REPO / "var" / "prod-local",
        shared_cache_seconds=3600,
        workers=2,
    ):
        self.port = port
        self.app_ports = [port + 1, port + 2]
        self.redis_port = port + 3
        self.database = database
        self.workdir = Path(workdir)
        self.shared_cache_seconds = shared_cache_seconds
        self.workers = workers
        self.processes = {}  # name → Popen, in start order

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def app_url(self, index):
        return f"http://127.0.0.1:{self.app_ports[index]}"

    def env(self):
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE="nbsite.settings.production",
            SECRET_KEY=self._kept("secret-key", lambda: secrets.token_urlsafe(50)),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=f"{POSTGRES}/{self.database}",
            REDIS_URL=f"redis://127.0.0.1:{self.redis_port}/0",
            FRONTEND_CACHE_URL=self.url,
            SHARED_CACHE_SECONDS=str(self.shared_cache_seconds),
            # Plain HTTP on loopback: no TLS proxy in front to redirect to.
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="0",
            TRUSTED_PROXY_COUNT="1",
            MEDIA_ROOT=str(self.workdir / "media"),
            ERROR_PAGES_ROOT=str(self.workdir / "error-pages"),
            BACKUP_ROOT=str(self.workdir / "backups"),
            WAGTAILADMIN_BASE_URL=self.url,
            PYTHONUNBUFFERED="1",
        )
        env.pop("PAGE_CACHE", None)
        return env

    @property
    def admin_password(self):
        return self._kept("admin-password", lambda: secrets.token_urlsafe(12))

    def _kept(self, name, make):
        path = self.workdir / name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(make())
        return path.read_text().strip()

    # Setting up

    def setup(self, fresh=False):
        """Its own PostgreSQL database, migrated and loaded; the site answers on Varnish's port."""
        import psycopg

        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            if fresh:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [self.database]
            ).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{self.database}"')
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")
        self.manage("load_clinic_content")
        self.manage("write_error_pages")
        self.manage(
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model\n"
            "from wagtail.models import Site\n"
            f"Site.objects.filter(is_default_site=True).update(hostname='127.0.0.1', port={self.port})\n"
            "User = get_user_model()\n"
            "user = User.objects.filter(username='admin').first() or User(username='admin')\n"
            "user.is_staff = user.is_superuser = user.is_active = True\n"
            f"user.set_password({self.admin_password!r})\n"
            "user.save()\n",
        )

    def manage(self, *args, env=None):
        done = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=REPO,
            env=env or self.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"manage.py {args[0]} failed:\n{done.stdout}\n{done.stderr}")
        return done

    # Running

    def start(self, fresh=False):
        """Redis, the database (set up), the app servers, the scheduler, then Varnish."""
        try:
            self._spawn(
                "redis",
                ["redis-server", "--bind", "127.0.0.1", "--port", str(self.redis_port)]
                + ["--save", "", "--appendonly", "no"],
            )
            wait_for_port(self.redis_port)
            self.setup(fresh=fresh)
            self.start_app_servers()
            self._spawn("scheduler", [PYTHON, "manage.py", "run_scheduler"])
            self._start_varnish()
        except BaseException:
            self.stop()
            raise

    def start_app_servers(self):
        for index, port in enumerate(self.app_ports):
            self._spawn(
                f"app{index + 1}",
                [GUNICORN, "nbsite.wsgi", "--bind", f"127.0.0.1:{port}"]
                + ["--workers", str(self.workers), "--access-logfile", "-"],
            )
        for index in range(len(self.app_ports)):
            wait_for(self.app_url(index) + "/robots.txt")

    def stop_app_servers(self):
        for index in range(len(self.app_ports)):
            self._stop(f"app{index + 1}")

    def _start_varnish(self):
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        backends = "".join(
            BACKEND.format(n=n, port=port) for n, port in enumerate(self.app_ports, start=1)
        )
        add = "\n".join(f"    app.add_backend(app{n});" for n in range(1, len(self.app_ports) + 1))
        (self.workdir / "backends.vcl").write_text(BACKENDS.format(backends=backends, add=add))
        self._spawn(
            "varnish",
            [varnishd, "-F", "-j", "none", "-n", str(self.workdir / "varnish")]
            + ["-a", f"127.0.0.1:{self.port}", "-T", "none", "-s", "malloc,256m"]
            + ["-p", f"vcl_path={self.workdir}:{VCL.parent}", "-f", str(VCL)],
        )
        wait_for(self.url + "/robots.txt")
        # Until a probe has seen them, Varnish counts the app servers as sick.
        wait_for(self.url + "/", timeout=30)

    def _spawn(self, name, command):
        logs = self.workdir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        log = open(logs / f"{name}.log", "ab")  # noqa: SIM115 - the child keeps it open
        self.processes[name] = subprocess.Popen(
            command,
            cwd=REPO,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: Ctrl-C reaches us, we stop it
        )
        log.close()

    def _stop(self, name, patience=10):
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(patience)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop(self):
        for name in reversed(list(self.processes)):
            self._stop(name)

    def dead(self):
        return [name for name, process in self.processes.items() if process.poll() is not None]


def wait_for_port(port, timeout=10):
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"nothing listens on {port} after {timeout} s") from None
            time.sleep(0.1)


def wait_for(url, timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except (OSError, urllib.error.HTTPError):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer within {timeout} s") from None
            time.sleep(0.2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8300, help="Varnish; app servers +1, +2")
    parser.add_argument("--database", default="nbsite_prod_local")
    parser.add_argument("--fresh", action="store_true", help="drop and reload the database")
    args = parser.parse_args()
    if not shutil.which("varnishd") and not Path("/usr/sbin/varnishd").exists():
        sys.exit("varnishd가 없습니다: sudo apt-get install varnish")
    shape = Shape(port=args.port, database=args.database)
    if not shutil.which("redis-server"):
        sys.exit("redis-server가 없습니다: sudo apt-get install redis-server")
    print(
        f"준비 중: 데이터베이스 {shape.database}, Redis, 앱 서버 둘, 스케줄러, Varnish", flush=True
    )
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    shape.start(fresh=args.fresh)
    print(
        f"\n{shape.url}/  (Varnish → {', '.join(map(str, shape.app_ports))} → PostgreSQL, Redis"
        f" :{shape.redis_port}, 스케줄러)\n"
        f"관리자: {shape.url}/admin/  아이디 admin  비밀번호 {shape.admin_password}\n"
        f"로그: {shape.workdir / 'logs'}/   끝내려면 Ctrl-C\n",
        flush=True,
    )
    failed = []
    try:
        while not stopping and not (failed := shape.dead()):
            time.sleep(0.5)
        if failed:
            print(f"멈춘 프로세스: {', '.join(failed)} (로그를 보세요)", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        print("모두 멈추는 중…", flush=True)
        shape.stop()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
