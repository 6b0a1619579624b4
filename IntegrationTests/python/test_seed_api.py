"""The seed service through its real HTTP API, as the README's curl session runs it."""
import base64
import os
import json

import requests


def test_signup_login_private(seed, email):
    status, body = seed.json("POST", "/user/signup", json.dumps({"email": email, "password": "secret123"}))
    assert (status, body) == (200, {"message": "User registration successful"})
    status, body = seed.json("POST", "/user/signup", json.dumps({"email": email, "password": "secret123"}))
    assert (status, body) == (409, {"message": "User account already exists"})
    status, body = seed.json("POST", "/user/login", json.dumps({"email": email, "password": "secret123"}))
    assert status == 200 and body["message"] == "Success"
    token = body["token"]
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert claims["email"] == email and claims["token_use"] == "id"
    status, body = seed.json("POST", "/user/private", headers={"Authorization": token})
    assert (status, body) == (200, {"message": f"Email {email} has been authorized"})
    status, body = seed.json("POST", "/user/private", headers={"Authorization": "Bearer " + token})
    assert status == 200


def test_private_refuses_missing_and_tampered_tokens(seed, email):
    seed.json("POST", "/user/signup", json.dumps({"email": email, "password": "secret123"}))
    token = seed.json("POST", "/user/login", json.dumps({"email": email, "password": "secret123"}))[1]["token"]
    status, headers, raw = seed.request("POST", "/user/private")
    assert (status, json.loads(raw)) == (401, {"message": "Unauthorized"})
    assert headers["x-amzn-ErrorType"] == "UnauthorizedException"
    header, payload, signature = token.split(".")
    forged_claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    forged_claims["email"] = "mallory@example.com"
    forged = header + "." + base64.urlsafe_b64encode(json.dumps(forged_claims).encode()).decode().rstrip("=") + "." + signature
    assert seed.json("POST", "/user/private", headers={"Authorization": forged}) == (401, {"message": "Unauthorized"})
    assert seed.json("POST", "/user/private", headers={"Authorization": token[:-2] + ("AA" if token[-2:] != "AA" else "BB")}) == \
        (401, {"message": "Unauthorized"})


def test_unknown_path_method_and_stage_are_missing_authentication_token(seed):
    for method, path in [("POST", "/nope"), ("GET", "/user/login"), ("DELETE", "/user/signup")]:
        status, headers, raw = seed.request(method, path)
        assert (status, json.loads(raw)) == (403, {"message": "Missing Authentication Token"})
        assert headers["x-amzn-ErrorType"] == "MissingAuthenticationTokenException"
    base = seed.api_url.rsplit("/", 1)[0]
    import urllib.request
    try:
        urllib.request.urlopen(urllib.request.Request(base + "/prod/user/login", data=b"{}", method="POST"))
        raise AssertionError("another stage answered")
    except urllib.error.HTTPError as error:
        assert error.code == 403


def test_bad_input_gets_a_clear_400_or_401(seed, email):
    assert seed.json("POST", "/user/signup", "not json") == (400, {"message": "The request body must be a JSON object with email and password"})
    assert seed.json("POST", "/user/signup", json.dumps({"email": "nope", "password": "secret123"})) == \
        (400, {"message": "email is missing or is not an e-mail address"})
    assert seed.json("POST", "/user/signup", json.dumps({"email": email, "password": "short"})) == \
        (400, {"message": "Password did not conform with policy: Password not long enough"})
    assert seed.json("POST", "/user/login", json.dumps({"email": email, "password": "whatever1"}))[0] == 401
    seed.json("POST", "/user/signup", json.dumps({"email": email, "password": "secret123"}))
    assert seed.json("POST", "/user/login", json.dumps({"email": email, "password": "wrong-one"})) == \
        (401, {"message": "Incorrect username or password."})


def test_cors_preflight(seed):
    status, headers, raw = seed.request("OPTIONS", "/user/signup", headers={"Origin": "http://localhost:5173"})
    assert status == 200 and raw == b""
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert headers["Access-Control-Allow-Methods"] == "OPTIONS,POST"
    assert headers["Access-Control-Allow-Headers"] == "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Amz-User-Agent,X-Amzn-Trace-Id"


def test_ready_file_matches_the_contract(seed):
    ready = seed.ready
    assert ready["api"].endswith("/dev") and ready["stage"] == "dev" and ready["region"] == "us-east-1"
    assert ready["routes"] == [
        {"api": "rest", "method": "POST", "path": "/user/login", "function": "loginUser", "authorizer": None},
        {"api": "rest", "method": "POST", "path": "/user/signup", "function": "signupUser", "authorizer": None},
        {"api": "rest", "method": "POST", "path": "/user/private", "function": "privateAPI", "authorizer": "COGNITO_USER_POOLS"},
    ]
    pool = ready["userPools"]["UserPool"]
    assert pool["jwksUri"] == pool["issuer"] + "/.well-known/jwks.json"
    assert len(pool["clients"]["UserClient"]) == 26


def test_no_password_or_token_reaches_the_log(seed, email):
    password = "Never-Logged-9"
    seed.json("POST", "/user/signup", json.dumps({"email": email, "password": password}))
    token = seed.json("POST", "/user/login", json.dumps({"email": email, "password": password}))[1]["token"]
    seed.json("POST", "/user/private", headers={"Authorization": token})
    seed.json("POST", "/user/login", json.dumps({"email": email, "password": "Wrong-" + password}))
    log = seed.output()
    assert email.split("@")[0] in log or "/user/login" in log
    assert password not in log
    assert token not in log and token.split(".")[2] not in log


def test_admin_routes_are_not_reachable_from_the_api_port(seed):
    base = seed.api_url.rsplit("/", 1)[0]
    for path in ["/_emulate/messages", "/dev/_emulate/messages", "/_emulate/clock"]:
        response = requests.request("GET" if "messages" in path else "POST", base + path, data=b'{"advanceSeconds": 1}')
        assert response.status_code == 403 and response.json() == {"message": "Missing Authentication Token"}


def test_admin_routes_are_not_reachable_from_the_lambda_port(seed):
    before = requests.get(seed.ready["cognito"] + "/_emulate/messages", timeout=10).json()
    for method, path in [("GET", "/_emulate/messages"), ("POST", "/_emulate/clock"), ("POST", "/_emulate/reset"),
                         ("GET", "/_emulate/console/"), ("GET", "/2015-03-31/functions/../../_emulate/messages")]:
        response = requests.request(method, seed.ready["lambda"] + path, data=b'{"advanceSeconds": 86400}', timeout=10)
        assert response.status_code in (403, 404), (path, response.status_code, response.text)
        body = response.json()
        assert isinstance(body, dict) and ("message" in body or "Message" in body), body  # an error, not the outbox
    assert requests.get(seed.ready["cognito"] + "/_emulate/messages", timeout=10).json() == before


def test_binding_beyond_loopback_warns():
    import subprocess
    from emulator import BINARY, ROOT
    process = subprocess.Popen([BINARY, "up", os.path.join(ROOT, "serverless.yml"), "--host", "0.0.0.0", "--port", "0", "--cognito-port", "0", "--lambda-port", "0",
                                "--in-memory"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        assert line.startswith("warning: listening on 0.0.0.0:")
    finally:
        process.terminate()
        process.wait(timeout=30)
