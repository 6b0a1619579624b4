"""`emulate cognito`: the Cognito endpoint without a serverless.yml, a seed file, AWS-form issuers, and
tokens that stay valid after a restart on another port."""
import os
import tempfile

import jwt
import pytest
import requests
from botocore.exceptions import ClientError

from emulator import Emulator

SEED = """
UserPools:
  - PoolName: my-pool
    Policies: {PasswordPolicy: {MinimumLength: 8}}
    EmailVerificationSubject: Welcome
    Clients:
      - {ClientName: web, ExplicitAuthFlows: [ALLOW_USER_PASSWORD_AUTH, ALLOW_REFRESH_TOKEN_AUTH]}
    Groups:
      - {GroupName: editors, Precedence: 1}
    Users:
      - {Username: alice, Password: "Alice-passw0rd", UserAttributes: [{Name: email, Value: a@example.com}], Groups: [editors]}
"""


def seeded(extra=(), state_dir=None):
    folder = tempfile.mkdtemp(prefix="emulate-seed-")
    path = os.path.join(folder, "seed.yml")
    with open(path, "w") as handle:
        handle.write(SEED)
    return Emulator(None, state_dir=state_dir, extra_args=["--seed", path, *extra])


def sign_in(idp, client_id, username="alice", password="Alice-passw0rd"):
    return idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                             AuthParameters={"USERNAME": username, "PASSWORD": password})["AuthenticationResult"]


def test_cognito_alone_serves_the_api_with_no_serverless_yml():
    emulator = Emulator(None).start()
    try:
        assert emulator.ready["userPools"] == {} and "api" not in emulator.ready or emulator.ready.get("api") is None
        idp = emulator.client()
        pool = idp.create_user_pool(PoolName="suite-pool")["UserPool"]
        client = idp.create_user_pool_client(UserPoolId=pool["Id"], ClientName="c",
                                             ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]
        idp.admin_create_user(UserPoolId=pool["Id"], Username="u1", MessageAction="SUPPRESS")
        idp.admin_set_user_password(UserPoolId=pool["Id"], Username="u1", Password="Passw0rd!", Permanent=True)
        tokens = idp.admin_initiate_auth(UserPoolId=pool["Id"], ClientId=client["ClientId"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                         AuthParameters={"USERNAME": "u1", "PASSWORD": "Passw0rd!"})["AuthenticationResult"]
        assert idp.get_user(AccessToken=tokens["AccessToken"])["Username"] == "u1"
        assert requests.get(f"{emulator.cognito_url}/_emulate/health").json() == {"status": "ok"}
    finally:
        assert emulator.stop() == 0


def test_a_seed_creates_pools_clients_groups_and_confirmed_users_with_stable_ids():
    first = seeded().start()
    try:
        pool = first.ready["userPools"]["my-pool"]
        client_id = pool["clients"]["web"]
        idp = first.client()
        user = idp.admin_get_user(UserPoolId=pool["id"], Username="alice")
        assert user["UserStatus"] == "CONFIRMED"
        assert [g["GroupName"] for g in idp.admin_list_groups_for_user(UserPoolId=pool["id"], Username="alice")["Groups"]] == ["editors"]
        tokens = sign_in(idp, client_id)
        claims = jwt.decode(tokens["IdToken"], options={"verify_signature": False})
        assert claims["cognito:groups"] == ["editors"] and claims["email"] == "a@example.com"
        assert idp.describe_user_pool(UserPoolId=pool["id"])["UserPool"]["EmailVerificationSubject"] == "Welcome"
    finally:
        first.stop()
    second = seeded().start()
    try:
        assert second.ready["userPools"]["my-pool"]["id"] == pool["id"]
        assert second.ready["userPools"]["my-pool"]["clients"]["web"] == client_id
    finally:
        second.stop()


def test_a_bad_seed_is_refused_with_a_clear_error():
    folder = tempfile.mkdtemp(prefix="emulate-seed-")
    path = os.path.join(folder, "seed.yml")
    with open(path, "w") as handle:
        handle.write("UserPools:\n  - {Clients: []}\n")
    with pytest.raises(RuntimeError, match="needs PoolName"):
        Emulator(None, extra_args=["--seed", path]).start()


def test_tokens_stay_valid_after_a_restart_on_another_port():
    state = tempfile.mkdtemp(prefix="emulate-restart-")
    emulator = seeded(state_dir=state).start()
    try:
        pool = emulator.ready["userPools"]["my-pool"]
        tokens = sign_in(emulator.client(), pool["clients"]["web"])
        old_issuer = pool["issuer"]
    finally:
        emulator.stop()
    emulator.start()
    try:
        assert emulator.ready["userPools"]["my-pool"]["issuer"] != old_issuer
        idp = emulator.client()
        assert idp.get_user(AccessToken=tokens["AccessToken"])["Username"] == "alice"
        refreshed = idp.initiate_auth(ClientId=pool["clients"]["web"], AuthFlow="REFRESH_TOKEN_AUTH",
                                      AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]})["AuthenticationResult"]
        assert refreshed["AccessToken"]
        # An external verifier that loads the JWKS from the emulator still verifies the old token.
        keys = jwt.PyJWKClient(emulator.ready["userPools"]["my-pool"]["jwksUri"])
        claims = jwt.decode(tokens["IdToken"], keys.get_signing_key_from_jwt(tokens["IdToken"]).key, algorithms=["RS256"],
                            audience=pool["clients"]["web"], issuer=old_issuer)
        assert claims["cognito:username"] == "alice"
    finally:
        emulator.stop()


def test_aws_issuers_for_code_that_checks_the_exact_issuer():
    emulator = seeded(extra=["--issuer", "aws"]).start()
    try:
        pool = emulator.ready["userPools"]["my-pool"]
        expected = f"https://cognito-idp.us-east-1.amazonaws.com/{pool['id']}"
        assert pool["issuer"] == expected
        tokens = sign_in(emulator.client(), pool["clients"]["web"])
        keys = jwt.PyJWKClient(pool["jwksUri"])
        claims = jwt.decode(tokens["AccessToken"], keys.get_signing_key_from_jwt(tokens["AccessToken"]).key, algorithms=["RS256"], issuer=expected)
        assert claims["token_use"] == "access"
        assert emulator.client().get_user(AccessToken=tokens["AccessToken"])["Username"] == "alice"
        discovery = requests.get(f"{emulator.cognito_url}/{pool['id']}/.well-known/openid-configuration").json()
        assert discovery["issuer"] == expected and discovery["jwks_uri"] == pool["jwksUri"]
    finally:
        emulator.stop()
