"""A service written for serverless-offline: custom.serverless-offline's httpPort, lambdaPort,
noPrependStageInUrl, prefix and noAuth mean what they mean there (fixtures/offline-plugin.yml)."""
import json
import os
import subprocess

import boto3
import requests

from emulator import BINARY, FIXTURES, Emulator, free_port

CONFIG = os.path.join(FIXTURES, "offline-plugin.yml")


def start(*params, free_api_ports=False, extra=()):
    args = [arg for param in params for arg in ("--param", param)] + list(extra)
    emulator = Emulator(CONFIG, extra_args=args, free_api_ports=free_api_ports)
    return emulator.start()


def test_the_plugins_ports_prefix_and_stage_less_urls_are_honoured():
    http_port, lambda_port = free_port(), free_port()
    emulator = start(f"httpPort={http_port}", f"lambdaPort={lambda_port}")
    try:
        assert emulator.ready["api"] == f"http://127.0.0.1:{http_port}/api"
        assert emulator.ready["httpApi"] == f"http://127.0.0.1:{http_port}/api"
        assert emulator.ready["lambda"] == f"http://127.0.0.1:{lambda_port}"
        base = f"http://127.0.0.1:{http_port}"
        rest = requests.get(f"{base}/api/hello", timeout=30)
        assert rest.status_code == 200, rest.text
        event = rest.json()
        # The event is the one AWS delivers: the resource path, and the stage in requestContext.path.
        assert (event["path"], event["resource"], event["requestContext"]["path"]) == ("/hello", "/hello", "/dev/hello")
        assert requests.get(f"{base}/api", timeout=30).json()["resource"] == "/"
        http = requests.get(f"{base}/api/items/7", timeout=30)
        assert http.status_code == 200, http.text
        assert (http.json()["rawPath"], http.json()["pathParameters"]) == ("/items/7", {"id": "7"})
        # Not under the prefix, or with the stage: not a route.
        assert requests.get(f"{base}/dev/hello", timeout=30).status_code == 404
        assert requests.get(f"{base}/hello", timeout=30).status_code == 404
        invoked = boto3.client("lambda", endpoint_url=emulator.ready["lambda"], region_name="us-east-1",
                               aws_access_key_id=emulator.ready["credentials"]["accessKeyId"],
                               aws_secret_access_key=emulator.ready["credentials"]["secretAccessKey"])
        answer = invoked.invoke(FunctionName="offline-plugin-dev-echo", Payload=json.dumps({"ping": 1}))
        assert json.loads(answer["Payload"].read())["statusCode"] == 200
        output = emulator.output()
        assert "noAuth is true: every authorizer is off" in output, output
    finally:
        emulator.stop()


def test_authorizers_stay_on_and_the_stage_stays_in_rest_urls_unless_the_settings_say_so():
    emulator = start("httpPort=0", "lambdaPort=0", "noPrependStageInUrl=false", "noAuth=false", "prefix=")
    try:
        api, http = emulator.ready["api"], emulator.ready["httpApi"]
        assert api.endswith("/dev") and not http.endswith("/api"), emulator.ready
        assert requests.get(f"{api}/hello", timeout=30).status_code == 401
        assert requests.get(f"{http}/items/7", timeout=30).status_code == 401
        assert requests.get(f"{api}/", timeout=30).status_code == 200
        assert [route["authorizer"] for route in emulator.ready["routes"]] == ["COGNITO_USER_POOLS", None, "JWT"]
    finally:
        emulator.stop()


def test_flags_win_over_the_plugins_ports():
    taken = free_port()
    emulator = start(f"httpPort={taken}", f"lambdaPort={taken}", free_api_ports=True)
    try:
        assert f":{taken}" not in emulator.ready["api"] and f":{taken}" not in emulator.ready["lambda"], emulator.ready
        assert requests.get(f"{emulator.ready['api']}/hello", timeout=30).status_code == 200
    finally:
        emulator.stop()


def test_routes_lists_the_urls_the_settings_give():
    answer = subprocess.run([BINARY, "routes", CONFIG, "--param", "httpPort=0", "--param", "lambdaPort=0"],
                            capture_output=True, text=True, timeout=60)
    assert answer.returncode == 0, answer.stderr
    assert "/api/hello" in answer.stdout and "/api/items/{id}" in answer.stdout and "/dev/" not in answer.stdout, answer.stdout


def test_a_port_out_of_range_is_an_error_at_its_line():
    answer = subprocess.run([BINARY, "validate", CONFIG, "--param", "httpPort=70000", "--param", "lambdaPort=0"],
                            capture_output=True, text=True, timeout=60)
    assert answer.returncode == 1
    assert "offline-plugin.yml:8:" in answer.stderr and "httpPort must be a port between 0 and 65535, not 70000" in answer.stderr, answer.stderr
