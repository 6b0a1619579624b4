"""Start-up of two or more emulate binaries (a dynamic and a `--static-swift-stdlib` build, say), alternating,
seven start-ups each: spawn → ready file, spawn → first 200 of the seed's signup, idle RSS after 1.5 s.

Usage: python3 compare.py BINARY [BINARY...]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def start_once(binary):
    ready_file = os.path.join(tempfile.mkdtemp(), "ready.json")
    started = time.perf_counter()
    process = subprocess.Popen([binary, "up", os.path.join(ROOT, "serverless.yml"), "--port", "0", "--cognito-port", "0", "--lambda-port", "0",
                                "--in-memory", "--ready-file", ready_file], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not os.path.exists(ready_file):
            time.sleep(0.0005)
        ready = time.perf_counter() - started
        while True:
            try:
                info = json.load(open(ready_file))
                break
            except ValueError:
                time.sleep(0.001)
        request = urllib.request.Request(info["api"] + "/user/signup", data=b'{"email":"a@b.c","password":"secret123"}', method="POST")
        urllib.request.urlopen(request).read()
        first = time.perf_counter() - started
        time.sleep(1.5)
        with open(f"/proc/{process.pid}/status") as status:
            rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024
        return ready * 1000, first * 1000, rss
    finally:
        process.terminate()
        process.wait()


def main():
    results = {binary: [] for binary in sys.argv[1:]}
    for _ in range(7):
        for binary in results:
            results[binary].append(start_once(binary))
    print("| binary | spawn → ready file | spawn → first 200 | idle RSS |")
    print("|---|---|---|---|")
    for binary, runs in results.items():
        ready, first, rss = (statistics.median(run[index] for run in runs) for index in range(3))
        print(f"| `{os.path.relpath(binary, ROOT)}` | {ready:.1f} ms | {first:.1f} ms | {rss:.1f} MiB |")


if __name__ == "__main__":
    main()
