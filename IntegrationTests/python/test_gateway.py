"""API Gateway's rules, through the real HTTP server (handlers from emulate-fixtures)."""
import json
import time

import pytest


def echo(gateway, method, path, body=None, headers=None):
    status, _, raw = gateway.request(method, path, body, headers)
    assert status == 200, raw
    return json.loads(raw)


def test_proxy_event_fields(gateway):
    event = echo(gateway, "GET", "/echo/42?color=red&color=blue&empty=", headers={"X-Trace": "a", "User-Agent": "pytest"})
    assert event["resource"] == "/echo/{id}"
    assert event["path"] == "/echo/42"
    assert event["httpMethod"] == "GET"
    assert event["pathParameters"] == {"id": "42"}
    assert event["queryStringParameters"] == {"color": "blue", "empty": ""}
    assert event["multiValueQueryStringParameters"] == {"color": ["red", "blue"], "empty": [""]}
    assert event["headers"]["X-Trace"] == "a" and event["multiValueHeaders"]["X-Trace"] == ["a"]
    assert event["stageVariables"] is None and event["body"] is None and event["isBase64Encoded"] is False
    context = event["requestContext"]
    assert context["path"] == "/test/echo/42" and context["stage"] == "test" and context["resourcePath"] == "/echo/{id}"
    assert context["httpMethod"] == "GET" and context["protocol"] == "HTTP/1.1" and context["accountId"] == "000000000000"
    assert context["identity"]["sourceIp"] == "127.0.0.1" and context["identity"]["userAgent"] == "pytest"
    assert context["requestId"] and abs(context["requestTimeEpoch"] / 1000 - time.time()) < 60
    assert "authorizer" not in context or context["authorizer"] is None
    plain = echo(gateway, "GET", "/echo/static")
    assert plain["resource"] == "/echo/static" and plain["pathParameters"] is None and plain["queryStringParameters"] is None


def test_static_segments_win_and_greedy_paths_and_any(gateway):
    assert echo(gateway, "GET", "/echo/static")["resource"] == "/echo/static"
    assert echo(gateway, "GET", "/echo/other")["resource"] == "/echo/{id}"
    event = echo(gateway, "DELETE", "/files/a/b%20c/d.txt")
    assert event["resource"] == "/files/{proxy+}" and event["pathParameters"] == {"proxy": "a/b c/d.txt"}
    assert echo(gateway, "GET", "/echo/42/")["pathParameters"] == {"id": "42"}
    assert echo(gateway, "GET", "/echo/a%2Fb")["pathParameters"] == {"id": "a/b"}
    assert gateway.json("GET", "/files")[0] == 403


def test_bodies_text_and_binary(gateway):
    event = echo(gateway, "POST", "/items", json.dumps({"name": "x"}), {"Content-Type": "application/json"})
    assert event["body"] == '{"name": "x"}' and event["isBase64Encoded"] is False
    event = echo(gateway, "POST", "/upload", bytes([0, 159, 146, 150]), {"Content-Type": "application/octet-stream"})
    assert event["isBase64Encoded"] is True and event["body"] == "AJ+Slg=="
    status, headers, raw = gateway.request("GET", "/binary")
    assert status == 200 and raw == bytes([0, 1, 2, 255]) and headers["Content-Type"] == "application/octet-stream"


def test_function_environment_and_lambda_variables(gateway):
    status, _, raw = gateway.request("GET", "/env")
    environment = json.loads(raw)
    pool = gateway.pool("Pool")
    assert environment["POOL_ID"] == pool["id"] and environment["POOL_ARN"] == pool["arn"]
    assert environment["CLIENT_ID"] == pool["clients"]["Client"] and environment["SHARED"] == "provider"
    assert environment["AWS_LAMBDA_FUNCTION_NAME"] == "gateway-conformance-test-env"
    assert environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] == "256" and environment["AWS_REGION"] == "us-east-1"
    assert echo(gateway, "GET", "/echo/static")  # the echo function overrides SHARED; checked in Swift tests


def test_iam_statements_are_enforced_for_the_in_process_client(gateway):
    status, _, raw = gateway.request("GET", "/iam")
    outcome = json.loads(raw)
    pool = gateway.pool("Pool")
    assert outcome["AdminGetUser"] == "UserNotFoundException: User does not exist."
    assert outcome["AdminCreateUser"] == (
        "AccessDeniedException: User: arn:aws:sts::000000000000:assumed-role/gateway-conformance-test-us-east-1-lambdaRole/"
        f"gateway-conformance-test-iam is not authorized to perform: cognito-idp:AdminCreateUser on resource: {pool['arn']} "
        "because no identity-based policy allows the cognito-idp:AdminCreateUser action")


@pytest.mark.parametrize("path,status,body", [
    ("/fail/throw", 502, {"message": "Internal server error"}),
    ("/fail/sleep", 502, {"message": "Internal server error"}),
    ("/fail/integration", 504, {"message": "Endpoint request timed out"}),
    ("/fail/malformed", 502, {"message": "Internal server error"}),
    ("/fail/malformed?kind=string-status", 502, {"message": "Internal server error"}),
    ("/fail/malformed?kind=unknown-key", 502, {"message": "Internal server error"}),
    ("/fail/malformed?kind=object-body", 502, {"message": "Internal server error"}),
])
def test_handler_failures_map_to_api_gateway_errors(gateway, path, status, body):
    assert gateway.json("GET", path) == (status, body)


def test_a_hanging_handler_does_not_block_other_requests(gateway):
    import threading
    results = []
    hanging = threading.Thread(target=lambda: results.append(gateway.json("GET", "/fail/sleep")[0]))
    hanging.start()
    time.sleep(0.1)
    assert gateway.json("GET", "/echo/static")[0] == 200
    hanging.join()
    assert results == [502]
    log = gateway.output()
    assert "Task timed out after 1.00 seconds" in log
    assert "the fixture failed on purpose" in log


def test_cognito_authorizer_claims_and_token_kinds(gateway, email):
    cognito = gateway.client()
    pool = gateway.pool("Pool")
    cognito.admin_create_user(UserPoolId=pool["id"], Username=email, MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}])
    cognito.admin_set_user_password(UserPoolId=pool["id"], Username=email, Password="Passw0rd-1", Permanent=True)
    tokens = cognito.admin_initiate_auth(UserPoolId=pool["id"], ClientId=pool["clients"]["Client"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                         AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd-1"})["AuthenticationResult"]
    event = echo(gateway, "GET", "/protected", headers={"Authorization": tokens["IdToken"]})
    claims = event["requestContext"]["authorizer"]["claims"]
    assert claims["email"] == email and claims["email_verified"] == "true" and claims["token_use"] == "id"
    assert claims["aud"] == pool["clients"]["Client"] and claims["cognito:username"] == email
    assert all(isinstance(value, str) for value in claims.values())
    assert claims["exp"].endswith(" UTC " + time.strftime("%Y", time.gmtime())) and claims["auth_time"].isdigit()
    assert gateway.json("GET", "/protected", headers={"Authorization": tokens["AccessToken"]}) == (401, {"message": "Unauthorized"})
    scoped = echo(gateway, "GET", "/scoped", headers={"Authorization": tokens["AccessToken"]})
    assert scoped["requestContext"]["authorizer"]["scopes"] == ["aws.cognito.signin.user.admin"]
    assert gateway.json("GET", "/scoped", headers={"Authorization": tokens["IdToken"]}) == (401, {"message": "Unauthorized"})
    cognito.global_sign_out(AccessToken=tokens["AccessToken"])
    assert gateway.json("GET", "/protected", headers={"Authorization": tokens["IdToken"]}) == (401, {"message": "Unauthorized"})


def test_expired_token_gets_the_expired_message(isolated_gateway, email):
    gateway = isolated_gateway
    cognito = gateway.client()
    pool = gateway.pool("Pool")
    cognito.admin_create_user(UserPoolId=pool["id"], Username=email, MessageAction="SUPPRESS", UserAttributes=[{"Name": "email", "Value": email}])
    cognito.admin_set_user_password(UserPoolId=pool["id"], Username=email, Password="Passw0rd-1", Permanent=True)
    token = cognito.admin_initiate_auth(UserPoolId=pool["id"], ClientId=pool["clients"]["Client"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                        AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd-1"})["AuthenticationResult"]["IdToken"]
    assert gateway.json("GET", "/protected", headers={"Authorization": token})[0] == 200
    gateway.advance_clock(3601)
    assert gateway.json("GET", "/protected", headers={"Authorization": token}) == (401, {"message": "The incoming token has expired"})


def test_lambda_token_authorizer(gateway):
    event = echo(gateway, "GET", "/guarded", headers={"Authorization": "alice"})
    authorizer = event["requestContext"]["authorizer"]
    assert authorizer["principalId"] == "user-alice" and authorizer["token"] == "alice"
    assert gateway.json("GET", "/guarded") == (401, {"message": "Unauthorized"})
    assert gateway.json("GET", "/guarded", headers={"Authorization": "unauthorized"}) == (401, {"message": "Unauthorized"})
    assert gateway.json("GET", "/guarded", headers={"Authorization": "deny"}) == \
        (403, {"Message": "User is not authorized to access this resource with an explicit deny"})
    assert gateway.json("GET", "/guarded", headers={"Authorization": "broken"}) == (500, {"message": None})


def test_lambda_request_authorizer(gateway):
    event = echo(gateway, "GET", "/tenants", headers={"X-Tenant": "acme"})
    assert event["requestContext"]["authorizer"]["tenant"] == "acme"
    assert gateway.json("GET", "/tenants", headers={"X-Tenant": "blocked"})[0] == 403
    assert gateway.json("GET", "/tenants") == (401, {"message": "Unauthorized"})


def test_bodies_over_ten_megabytes_are_refused(gateway):
    status, _, raw = gateway.request("POST", "/items", b"x" * (10 * 1024 * 1024 + 1))
    assert (status, json.loads(raw)) == (413, {"message": "Request Too Long"})
    assert gateway.json("GET", "/echo/static")[0] == 200


def test_sigterm_drains_in_flight_requests(isolated_gateway):
    import signal
    import threading
    gateway = isolated_gateway
    results = []
    waiting = threading.Thread(target=lambda: results.append(gateway.json("GET", "/fail/sleep")))
    waiting.start()
    time.sleep(0.3)
    gateway.process.send_signal(signal.SIGTERM)
    waiting.join(timeout=30)
    assert results == [(502, {"message": "Internal server error"})]
    assert gateway.process.wait(timeout=30) == 0


def test_a_token_issued_in_the_future_is_refused(isolated_gateway, email):
    gateway = isolated_gateway
    cognito = gateway.client()
    pool = gateway.pool("Pool")
    cognito.admin_create_user(UserPoolId=pool["id"], Username=email, MessageAction="SUPPRESS", UserAttributes=[{"Name": "email", "Value": email}])
    cognito.admin_set_user_password(UserPoolId=pool["id"], Username=email, Password="Passw0rd-1", Permanent=True)
    gateway.advance_clock(600)
    tokens = cognito.admin_initiate_auth(UserPoolId=pool["id"], ClientId=pool["clients"]["Client"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                         AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd-1"})["AuthenticationResult"]
    gateway.advance_clock(-600)
    assert gateway.json("GET", "/protected", headers={"Authorization": tokens["IdToken"]}) == (401, {"message": "Unauthorized"})
    try:
        cognito.get_user(AccessToken=tokens["AccessToken"])
        raise AssertionError("a token from the future was taken")
    except cognito.exceptions.NotAuthorizedException as error:
        assert error.response["Error"]["Message"] == "Invalid Access Token"
    gateway.advance_clock(600)
    assert gateway.json("GET", "/protected", headers={"Authorization": tokens["IdToken"]})[0] == 200
