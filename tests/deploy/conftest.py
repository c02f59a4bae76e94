"""The production path as the README sets it up: collectstatic, gunicorn with DEBUG=0 and
deploy/gunicorn.conf.py, nginx with deploy/nginx/mpp.conf in front, on free ports."""

import json
import os
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.machine import free_port, require, stop
from tests.mpp.make_run import ROOT, fresh_database

SITE_CONFIG = ROOT / "deploy" / "nginx" / "mpp.conf"
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
# Loopback with a certificate made for the test: nothing to verify it against.
INSECURE = ssl.create_default_context()
INSECURE.check_hostname = False
INSECURE.verify_mode = ssl.CERT_NONE


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def fetch(url: str, *, headers=None, method="GET", data=None) -> Answer:
    request = urllib.request.Request(url, headers=headers or {}, method=method, data=data)
    try:
        with urllib.request.urlopen(request, timeout=30, context=INSECURE) as response:  # noqa: S310
            return Answer(
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                response.read(),
            )
    except urllib.error.HTTPError as error:
        return Answer(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


@dataclass
class Site:
    url: str
    ticket_code: str
    static_root: Path


def site_config(*, folder: Path, http_port: int, https_port: int, app_port: int) -> str:
    """deploy/nginx/mpp.conf with the README's paths and ports replaced by the test's."""
    text = SITE_CONFIG.read_text()
    for documented, here in {
        "/srv/mpp/staticfiles/": f"{folder}/staticfiles/",
        "/srv/mpp/media/": f"{folder}/media/",
        "/etc/ssl/mpp/": f"{folder}/tls/",
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "listen [::]:80;": "",
        "listen [::]:443 ssl http2;": "",
    }.items():
        assert documented in text, f"{SITE_CONFIG} no longer has {documented!r}"
        text = text.replace(documented, here)
    return text


def main_config(folder: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf gives a site, with every path in the test's
    folder."""
    return f"""
user root;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {folder}/nginx-access.log;
    client_body_temp_path {folder}/nginx-tmp/body;
    proxy_temp_path {folder}/nginx-tmp/proxy;
    fastcgi_temp_path {folder}/nginx-tmp/fastcgi;
    uwsgi_temp_path {folder}/nginx-tmp/uwsgi;
    scgi_temp_path {folder}/nginx-tmp/scgi;
    include {folder}/mpp.conf;
}}
"""


def run(env, *args: str) -> str:
    done = subprocess.run(
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, (args, done.stdout[-2000:], done.stderr[-3000:])
    return done.stdout


@pytest.fixture(scope="session")
def nginx_binary():
    return require("nginx", package="nginx", needed_for="production path tests")


@contextmanager
def nginx_site(
    nginx_binary: str, folder: Path, env: dict, *, app_port: int, http_port: int, https_port: int
) -> Iterator[str]:
    """nginx with deploy/nginx/mpp.conf over `folder` (its staticfiles/ and media/, a
    certificate made here), passing the rest to `app_port`; yields its https address."""
    (folder / "nginx-tmp").mkdir()
    (folder / "tls").mkdir()
    run(
        env,
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        str(folder / "tls" / "privkey.pem"),
        "-out",
        str(folder / "tls" / "fullchain.pem"),
    )
    (folder / "mpp.conf").write_text(
        site_config(folder=folder, http_port=http_port, https_port=https_port, app_port=app_port)
    )
    (folder / "nginx.conf").write_text(main_config(folder))
    run(env, nginx_binary, "-t", "-p", str(folder), "-c", str(folder / "nginx.conf"))
    proxy = subprocess.Popen(
        [nginx_binary, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
        cwd=folder,
    )
    try:
        yield f"https://127.0.0.1:{https_port}"
    finally:
        stop(proxy)


@pytest.fixture(scope="session")
def production_site(nginx_binary, tmp_path_factory):
    folder = tmp_path_factory.mktemp("production")
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    with fresh_database("mpp_production") as (_name, database_url):
        env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DEBUG": "0",
            "SECRET_KEY": "production-path-test-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "DATABASE_URL": database_url,
            "ALLOWED_HOSTS": "127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{https_port}",
            "STATIC_ROOT": str(folder / "staticfiles"),
            "MEDIA_ROOT": str(folder / "media"),
            "MPP_DATA_DIR": str(folder),
            "PROXY_COUNT": "1",
            "BIND": f"127.0.0.1:{app_port}",
        }
        python = [sys.executable, "manage.py"]
        run(env, *python, "migrate", "--no-input", "-v", "0")
        run(env, *python, "seed_demo", "--always-open", "--force")
        run(env, *python, "collectstatic", "--no-input", "-v", "0")
        kiosk_token = run(env, *python, "issue_token", "--kiosk", "expo-sangatta").split()[-1]
        app_log = folder / "gunicorn.log"
        with app_log.open("wb") as log:
            app = subprocess.Popen(
                [GUNICORN, "--config", "deploy/gunicorn.conf.py"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            with nginx_site(
                nginx_binary,
                folder,
                env,
                app_port=app_port,
                http_port=http_port,
                https_port=https_port,
            ) as url:
                deadline = time.monotonic() + 60
                while True:
                    try:
                        if fetch(f"{url}/healthz").status == 200:
                            break
                    except OSError:
                        pass
                    assert time.monotonic() < deadline, app_log.read_text()[-3000:]
                    time.sleep(0.3)
                ticket = fetch(
                    f"{url}/api/v1/tickets",
                    method="POST",
                    headers={
                        "Authorization": f"Bearer {kiosk_token}",
                        "Content-Type": "application/json",
                    },
                    data=json.dumps(
                        {"service": "dukcapil/ktp-el", "location": "expo-sangatta"}
                    ).encode(),
                )
                assert ticket.status == 201, ticket.body
                yield Site(
                    url=url,
                    ticket_code=json.loads(ticket.body)["code"],
                    static_root=folder / "staticfiles",
                )
        finally:
            stop(app, grace=30)
