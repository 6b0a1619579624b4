"""Forged, altered and misused tokens: the Cognito authorizer answers 401 and Cognito's token-taking
operations answer NotAuthorizedException. Nothing is accepted."""
import base64
import hashlib
import hmac
import json

import jwt
import pytest
import requests
from botocore.exceptions import ClientError


def b64(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def segment(obj):
    return b64(json.dumps(obj, separators=(",", ":")).encode())


@pytest.fixture(scope="module")
def tokens(gateway):
    cognito = gateway.client()
    pool = gateway.pool("Pool")
    username = "attack-target@example.com"
    cognito.admin_create_user(UserPoolId=pool["id"], Username=username, MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": username}])
    cognito.admin_set_user_password(UserPoolId=pool["id"], Username=username, Password="Passw0rd-1", Permanent=True)
    return cognito.admin_initiate_auth(UserPoolId=pool["id"], ClientId=pool["clients"]["Client"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                       AuthParameters={"USERNAME": username, "PASSWORD": "Passw0rd-1"})["AuthenticationResult"]


def refused_everywhere(gateway, token, header_value=None):
    status, body = gateway.json("GET", "/protected", headers={"Authorization": header_value if header_value is not None else token})
    assert status == 401, body
    with pytest.raises(ClientError) as info:
        gateway.client().get_user(AccessToken=token)
    assert info.value.response["Error"]["Code"] == "NotAuthorizedException"


def forge(token, header=None, claims=None, signature=None):
    head, payload, sig = token.split(".")
    h = json.loads(base64.urlsafe_b64decode(head + "=="))
    c = json.loads(base64.urlsafe_b64decode(payload + "=="))
    h.update(header or {})
    c.update(claims or {})
    return f"{segment(h)}.{segment(c)}.{sig if signature is None else signature}"


def flip(text, index):
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    return text[:index] + alphabet[(alphabet.index(text[index]) + 1) % 64] + text[index + 1:]


def test_genuine_tokens_work(gateway, tokens):
    assert gateway.json("GET", "/protected", headers={"Authorization": tokens["IdToken"]})[0] == 200
    assert gateway.client().get_user(AccessToken=tokens["AccessToken"])["Username"]


@pytest.mark.parametrize("kind", ["IdToken", "AccessToken"])
def test_alg_none(gateway, tokens, kind):
    refused_everywhere(gateway, forge(tokens[kind], header={"alg": "none"}, signature=""))


@pytest.mark.parametrize("kind", ["IdToken", "AccessToken"])
def test_hs256_signed_with_the_public_key(gateway, tokens, kind):
    keys = requests.get(gateway.pool("Pool")["jwksUri"]).json()["keys"]
    kid = jwt.get_unverified_header(tokens[kind])["kid"]
    public = next(k for k in keys if k["kid"] == kid)
    pem = jwt.algorithms.RSAAlgorithm.from_jwk(json.dumps(public)).public_bytes(
        encoding=__import__("cryptography.hazmat.primitives.serialization", fromlist=["Encoding"]).Encoding.PEM,
        format=__import__("cryptography.hazmat.primitives.serialization", fromlist=["PublicFormat"]).PublicFormat.SubjectPublicKeyInfo)
    unsigned = forge(tokens[kind], header={"alg": "HS256"}, signature="")[:-1]
    mac = hmac.new(pem, unsigned.encode(), hashlib.sha256).digest()
    refused_everywhere(gateway, unsigned + "." + b64(mac))


@pytest.mark.parametrize("kind", ["IdToken", "AccessToken"])
def test_unknown_kid(gateway, tokens, kind):
    refused_everywhere(gateway, forge(tokens[kind], header={"kid": "not-a-key"}))


@pytest.mark.parametrize("part", [0, 1, 2])
def test_a_flipped_character_in_any_segment(gateway, tokens, part):
    for kind in ["IdToken", "AccessToken"]:
        parts = tokens[kind].split(".")
        parts[part] = flip(parts[part], len(parts[part]) // 2)
        refused_everywhere(gateway, ".".join(parts))


def test_changed_claims_keep_no_signature(gateway, tokens):
    refused_everywhere(gateway, forge(tokens["IdToken"], claims={"email": "admin@example.com"}))
    refused_everywhere(gateway, forge(tokens["AccessToken"], claims={"username": "someone-else"}))


def test_expired_and_future_tokens(isolated_gateway):
    gateway = isolated_gateway
    cognito = gateway.client()
    pool = gateway.pool("Pool")
    cognito.admin_create_user(UserPoolId=pool["id"], Username="clock@example.com", MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": "clock@example.com"}])
    cognito.admin_set_user_password(UserPoolId=pool["id"], Username="clock@example.com", Password="Passw0rd-1", Permanent=True)
    issued = cognito.admin_initiate_auth(UserPoolId=pool["id"], ClientId=pool["clients"]["Client"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                         AuthParameters={"USERNAME": "clock@example.com", "PASSWORD": "Passw0rd-1"})["AuthenticationResult"]
    gateway.advance_clock(3601)
    refused_everywhere(gateway, issued["AccessToken"], header_value=issued["IdToken"])
    gateway.advance_clock(-7200)
    refused_everywhere(gateway, issued["AccessToken"], header_value=issued["IdToken"])


def test_another_pools_token(gateway, app, email):
    pool = app.pool("AppPool")
    other = app.client()
    other.sign_up(ClientId=pool["clients"]["WebClient"], Username=email, Password="Passw0rd!", UserAttributes=[{"Name": "email", "Value": email}])
    other.admin_confirm_sign_up(UserPoolId=pool["id"], Username=email)
    foreign = other.initiate_auth(ClientId=pool["clients"]["WebClient"], AuthFlow="USER_PASSWORD_AUTH",
                                  AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd!"})["AuthenticationResult"]
    assert gateway.json("GET", "/protected", headers={"Authorization": foreign["IdToken"]}) == (401, {"message": "Unauthorized"})
    with pytest.raises(ClientError) as info:
        gateway.client().get_user(AccessToken=foreign["AccessToken"])
    assert info.value.response["Error"]["Code"] == "NotAuthorizedException"


def test_token_kinds_in_the_wrong_place(gateway, tokens):
    assert gateway.json("GET", "/protected", headers={"Authorization": tokens["AccessToken"]}) == (401, {"message": "Unauthorized"})
    assert gateway.json("GET", "/scoped", headers={"Authorization": tokens["IdToken"]}) == (401, {"message": "Unauthorized"})
    with pytest.raises(ClientError) as info:
        gateway.client().get_user(AccessToken=tokens["IdToken"])
    assert info.value.response["Error"]["Code"] == "NotAuthorizedException"


def test_revoked_disabled_and_deleted(gateway):
    cognito = gateway.client()
    pool = gateway.pool("Pool")

    def sign_in(name):
        cognito.admin_create_user(UserPoolId=pool["id"], Username=name, MessageAction="SUPPRESS", UserAttributes=[{"Name": "email", "Value": name}])
        cognito.admin_set_user_password(UserPoolId=pool["id"], Username=name, Password="Passw0rd-1", Permanent=True)
        return cognito.admin_initiate_auth(UserPoolId=pool["id"], ClientId=pool["clients"]["Client"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                           AuthParameters={"USERNAME": name, "PASSWORD": "Passw0rd-1"})["AuthenticationResult"]

    revoked = sign_in("revoked@example.com")
    cognito.revoke_token(Token=revoked["RefreshToken"], ClientId=pool["clients"]["Client"])
    refused_everywhere(gateway, revoked["AccessToken"], header_value=revoked["IdToken"])
    disabled = sign_in("disabled@example.com")
    cognito.admin_disable_user(UserPoolId=pool["id"], Username="disabled@example.com")
    refused_everywhere(gateway, disabled["AccessToken"], header_value=disabled["IdToken"])
    deleted = sign_in("deleted@example.com")
    cognito.admin_delete_user(UserPoolId=pool["id"], Username="deleted@example.com")
    refused_everywhere(gateway, deleted["AccessToken"], header_value=deleted["IdToken"])


# Leading and trailing spaces are not part of an HTTP header value (RFC 9110 §5.5), so they never reach
# the authorizer; whitespace inside the token does.
@pytest.mark.parametrize("mangle", [
    lambda t: t.replace(".", " .", 1), lambda t: t.replace(".", ".\t", 1), lambda t: "bearer " + t, lambda t: "Bearer  " + t,
    lambda t: t + "=", lambda t: t.replace("-", "+").replace("_", "/") if ("-" in t or "_" in t) else t + "+",
    lambda t: t + "." + t.split(".")[2], lambda t: t.split(".")[0] + "." + t.split(".")[1],
])
def test_malformed_forms_are_refused(gateway, tokens, mangle):
    status, body = gateway.json("GET", "/protected", headers={"Authorization": mangle(tokens["IdToken"])})
    assert (status, body) == (401, {"message": "Unauthorized"})


def test_duplicate_claims_are_refused(gateway, tokens):
    def duplicated(token, claim):
        head, payload, sig = token.split(".")
        claims = base64.urlsafe_b64decode(payload + "==").decode()
        return f"{head}.{b64((claims[:-1] + claim + '}').encode())}.{sig}"
    refused_everywhere(gateway, duplicated(tokens["AccessToken"], ',"username":"admin"'),
                       header_value=duplicated(tokens["IdToken"], ',"email":"admin@example.com"'))


def test_an_oversized_header_is_refused_and_the_server_stays_up(gateway, tokens):
    status, _ = gateway.json("GET", "/protected", headers={"Authorization": "x" * 200_000})
    assert status in (400, 401, 413, 431)
    assert gateway.json("GET", "/protected", headers={"Authorization": tokens["IdToken"]})[0] == 200
