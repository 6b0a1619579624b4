"""Scale: 100,000 users in the SQLite state. Sign-up throughput on an empty pool and at 100,000 users, ListUsers and
AdminGetUser latency at 100,000 users, the state file's size per user, and RSS before and after.

Usage: python3 run.py EMULATE_BINARY [USERS]. Prints a Markdown table.
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import BENCH_DIR, Emulator, create_users, rss_mib, wrk  # noqa: E402

USERS = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000


def main():
    binary = sys.argv[1]
    state = tempfile.mkdtemp(prefix="bench-scale-")
    server = Emulator(binary, os.path.join(BENCH_DIR, "cognito", "bench.yml"), state_dir=state).wait_ready()
    try:
        url, pool = server.info["cognito"], server.pool("BenchPool")
        signup = json.dumps({"ClientId": pool["clients"]["BenchClient"], "Username": "signup-{n}", "Password": "Bench-Passw0rd"})
        idle = rss_mib(server.process.pid)
        empty = wrk(url, "SignUp", signup.replace("signup-", "empty-"), seconds=5)
        seeded = create_users(url, pool["id"], USERS)
        full = wrk(url, "SignUp", signup.replace("signup-", "full-"), seconds=5)
        latencies = {
            "AdminGetUser": wrk(url, "AdminGetUser", json.dumps({"UserPoolId": pool["id"], "Username": f"user-{USERS // 2}"}), connections=1),
            "ListUsers, first page of 60": wrk(url, "ListUsers", json.dumps({"UserPoolId": pool["id"], "Limit": 60}), connections=1),
            "ListUsers, Filter email = one user": wrk(url, "ListUsers", json.dumps(
                {"UserPoolId": pool["id"], "Filter": f'email = "user-{USERS // 3}@example.com"'}), connections=1),
            "ListUsers, Filter username ^= prefix": wrk(url, "ListUsers", json.dumps(
                {"UserPoolId": pool["id"], "Filter": f'username ^= "user-{USERS // 7}"', "Limit": 60}), connections=1),
            # No user is read: the tail of the path every request takes (HTTP, dispatch, the pool's lookup), as an
            # anchor for the tails above.
            "DescribeUserPool (reads no user)": wrk(url, "DescribeUserPool", json.dumps({"UserPoolId": pool["id"]}), connections=1),
        }
        after = rss_mib(server.process.pid)
        peak = rss_mib(server.process.pid, "VmHWM")
    finally:
        server.stop()
    total = USERS + empty[3] + full[3] + 1
    size = sum(os.path.getsize(os.path.join(state, name)) for name in os.listdir(state))
    print(f"### Scale: {USERS:,} users in the SQLite state (WAL, synchronous=FULL)\n")
    print("| measure | figure |")
    print("|---|---|")
    print(f"| SignUp, empty pool (anchor), wrk -c8 | {empty[0]:,.0f} req/s, p50 {empty[1]}, p99 {empty[2]} |")
    print(f"| SignUp at {USERS:,} users, wrk -c8 | {full[0]:,.0f} req/s = **{full[0] / empty[0]:.2f}** of the empty pool, p50 {full[1]}, p99 {full[2]} |")
    print(f"| AdminCreateUser while seeding, 8 Python threads | {seeded:,.0f} users/s |")
    for name, (rate, p50, p99, _) in latencies.items():
        print(f"| {name} at {USERS:,} users, wrk -c1 | p50 {p50}, p99 {p99} ({rate:,.0f} req/s) |")
    print(f"| state on disk after stop | {size / 2**20:.1f} MiB for {total:,} users = {size / total:,.0f} bytes per user |")
    print(f"| RSS | {idle:.1f} MiB idle before, {after:.1f} MiB after, peak {peak:.1f} MiB |")


if __name__ == "__main__":
    main()
