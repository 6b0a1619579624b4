"""Soak: mixed load on one `emulate up` with its SQLite state for SECONDS (default 1800) — sign-ups and
sign-ins through the seed's routes, the REST private route, the HTTP API JWT route, OAuth 2.0 code
flows through the sign-in page, and a Python function out of process — while the emulator's RSS, open
file descriptors, threads and SQLite WAL size are sampled every 10 s. Prints a Markdown report: the
samples each minute, each measure's slope after warm-up (the first fifth of the run), and every answer
by kind and status; a 5xx the load did not ask for fails the run (exit status 1).

Usage: python3 run.py EMULATE_BINARY [SECONDS] [WORKERS]
"""
import collections
import html
import os
import re
import sys
import tempfile
import threading
import time
import urllib.parse

import boto3
import requests

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import Emulator  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 1800
WORKERS = int(sys.argv[3]) if len(sys.argv) > 3 else 8
CALLBACK = "https://app.example.com/callback"


class Load:
    """The workers' shared counters."""

    def __init__(self):
        self.lock = threading.Lock()
        self.answers = collections.Counter()
        self.unexpected = []

    def count(self, kind, status, body=b""):
        with self.lock:
            self.answers[(kind, status)] += 1
            if status >= 500 and len(self.unexpected) < 20:
                self.unexpected.append(f"{kind} {status} {body[:200]!r}")


def oauth_code_flow(session, cognito, pool_id, client_id, username, password):
    """authorize → the sign-in page → its form → the code → the token endpoint; answers the final status."""
    query = urllib.parse.urlencode({"response_type": "code", "client_id": client_id, "redirect_uri": CALLBACK, "scope": "openid email"})
    first = session.get(f"{cognito}/oauth2/authorize?{query}", allow_redirects=False, timeout=30)
    if first.status_code != 302:
        return "authorize", first.status_code, first.content
    location = first.headers["Location"]
    if location.startswith("/login"):
        page = session.get(cognito + location, timeout=30)
        if page.status_code != 200:
            return "sign-in page", page.status_code, page.content
        fields = {html.unescape(name): html.unescape(value)
                  for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page.text)}
        fields.update(username=username, password=password)
        answer = session.post(cognito + "/login", data=fields, allow_redirects=False, timeout=30)
        if answer.status_code != 302:
            return "sign-in form", answer.status_code, answer.content
        location = answer.headers["Location"]
    code = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)["code"][0]
    token = requests.post(f"{cognito}/oauth2/token", timeout=30, data={
        "grant_type": "authorization_code", "client_id": client_id, "code": code, "redirect_uri": CALLBACK})
    return "oauth2/token", token.status_code, token.content


def worker(index, emulator, oauth_client, stop, load):
    api, http_api, cognito = emulator.info["api"], emulator.info["httpApi"], emulator.info["cognito"]
    pool_id = emulator.pool("UserPool")["id"]
    session = requests.Session()
    browser = requests.Session()
    email = f"soak-{index}@example.com"
    session.post(api + "/user/signup", json={"email": email, "password": "secret123"}, timeout=30)
    token = session.post(api + "/user/login", json={"email": email, "password": "secret123"}, timeout=30).json()["token"]
    step = 0
    while not stop.is_set():
        step += 1
        kind = step % 10
        if kind == 0:
            answer = session.post(api + "/user/signup", json={"email": f"soak-{index}-{step}@example.com", "password": "secret123"}, timeout=30)
            load.count("sign-up (REST route, AdminCreateUser + AdminSetUserPassword)", answer.status_code, answer.content)
        elif kind == 1:
            answer = session.post(api + "/user/login", json={"email": email, "password": "secret123"}, timeout=30)
            load.count("sign-in (REST route, AdminInitiateAuth)", answer.status_code, answer.content)
            if answer.status_code == 200:
                token = answer.json()["token"]
        elif kind in (2, 3, 4):
            answer = session.post(api + "/user/private", data="{}", headers={"Authorization": token}, timeout=30)
            load.count("REST private route, Cognito authorizer", answer.status_code, answer.content)
        elif kind in (5, 6):
            answer = session.post(http_api + "/user/private", data="{}", headers={"Authorization": "Bearer " + token}, timeout=30)
            load.count("HTTP API route, JWT authorizer", answer.status_code, answer.content)
        elif kind in (7, 8):
            answer = session.get(http_api + "/py", timeout=30)
            load.count("HTTP API route, Python function out of process", answer.status_code, answer.content)
        elif step % 30 == 9:
            browser.cookies.clear()
            where, status, body = oauth_code_flow(browser, cognito, pool_id, oauth_client, email, "secret123")
            load.count(f"OAuth 2.0 code flow ({where})", status, body)


def sample(emulator, state):
    pid = emulator.process.pid
    with open(f"/proc/{pid}/status") as handle:
        fields = dict(line.split(":", 1) for line in handle if ":" in line)
    wal = sum(os.path.getsize(os.path.join(state, name)) for name in os.listdir(state) if name.endswith("-wal"))
    return {
        "rss": int(fields["VmRSS"].split()[0]) / 1024,
        "fds": len(os.listdir(f"/proc/{pid}/fd")),
        "threads": int(fields["Threads"]),
        "wal": wal / 1024 / 1024,
    }


def slope(points):
    """Least-squares slope of (seconds, value) points, per minute."""
    if len(points) < 2:
        return 0.0
    mean_t = sum(t for t, _ in points) / len(points)
    mean_v = sum(v for _, v in points) / len(points)
    denominator = sum((t - mean_t) ** 2 for t, _ in points)
    return 60 * sum((t - mean_t) * (v - mean_v) for t, v in points) / denominator if denominator else 0.0


def main():
    binary = os.path.abspath(sys.argv[1])
    state = tempfile.mkdtemp(prefix="soak-state-")
    emulator = Emulator(binary, os.path.join(HERE, "soak.yml"), state_dir=state).wait_ready()
    idp = boto3.client("cognito-idp", endpoint_url=emulator.info["cognito"], region_name="us-east-1",
                       aws_access_key_id="test", aws_secret_access_key="test")
    pool_id = emulator.pool("UserPool")["id"]
    oauth_client = idp.create_user_pool_client(
        UserPoolId=pool_id, ClientName="soak-app", AllowedOAuthFlowsUserPoolClient=True, SupportedIdentityProviders=["COGNITO"],
        AllowedOAuthFlows=["code"], AllowedOAuthScopes=["openid", "email"], CallbackURLs=[CALLBACK])["UserPoolClient"]["ClientId"]
    load = Load()
    stop = threading.Event()
    threads = [threading.Thread(target=worker, args=(index, emulator, oauth_client, stop, load), daemon=True) for index in range(WORKERS)]
    started = time.time()
    for thread in threads:
        thread.start()
    samples = []
    try:
        while time.time() - started < SECONDS:
            time.sleep(10)
            if emulator.process.poll() is not None:
                raise RuntimeError(f"emulate exited with {emulator.process.returncode}")
            samples.append((time.time() - started, sample(emulator, state)))
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        emulator.stop()
    warm = [(t, s) for t, s in samples if t >= SECONDS / 5]
    print(f"### Soak: {SECONDS} s of mixed load, {WORKERS} workers, SQLite state; samples every 10 s\n")
    print("| minute | RSS MiB | open fds | threads | WAL MiB |")
    print("|---|---|---|---|---|")
    for t, s in samples:
        if int(t) % 60 < 10 or (t, s) == samples[-1]:
            print(f"| {t / 60:.1f} | {s['rss']:.1f} | {s['fds']} | {s['threads']} | {s['wal']:.2f} |")
    print("\n| measure, after warm-up | first | last | slope per minute |")
    print("|---|---|---|---|")
    for name, unit in [("rss", "MiB"), ("fds", ""), ("threads", ""), ("wal", "MiB")]:
        if warm:
            points = [(t, s[name]) for t, s in warm]
            print(f"| {name} {unit} | {points[0][1]:.2f} | {points[-1][1]:.2f} | {slope(points):+.4f} |")
    print("\n| request | status | count |")
    print("|---|---|---|")
    for (kind, status), count in sorted(load.answers.items()):
        print(f"| {kind} | {status} | {count:,} |")
    server_errors = sum(count for (_, status), count in load.answers.items() if status >= 500)
    print(f"\n5xx answers: {server_errors}" + ("".join(f"\n- {line}" for line in load.unexpected)))
    sys.exit(1 if server_errors else 0)


if __name__ == "__main__":
    main()
