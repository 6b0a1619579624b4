"""The OAuth 2.0 token and revocation endpoints with a real OAuth client (authlib), found through the
pool's OpenID discovery document; tokens verified with the pool's JWKS (authlib's JOSE)."""
import base64
import time

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
                                      AllowedOAuthFlowsUserPoolClient=True, SupportedIdentityProviders=["COGNITO"], AllowedOAuthFlows=["code"], AllowedOAuthScopes=["openid", "email"],
                                      CallbackURLs=["https://app.example.com/callback"], LogoutURLs=["https://app.example.com/bye"])["UserPoolClient"]
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


def sign_in_through_the_page(browser, base, authorize_url, username, password):
    """Follows /oauth2/authorize to the sign-in page and submits it; answers the final redirect's Location."""
    import html
    import re
    first = browser.get(authorize_url, allow_redirects=False, timeout=10)
    assert first.status_code == 302, first.text
    if not first.headers["Location"].startswith("/login"):
        return first.headers["Location"]
    page = browser.get(base + first.headers["Location"], timeout=10)
    assert page.status_code == 200 and "<form" in page.text
    fields = {html.unescape(name): html.unescape(value)
              for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page.text)}
    fields.update(username=username, password=password)
    answer = browser.post(base + "/login", data=fields, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


def test_authorization_code_with_pkce_through_the_sign_in_page(setup, cognito):
    from authlib.common.security import generate_token
    idp, pool, _, app, discovery, keys = setup
    idp.admin_create_user(UserPoolId=pool, Username="pat", MessageAction="SUPPRESS",
                          UserAttributes=[{"Name": "email", "Value": "pat@example.com"}])
    idp.admin_set_user_password(UserPoolId=pool, Username="pat", Password="Passw0rd!x", Permanent=True)
    base = cognito.ready["cognito"]
    client = OAuth2Session(app["ClientId"], scope="openid email", redirect_uri="https://app.example.com/callback", code_challenge_method="S256")
    verifier = generate_token(48)
    url, state = client.create_authorization_url(discovery["authorization_endpoint"], code_verifier=verifier, nonce="n-0S6_WzA2Mj")
    browser = requests.Session()
    callback = sign_in_through_the_page(browser, base, url, "pat", "Passw0rd!x")
    assert callback.startswith("https://app.example.com/callback?") and f"state={state}" in callback
    token = client.fetch_token(discovery["token_endpoint"], authorization_response=callback, code_verifier=verifier)
    claims = jwt.decode(token["id_token"], keys)
    claims.validate()
    assert claims["nonce"] == "n-0S6_WzA2Mj" and claims["aud"] == app["ClientId"] and claims["email"] == "pat@example.com"
    assert jwt.decode(token["access_token"], keys)["scope"] == "openid email"
    # The code was good once.
    code = dict(part.split("=", 1) for part in callback.split("?", 1)[1].split("&"))["code"]
    replay = requests.post(discovery["token_endpoint"], data={"grant_type": "authorization_code", "client_id": app["ClientId"], "code": code,
                                                              "redirect_uri": "https://app.example.com/callback", "code_verifier": verifier}, timeout=10)
    assert (replay.status_code, replay.json()) == (400, {"error": "invalid_grant"})
    # The browser's session cookie signs the next authorize in without the form; a wrong verifier gets nothing.
    url, _ = client.create_authorization_url(discovery["authorization_endpoint"], code_verifier=generate_token(48))
    second = browser.get(url, allow_redirects=False, timeout=10)
    assert second.status_code == 302 and second.headers["Location"].startswith("https://app.example.com/callback?code=")
    code = dict(part.split("=", 1) for part in second.headers["Location"].split("?", 1)[1].split("&"))["code"]
    wrong = requests.post(discovery["token_endpoint"], data={"grant_type": "authorization_code", "client_id": app["ClientId"], "code": code,
                                                             "redirect_uri": "https://app.example.com/callback", "code_verifier": generate_token(48)},
                          timeout=10)
    assert (wrong.status_code, wrong.json()) == (400, {"error": "invalid_grant"})
    # Refreshed tokens keep the session's scopes.
    renewed = client.refresh_token(discovery["token_endpoint"], refresh_token=token["refresh_token"])
    assert jwt.decode(renewed["access_token"], keys)["scope"] == "openid email" and "nonce" not in jwt.decode(renewed["id_token"], keys)
    # userInfo answers what the scopes open.
    info = requests.get(discovery["userinfo_endpoint"], headers={"Authorization": "Bearer " + token["access_token"]}, timeout=10)
    assert info.status_code == 200 and info.json()["email"] == "pat@example.com" and info.json()["username"] == "pat"
    assert requests.get(discovery["userinfo_endpoint"], headers={"Authorization": "Bearer x.y.z"}, timeout=10).status_code == 401
    # Signing out ends the browser's session: the next authorize shows the form again.
    bye = browser.get(base + "/logout", params={"client_id": app["ClientId"], "logout_uri": "https://app.example.com/bye"},
                      allow_redirects=False, timeout=10)
    assert bye.status_code == 302 and bye.headers["Location"] == "https://app.example.com/bye"
    assert browser.get(url, allow_redirects=False, timeout=10).headers["Location"].startswith("/login")
    evil = browser.get(base + "/logout", params={"client_id": app["ClientId"], "logout_uri": "https://evil.example.com/"},
                       allow_redirects=False, timeout=10)
    assert evil.status_code == 400 and "Location" not in evil.headers


def test_the_authorize_endpoint_never_redirects_where_the_client_did_not_register(setup, cognito):
    _, _, _, app, discovery, _ = setup
    endpoint = discovery["authorization_endpoint"]
    base = {"response_type": "code", "client_id": app["ClientId"], "state": "xyz"}
    for redirect in ("https://app.example.com/callback.evil.com", "https://app.example.com/callbackx", "https://evil.example.com/"):
        answer = requests.get(endpoint, params={**base, "redirect_uri": redirect}, allow_redirects=False, timeout=10)
        assert answer.status_code == 400 and "redirect_mismatch" in answer.text and "Location" not in answer.headers
    answer = requests.get(endpoint, params={**base, "client_id": "nosuchclient"}, allow_redirects=False, timeout=10)
    assert answer.status_code == 400 and "Location" not in answer.headers
    good = {**base, "redirect_uri": "https://app.example.com/callback"}
    answer = requests.get(endpoint, params={**good, "scope": "openid phone"}, allow_redirects=False, timeout=10)
    assert answer.headers["Location"] == "https://app.example.com/callback?error=invalid_scope&state=xyz"
    answer = requests.get(endpoint, params={**good, "response_type": "id_token"}, allow_redirects=False, timeout=10)
    assert answer.headers["Location"] == "https://app.example.com/callback?error=unsupported_response_type&state=xyz"
    no_state = {key: value for key, value in good.items() if key != "state"}
    answer = requests.get(endpoint, params={**no_state, "prompt": "none"}, allow_redirects=False, timeout=10)
    assert answer.headers["Location"] == "https://app.example.com/callback?error=login_required"
    # A form posted without the page's CSRF cookie is refused.
    forged = requests.post(cognito.ready["cognito"] + "/login", data={**good, "username": "pat", "password": "x", "_csrf": "guess"},
                           allow_redirects=False, timeout=10)
    assert forged.status_code == 403


def test_a_wrong_password_on_the_page_gets_cognitos_message_and_no_code(setup, cognito):
    import re
    _, _, _, app, discovery, _ = setup
    browser = requests.Session()
    params = {"response_type": "code", "client_id": app["ClientId"], "redirect_uri": "https://app.example.com/callback", "scope": "openid"}
    page = browser.get(cognito.ready["cognito"] + "/login", params=params, timeout=10)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    answer = browser.post(cognito.ready["cognito"] + "/login", data={**params, "_csrf": csrf, "username": "nobody-here", "password": "Wr0ng!pass"},
                          allow_redirects=False, timeout=10)
    assert answer.status_code == 400 and "Location" not in answer.headers
    assert re.search(r'<p class="error" role="alert" id="error">([^<]+)</p>', answer.text).group(1) in (
        "User does not exist.", "Incorrect username or password.")


def test_the_implicit_flow_returns_tokens_in_the_fragment_for_clients_that_allow_it(setup, cognito):
    idp, pool, _, app, discovery, keys = setup
    spa = idp.create_user_pool_client(UserPoolId=pool, ClientName="spa", AllowedOAuthFlowsUserPoolClient=True, SupportedIdentityProviders=["COGNITO"], AllowedOAuthFlows=["implicit"],
                                      AllowedOAuthScopes=["openid"], CallbackURLs=["https://spa.example.com/"])["UserPoolClient"]
    idp.admin_create_user(UserPoolId=pool, Username="ines", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool, Username="ines", Password="Passw0rd!x", Permanent=True)
    params = {"response_type": "token", "client_id": spa["ClientId"], "redirect_uri": "https://spa.example.com/", "state": "s1", "nonce": "n1"}
    location = sign_in_through_the_page(requests.Session(), cognito.ready["cognito"], discovery["authorization_endpoint"] + "?" +
                                        "&".join(f"{k}={v}" for k, v in params.items()), "ines", "Passw0rd!x")
    assert location.startswith("https://spa.example.com/#")
    fragment = dict(part.split("=", 1) for part in location.split("#", 1)[1].split("&"))
    assert fragment["state"] == "s1" and fragment["token_type"] == "Bearer" and "refresh_token" not in fragment
    assert jwt.decode(fragment["id_token"], keys)["nonce"] == "n1"
    # A client without the implicit flow is refused it.
    answer = requests.get(discovery["authorization_endpoint"], params={**params, "client_id": app["ClientId"],
                                                                        "redirect_uri": "https://app.example.com/callback"},
                          allow_redirects=False, timeout=10)
    assert answer.headers["Location"] == "https://app.example.com/callback?error=unauthorized_client&state=s1"


def test_the_page_asks_for_a_totp_code_and_a_new_password_as_the_sign_in_requires(setup, cognito):
    import html
    import re
    from test_cognito_advanced import totp
    idp, pool, _, app, discovery, keys = setup
    idp.set_user_pool_mfa_config(UserPoolId=pool, SoftwareTokenMfaConfiguration={"Enabled": True}, MfaConfiguration="OPTIONAL")
    idp.admin_create_user(UserPoolId=pool, Username="tom", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool, Username="tom", Password="Passw0rd!x", Permanent=True)
    access = idp.admin_initiate_auth(UserPoolId=pool, ClientId=app["ClientId"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": "tom", "PASSWORD": "Passw0rd!x"})["AuthenticationResult"]["AccessToken"]
    secret = idp.associate_software_token(AccessToken=access)["SecretCode"]
    idp.verify_software_token(AccessToken=access, UserCode=totp(secret))
    idp.admin_set_user_mfa_preference(UserPoolId=pool, Username="tom", SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})
    base = cognito.ready["cognito"]
    params = {"response_type": "code", "client_id": app["ClientId"], "redirect_uri": "https://app.example.com/callback", "scope": "openid"}

    def submit(browser, page, **answers):
        fields = {html.unescape(n): html.unescape(v) for n, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page.text)}
        return browser.post(base + "/login", data={**fields, **answers}, allow_redirects=False, timeout=10)

    browser = requests.Session()
    challenge = submit(browser, browser.get(base + "/login", params=params, timeout=10), username="tom", password="Passw0rd!x")
    assert challenge.status_code == 200 and "Code from your authenticator app" in challenge.text
    wrong = submit(browser, challenge, answer="000000" if totp(secret) != "000000" else "111111")
    assert wrong.status_code == 400 and "Location" not in wrong.headers
    done = submit(browser, wrong, answer=totp(secret, time.time() + 30))
    assert done.status_code == 302 and done.headers["Location"].startswith("https://app.example.com/callback?code="), done.text
    # A user with a temporary password sets a new one on the page.
    idp.admin_create_user(UserPoolId=pool, Username="nora", TemporaryPassword="Temp0rary!x", MessageAction="SUPPRESS")
    browser = requests.Session()
    ask = submit(browser, browser.get(base + "/login", params=params, timeout=10), username="nora", password="Temp0rary!x")
    assert ask.status_code == 200 and "New password" in ask.text
    done = submit(browser, ask, answer="N3w-Passw0rd!")
    assert done.status_code == 302 and "code=" in done.headers["Location"]
    assert idp.admin_get_user(UserPoolId=pool, Username="nora")["UserStatus"] == "CONFIRMED"


def test_a_v3_pre_token_generation_trigger_shapes_machine_tokens():
    import json
    import os
    from emulator import FIXTURES
    service = Emulator(os.path.join(FIXTURES, "processes", "m2m.yml")).start()
    try:
        pool = service.pool("Pool")
        idp = boto3.client("cognito-idp", endpoint_url=service.ready["cognito"], region_name=REGION,
                           aws_access_key_id="test", aws_secret_access_key="test")
        machine = idp.describe_user_pool_client(UserPoolId=pool["id"], ClientId=pool["clients"]["Machine"])["UserPoolClient"]
        discovery = requests.get(pool["issuer"] + "/.well-known/openid-configuration", timeout=10).json()
        keys = JsonWebKey.import_key_set(requests.get(discovery["jwks_uri"], timeout=10).json())
        session = OAuth2Session(machine["ClientId"], machine["ClientSecret"])
        token = session.fetch_token(discovery["token_endpoint"], grant_type="client_credentials",
                                    aws_client_metadata=json.dumps({"tenant": "acme"}))
        claims = jwt.decode(token["access_token"], keys)
        assert claims["tenant"] == "acme" and claims["trigger_version"] == "3"
        # The trigger took the write scope away; it cannot change protected claims.
        assert claims["scope"] == "https://api.example.com/read" and claims["client_id"] == machine["ClientId"]
        answer = requests.post(discovery["token_endpoint"], data={"grant_type": "client_credentials", "aws_client_metadata": "[1]"},
                               auth=(machine["ClientId"], machine["ClientSecret"]), timeout=10)
        assert answer.status_code == 400 and answer.json()["error"] == "invalid_request"
    finally:
        service.stop()


def test_a_code_is_only_good_for_its_client_its_redirect_uri_and_its_pkce_verifier(setup, cognito):
    """Each attack gets its own code (the browser's session signs in without the form); each is refused
    with invalid_grant and no token, and a code redeemed as it was issued still works afterwards."""
    from authlib.common.security import generate_token
    import hashlib
    idp, pool, _, app, discovery, _ = setup
    other = idp.create_user_pool_client(UserPoolId=pool, ClientName="other", AllowedOAuthFlowsUserPoolClient=True, SupportedIdentityProviders=["COGNITO"],
                                        AllowedOAuthFlows=["code"], AllowedOAuthScopes=["openid"],
                                        CallbackURLs=["https://app.example.com/callback", "https://app.example.com/other"])["UserPoolClient"]
    idp.admin_create_user(UserPoolId=pool, Username="cody", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool, Username="cody", Password="Passw0rd!x", Permanent=True)
    browser = requests.Session()
    verifier = generate_token(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()

    def code():
        params = {"response_type": "code", "client_id": app["ClientId"], "redirect_uri": "https://app.example.com/callback",
                  "scope": "openid", "code_challenge": challenge, "code_challenge_method": "S256"}
        url = requests.Request("GET", discovery["authorization_endpoint"], params=params).prepare().url
        location = sign_in_through_the_page(browser, cognito.ready["cognito"], url, "cody", "Passw0rd!x")
        return dict(part.split("=", 1) for part in location.split("?", 1)[1].split("&"))["code"]

    good = {"grant_type": "authorization_code", "client_id": app["ClientId"], "redirect_uri": "https://app.example.com/callback",
            "code_verifier": verifier}
    for attack in ({"client_id": other["ClientId"]}, {"redirect_uri": "https://app.example.com/other"}, {"code_verifier": None},
                   {"code_verifier": verifier[:-1]}):
        form = {key: value for key, value in {**good, **attack, "code": code()}.items() if value is not None}
        answer = requests.post(discovery["token_endpoint"], data=form, timeout=10)
        assert (answer.status_code, answer.json()) == (400, {"error": "invalid_grant"}), (attack, answer.text)
        assert "access_token" not in answer.text
    answer = requests.post(discovery["token_endpoint"], data={**good, "code": code()}, timeout=10)
    assert answer.status_code == 200 and "id_token" in answer.json()
