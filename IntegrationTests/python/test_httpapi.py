"""HTTP APIs (httpApi events, payload 2.0) through the real server: routing, events checked against
aws-lambda-powertools' models, response inference, JWT / Lambda / IAM authorizers, CORS, AWS's answers."""
import base64
import json
import time
import uuid

import jwt
import pytest
import requests
from aws_lambda_powertools.utilities.parser.models import (
    APIGatewayProxyEventModel,
    APIGatewayProxyEventV2Model,
)


def url(httpapi, path):
    return httpapi.ready["httpApi"] + path


def get(httpapi, path, **kwargs):
    return requests.get(url(httpapi, path), timeout=60, **kwargs)


def sign_in(httpapi, pool="UserPool", client_id=None):
    """A new confirmed user of the pool, and its tokens (boto3)."""
    cognito = httpapi.client()
    pool_id = httpapi.pool(pool)["id"]
    client_id = client_id or next(iter(httpapi.pool(pool)["clients"].values()))
    email = f"http-{uuid.uuid4().hex[:10]}@example.com"
    cognito.admin_create_user(UserPoolId=pool_id, Username=email, MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}])
    cognito.admin_set_user_password(UserPoolId=pool_id, Username=email, Password="Passw0rd!x", Permanent=True)
    result = cognito.admin_initiate_auth(UserPoolId=pool_id, ClientId=client_id, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                         AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd!x"})
    return email, result["AuthenticationResult"]


def test_ready_file_and_route_list_name_the_http_api(httpapi):
    assert httpapi.ready["httpApi"] == httpapi.ready["api"].rsplit("/", 1)[0]
    routes = {(r["api"], r["method"], r["path"]) for r in httpapi.ready["routes"]}
    assert ("http", "GET", "/public/{id}") in routes and ("http", "*", "*") in routes
    assert all(r["api"] == "http" for r in httpapi.ready["routes"])


def test_event_fields_validate_against_powertools_v2_model(httpapi):
    response = get(httpapi, "/public/42?color=red&color=blue&empty=", headers={"X-Trace": "a", "X-Trace-2": "b", "Cookie": "c1=v1; c2=v2"})
    assert response.status_code == 200, response.text
    event = response.json()
    model = APIGatewayProxyEventV2Model.model_validate(event)
    assert model.version == "2.0" and model.routeKey == "GET /public/{id}" and model.rawPath == "/public/42"
    assert event["rawQueryString"] == "color=red&color=blue&empty="
    assert event["queryStringParameters"] == {"color": "red,blue", "empty": ""}
    assert event["pathParameters"] == {"id": "42"}
    assert event["cookies"] == ["c1=v1", "c2=v2"] and "cookie" not in event["headers"]
    assert event["headers"]["x-trace"] == "a" and all(name == name.lower() for name in event["headers"])
    assert event["headers"]["host"].startswith("127.0.0.1:")
    context = event["requestContext"]
    assert context["stage"] == "$default" and context["routeKey"] == "GET /public/{id}"
    assert context["http"] == {"method": "GET", "path": "/public/42", "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                               "userAgent": response.request.headers["User-Agent"]}
    assert abs(context["timeEpoch"] / 1000 - time.time()) < 60 and context["accountId"] == "000000000000"
    for absent in ("body", "stageVariables", "authorizer"):
        assert absent not in event and absent not in context
    assert event["isBase64Encoded"] is False


def test_repeated_headers_are_joined_with_commas(httpapi):
    session = requests.Session()
    prepared = requests.Request("GET", url(httpapi, "/public/1")).prepare()
    prepared.headers = {"X-Multi": "one"}
    event = session.send(prepared, timeout=60).json()
    assert event["headers"]["x-multi"] == "one"
    import http.client
    host = httpapi.ready["httpApi"].split("//")[1]
    connection = http.client.HTTPConnection(host, timeout=30)
    connection.putrequest("GET", "/public/2")
    connection.putheader("X-Multi", "one")
    connection.putheader("X-Multi", "two")
    connection.endheaders()
    answer = json.loads(connection.getresponse().read())
    connection.close()
    assert answer["headers"]["x-multi"] == "one,two"


def test_bodies_text_and_binary(httpapi):
    event = requests.post(url(httpapi, "/items"), json={"name": "widget"}, timeout=60).json()
    assert json.loads(event["body"]) == {"name": "widget"} and event["isBase64Encoded"] is False
    raw = bytes([0, 159, 146, 150, 255])
    binary = requests.post(url(httpapi, "/items"), data=raw, headers={"Content-Type": "application/octet-stream"}, timeout=60).json()
    assert binary["isBase64Encoded"] is True and base64.b64decode(binary["body"]) == raw
    APIGatewayProxyEventV2Model.model_validate(binary)


def test_routing_greedy_static_any_and_default(httpapi):
    assert get(httpapi, "/files/fixed").json()["routeKey"] == "GET /files/fixed"
    greedy = get(httpapi, "/files/a/b/c.txt").json()
    assert greedy["routeKey"] == "GET /files/{proxy+}" and greedy["pathParameters"] == {"proxy": "a/b/c.txt"}
    assert requests.delete(url(httpapi, "/any"), timeout=60).json()["routeKey"] == "ANY /any"
    fallback = requests.put(url(httpapi, "/no/such/route"), timeout=60).json()
    assert fallback["routeKey"] == "$default" and fallback["requestContext"]["routeKey"] == "$default"
    assert "pathParameters" not in fallback


def test_response_inference_and_structured_responses(httpapi):
    text = get(httpapi, "/shapes/string")
    assert text.status_code == 200 and text.text == "plain text answer" and text.headers["Content-Type"] == "application/json"
    inferred = get(httpapi, "/shapes/object")
    assert inferred.status_code == 200 and inferred.json() == {"inferred": True}
    structured = get(httpapi, "/shapes/structured")
    assert structured.status_code == 201 and structured.text == "created" and structured.headers["X-Custom"] == "yes"
    assert structured.raw.headers.getlist("Set-Cookie") == ["session=abc; Path=/", "theme=dark"]
    binary = get(httpapi, "/shapes/base64")
    assert binary.status_code == 200 and binary.content == bytes([0, 1, 2, 255])
    for kind in ("malformed", "object-body", "throw"):
        failed = get(httpapi, f"/shapes/{kind}")
        assert failed.status_code == 500 and failed.json() == {"message": "Internal Server Error"}, kind
        assert "apigw-requestid" in failed.headers


def test_jwt_authorizer_verifies_tokens_from_boto3(httpapi):
    email, tokens = sign_in(httpapi)
    for token in (tokens["IdToken"], tokens["AccessToken"]):
        for header in (token, "Bearer " + token):
            response = get(httpapi, "/private", headers={"Authorization": header})
            assert response.status_code == 200, response.text
    event = get(httpapi, "/private", headers={"Authorization": tokens["IdToken"]}).json()
    APIGatewayProxyEventV2Model.model_validate(event)
    claims = event["requestContext"]["authorizer"]["jwt"]["claims"]
    assert claims["email"] == email and claims["token_use"] == "id" and claims["exp"].isdigit()
    assert all(isinstance(value, str) for value in claims.values())
    assert event["requestContext"]["authorizer"]["jwt"]["scopes"] is None
    access = get(httpapi, "/private", headers={"Authorization": tokens["AccessToken"]}).json()
    assert access["requestContext"]["authorizer"]["jwt"]["scopes"] == ["aws.cognito.signin.user.admin"]


def test_jwt_authorizer_scopes(httpapi):
    _, tokens = sign_in(httpapi)
    assert get(httpapi, "/admin-scope", headers={"Authorization": tokens["AccessToken"]}).status_code == 200
    id_token = get(httpapi, "/admin-scope", headers={"Authorization": tokens["IdToken"]})
    assert id_token.status_code == 403 and id_token.json() == {"message": "Forbidden"}
    assert 'error="insufficient_scope"' in id_token.headers["www-authenticate"]
    wrong = get(httpapi, "/notes-scope", headers={"Authorization": tokens["AccessToken"]})
    assert wrong.status_code == 403 and wrong.json() == {"message": "Forbidden"}


def b64(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def forged_tokens(httpapi, tokens):
    """PyJWT- and hand-crafted attacks on a genuine ID token."""
    import hashlib
    import hmac
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    genuine = tokens["IdToken"]
    head, payload, signature = genuine.split(".")
    claims = jwt.decode(genuine, options={"verify_signature": False})
    kid = jwt.get_unverified_header(genuine)["kid"]
    keys = requests.get(httpapi.pool("UserPool")["jwksUri"], timeout=30).json()["keys"]
    public = jwt.algorithms.RSAAlgorithm.from_jwk(json.dumps(next(k for k in keys if k["kid"] == kid)))
    pem = public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    foreign = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    hs_unsigned = b64(json.dumps({"alg": "HS256", "kid": kid, "typ": "JWT"}).encode()) + "." + payload
    return {
        "alg none": b64(json.dumps({"alg": "none", "kid": kid}).encode()) + "." + payload + ".",
        "HS256 keyed with the public key": hs_unsigned + "." + b64(hmac.new(pem, hs_unsigned.encode(), hashlib.sha256).digest()),
        "foreign key, genuine kid": jwt.encode(claims, foreign, algorithm="RS256", headers={"kid": kid}),
        "changed claim": head + "." + b64(json.dumps({**claims, "email": "mallory@example.com"}).encode()) + "." + signature,
        "wrong aud, foreign key": jwt.encode({**claims, "aud": "someone-else"}, foreign, algorithm="RS256", headers={"kid": kid}),
        "unknown kid": b64(json.dumps({"alg": "RS256", "kid": "nope"}).encode()) + "." + payload + "." + signature,
        "truncated": genuine[:-5],
        "duplicate claim appended": head + "." + b64(json.dumps(claims).encode()[:-1] + b', "email": "mallory@example.com"}') + "." + signature,
        "four segments": genuine + "." + signature,
        "space inside": genuine[:20] + " " + genuine[20:],
    }


def test_jwt_authorizer_refuses_attacks(httpapi):
    _, tokens = sign_in(httpapi)
    attacks = forged_tokens(httpapi, tokens)
    assert len(attacks) == 10
    for name, token in attacks.items():
        response = get(httpapi, "/private", headers={"Authorization": token})
        assert response.status_code == 401, name
        assert response.json() == {"message": "Unauthorized"}, name
        assert response.headers["www-authenticate"].startswith("Bearer"), name
    missing = get(httpapi, "/private")
    assert missing.status_code == 401 and missing.json() == {"message": "Unauthorized"}
    _, other = sign_in(httpapi, pool="OtherPool")
    for token in (other["IdToken"], other["AccessToken"]):
        assert get(httpapi, "/private", headers={"Authorization": token}).status_code == 401


def test_jwt_expired_token_is_refused(httpapi):
    _, tokens = sign_in(httpapi)
    assert get(httpapi, "/private", headers={"Authorization": tokens["IdToken"]}).status_code == 200
    httpapi.advance_clock(2 * 3600)
    try:
        expired = get(httpapi, "/private", headers={"Authorization": tokens["IdToken"]})
        assert expired.status_code == 401 and 'error="invalid_token"' in expired.headers["www-authenticate"]
    finally:
        httpapi.advance_clock(-2 * 3600)


def test_jwt_authorizer_refuses_tokens_of_signed_out_disabled_and_deleted_users(httpapi):
    """As the REST authorizer: the token's session must still be live (a departure from AWS, whose JWT
    authorizer checks tokens offline and takes a revoked one until it expires; docs/CONTRACT.md)."""
    cognito = httpapi.client()
    pool_id = httpapi.pool("UserPool")["id"]
    for how in ("global sign-out", "disabled", "deleted"):
        email, tokens = sign_in(httpapi)
        assert get(httpapi, "/private", headers={"Authorization": tokens["IdToken"]}).status_code == 200, how
        if how == "global sign-out":
            cognito.admin_user_global_sign_out(UserPoolId=pool_id, Username=email)
        elif how == "disabled":
            cognito.admin_disable_user(UserPoolId=pool_id, Username=email)
        else:
            cognito.admin_delete_user(UserPoolId=pool_id, Username=email)
        for token in (tokens["IdToken"], tokens["AccessToken"]):
            refused = get(httpapi, "/private", headers={"Authorization": token})
            assert refused.status_code == 401 and refused.json() == {"message": "Unauthorized"}, how


def test_jwt_authorizer_refuses_a_token_issued_in_the_future_and_an_oversized_header(httpapi):
    httpapi.advance_clock(2 * 3600)
    try:
        _, tokens = sign_in(httpapi)  # iat two hours ahead of the clock once it is set back
    finally:
        httpapi.advance_clock(-2 * 3600)
    early = get(httpapi, "/private", headers={"Authorization": tokens["IdToken"]})
    assert early.status_code == 401 and early.json() == {"message": "Unauthorized"}
    httpapi.advance_clock(2 * 3600)
    try:
        assert get(httpapi, "/private", headers={"Authorization": tokens["IdToken"]}).status_code == 200
    finally:
        httpapi.advance_clock(-2 * 3600)
    _, current = sign_in(httpapi)
    oversized = get(httpapi, "/private", headers={"Authorization": "Bearer " + current["IdToken"] + "A" * 20000})
    assert 400 <= oversized.status_code < 500
    assert get(httpapi, "/private", headers={"Authorization": current["IdToken"]}).status_code == 200


def test_lambda_authorizer_simple_responses(httpapi):
    allowed = get(httpapi, "/lambda", headers={"X-Token": "letmein"})
    assert allowed.status_code == 200, allowed.text
    event = allowed.json()
    APIGatewayProxyEventV2Model.model_validate(event)
    assert event["requestContext"]["authorizer"]["lambda"] == {"user": "fixture-user", "level": 3, "route": "GET /lambda"}
    denied = get(httpapi, "/lambda", headers={"X-Token": "nope"})
    assert denied.status_code == 403 and denied.json() == {"message": "Forbidden"}
    missing = get(httpapi, "/lambda")
    assert missing.status_code == 401 and missing.json() == {"message": "Unauthorized"}


def test_aws_iam_route_needs_a_signature(httpapi):
    unsigned = get(httpapi, "/iam")
    assert unsigned.status_code == 403 and unsigned.json() == {"message": "Forbidden"}
    signed = get(httpapi, "/iam", headers={
        "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261201/us-east-1/execute-api/aws4_request, "
                         "SignedHeaders=host;x-amz-date, Signature=" + "0" * 64,
        "X-Amz-Date": "20261201T000000Z"})
    assert signed.status_code == 200
    assert signed.json()["requestContext"]["authorizer"]["iam"]["accessKey"] == "AKIDEXAMPLE"


def test_cors_preflight_and_headers_on_every_answer(httpapi):
    preflight = requests.options(url(httpapi, "/items"), timeout=60, headers={
        "Origin": "http://app.example.com", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 204 and preflight.content == b""
    assert preflight.headers["access-control-allow-origin"] == "*"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "content-type" in preflight.headers["access-control-allow-headers"]
    answer = requests.post(url(httpapi, "/items"), json={}, headers={"Origin": "http://app.example.com"}, timeout=60)
    assert answer.headers["access-control-allow-origin"] == "*"
    error = get(httpapi, "/private", headers={"Origin": "http://app.example.com"})
    assert error.status_code == 401 and error.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-origin" not in requests.post(url(httpapi, "/items"), json={}, timeout=60).headers


def test_bad_input_gets_aws_answers(httpapi):
    assert get(httpapi, "/public/%ZZ").status_code == 200
    assert get(httpapi, "/public/1", headers={"Cookie": ";;=;"}).status_code == 200
    big = requests.post(url(httpapi, "/items"), data=b"x" * (10 * 1024 * 1024 + 1), timeout=120)
    assert big.status_code == 413
    assert get(httpapi, "/public/1", headers={"X-Long": "a" * 8000}).status_code == 200
    invalid_utf8 = requests.post(url(httpapi, "/items"), data=b"\xff\xfe\xfd", headers={"Content-Type": "text/plain"}, timeout=60).json()
    assert invalid_utf8["isBase64Encoded"] is True


def test_rest_events_validate_against_powertools_v1_model(gateway):
    status, _, raw = gateway.request("GET", "/echo/42?color=red", headers={"User-Agent": "pytest"})
    assert status == 200
    model = APIGatewayProxyEventModel.model_validate(json.loads(raw))
    assert model.resource == "/echo/{id}" and model.pathParameters == {"id": "42"}


def test_jwt_authorizer_with_another_issuers_jwks_file(tmp_path):
    """An issuer the emulator does not serve (Auth0, Okta, …): verified against its JWKS given offline."""
    from cryptography.hazmat.primitives.asymmetric import rsa
    from emulator import Emulator
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwk["kid"] = "offline-1"
    (tmp_path / "jwks.json").write_text(json.dumps({"keys": [jwk]}))
    issuer = "https://issuer.example.com/"
    (tmp_path / "serverless.yml").write_text(f"""
service: external-issuer
provider:
  name: aws
  httpApi:
    authorizers:
      external:
        issuerUrl: {issuer}
        audience: [my-api]
functions:
  echo:
    handler: emulate/echo.handler
    events:
      - httpApi: {{ method: GET, path: /me, authorizer: {{ name: external, scopes: [read:me] }} }}
custom:
  emulate:
    jwks:
      {issuer}: ./jwks.json
""")
    emulator = Emulator(str(tmp_path / "serverless.yml")).start()
    try:
        now = int(time.time())
        claims = {"iss": issuer, "aud": "my-api", "sub": "user-1", "scope": "read:me write:me", "iat": now, "exp": now + 600}

        def call(token):
            return requests.get(emulator.ready["httpApi"] + "/me", headers={"Authorization": f"Bearer {token}"}, timeout=30)

        good = call(jwt.encode(claims, key, algorithm="RS256", headers={"kid": "offline-1"}))
        assert good.status_code == 200, good.text
        seen = good.json()["requestContext"]["authorizer"]["jwt"]
        assert seen["claims"]["sub"] == "user-1" and seen["scopes"] == ["read:me", "write:me"]
        other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        for name, token in {
            "another key": jwt.encode(claims, other_key, algorithm="RS256", headers={"kid": "offline-1"}),
            "expired": jwt.encode({**claims, "exp": now - 10}, key, algorithm="RS256", headers={"kid": "offline-1"}),
            "another issuer": jwt.encode({**claims, "iss": "https://evil.example.com/"}, key, algorithm="RS256", headers={"kid": "offline-1"}),
            "another audience": jwt.encode({**claims, "aud": "other"}, key, algorithm="RS256", headers={"kid": "offline-1"}),
        }.items():
            assert call(token).status_code == 401, name
        no_scope = call(jwt.encode({**claims, "scope": "write:me"}, key, algorithm="RS256", headers={"kid": "offline-1"}))
        assert no_scope.status_code == 403
    finally:
        emulator.stop()


def test_emulate_invoke_takes_a_2_0_event():
    import subprocess
    from emulator import FIXTURES, FIXTURES_BINARY
    event = {"version": "2.0", "routeKey": "GET /shapes/{kind}", "rawPath": "/shapes/structured", "rawQueryString": "",
             "headers": {}, "pathParameters": {"kind": "structured"},
             "requestContext": {"accountId": "000000000000", "apiId": "x", "domainName": "localhost", "domainPrefix": "localhost",
                                "http": {"method": "GET", "path": "/shapes/structured", "protocol": "HTTP/1.1", "sourceIp": "127.0.0.1",
                                         "userAgent": "test"},
                                "requestId": "r", "routeKey": "GET /shapes/{kind}", "stage": "$default", "time": "01/Dec/2026:00:00:00 +0000",
                                "timeEpoch": 0},
             "isBase64Encoded": False}
    APIGatewayProxyEventV2Model.model_validate(event)
    done = subprocess.run([FIXTURES_BINARY, "invoke", "shapes", f"{FIXTURES}/httpapi.yml", "--in-memory", "--data", json.dumps(event)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["statusCode"] == 201 and answer["cookies"] == ["session=abc; Path=/", "theme=dark"]
