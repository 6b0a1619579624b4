"""Start-up and memory: `emulate up` to the first successful API response (seed app, in memory and with 10,000
stored users) against moto_server's start-up to its first Cognito answer, plus idle and loaded RSS.

Usage: python3 run.py EMULATE_BINARY [RUNS]. Prints a Markdown table (medians of RUNS start-ups).
"""
import http.client
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import ROOT, Emulator, Moto, create_users, free_port, median, rss_mib  # noqa: E402

RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
SEED = os.path.join(ROOT, "serverless.yml")
STORED_USERS = 10_000


def first_success(port, method, path, body, headers, process, timeout=30):
    """Seconds from the process's start until `method path` first answers 200 (polled every millisecond)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server exited")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request(method, path, body, headers)
            answer = connection.getresponse()
            answer.read()
            connection.close()
            if answer.status == 200:
                return time.perf_counter()
        except OSError:
            pass
        time.sleep(0.001)
    raise RuntimeError(f"no 200 from {path} within {timeout} s")


def emulate_startup(binary, state_dir, run):
    api, cognito = free_port(), free_port()
    server = Emulator(binary, SEED, state_dir=state_dir, ports=(api, cognito))
    try:
        body = json.dumps({"email": f"startup-{run}-{time.time_ns()}@example.com", "password": "secret123"})
        done = first_success(api, "POST", "/dev/user/signup", body, {"Content-Type": "application/json"}, server.process)
        return done - server.started, rss_mib(server.process.pid)
    finally:
        server.stop()


def moto_startup():
    server = Moto()
    try:
        headers = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSCognitoIdentityProviderService.ListUserPools",
                   "Authorization": "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=00"}
        done = first_success(server.port, "POST", "/", json.dumps({"MaxResults": 10}), headers, server.process)
        time.sleep(1)
        return done - server.started, rss_mib(server.process.pid)
    finally:
        server.stop()


def loaded_peak(binary, state_dir):
    """Peak RSS after 5 s of wrk on the private route with a token and 5 s of sign-ins, 32 connections."""
    server = Emulator(binary, SEED, state_dir=state_dir).wait_ready()
    try:
        api = server.info["api"]
        connection = http.client.HTTPConnection(api.split("//")[1].split("/")[0])
        for path in ("/user/signup", "/user/login"):
            connection.request("POST", "/" + api.split("/", 3)[3] + path, json.dumps({"email": "peak@example.com", "password": "secret123"}))
            answer = json.loads(connection.getresponse().read())
        token = answer["token"]
        for path, extra in (("/user/private", f'wrk.headers["Authorization"] = "{token}"\n'), ("/user/login", "")):
            script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
            script.write(f'wrk.method = "POST"\nwrk.body = \'{{"email":"peak@example.com","password":"secret123"}}\'\n{extra}')
            script.close()
            subprocess.run(["wrk", "-t1", "-c32", "-d5s", "-s", script.name, api + path], capture_output=True, check=True)
        return rss_mib(server.process.pid, "VmHWM")
    finally:
        server.stop()


def main():
    binary = sys.argv[1]
    state = tempfile.mkdtemp(prefix="bench-startup-")
    seeding = Emulator(binary, SEED, state_dir=state).wait_ready()
    create_users(seeding.info["cognito"], seeding.pool("UserPool")["id"], STORED_USERS)
    seeding.stop()
    state_bytes = sum(os.path.getsize(os.path.join(state, name)) for name in os.listdir(state))

    moto = [moto_startup() for _ in range(RUNS)]
    memory = [emulate_startup(binary, None, run) for run in range(RUNS)]
    stored = [emulate_startup(binary, state, run) for run in range(RUNS)]
    anchor = median(t for t, _ in moto)
    print(f"### Start-up and memory: medians of {RUNS} start-ups, each timed from spawning the process to its first 200\n")
    print("| server | start-up to first 200 | ratio to moto_server | idle RSS |")
    print("|---|---|---|---|")
    print(f"| moto_server, first ListUserPools (anchor) | {anchor * 1000:.0f} ms | 1 | {median(r for _, r in moto):.1f} MiB |")
    for name, runs in ((f"emulate up serverless.yml --in-memory, first signup", memory),
                       (f"emulate up serverless.yml, {STORED_USERS:,} stored users ({state_bytes / 2**20:.1f} MiB state), first signup", stored)):
        startup = median(t for t, _ in runs)
        print(f"| {name} | {startup * 1000:.0f} ms | {anchor / startup:.1f}× faster | {median(r for _, r in runs):.1f} MiB |")
    print(f"\nPeak RSS after 5 s of the private route and 5 s of logins at 32 connections: in memory {loaded_peak(binary, None):.1f} MiB, "
          f"with the {STORED_USERS:,}-user state {loaded_peak(binary, state):.1f} MiB.")


if __name__ == "__main__":
    main()
