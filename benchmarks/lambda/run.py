"""Functions out of process: warm invocations of a Swift function run as a deployed executable over the
Runtime API against the same handler in process, both through an HTTP API route (wrk, same run); and the
cold start of a Python function (awslambdaric) against the bare interpreter's start, same run.

A warm invocation out of process costs two more loopback HTTP exchanges than one in process (the runtime's
`response` with its 202, and `next` with the event), so the same run also times one exchange with a bare
Hummingbird server at one connection, to read the overhead against what two exchanges cost on the machine.

Usage: python3 run.py BENCH_LAMBDA_BINARY BARE_HUMMINGBIRD_BINARY [SECONDS]
"""
import base64
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import boto3

HERE = os.path.dirname(os.path.abspath(__file__))
SECONDS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
ROUNDS = 5


def wrk(url, connections):
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{SECONDS}s", "--latency", url], capture_output=True, text=True).stdout
    if "Non-2xx" in out:
        raise RuntimeError(f"{url}: {out}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return rate, re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1), re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)


def free_port():
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class BareServer:
    """A bare Hummingbird route, timed at one connection in the same rounds as the functions."""

    def __init__(self, binary):
        port = free_port()
        self.process = subprocess.Popen([binary, str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = f"http://127.0.0.1:{port}/dev/user/private"
        for _ in range(100):
            if subprocess.run(["curl", "-s", "-o", "/dev/null", "-X", "POST", "-d", "{}", self.url]).returncode == 0:
                break
            time.sleep(0.05)
        self.script = os.path.join(tempfile.mkdtemp(prefix="bench-bare-"), "post.lua")
        with open(self.script, "w") as lua:
            lua.write('wrk.method = "POST"\nwrk.body = "{}"\n')

    def exchange_ms(self):
        """One request's time at one connection, in ms."""
        out = subprocess.run(["wrk", "-t1", "-c1", f"-d{SECONDS}s", "-s", self.script, self.url], capture_output=True, text=True).stdout
        return 1000 / float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def main():
    binary = os.path.abspath(sys.argv[1])
    bare_binary = os.path.abspath(sys.argv[2])
    workdir = tempfile.mkdtemp(prefix="bench-lambda-")
    ready_file = os.path.join(workdir, "ready.json")
    emulator = subprocess.Popen([binary, "up", os.path.join(HERE, "bench.yml"), "--port", "0", "--cognito-port", "0", "--lambda-port", "0",
                                 "--in-memory", "--ready-file", ready_file], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env=dict(os.environ, LOG_LEVEL="warning", BENCH_LAMBDA=binary))
    bare_server = BareServer(bare_binary)
    try:
        while not os.path.exists(ready_file):
            time.sleep(0.05)
        ready = json.load(open(ready_file))
        http_api = ready["httpApi"]
        subprocess.run(["curl", "-s", http_api + "/proc"], capture_output=True)  # the first is the cold start
        print(f"### Functions out of process: wrk -t1 -d{SECONDS}s on loopback, HTTP API route; {ROUNDS} alternating rounds, median\n")
        print("| connections | function | requests/s | p50 | p99 | per invocation beyond in process |")
        print("|---|---|---|---|---|---|")
        exchanges = []
        for connections in (1, 8):
            rounds = []
            for _ in range(ROUNDS):
                inproc = wrk(http_api + "/inproc", connections)
                proc = wrk(http_api + "/proc", connections)
                rounds.append(((1 / proc[0] - 1 / inproc[0]) * 1000 * connections, inproc, proc))
                if connections == 1:
                    exchanges.append(2 * bare_server.exchange_ms())
            overhead, inproc, proc = sorted(rounds, key=lambda r: r[0])[len(rounds) // 2]
            if connections == 1:
                overhead_at_one = overhead
            print(f"| {connections} | the handler in process (anchor) | {inproc[0]:,.0f} | {inproc[1]} | {inproc[2]} | 0 |")
            print(f"| {connections} | the same handler as an executable over the Runtime API (warm) | {proc[0]:,.0f} | {proc[1]} | {proc[2]} | "
                  f"**{overhead:.3f} ms** ({', '.join(f'{r[0]:.3f}' for r in rounds)}) |")
        two_exchanges = statistics.median(exchanges)
        print(f"\nTwo HTTP exchanges on this machine (a bare Hummingbird route from wrk at one connection, same rounds, median): {two_exchanges:.3f} ms; "
              f"the overhead at one connection is {overhead_at_one / two_exchanges:.2f}× that.")
        client = boto3.client("lambda", endpoint_url=ready["lambda"], region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
        bare = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            bare.append((time.perf_counter() - started) * 1000)
        cold, init = [], []
        for index in range(1, 6):
            started = time.perf_counter()
            response = client.invoke(FunctionName=f"bench-lambda-dev-py{index}", LogType="Tail", Payload=b"{}")
            cold.append((time.perf_counter() - started) * 1000)
            log = base64.b64decode(response["LogResult"]).decode()
            init.append(float(re.search(r"Init Duration: ([\d.]+) ms", log).group(1)))
        print(f"\n### Cold start of a Python function (awslambdaric), {len(cold)} functions, median\n")
        print("| what | median | ratio to the anchor |")
        print("|---|---|---|")
        anchor = statistics.median(bare)
        print(f"| `python3 -c pass` (anchor) | {anchor:.1f} ms | 1 |")
        print(f"| first invocation through the Invoke API, spawn to answer | {statistics.median(cold):.1f} ms | {statistics.median(cold) / anchor:.1f}× |")
        print(f"| its REPORT line's Init Duration | {statistics.median(init):.1f} ms | {statistics.median(init) / anchor:.1f}× |")
    finally:
        bare_server.stop()
        emulator.send_signal(signal.SIGTERM)
        emulator.wait(timeout=30)


if __name__ == "__main__":
    main()
