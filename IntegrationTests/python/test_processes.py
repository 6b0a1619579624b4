"""Functions run out of process over the Lambda Runtime API (awslambdaric, the Node bootstrap, a shell
runtime), and the Lambda Invoke API driven by boto3 and the AWS CLI, on in-process and out-of-process
functions alike."""
import base64
import concurrent.futures
import json
import os
import subprocess
import time

import boto3
import botocore.config
import botocore.exceptions
import pytest
import requests

from emulator import BINARY, FIXTURES, FIXTURES_BINARY, Emulator

CONFIG = os.path.join(FIXTURES, "processes", "serverless.yml")


@pytest.fixture(scope="module")
def service():
    emulator = Emulator(CONFIG, binary=FIXTURES_BINARY).start()
    yield emulator
    emulator.stop()


def lambda_client(service, retries=True):
    config = None if retries else botocore.config.Config(retries={"total_max_attempts": 1})  # throttling is retried otherwise
    return boto3.client("lambda", endpoint_url=service.ready["lambda"], region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test", config=config)


def invoke(service, name, payload=None, **options):
    response = lambda_client(service).invoke(FunctionName=name, Payload=json.dumps(payload or {}).encode(), **options)
    body = response["Payload"].read()
    return response, json.loads(body) if body else None


def test_python_function_behind_both_apis_signs_up_through_boto3_with_only_its_environment(service):
    for base, email in ((service.ready["api"], "rest@example.com"), (service.ready["httpApi"], "http@example.com")):
        answer = requests.post(base + "/signup", json={"email": email, "password": "Passw0rd!x"}, timeout=60)
        assert answer.status_code == 200, (answer.text, service.output()[-3000:])
        token = answer.json()["token"]
        claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
        assert claims["email"] == email
    users = service.client().list_users(UserPoolId=service.pool("UserPool")["id"])["Users"]
    emails = {a["Value"] for u in users for a in u["Attributes"] if a["Name"] == "email"}
    assert emails >= {"rest@example.com", "http@example.com"}


def test_the_event_the_context_and_the_environment_are_lambdas(service):
    answer = requests.get(service.ready["api"] + "/echo?x=1", timeout=60)
    assert answer.status_code == 200, service.output()[-3000:]
    seen = answer.json()
    assert seen["event"]["queryStringParameters"] == {"x": "1"} and seen["event"]["httpMethod"] == "GET"
    assert seen["functionName"] == "processes-dev-echo"
    assert seen["arn"] == "arn:aws:lambda:us-east-1:000000000000:function:processes-dev-echo"
    assert seen["memory"] == "1024" and 0 < seen["remainingMs"] <= 6000
    env = seen["env"]
    assert env["AWS_LAMBDA_FUNCTION_NAME"] == "processes-dev-echo" and env["AWS_REGION"] == "us-east-1"
    assert env["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] == service.ready["cognito"]
    assert env["AWS_ENDPOINT_URL_LAMBDA"] == service.ready["lambda"]
    assert env["AWS_ACCESS_KEY_ID"].startswith("ASIA") and env["AWS_SESSION_TOKEN"]
    assert env["TZ"] == ":UTC" and env["_HANDLER"] == "pyfns/handlers.echo"
    assert env["LAMBDA_TASK_ROOT"] == os.path.dirname(CONFIG)
    # The process stays warm: a second request reaches the same one.
    again = requests.get(service.ready["httpApi"] + "/echo", timeout=60).json()
    assert again["pid"] == seen["pid"] and again["event"]["version"] == "2.0"
    other = invoke(service, "processes-dev-signup", {"body": "{}"})[0]  # another function: other credentials
    assert other["StatusCode"] == 200
    signup_env = requests.get(service.ready["api"] + "/echo", timeout=60).json()["env"]
    assert signup_env["AWS_ACCESS_KEY_ID"] == env["AWS_ACCESS_KEY_ID"]


def test_node_functions_esm_behind_a_route_and_commonjs_callbacks(service):
    answer = requests.get(service.ready["httpApi"] + "/node", timeout=60)
    assert answer.status_code == 200 and answer.json()["runtime"] == "node" and answer.json()["path"] == "/node"
    response, body = invoke(service, "processes-dev-nodeCallback", {"a": 1})
    assert body == {"legacy": True, "got": {"a": 1}}
    response, body = invoke(service, "processes-dev-nodeCallback", {"fail": True})
    assert response["FunctionError"] == "Unhandled" and body["errorType"] == "TypeError" and body["errorMessage"] == "bad input"


def test_a_shell_runtime_speaks_the_runtime_api(service):
    response, body = invoke(service, "processes-dev-script", {"n": 7})
    assert response["StatusCode"] == 200 and body == {"shell": True, "event": {"n": 7}}


def test_invoke_api_request_response_event_dry_run_and_names(service):
    arn = "arn:aws:lambda:us-east-1:000000000000:function:processes-dev-swiftEnv"
    for name in ("processes-dev-swiftEnv", arn, "000000000000:function:processes-dev-swiftEnv", "processes-dev-swiftEnv:$LATEST"):
        response, body = invoke(service, name)
        assert response["StatusCode"] == 200 and response["ExecutedVersion"] == "$LATEST", name
        assert json.loads(body["body"])["AWS_LAMBDA_FUNCTION_NAME"] == "processes-dev-swiftEnv"
    client = lambda_client(service)
    assert client.invoke(FunctionName="processes-dev-echo", InvocationType="DryRun")["StatusCode"] == 204
    assert client.invoke(FunctionName="processes-dev-echo", InvocationType="Event", Payload=b'{"a":1}')["StatusCode"] == 202
    with pytest.raises(botocore.exceptions.ClientError) as missing:
        client.invoke(FunctionName="nope")
    assert missing.value.response["Error"]["Code"] == "ResourceNotFoundException"
    assert missing.value.response["Error"]["Message"] == "Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope"
    assert missing.value.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    with pytest.raises(botocore.exceptions.ClientError) as bad:
        client.invoke(FunctionName="processes-dev-echo", Payload=b"{not json")
    assert bad.value.response["Error"]["Code"] == "InvalidRequestContentException"
    with pytest.raises(botocore.exceptions.ClientError) as large:
        client.invoke(FunctionName="processes-dev-echo", Payload=b'"' + b"x" * 6_300_000 + b'"')
    assert large.value.response["Error"]["Code"] == "RequestEntityTooLargeException"


def test_invoke_api_errors_as_lambda_reports_them(service):
    response, body = invoke(service, "processes-dev-fail")
    assert response["FunctionError"] == "Unhandled"
    assert body["errorType"] == "BadThing" and body["errorMessage"] == "it went wrong" and body["stackTrace"]
    response, body = invoke(service, "processes-dev-swiftThrow")
    assert response["FunctionError"] == "Unhandled" and "failed on purpose" in body["errorMessage"]
    response, body = invoke(service, "processes-dev-broken")
    assert response["FunctionError"] == "Unhandled" and body["errorType"] == "Runtime.ImportModuleError"
    response, body = invoke(service, "processes-dev-big")
    assert response["FunctionError"] == "Unhandled" and body["errorType"] == "Function.ResponseSizeTooLarge"
    # The emulator keeps serving after each.
    assert invoke(service, "processes-dev-script", {"n": 1})[1]["event"] == {"n": 1}


def test_log_tail_carries_the_invocation_lines(service):
    for name, expected in (("processes-dev-echo", "echo called"), ("processes-dev-swiftEnv", "REPORT RequestId")):
        response = lambda_client(service).invoke(FunctionName=name, LogType="Tail", Payload=b"{}")
        log = base64.b64decode(response["LogResult"]).decode()
        assert "START RequestId" in log and "END RequestId" in log and "REPORT RequestId" in log and expected in log, log


def test_a_timeout_kills_the_process_and_the_next_invocation_starts_a_fresh_one(service):
    started = time.time()
    response, body = invoke(service, "processes-dev-slow", {"seconds": 30})
    assert time.time() - started < 10
    assert response["FunctionError"] == "Unhandled" and body["errorType"] == "Sandbox.Timedout"
    assert body["errorMessage"].endswith("Task timed out after 2.00 seconds")
    first = invoke(service, "processes-dev-slow", {"seconds": 0})[1]
    second = invoke(service, "processes-dev-slow", {"seconds": 0})[1]
    assert first["pid"] == second["pid"]


def test_a_crash_is_a_runtime_exit_error_and_the_function_recovers(service):
    response, body = invoke(service, "processes-dev-crash")
    assert response["FunctionError"] == "Unhandled" and body["errorType"] == "Runtime.ExitError"
    assert body["errorMessage"].endswith("Error: Runtime exited with error: exit status 3")
    assert requests.get(service.ready["api"] + "/echo", timeout=60).status_code == 200


def invoke_at_once(service, name, count=3):
    """`count` invocations of 1.5 s at once, without retries: each answer's JSON, or the error it got."""
    clients = [lambda_client(service, retries=False) for _ in range(count)]
    with concurrent.futures.ThreadPoolExecutor(count) as pool:
        futures = [pool.submit(lambda client=client: client.invoke(FunctionName=name, Payload=b'{"seconds": 1.5}')) for client in clients]
        outcomes = []
        for future in futures:
            try:
                outcomes.append(json.loads(future.result()["Payload"].read()))
            except botocore.exceptions.ClientError as error:
                outcomes.append(error)
    return outcomes


def test_concurrent_invocations_start_processes_up_to_the_reserved_concurrency(service):
    outcomes = invoke_at_once(service, "processes-dev-slow")
    refused = [o for o in outcomes if isinstance(o, botocore.exceptions.ClientError)]
    for error in refused:
        assert error.response["Reason"] == "ReservedFunctionConcurrentInvocationLimitExceeded"
    outcomes = [o.response["Error"]["Code"] if o in refused else o["pid"] for o in outcomes]
    pids = [o for o in outcomes if isinstance(o, int)]
    assert outcomes.count("TooManyRequestsException") == 1 and len(set(pids)) == 2, outcomes


def test_the_aws_cli_invokes_in_process_and_out_of_process_functions(service, tmp_path):
    environment = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="us-east-1")
    for name in ("processes-dev-swiftEnv", "processes-dev-nodeCallback"):
        out = tmp_path / f"{name}.json"
        completed = subprocess.run(["aws", "lambda", "invoke", "--endpoint-url", service.ready["lambda"], "--function-name", name,
                                    "--payload", '{"k": "v"}', "--log-type", "Tail", str(out)],
                                   capture_output=True, text=True, env=environment, timeout=120)
        assert completed.returncode == 0, completed.stderr
        summary = json.loads(completed.stdout)
        assert summary["StatusCode"] == 200 and "LogResult" in summary
        assert json.loads(out.read_text())
    for invocation_type, status in (("Event", 202), ("DryRun", 204)):
        out = tmp_path / f"{invocation_type}.json"
        completed = subprocess.run(["aws", "lambda", "invoke", "--endpoint-url", service.ready["lambda"], "--function-name", "processes-dev-echo",
                                    "--invocation-type", invocation_type, "--payload", "{}", str(out)],
                                   capture_output=True, text=True, env=environment, timeout=120)
        assert completed.returncode == 0 and json.loads(completed.stdout)["StatusCode"] == status, completed.stderr
    out = tmp_path / "fail.json"
    completed = subprocess.run(["aws", "lambda", "invoke", "--endpoint-url", service.ready["lambda"], "--function-name", "processes-dev-swiftThrow",
                                "--payload", "{}", str(out)], capture_output=True, text=True, env=environment, timeout=120)
    assert json.loads(completed.stdout)["FunctionError"] == "Unhandled" and "failed on purpose" in json.loads(out.read_text())["errorMessage"]
    listed = subprocess.run(["aws", "lambda", "list-functions", "--endpoint-url", service.ready["lambda"], "--output", "json"],
                            capture_output=True, text=True, env=environment, timeout=120)
    names = {f["FunctionName"] for f in json.loads(listed.stdout)["Functions"]}
    assert {"processes-dev-echo", "processes-dev-swiftEnv", "processes-dev-node"} <= names
    configuration = lambda_client(service).get_function(FunctionName="processes-dev-echo")["Configuration"]
    assert configuration["Runtime"] == "python3.11" and configuration["Handler"] == "pyfns/handlers.echo"
    assert configuration["Environment"]["Variables"]["POOL_ID"] == service.pool("UserPool")["id"]
    assert "AWS_SECRET_ACCESS_KEY" not in configuration["Environment"]["Variables"]


def test_a_function_with_nothing_to_run_is_refused_at_start_naming_both_ways(tmp_path):
    config = tmp_path / "serverless.yml"
    config.write_text("service: s\nprovider: {name: aws, runtime: provided.al2023}\nfunctions:\n  f:\n    handler: bootstrap\n")
    completed = subprocess.run([FIXTURES_BINARY, "up", str(config), "--port", "0", "--cognito-port", "0", "--lambda-port", "0", "--in-memory"],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode != 0
    assert "custom.emulate.functions.f.command" in completed.stderr and "package.artifact" in completed.stderr


def test_no_process_outlives_the_emulator(tmp_path):
    emulator = Emulator(CONFIG, binary=FIXTURES_BINARY).start()
    try:
        pid = requests.get(emulator.ready["api"] + "/echo", timeout=60).json()["pid"]
        os.kill(pid, 0)
    finally:
        emulator.process.kill()  # SIGKILL: no chance to clean up; the parent-death signal must do it
        emulator.process.wait()
    deadline = time.time() + 5
    while time.time() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    pytest.fail(f"process {pid} outlived the emulator")


def test_a_runtime_that_misbehaves_gets_lambdas_answers_and_its_first_answer_counts(service):
    response, body = invoke(service, "processes-dev-rogue", LogType="Tail")
    assert body == {"garbage": 404, "unknown": 400}
    time.sleep(0.3)
    assert "first=202 second=403" in service.output()
    assert invoke(service, "processes-dev-rogue")[1] == {"garbage": 404, "unknown": 400}


def test_a_runtime_that_never_asks_for_work_times_out_and_one_that_exits_at_once_is_an_exit_error(service):
    response, body = invoke(service, "processes-dev-neverNext")
    assert body["errorType"] == "Sandbox.Timedout" and body["errorMessage"].endswith("Task timed out after 1.00 seconds")
    response, body = invoke(service, "processes-dev-exitsAtOnce")
    assert body["errorType"] == "Runtime.ExitError" and body["errorMessage"].endswith("Runtime exited with error: exit status 1")
    assert "starting" in service.output()


def test_schedules_fire_when_the_clock_moves_with_eventbridges_payload(service):
    def scheduled_lines():
        return [json.loads(line.split("scheduled: ", 1)[1]) for line in service.output().splitlines() if "scheduled: " in line]
    before = len(scheduled_lines())
    service.advance_clock(3601)  # the hourly rule is due; the daily one is not
    deadline = time.time() + 15
    while time.time() < deadline and len(scheduled_lines()) == before:
        time.sleep(0.1)
    fired = scheduled_lines()[before:]
    assert len(fired) == 1, service.output()[-2000:]
    assert fired[0]["fixed"] == 1 and fired[0]["rule"].startswith("arn:aws:events:us-east-1:000000000000:rule/processes-dev-ScheduledEventsRuleSchedule1")
    assert fired[0]["when"].endswith("Z")
    service.advance_clock(86400)  # both due now: each fires once
    deadline = time.time() + 15
    while time.time() < deadline and len(scheduled_lines()) < before + 3:
        time.sleep(0.1)
    events = [e for e in scheduled_lines()[before + 1:] if "detail-type" in e]
    assert len(events) == 1, scheduled_lines()
    assert events[0]["detail-type"] == "Scheduled Event" and events[0]["source"] == "aws.events" and events[0]["detail"] == {}
    assert events[0]["resources"] == ["arn:aws:events:us-east-1:000000000000:rule/processes-dev-ScheduledEventsRuleSchedule2"]
    routes = subprocess.run([FIXTURES_BINARY, "routes", CONFIG], capture_output=True, text=True, timeout=60).stdout
    assert "rate(1 hour)" in routes and "cron(0 12 * * ? *)" in routes and "disabled" in routes


def write_artifact(path, entries):
    import zipfile
    with zipfile.ZipFile(path, "w") as archive:
        for name, (text, mode) in entries.items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (0o100000 | mode) << 16  # a regular file with its Unix permissions
            archive.writestr(info, text)


def test_a_provided_function_runs_the_bootstrap_of_its_package_artifact(tmp_path):
    runtime = open(os.path.join(FIXTURES, "processes", "script-runtime.sh")).read()
    write_artifact(tmp_path / "function.zip", {"bootstrap": (runtime, 0o755), "data/readme.txt": ("x", 0o644)})
    config = tmp_path / "serverless.yml"
    config.write_text("service: zipped\nprovider: {name: aws, runtime: provided.al2023}\n"
                      "functions:\n  hello:\n    handler: bootstrap\n    package: {artifact: function.zip}\n")
    emulator = Emulator(str(config)).start()
    try:
        response, body = invoke(emulator, "zipped-dev-hello", {"z": 1})
        assert response["StatusCode"] == 200 and body == {"shell": True, "event": {"z": 1}}
        assert emulator.ready["functions"]["hello"]["runs"] == "process"
    finally:
        emulator.stop()


@pytest.mark.parametrize("entries,expected", [
    ({"../escape": ("x", 0o755), "bootstrap": ("#!/bin/sh\n", 0o755)}, "outside its folder"),
    ({"other": ("x", 0o755)}, "no bootstrap at its root"),
    ({"bootstrap": ("#!/bin/sh\n", 0o644)}, "not executable"),
    (None, "is not a zip"),
])
def test_a_bad_package_artifact_is_refused_at_start_with_the_reason(tmp_path, entries, expected):
    if entries is None:
        (tmp_path / "function.zip").write_bytes(b"not a zip at all")
    else:
        write_artifact(tmp_path / "function.zip", entries)
    config = tmp_path / "serverless.yml"
    config.write_text("service: zipped\nprovider: {name: aws, runtime: provided.al2023}\n"
                      "functions:\n  hello:\n    handler: bootstrap\n    package: {artifact: function.zip}\n")
    completed = subprocess.run([FIXTURES_BINARY, "up", str(config), "--port", "0", "--cognito-port", "0", "--lambda-port", "0", "--in-memory"],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode != 0 and expected in completed.stderr, completed.stderr
    assert not (tmp_path.parent / "escape").exists()


def test_one_process_takes_several_invocations_under_aws_lambda_max_concurrency(service):
    outcomes = [o.response["Error"]["Code"] if isinstance(o, botocore.exceptions.ClientError) else o
                for o in invoke_at_once(service, "processes-dev-managed")]
    served = [o for o in outcomes if isinstance(o, dict)]
    assert len(served) == 2 and outcomes.count("TooManyRequestsException") == 1, outcomes
    assert len({o["pid"] for o in served}) == 1 and len({o["thread"] for o in served}) == 2


def test_the_cognito_endpoint_knows_which_function_signed_a_call(tmp_path, monkeypatch):
    monkeypatch.setenv("LOG_LEVEL", "debug")
    emulator = Emulator(CONFIG, binary=FIXTURES_BINARY).start()
    try:
        answer = requests.post(emulator.ready["api"] + "/signup", json={"email": "who@example.com", "password": "Passw0rd!x"}, timeout=60)
        assert answer.status_code == 200
        env = json.loads(invoke(emulator, "processes-dev-swiftEnv")[1]["body"])  # an in-process closure sees the same kind of values
        assert env["AWS_ACCESS_KEY_ID"].startswith("ASIA") and env["AWS_ENDPOINT_URL_LAMBDA"] == emulator.ready["lambda"]
        caller = "aws.caller=arn:aws:sts::000000000000:assumed-role/processes-dev-us-east-1-lambdaRole/processes-dev-signup"
        assert caller in emulator.output()
    finally:
        emulator.stop()


def test_a_command_that_does_not_exist_is_lambdas_invalid_entrypoint_and_the_emulator_keeps_serving(service):
    response, body = invoke(service, "processes-dev-missingCommand")
    assert response["FunctionError"] == "Unhandled" and body["errorType"] == "Runtime.InvalidEntrypoint"
    assert "/no/such/runtime-binary" in body["errorMessage"]
    assert requests.get(service.ready["api"] + "/echo", timeout=60).status_code == 200


def test_a_throttled_function_behind_a_rest_route_is_api_gateways_internal_server_error(service):
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        answers = list(pool.map(lambda _: requests.get(service.ready["api"] + "/slow?seconds=1.5", timeout=60), range(3)))
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses == [200, 200, 500], [a.text for a in answers]
    refused = next(answer for answer in answers if answer.status_code == 500)
    assert refused.json() == {"message": "Internal server error"} and refused.headers["x-amzn-ErrorType"] == "InternalServerErrorException"


def function_client(service, env, **overrides):
    keys = {"aws_access_key_id": env["AWS_ACCESS_KEY_ID"], "aws_secret_access_key": env["AWS_SECRET_ACCESS_KEY"],
            "aws_session_token": env["AWS_SESSION_TOKEN"]}
    keys.update(overrides)
    return boto3.client("cognito-idp", endpoint_url=service.ready["cognito"], region_name="us-east-1", **keys)


def test_a_functions_credentials_are_verified_and_its_role_applied_at_the_cognito_endpoint(service):
    env = requests.get(service.ready["api"] + "/echo", timeout=60).json()["env"]
    pool = service.pool("UserPool")["id"]
    client = function_client(service, env)
    client.admin_create_user(UserPoolId=pool, Username="role@example.com", MessageAction="SUPPRESS")  # allowed by iam.role.statements
    with pytest.raises(botocore.exceptions.ClientError) as denied:
        client.list_users(UserPoolId=pool)
    assert denied.value.response["Error"]["Code"] == "AccessDeniedException"
    assert denied.value.response["Error"]["Message"] == (
        "User: arn:aws:sts::000000000000:assumed-role/processes-dev-us-east-1-lambdaRole/processes-dev-echo is not authorized to perform: "
        f"cognito-idp:ListUsers on resource: arn:aws:cognito-idp:us-east-1:000000000000:userpool/{pool} "
        "because no identity-based policy allows the cognito-idp:ListUsers action")
    # Keys the emulator did not issue keep full access, unchecked.
    assert "Users" in service.client().list_users(UserPoolId=pool)


def test_a_signature_that_does_not_match_is_refused_as_aws_refuses_it(service):
    env = requests.get(service.ready["api"] + "/echo", timeout=60).json()["env"]
    pool = service.pool("UserPool")["id"]
    tampered = function_client(service, env)

    def change_a_byte(request, **_):
        request.body = request.body.replace(b"tamper", b"tampes")
    tampered.meta.events.register_last("before-send.cognito-idp.AdminCreateUser", change_a_byte)
    with pytest.raises(botocore.exceptions.ClientError) as mismatch:
        tampered.admin_create_user(UserPoolId=pool, Username="tamper@example.com", MessageAction="SUPPRESS")
    assert mismatch.value.response["Error"]["Code"] == "InvalidSignatureException"
    assert mismatch.value.response["Error"]["Message"].startswith("The request signature we calculated does not match the signature you provided.")
    with pytest.raises(botocore.exceptions.ClientError) as wrong_secret:
        function_client(service, env, aws_secret_access_key="not-the-secret").admin_create_user(
            UserPoolId=pool, Username="x@example.com", MessageAction="SUPPRESS")
    assert wrong_secret.value.response["Error"]["Code"] == "InvalidSignatureException"
    with pytest.raises(botocore.exceptions.ClientError) as wrong_token:
        function_client(service, env, aws_session_token="forged").admin_create_user(UserPoolId=pool, Username="y@example.com", MessageAction="SUPPRESS")
    assert wrong_token.value.response["Error"]["Code"] == "UnrecognizedClientException"
    with pytest.raises(botocore.exceptions.ClientError) as missing:
        service.client().admin_get_user(UserPoolId=pool, Username="tamper@example.com")
    assert missing.value.response["Error"]["Code"] == "UserNotFoundException"  # nothing was created by the refused requests


def test_the_invoke_api_checks_issued_keys_signatures_and_policies(service):
    """A function's own credentials reach the Lambda endpoint (boto3, nothing but the injected
    environment) and its role has no lambda:InvokeFunction: refused with IAM's text, as on AWS. The
    developer's key is allowed; a wrong secret for it is refused; keys the emulator did not issue are
    taken unchecked."""
    denied = invoke(service, "processes-dev-invoker", {"function": "processes-dev-echo"})[1]
    assert denied == {"code": "AccessDeniedException", "message": (
        "User: arn:aws:sts::000000000000:assumed-role/processes-dev-us-east-1-lambdaRole/processes-dev-invoker is not authorized to "
        "perform: lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:000000000000:function:processes-dev-echo "
        "because no identity-based policy allows the lambda:InvokeFunction action")}, denied
    keys = service.ready["credentials"]

    def developer(secret):
        return boto3.client("lambda", endpoint_url=service.ready["lambda"], region_name="us-east-1", aws_access_key_id=keys["accessKeyId"],
                            aws_secret_access_key=secret, config=botocore.config.Config(retries={"total_max_attempts": 1}))
    assert developer(keys["secretAccessKey"]).invoke(FunctionName="processes-dev-echo", Payload=b"{}")["StatusCode"] == 200
    with pytest.raises(botocore.exceptions.ClientError) as wrong:
        developer("not-the-secret").invoke(FunctionName="processes-dev-echo", Payload=b"{}")
    assert wrong.value.response["Error"]["Code"] == "InvalidSignatureException"
    assert wrong.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    assert lambda_client(service).get_function(FunctionName="processes-dev-echo")["Configuration"]["FunctionName"] == "processes-dev-echo"


def test_a_go1x_function_runs_its_handler_executable_or_the_one_in_its_artifact(tmp_path):
    """go1.x: aws-lambda-go speaks the Runtime API when AWS_LAMBDA_RUNTIME_API is set; the handler names the
    executable, in the service folder or in package.artifact (a shell runtime stands in for a Go binary)."""
    import shutil
    import stat
    import zipfile
    script = os.path.join(FIXTURES, "processes", "script-runtime.sh")
    (tmp_path / "bin").mkdir()
    shutil.copy(script, tmp_path / "bin" / "hello")
    (tmp_path / "bin" / "hello").chmod(0o755)
    with zipfile.ZipFile(tmp_path / "world.zip", "w") as archive:
        info = zipfile.ZipInfo("world")
        info.external_attr = (stat.S_IFREG | 0o755) << 16
        archive.writestr(info, open(script).read())
    (tmp_path / "serverless.yml").write_text(
        "service: go\nprovider: {name: aws, runtime: go1.x}\nfunctions:\n  hello: {handler: bin/hello}\n"
        "  world: {handler: world, package: {artifact: world.zip}}\n  unbuilt: {handler: bin/unbuilt}\n")
    for name in ["hello", "world"]:
        completed = subprocess.run([BINARY, "invoke", name, "serverless.yml", "--in-memory", "--data", '{"n":1}'],
                                   cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert completed.returncode == 0, completed.stderr
        assert json.loads(completed.stdout) == {"shell": True, "event": {"n": 1}}
    # Not built yet: the service loads with a warning (an error under --strict); its invocations fail as Lambda's do.
    loads = subprocess.run([BINARY, "validate", "serverless.yml"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert loads.returncode == 0, loads.stderr
    assert "function 'unbuilt' (runtime go1.x): its handler 'bin/unbuilt' is not built yet" in loads.stderr
    strict = subprocess.run([BINARY, "validate", "serverless.yml", "--strict"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert strict.returncode == 1
    failed = subprocess.run([BINARY, "invoke", "unbuilt", "serverless.yml", "--in-memory"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=60)
    assert failed.returncode == 1 and json.loads(failed.stdout)["errorType"] == "Runtime.InvalidEntrypoint", failed.stdout + failed.stderr


def test_a_ruby_function_runs_with_aws_lambda_ric_and_loads_with_a_warning_where_it_is_missing(tmp_path):
    (tmp_path / "serverless.yml").write_text("service: rb\nprovider: {name: aws, runtime: ruby3.3}\nfunctions:\n  f: {handler: handler.run}\n")
    import shutil
    loads = subprocess.run([BINARY, "validate", "serverless.yml"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert loads.returncode == 0, loads.stderr
    if shutil.which("aws_lambda_ric") is None:
        assert "runs with the Ruby runtime interface client (gem install aws_lambda_ric), which is not installed" in loads.stderr


def test_a_runtime_the_emulator_does_not_run_loads_with_a_warning_and_its_invocations_say_why(tmp_path):
    (tmp_path / "serverless.yml").write_text(
        "service: jv\nprovider: {name: aws, runtime: java17}\nfunctions:\n  f: {handler: com.example.Handler, events: [{httpApi: GET /f}]}\n"
        "  img: {image: app}\n")
    loads = subprocess.run([BINARY, "validate", "serverless.yml"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert loads.returncode == 0, loads.stderr
    assert "function 'f': runtime java17 does not run out of process here; set custom.emulate.functions.f.command" in loads.stderr
    assert "function 'img' has no handler: a function deployed as a container image (image:) does not run offline" in loads.stderr
    strict = subprocess.run([BINARY, "validate", "serverless.yml", "--strict"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert strict.returncode == 1
    emulator = Emulator(str(tmp_path / "serverless.yml")).start()
    try:
        answer = requests.get(emulator.ready["httpApi"] + "/f", timeout=30)
        assert answer.status_code == 500 and answer.json() == {"message": "Internal Server Error"}
        assert "Runtime.InvalidEntrypoint" in emulator.output()
    finally:
        emulator.stop()
