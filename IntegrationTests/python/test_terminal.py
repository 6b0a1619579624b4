"""What `emulate up` prints on a terminal: tables whose columns line up, no server start-up chatter at the
default level, the console named on the ready line, and request lines whose status is coloured on a
terminal (plain with NO_COLOR, or when not a terminal)."""
import os
import pty
import re
import select
import subprocess
import time

import requests

from emulator import BINARY, ROOT, Emulator


def test_the_start_up_tables_line_up_and_the_servers_keep_quiet():
    emulator = Emulator(os.path.join(ROOT, "serverless.yml")).start()
    try:
        output = emulator.output()
    finally:
        emulator.stop()
    assert "Server started" not in output, output
    lines = output.splitlines()
    header = next(line for line in lines if line.strip().startswith("METHOD"))
    rows = [line for line in lines if line.startswith("  POST ")]
    assert len(rows) == 3
    for column in ["URL", "FUNCTION", "AUTHORIZER"]:
        start = header.index(column)
        assert all(row[start - 1] == " " and row[start] != " " for row in rows), (column, rows)
    assert any(line.strip().startswith("POOL") and "CLIENT ID" in line for line in lines)
    assert any(line.strip().startswith("FUNCTION") and "RUNS" in line for line in lines)
    ready = next(line for line in lines if line.startswith("ready "))
    assert re.search(r" console=http://127\.0\.0\.1:\d+/_emulate/console/$", ready), ready


def run_on_a_terminal(extra_env):
    """`emulate up` on a pseudo-terminal: the output after one request to the API."""
    primary, secondary = pty.openpty()
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "TERM")}
    env.update({"TERM": "xterm"}, **extra_env)
    process = subprocess.Popen([BINARY, "up", "serverless.yml", "--port", "0", "--cognito-port", "0", "--lambda-port", "0", "--in-memory"],
                               cwd=ROOT, stdin=secondary, stdout=secondary, stderr=secondary, env=env)
    os.close(secondary)
    output = b""
    try:
        deadline = time.time() + 60
        while b"ready api=" not in output or not output.rstrip().endswith(b"/_emulate/console/"):
            assert time.time() < deadline, output
            if select.select([primary], [], [], 1)[0]:
                output += os.read(primary, 65536)
        api = re.search(rb"ready api=(\S+)", output).group(1).decode()
        requests.post(api + "/user/private", timeout=30)
        deadline = time.time() + 30
        while b"/user/private" not in output.split(b"ready api=")[1]:
            assert time.time() < deadline, output
            if select.select([primary], [], [], 1)[0]:
                output += os.read(primary, 65536)
        time.sleep(0.2)
        while select.select([primary], [], [], 0.2)[0]:
            output += os.read(primary, 65536)
    finally:
        process.terminate()
        process.wait(timeout=30)
        os.close(primary)
    return output.decode(errors="replace")


def test_request_lines_colour_their_status_on_a_terminal_unless_no_color():
    coloured = run_on_a_terminal({})
    line = next(line for line in coloured.splitlines() if "/user/private" in line and " ms" in line)
    assert "\x1b[33m401\x1b[0m" in line, repr(line)
    plain = run_on_a_terminal({"NO_COLOR": "1"})
    line = next(line for line in plain.splitlines() if "/user/private" in line and " ms" in line)
    assert "\x1b[" not in line and " 401 " in line, repr(line)
