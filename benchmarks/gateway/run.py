"""Gateway hot path: the seed's private route with a valid ID token (router + Cognito authorizer +
event + seed handler + response), the same handler on a public route, the same answer on an HTTP API
route behind a JWT authorizer, against a bare Hummingbird
route with a fixed body, same wrk, one run. Prints a Markdown table.

Usage: python3 run.py EMULATE_BINARY BARE_BINARY [SECONDS]
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SECONDS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
ROUNDS = 5


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def post(url, body, headers=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers or {}, method="POST")
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def wrk(url, connections, headers):
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write('wrk.method = "POST"\nwrk.body = "{}"\n')
    for name, value in headers.items():
        script.write(f'wrk.headers["{name}"] = "{value}"\n')
    script.write('function done(summary, latency, requests) io.write(string.format("non2xx=%d\\n", summary.errors.status)) end\n')
    script.close()
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{SECONDS}s", "--latency", "-s", script.name, url],
                         capture_output=True, text=True).stdout
    failures = int(re.search(r"non2xx=(\d+)", out).group(1))
    if failures:
        raise RuntimeError(f"{url}: {failures} non-2xx answers")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return rate, re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1), re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)


def main():
    emulate, bare = sys.argv[1], sys.argv[2]
    workdir = tempfile.mkdtemp(prefix="bench-gateway-")
    ready_file = os.path.join(workdir, "ready.json")
    emulator = subprocess.Popen([emulate, "up", os.path.join(ROOT, "benchmarks", "gateway", "bench.yml"), "--port", "0", "--cognito-port", "0", "--lambda-port", "0", "--in-memory",
                                 "--ready-file", ready_file], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=dict(os.environ, LOG_LEVEL="warning"))
    bare_port = free_port()
    anchor = subprocess.Popen([bare, str(bare_port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not os.path.exists(ready_file):
            time.sleep(0.05)
        ready = json.load(open(ready_file))
        api, http_api = ready["api"], ready["httpApi"]
        post(api + "/user/signup", {"email": "bench@example.com", "password": "secret123"})
        token = post(api + "/user/login", {"email": "bench@example.com", "password": "secret123"})["token"]
        bare_url = f"http://127.0.0.1:{bare_port}/dev/user/private"
        for _ in range(100):
            try:
                urllib.request.urlopen(urllib.request.Request(bare_url, data=b"{}", method="POST"))
                break
            except OSError:
                time.sleep(0.05)
        print(f"### Gateway hot path: wrk -t1 -d{SECONDS}s on loopback, POST with a 2-byte body; {ROUNDS} alternating rounds, median ratio\n")
        print("| connections | route | requests/s | p50 | p99 | ratio to the anchor (rounds) |")
        print("|---|---|---|---|---|---|")
        for connections in (32, 1):
            rounds = []
            for _ in range(ROUNDS):
                base = wrk(bare_url, connections, {})
                private = wrk(api + "/user/private", connections, {"Authorization": token})
                public = wrk(api + "/user/public", connections, {})
                jwt = wrk(http_api + "/user/private", connections, {"Authorization": "Bearer " + token})
                rounds.append((private[0] / base[0], base, private, public, jwt))
            ratio, base, private, public, jwt = sorted(rounds, key=lambda r: r[0])[len(rounds) // 2]
            print(f"| {connections} | bare Hummingbird (anchor) | {base[0]:,.0f} | {base[1]} | {base[2]} | 1 |")
            print(f"| {connections} | private route + valid ID token | {private[0]:,.0f} | {private[1]} | {private[2]} | **{ratio:.2f}** "
                  f"({', '.join(f'{r[0]:.2f}' for r in rounds)}) |")
            print(f"| {connections} | public route, same handler | {public[0]:,.0f} | {public[1]} | {public[2]} | {public[0] / base[0]:.2f} "
                  f"({', '.join(f'{r[3][0] / r[1][0]:.2f}' for r in rounds)}) |")
            print(f"| {connections} | HTTP API route + JWT authorizer, valid ID token | {jwt[0]:,.0f} | {jwt[1]} | {jwt[2]} | {jwt[0] / base[0]:.2f} "
                  f"({', '.join(f'{r[4][0] / r[1][0]:.2f}' for r in rounds)}) |")
    finally:
        for process in (emulator, anchor):
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
