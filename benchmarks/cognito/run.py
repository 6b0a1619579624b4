"""Cognito endpoint throughput: this emulator vs moto_server, driven by the same wrk script.

Usage: python3 run.py EMULATE_BINARY [SECONDS]. Prints requests/s per operation and the ratio.
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

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
CONNECTIONS = 8


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
            time.sleep(0.05)
    raise RuntimeError(f"{url} did not answer")


def client(url):
    return boto3.client("cognito-idp", endpoint_url=url, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")


def prepare_user(url, pool_id):
    cognito = client(url)
    cognito.admin_create_user(UserPoolId=pool_id, Username="bench-user", MessageAction="SUPPRESS", TemporaryPassword="Bench-Passw0rd")
    cognito.admin_set_user_password(UserPoolId=pool_id, Username="bench-user", Password="Bench-Passw0rd", Permanent=True)


def start_emulator(binary, state_dir):
    workdir = tempfile.mkdtemp(prefix="bench-emulate-")
    ready = os.path.join(workdir, "ready.json")
    args = [binary, "up", os.path.join(HERE, "bench.yml"), "--port", "0", "--cognito-port", "0", "--ready-file", ready]
    args += ["--state-dir", state_dir] if state_dir else ["--in-memory"]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, LOG_LEVEL="warning"))
    deadline = time.time() + 60
    while not os.path.exists(ready):
        if time.time() > deadline or process.poll() is not None:
            raise RuntimeError("emulate did not start")
        time.sleep(0.05)
    info = json.load(open(ready))
    pool = info["userPools"]["BenchPool"]
    return process, info["cognito"], pool["id"], pool["clients"]["BenchClient"]


def start_moto():
    port = free_port()
    process = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    wait_for(url + "/moto-api/")
    cognito = client(url)
    pool_id = cognito.create_user_pool(PoolName="bench", Policies={"PasswordPolicy": {"MinimumLength": 8}})["UserPool"]["Id"]
    client_id = cognito.create_user_pool_client(UserPoolId=pool_id, ClientName="bench", ExplicitAuthFlows=[
        "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]
    return process, url, pool_id, client_id


def wrk(url, target, body):
    environment = dict(os.environ, BENCH_TARGET=target, BENCH_BODY=body)
    completed = subprocess.run(["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "-s", os.path.join(HERE, "request.lua"), url + "/"],
                               capture_output=True, text=True, env=environment)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", completed.stdout).group(1))
    failures = int(re.search(r"non200=(\d+)", completed.stdout).group(1))
    p50 = re.search(r"^\s+50%\s+(\S+)", completed.stdout, re.M).group(1)
    p99 = re.search(r"^\s+99%\s+(\S+)", completed.stdout, re.M).group(1)
    if failures:
        raise RuntimeError(f"{target} at {url}: {failures} non-200 answers\n{completed.stderr}")
    return rate, p50, p99


def operations(pool_id, client_id):
    return [
        ("AdminInitiateAuth", json.dumps({"UserPoolId": pool_id, "ClientId": client_id, "AuthFlow": "ADMIN_USER_PASSWORD_AUTH",
                                          "AuthParameters": {"USERNAME": "bench-user", "PASSWORD": "Bench-Passw0rd"}})),
        ("InitiateAuth", json.dumps({"ClientId": client_id, "AuthFlow": "USER_PASSWORD_AUTH",
                                     "AuthParameters": {"USERNAME": "bench-user", "PASSWORD": "Bench-Passw0rd"}})),
        ("SignUp", json.dumps({"ClientId": client_id, "Username": "signup-{n}", "Password": "Bench-Passw0rd"})),
    ]


def measure(name, start):
    process, url, pool_id, client_id = start()
    try:
        prepare_user(url, pool_id)
        return {op: wrk(url, op, body) for op, body in operations(pool_id, client_id)}
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def main():
    binary = sys.argv[1]
    state = tempfile.mkdtemp(prefix="bench-state-")
    results = {
        "emulate (SQLite file)": measure("emulate", lambda: start_emulator(binary, state)),
        "emulate (--in-memory)": measure("emulate-memory", lambda: start_emulator(binary, None)),
        "moto_server": measure("moto", start_moto),
    }
    print(f"Cognito endpoint, wrk -t1 -c{CONNECTIONS} -d{SECONDS}s on loopback (requests/s, p50, p99)")
    anchor = results["moto_server"]
    for name, numbers in results.items():
        for op, (rate, p50, p99) in numbers.items():
            print(f"  {name:24} {op:18} {rate:10.0f} req/s  p50 {p50:>8}  p99 {p99:>8}  = {rate / anchor[op][0]:6.1f}x moto")


if __name__ == "__main__":
    main()
