"""A/B of warm out-of-process invocations between builds: one `BenchLambda up` per variant, each with its own
runtime executable, all running at once and measured in alternating rounds, so that the machine's noise
falls on every variant alike. Per round and variant: the in-process route, then the process route (wrk
at CONNECTIONS, ROUND_SECONDS each), the overhead per invocation, the emulator's extra CPU per invocation
and the first runtime process's CPU per invocation (from /proc/<pid>/stat).

Usage: python3 ab.py NAME=EMULATOR_BINARY,RUNTIME_BINARY [NAME=…] (env: ROUNDS=6 CONNECTIONS=1 ROUND_SECONDS=3)
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROUNDS = int(os.environ.get("ROUNDS", "6"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "1"))
ROUND_SECONDS = int(os.environ.get("ROUND_SECONDS", "3"))
TICK_MICROSECONDS = 1_000_000 / os.sysconf("SC_CLK_TCK")


def start(emulator, runtime):
    ready_file = os.path.join(tempfile.mkdtemp(prefix="bench-ab-"), "ready.json")
    process = subprocess.Popen([emulator, "up", os.path.join(HERE, "bench.yml"), "--port", "0", "--cognito-port", "0", "--lambda-port", "0",
                                "--in-memory", "--ready-file", ready_file], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=dict(os.environ, LOG_LEVEL="warning", BENCH_LAMBDA=runtime))
    while not os.path.exists(ready_file):
        time.sleep(0.05)
    url = json.load(open(ready_file))["httpApi"]
    subprocess.run(["curl", "-s", url + "/proc"], capture_output=True)  # the cold start
    child = int(subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()[0])
    return process, url, child


def cpu_ticks(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def measure(process, url, child, path):
    before = cpu_ticks(process.pid), cpu_ticks(child)
    out = subprocess.run(["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{ROUND_SECONDS}s", url + path], capture_output=True, text=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    count = rate * ROUND_SECONDS
    return rate, (cpu_ticks(process.pid) - before[0]) * TICK_MICROSECONDS / count, (cpu_ticks(child) - before[1]) * TICK_MICROSECONDS / count


def main():
    variants = {name: start(*pair.split(",")) for name, pair in (argument.split("=", 1) for argument in sys.argv[1:])}
    results = {name: [] for name in variants}
    try:
        for _ in range(ROUNDS):
            for name, (process, url, child) in variants.items():
                inproc = measure(process, url, child, "/inproc")
                proc = measure(process, url, child, "/proc")
                results[name].append(((1 / proc[0] - 1 / inproc[0]) * 1e6 * CONNECTIONS, proc[1] - inproc[1], proc[2]))
    finally:
        for process, _, _ in variants.values():
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    print(f"| variant | overhead per invocation, median (rounds), µs | emulator's extra CPU per invocation, µs | runtime's CPU per invocation, µs |")
    print("|---|---|---|---|")
    for name, rounds in results.items():
        rounds.sort()
        print(f"| {name} | **{rounds[len(rounds) // 2][0]:.0f}** ({', '.join(f'{r[0]:.0f}' for r in rounds)}) | "
              f"{', '.join(f'{r[1]:.0f}' for r in rounds)} | {', '.join(f'{r[2]:.0f}' for r in rounds)} |")


if __name__ == "__main__":
    main()
