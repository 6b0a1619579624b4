"""Helpers the benchmark scripts share: ports, starting emulate and moto_server, wrk, RSS."""
import json
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
COGNITO_LUA = os.path.join(BENCH_DIR, "cognito", "request.lua")
FORM_LUA = os.path.join(BENCH_DIR, "cognito", "form.lua")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"{url} did not answer")


# Each service's X-Amz-Target prefix: user pools, and identity pools (moto_server picks the service by the
# credential scope, so the unsigned Authorization header names it too).
TARGET_PREFIXES = {"cognito-idp": "AWSCognitoIdentityProviderService", "cognito-identity": "AWSCognitoIdentityService"}


def cognito_call(url, operation, body, service="cognito-idp"):
    """One AWS JSON 1.1 call; answers (status, parsed body)."""
    request = urllib.request.Request(url + "/", data=json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": f"{TARGET_PREFIXES[service]}.{operation}",
        "Authorization": f"AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=00"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


class Emulator:
    """`emulate up CONFIG` on free ports; `info` is its ready file."""

    def __init__(self, binary, config, state_dir=None, ports=None):
        self.workdir = tempfile.mkdtemp(prefix="bench-emulate-")
        self.ready_file = os.path.join(self.workdir, "ready.json")
        api_port, cognito_port = ports or (0, 0)
        args = [binary, "up", config, "--port", str(api_port), "--cognito-port", str(cognito_port), "--lambda-port", "0", "--ready-file", self.ready_file]
        args += ["--state-dir", state_dir] if state_dir else ["--in-memory"]
        self.started = time.perf_counter()
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, LOG_LEVEL="warning"))
        self.info = None

    def wait_ready(self, timeout=60):
        deadline = time.time() + timeout
        while not os.path.exists(self.ready_file):
            if time.time() > deadline or self.process.poll() is not None:
                raise RuntimeError("emulate did not start")
            time.sleep(0.01)
        time.sleep(0.01)
        self.info = json.load(open(self.ready_file))
        return self

    def pool(self, logical_id):
        return self.info["userPools"][logical_id]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)


class Moto:
    """`moto_server` on a free port."""

    def __init__(self):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.started = time.perf_counter()
        self.process = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def wait_ready(self):
        wait_for(self.url + "/moto-api/")
        return self

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)


def rss_mib(pid, field="VmRSS"):
    """Resident memory of a process (VmRSS now, VmHWM the peak), in MiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} for {pid}")


def wrk(url, target, body, seconds=5, connections=8, service="cognito-idp"):
    """Runs request.lua: one Cognito operation repeated (every answer must be 200). Answers (requests/s, p50, p99, requests)."""
    environment = dict(os.environ, BENCH_TARGET=target, BENCH_BODY=body, BENCH_SERVICE=service, BENCH_PREFIX=TARGET_PREFIXES[service])
    completed = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", COGNITO_LUA, url + "/"],
                               capture_output=True, text=True, env=environment)
    failures = int(re.search(r"non200=(\d+)", completed.stdout).group(1))
    if failures:
        raise RuntimeError(f"{target} at {url}: {failures} non-200 answers\n{completed.stderr}")
    return parse_wrk(completed.stdout)


def create_users(url, pool_id, count, prefix="user", workers=8):
    """AdminCreateUser `count` times from `workers` threads on kept-alive connections; answers users created per second."""
    import http.client
    from concurrent.futures import ThreadPoolExecutor
    host, port = url.split("//")[1].split(":")
    headers = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSCognitoIdentityProviderService.AdminCreateUser",
               "Authorization": "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=00"}

    def work(worker):
        connection = http.client.HTTPConnection(host, int(port), timeout=60)
        for n in range(worker, count, workers):
            body = json.dumps({"UserPoolId": pool_id, "Username": f"{prefix}-{n}", "MessageAction": "SUPPRESS", "TemporaryPassword": "Bench-Passw0rd",
                               "UserAttributes": [{"Name": "email", "Value": f"{prefix}-{n}@example.com"}]})
            connection.request("POST", "/", body, headers)
            answer = connection.getresponse()
            text = answer.read()
            if answer.status != 200:
                raise RuntimeError(f"AdminCreateUser {prefix}-{n}: {answer.status} {text[:200]}")

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(work, range(workers)))
    return count / (time.perf_counter() - started)


def create_pools(url, count=200):
    """CreateUserPool then CreateUserPoolClient, `count` times on one kept-alive connection (what a test
    suite does per test); answers pairs created per second."""
    import http.client
    host, port = url.split("//")[1].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)

    def call(operation, body):
        connection.request("POST", "/", json.dumps(body), {"Content-Type": "application/x-amz-json-1.1",
                                                         "X-Amz-Target": f"AWSCognitoIdentityProviderService.{operation}"})
        answer = connection.getresponse()
        text = answer.read()
        if answer.status != 200:
            raise RuntimeError(f"{operation}: {answer.status} {text[:200]}")
        return json.loads(text)

    started = time.perf_counter()
    for n in range(count):
        pool = call("CreateUserPool", {"PoolName": f"suite-{n}", "Policies": {"PasswordPolicy": {"MinimumLength": 8}}})["UserPool"]["Id"]
        call("CreateUserPoolClient", {"UserPoolId": pool, "ClientName": "web", "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]})
    return count / (time.perf_counter() - started)


def wrk_form(url, body, headers, seconds=5, connections=8):
    """Runs form.lua: one form POST repeated (the OAuth 2.0 token endpoint; every answer must be 200). Answers (requests/s, p50, p99, requests)."""
    environment = dict(os.environ, BENCH_BODY=body, BENCH_HEADERS="\n".join(f"{name}: {value}" for name, value in headers.items()))
    completed = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", FORM_LUA, url],
                               capture_output=True, text=True, env=environment)
    failures = int(re.search(r"non200=(\d+)", completed.stdout).group(1))
    if failures:
        raise RuntimeError(f"{url}: {failures} non-200 answers\n{completed.stderr}")
    return parse_wrk(completed.stdout)


def rsa_signatures_per_second(seconds=3):
    """RSA-2048 signatures per second on every core at once (`openssl speed -multi`, the libcrypto the emulator
    links): the bound on anything that signs tokens, measured in the same run."""
    processes = os.cpu_count() or 1
    out = subprocess.run(["openssl", "speed", "-seconds", str(seconds), "-multi", str(processes), "rsa2048"],
                         capture_output=True, text=True, check=True).stdout
    return float(re.search(r"^rsa\s+2048 bits\s+\S+\s+\S+\s+([\d.]+)", out, re.M).group(1))


def parse_wrk(out):
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    count = int(re.search(r"(\d+) requests in", out).group(1))
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)
    return rate, p50, p99, count


def median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2]
