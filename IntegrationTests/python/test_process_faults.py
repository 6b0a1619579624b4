"""Functions out of process that misbehave — exhaust their memory, flood their output, fork children
that hold their pipes — cannot take the emulator down, and each gets what Lambda would give it."""
import base64
import concurrent.futures
import json
import os
import time

import boto3
import pytest
import requests

from emulator import FIXTURES_BINARY, Emulator
from test_processes import CONFIG, service  # noqa: F401 (the module's emulator, a fixture)


def invoke(service, name, payload, **options):
    client = boto3.client("lambda", endpoint_url=service.ready["lambda"], region_name="us-east-1",
                          aws_access_key_id="test", aws_secret_access_key="test")
    response = client.invoke(FunctionName=f"processes-dev-{name}", Payload=json.dumps(payload).encode(), **options)
    return response, json.loads(response["Payload"].read())


def resident_megabytes(pid):
    with open(f"/proc/{pid}/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) // 1024


def gone_within(pid, seconds):
    """Whether `pid` ends within `seconds` (a zombie has ended: whether it is reaped is up to init)."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


def test_a_function_over_its_memory_size_is_killed_as_lambda_kills_it_and_the_next_runs_fresh(service):
    response, body = invoke(service, "hog", {"megabytes": 2048})
    assert response["FunctionError"] == "Unhandled" and body["errorType"] == "Runtime.ExitError"
    assert body["errorMessage"].endswith("Error: Runtime exited with error: signal: killed")
    assert "over its memory size of 128 MB" in service.output()
    assert resident_megabytes(service.process.pid) < 400  # the emulator held none of it
    small = invoke(service, "hog", {"megabytes": 32})[1]
    assert small["held"] == 32
    assert requests.get(service.ready["api"] + "/echo", timeout=60).status_code == 200


def test_a_function_that_floods_its_output_does_not_stall_other_routes_or_fill_the_emulators_memory(service):
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        flood = pool.submit(invoke, service, "flood", {"lines": 100000, "longLine": 8 * 1024 * 1024}, LogType="Tail")
        answers = []
        while not flood.done():
            started = time.time()
            answers.append((requests.get(service.ready["api"] + "/echo", timeout=60).status_code, time.time() - started))
        response, body = flood.result()
    assert "FunctionError" not in response and body["pid"] > 0
    assert answers and all(status == 200 for status, _ in answers)
    assert max(seconds for _, seconds in answers) < 10
    tail = base64.b64decode(response["LogResult"])
    assert len(tail) <= 4096 and tail.count(b"y") > 3000  # the last 4 KB: the long line, in pieces
    assert resident_megabytes(service.process.pid) < 400


def test_children_a_function_forked_die_with_it_and_do_not_hold_its_pipes(service, tmp_path):
    pid_file = str(tmp_path / "child")
    response, body = invoke(service, "forker", {"pidFile": pid_file, "crash": True})
    assert response["FunctionError"] == "Unhandled" and body["errorType"] == "Runtime.ExitError"
    assert body["errorMessage"].endswith("Error: Runtime exited with error: exit status 4")
    child = int(open(pid_file).read())
    assert gone_within(child, 5), f"the child {child} outlived the process that forked it"
    answer = invoke(service, "forker", {"pidFile": pid_file})[1]  # a fresh process; its child lives while it is warm
    os.kill(answer["child"], 0)
    assert invoke(service, "forker", {"pidFile": pid_file})[1]["pid"] == answer["pid"]


def test_children_of_a_warm_process_are_stopped_with_the_emulator(tmp_path):
    emulator = Emulator(CONFIG, binary=FIXTURES_BINARY).start()
    try:
        answer = invoke(emulator, "forker", {"pidFile": str(tmp_path / "child")})[1]
    finally:
        emulator.stop()
    assert gone_within(answer["child"], 5) and gone_within(answer["pid"], 1)


def test_a_function_cannot_answer_for_another_functions_invocation(service, tmp_path):
    """Each function's processes have a Runtime API of their own: another function's live request ID is
    unknown there (400 InvalidRequestID, as the runtime interface emulator answers), and the invocation
    it names gets its own function's answer."""
    id_file = tmp_path / "id"
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(invoke, service, "waiter", {"idFile": str(id_file), "seconds": 3})
        deadline = time.time() + 30
        while not (id_file.exists() and id_file.read_text()) and time.time() < deadline:
            time.sleep(0.05)
        victim = id_file.read_text()
        _, forged = invoke(service, "impostor", {"id": victim})
        assert forged["status"] == 400, forged
        assert json.loads(forged["body"])["errorType"] == "InvalidRequestID"
        response, body = waiting.result()
    assert "FunctionError" not in response and body == {"mine": victim}


@pytest.mark.parametrize("from_thread", [False, True], ids=["main thread", "worker thread"])
def test_a_function_that_starts_more_than_lambdas_1024_processes_is_killed_with_all_of_them(service, tmp_path, from_thread):
    """Lambda's quota is 1,024 processes and threads per execution environment; as root nothing holds
    `fork` to it here, so the environment is killed past it and every process it started ends."""
    pid_file = tmp_path / "pids"
    started = time.time()
    response, body = invoke(service, "spawner", {"pidFile": str(pid_file), "count": 1100, "thread": from_thread})
    assert response["FunctionError"] == "Unhandled" and body["errorType"] == "Runtime.ExitError", body
    assert body["errorMessage"].endswith("Error: Runtime exited with error: signal: killed")
    assert time.time() - started < 30  # killed, not timed out
    pids = [int(line) for line in pid_file.read_text().split()]
    assert len(pids) > 1000
    assert all(gone_within(pid, 10) for pid in pids)
    assert requests.get(service.ready["api"] + "/echo", timeout=60).status_code == 200
