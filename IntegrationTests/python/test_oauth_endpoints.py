"""The OAuth 2.0 token and revocation endpoints with a real OAuth client (authlib), found through the
pool's OpenID discovery document; tokens verified with the pool's JWKS (authlib's JOSE)."""
import base64

import boto3
import pytest
import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.jose import JsonWebKey, jwt

from emulator import Emulator

REGION = "us-east-1"


@pytest.fixture(scope="module")
def cognito():
    emulator = Emulator(None).start()
    yield emulator
    emulator.stop()


@pytest.fixture(scope="module")
def setup(cognito):
    idp = boto3.client("cognito-idp", endpoint_url=cognito.ready["cognito"], region_name=REGION,
                       aws_access_key_id="test", aws_secret_access_key="test")
    pool = idp.create_user_pool(PoolName="oauth")["UserPool"]["Id"]
    idp.create_resource_server(UserPoolId=pool, Identifier="https://api.example.com", Name="api",
                               Scopes=[{"ScopeName": "read", "ScopeDescription": "read"}, {"ScopeName": "write", "ScopeDescription": "write"}])
    machine = idp.create_user_pool_client(UserPoolId=pool, ClientName="machine", GenerateSecret=True, AllowedOAuthFlowsUserPoolClient=True,
                                          AllowedOAuthFlows=["client_credentials"],
                                          AllowedOAuthScopes=["https://api.example.com/read"])["UserPoolClient"]
    app = idp.create_user_pool_client(UserPoolId=pool, ClientName="app", ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                                      AllowedOAuthFlowsUserPoolClient=True, AllowedOAuthFlows=["code"], AllowedOAuthScopes=["openid", "email"],
                                      CallbackURLs=["https://app.example.com/callback"])["UserPoolClient"]
    discovery = requests.get(f"{cognito.ready['cognito']}/{pool}/.well-known/openid-configuration", timeout=10).json()
    keys = JsonWebKey.import_key_set(requests.get(discovery["jwks_uri"], timeout=10).json())
    return idp, pool, machine, app, discovery, keys


def test_client_credentials_through_discovery_yield_an_access_token_the_jwks_verifies(setup):
    _, pool, machine, _, discovery, keys = setup
    session = OAuth2Session(machine["ClientId"], machine["ClientSecret"], scope="https://api.example.com/read")
    token = session.fetch_token(discovery["token_endpoint"], grant_type="client_credentials")
    assert token["token_type"] == "Bearer" and "refresh_token" not in token and "id_token" not in token
    claims = jwt.decode(token["access_token"], keys)
    claims.validate()
    assert claims["iss"] == discovery["issuer"]
    assert claims["token_use"] == "access" and claims["client_id"] == machine["ClientId"] == claims["sub"]
    assert claims["scope"] == "https://api.example.com/read" and claims["version"] == 2
    # The same through the client_secret_post method, and without `scope` (every scope the client may have).
    posted = requests.post(discovery["token_endpoint"], data={"grant_type": "client_credentials", "client_id": machine["ClientId"],
                                                              "client_secret": machine["ClientSecret"]}, timeout=10)
    assert posted.status_code == 200 and jwt.decode(posted.json()["access_token"], keys)["scope"] == "https://api.example.com/read"


def test_the_token_endpoint_refuses_as_cognito_does(setup):
    _, _, machine, app, discovery, _ = setup
    endpoint = discovery["token_endpoint"]

    def post(data, auth=None):
        headers = {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode()} if auth else {}
        answer = requests.post(endpoint, data=data, headers=headers, timeout=10)
        return answer.status_code, answer.json()

    basic = f"{machine['ClientId']}:{machine['ClientSecret']}"
    assert post({"grant_type": "client_credentials", "scope": "https://api.example.com/write"}, basic) == (400, {"error": "invalid_scope"})
    assert post({"grant_type": "client_credentials"}, f"{machine['ClientId']}:wrong") == (400, {"error": "invalid_client"})
    assert post({"grant_type": "client_credentials"}, "nosuchclient:secret") == (400, {"error": "invalid_client"})
    assert post({"grant_type": "password", "username": "a", "password": "b"}, basic) == (400, {"error": "unsupported_grant_type"})
    assert post({"client_id": machine["ClientId"], "client_secret": machine["ClientSecret"]}) == (400, {"error": "invalid_request"})
    # A public client has no secret to prove itself with: no client credentials for it.
    assert post({"grant_type": "client_credentials", "client_id": app["ClientId"]}) == (400, {"error": "unauthorized_client"})
    assert post({"grant_type": "refresh_token", "client_id": app["ClientId"], "refresh_token": "not-a-token"}) == (400, {"error": "invalid_grant"})


def test_refresh_tokens_renew_at_the_token_endpoint_until_revoked(setup):
    idp, pool, _, app, discovery, keys = setup
    idp.admin_create_user(UserPoolId=pool, Username="rita", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool, Username="rita", Password="Passw0rd!x", Permanent=True)
    signed_in = idp.admin_initiate_auth(UserPoolId=pool, ClientId=app["ClientId"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                        AuthParameters={"USERNAME": "rita", "PASSWORD": "Passw0rd!x"})["AuthenticationResult"]
    session = OAuth2Session(app["ClientId"], token={"refresh_token": signed_in["RefreshToken"], "token_type": "Bearer"})
    renewed = session.refresh_token(discovery["token_endpoint"], refresh_token=signed_in["RefreshToken"])
    assert jwt.decode(renewed["id_token"], keys)["cognito:username"] == "rita"
    assert requests.post(discovery["revocation_endpoint"],
                         data={"token": signed_in["RefreshToken"], "client_id": app["ClientId"]}, timeout=10).status_code == 200
    answer = requests.post(discovery["token_endpoint"], data={"grant_type": "refresh_token", "client_id": app["ClientId"],
                                                              "refresh_token": signed_in["RefreshToken"]}, timeout=10)
    assert (answer.status_code, answer.json()) == (400, {"error": "invalid_grant"})


def test_resource_servers_and_domains_from_serverless_yml_serve_client_credentials():
    import os
    from emulator import FIXTURES
    service = Emulator(os.path.join(FIXTURES, "oauth.yml")).start()
    try:
        pool = service.pool("Pool")
        assert pool["oauth"] == service.ready["cognito"]
        idp = boto3.client("cognito-idp", endpoint_url=service.ready["cognito"], region_name=REGION,
                           aws_access_key_id="test", aws_secret_access_key="test")
        assert idp.describe_user_pool_domain(Domain="oauth-local")["DomainDescription"]["UserPoolId"] == pool["id"]
        assert [s["ScopeName"] for s in idp.describe_resource_server(UserPoolId=pool["id"], Identifier="https://api.example.com")
                ["ResourceServer"]["Scopes"]] == ["read", "write"]
        machine = idp.describe_user_pool_client(UserPoolId=pool["id"], ClientId=pool["clients"]["Machine"])["UserPoolClient"]
        discovery = requests.get(pool["issuer"] + "/.well-known/openid-configuration", timeout=10).json()
        session = OAuth2Session(machine["ClientId"], machine["ClientSecret"])
        token = session.fetch_token(discovery["token_endpoint"], grant_type="client_credentials")
        keys = JsonWebKey.import_key_set(requests.get(discovery["jwks_uri"], timeout=10).json())
        assert jwt.decode(token["access_token"], keys)["scope"] == "https://api.example.com/read https://api.example.com/write"
    finally:
        service.stop()
