"""Pools and clients created through the API (boto3), used by every flow, persisted, and requests
validated as botocore's model says."""
import gzip
import json
import os
import tempfile

import botocore
import jwt
import pytest
import requests

from emulator import Emulator, FIXTURES, client_error as error_of, free_port

PASSWORD = "Correct-Horse-9"


@pytest.fixture(scope="module")
def app():
    """An emulator of its own: the pools these tests create must not show in other modules' listings."""
    emulator = Emulator(os.path.join(FIXTURES, "cognito.yml")).start()
    yield emulator
    emulator.stop()


def create_pool_and_client(idp, name="api-pool"):
    pool = idp.create_user_pool(
        PoolName=name,
        Policies={"PasswordPolicy": {"MinimumLength": 10, "RequireNumbers": True}},
        AutoVerifiedAttributes=["email"],
        Schema=[{"Name": "tier", "AttributeDataType": "String", "Mutable": True}],
        EmailVerificationSubject="Your code",
        UserPoolTags={"team": "auth"},
    )["UserPool"]
    client = idp.create_user_pool_client(
        UserPoolId=pool["Id"],
        ClientName="web",
        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    )["UserPoolClient"]
    return pool, client


def test_a_pool_and_client_created_through_the_api_serve_sign_up_and_sign_in(app):
    idp = app.client()
    pool, client = create_pool_and_client(idp)
    assert pool["Id"].startswith("us-east-1_") and pool["Name"] == "api-pool"
    assert pool["Arn"].endswith(":userpool/" + pool["Id"])
    assert pool["Policies"]["PasswordPolicy"]["MinimumLength"] == 10
    assert pool["EmailVerificationSubject"] == "Your code" and pool["UserPoolTags"] == {"team": "auth"}
    assert pool["DeletionProtection"] == "INACTIVE"
    assert any(a["Name"] == "custom:tier" for a in pool["SchemaAttributes"])
    assert client["ClientName"] == "web" and len(client["ClientId"]) == 26 and "ClientSecret" not in client

    listed = [p["Id"] for p in idp.list_user_pools(MaxResults=60)["UserPools"]]
    assert pool["Id"] in listed
    described = idp.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]
    assert described["EmailVerificationSubject"] == "Your code" and described["AutoVerifiedAttributes"] == ["email"]

    code, message = error_of(idp.sign_up, ClientId=client["ClientId"], Username="ann", Password="short1",
                             UserAttributes=[{"Name": "email", "Value": "ann@example.com"}])
    assert code == "InvalidPasswordException"
    idp.sign_up(ClientId=client["ClientId"], Username="ann", Password=PASSWORD,
                UserAttributes=[{"Name": "email", "Value": "ann@example.com"}, {"Name": "custom:tier", "Value": "gold"}])
    sent = app.messages(pool["Id"], "ann")[-1]
    idp.confirm_sign_up(ClientId=client["ClientId"], Username="ann", ConfirmationCode=sent["code"])
    tokens = idp.initiate_auth(ClientId=client["ClientId"], AuthFlow="USER_PASSWORD_AUTH",
                               AuthParameters={"USERNAME": "ann", "PASSWORD": PASSWORD})["AuthenticationResult"]
    issuer = f"{app.cognito_url}/{pool['Id']}"
    keys = jwt.PyJWKClient(f"{issuer}/.well-known/jwks.json")
    claims = jwt.decode(tokens["IdToken"], keys.get_signing_key_from_jwt(tokens["IdToken"]).key, algorithms=["RS256"],
                        audience=client["ClientId"], issuer=issuer)
    assert claims["cognito:username"] == "ann" and claims["custom:tier"] == "gold"

    code, message = error_of(idp.initiate_auth, ClientId=client["ClientId"], AuthFlow="USER_SRP_AUTH",
                             AuthParameters={"USERNAME": "ann", "SRP_A": "1"})
    assert code == "InvalidParameterException"


def test_updates_apply_and_deletes_remove_everything(app):
    idp = app.client()
    pool, client = create_pool_and_client(idp, "to-update")
    idp.update_user_pool(UserPoolId=pool["Id"], MfaConfiguration="OFF", DeletionProtection="ACTIVE",
                         Policies={"PasswordPolicy": {"MinimumLength": 12}})
    described = idp.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]
    assert described["Policies"]["PasswordPolicy"]["MinimumLength"] == 12 and described["Name"] == "to-update"
    # Members left out of UpdateUserPool return to their defaults, as AWS documents.
    assert described["DeletionProtection"] == "ACTIVE" and described["EmailVerificationSubject"] == "Your verification code"
    code, message = error_of(idp.delete_user_pool, UserPoolId=pool["Id"])
    assert code == "InvalidParameterException" and "deletion protection" in message

    updated = idp.update_user_pool_client(UserPoolId=pool["Id"], ClientId=client["ClientId"],
                                          ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                                          AccessTokenValidity=30, TokenValidityUnits={"AccessToken": "minutes"})["UserPoolClient"]
    assert updated["ClientName"] == "web" and updated["AccessTokenValidity"] == 30
    idp.admin_create_user(UserPoolId=pool["Id"], Username="bob", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool["Id"], Username="bob", Password="Longer-password-1", Permanent=True)
    result = idp.admin_initiate_auth(UserPoolId=pool["Id"], ClientId=client["ClientId"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": "bob", "PASSWORD": "Longer-password-1"})
    assert result["AuthenticationResult"]["ExpiresIn"] == 1800

    idp.delete_user_pool_client(UserPoolId=pool["Id"], ClientId=client["ClientId"])
    assert error_of(idp.describe_user_pool_client, UserPoolId=pool["Id"], ClientId=client["ClientId"])[0] == "ResourceNotFoundException"
    idp.update_user_pool(UserPoolId=pool["Id"], DeletionProtection="INACTIVE")
    idp.delete_user_pool(UserPoolId=pool["Id"])
    assert error_of(idp.describe_user_pool, UserPoolId=pool["Id"]) == ("ResourceNotFoundException", f"User pool {pool['Id']} does not exist.")
    assert error_of(idp.admin_get_user, UserPoolId=pool["Id"], Username="bob")[0] == "ResourceNotFoundException"
    assert requests.get(f"{app.cognito_url}/{pool['Id']}/.well-known/jwks.json").status_code == 404


def test_created_pools_survive_a_restart_and_reset_empties_them():
    state = tempfile.mkdtemp(prefix="emulate-control-")
    # The same port across the restart: a token's issuer names it (issue 14 item 6 lifts that).
    emulator = Emulator(os.path.join(FIXTURES, "cognito.yml"), state_dir=state, cognito_port=free_port()).start()
    try:
        idp = emulator.client()
        pool, client = create_pool_and_client(idp, "kept")
        idp.admin_create_user(UserPoolId=pool["Id"], Username="kim", MessageAction="SUPPRESS")
        idp.admin_set_user_password(UserPoolId=pool["Id"], Username="kim", Password=PASSWORD, Permanent=True)
        before = idp.initiate_auth(ClientId=client["ClientId"], AuthFlow="USER_PASSWORD_AUTH",
                                   AuthParameters={"USERNAME": "kim", "PASSWORD": PASSWORD})["AuthenticationResult"]
    finally:
        emulator.stop()
    emulator.start()
    try:
        idp = emulator.client()
        assert idp.describe_user_pool(UserPoolId=pool["Id"])["UserPool"]["EmailVerificationSubject"] == "Your code"
        assert idp.get_user(AccessToken=before["AccessToken"])["Username"] == "kim"
        after = idp.initiate_auth(ClientId=client["ClientId"], AuthFlow="USER_PASSWORD_AUTH",
                                  AuthParameters={"USERNAME": "kim", "PASSWORD": PASSWORD})["AuthenticationResult"]
        assert after["IdToken"]

        configured = [p["Id"] for p in idp.list_user_pools(MaxResults=60)["UserPools"] if p["Id"] != pool["Id"]]
        assert requests.post(f"{emulator.cognito_url}/_emulate/reset").json() == {"reset": True}
        remaining = [p["Id"] for p in idp.list_user_pools(MaxResults=60)["UserPools"]]
        assert remaining == configured
        assert error_of(idp.describe_user_pool, UserPoolId=pool["Id"])[0] == "ResourceNotFoundException"
        assert idp.list_users(UserPoolId=configured[0])["Users"] == []
    finally:
        emulator.stop()


def test_members_are_validated_as_botocores_model_says(app):
    pool = app.pool("AppPool")
    status, body = app.post(json.dumps({"UserPoolId": pool["id"], "Username": "victim\u0000anything"}).encode(),
                            target="AWSCognitoIdentityProviderService.AdminGetUser")
    assert status == 400 and body["__type"] == "InvalidParameterException"
    # Usernames are sensitive in the model, so AWS leaves the value out of the message.
    assert body["message"] == ("1 validation error detected: Value at 'username' failed to satisfy constraint: "
                               "Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+")

    client_id = pool["clients"]["WebClient"]
    for target, body in [
        ("InitiateAuth", {"ClientId": client_id, "AuthFlow": "USER_PASSWORD_AUTH", "AuthParameters": {"USERNAME": "a", "PASSWORD": "b"},
                          "ClientMetadata": {"k": "v"}, "Session": "x\u0000"}),
        ("AdminAddUserToGroup", {"UserPoolId": pool["id"], "Username": "victim\u0000x", "GroupName": "admins"}),
        ("SignUp", {"ClientId": client_id, "Username": "\u0000first", "Password": PASSWORD}),
        ("CreateGroup", {"UserPoolId": pool["id"], "GroupName": "admins2\u0000x"}),
        # Members without a pattern carry no NUL either: the store would cut the text there.
        ("InitiateAuth", {"ClientId": client_id, "AuthFlow": "USER_PASSWORD_AUTH", "AuthParameters": {"USERNAME": "victim\u0000x", "PASSWORD": "b"}}),
        ("AdminCreateUser", {"UserPoolId": pool["id"], "Username": "fresh", "UserAttributes": [{"Name": "email", "Value": "v@example.com\u0000x"}]}),
    ]:
        status, answer = app.post(json.dumps(body).encode(), target=f"AWSCognitoIdentityProviderService.{target}")
        assert status == 400 and answer["__type"] == "InvalidParameterException", (target, answer)
        assert "failed to satisfy constraint" in answer["message"], (target, answer)
    status, body = app.post(json.dumps({"ClientId": client_id, "Username": "u" * 500_000, "Password": "p" * 5000}).encode(),
                            target="AWSCognitoIdentityProviderService.SignUp")
    assert status == 400 and body["message"].startswith("2 validation errors detected: ")
    assert "Value at 'username' failed to satisfy constraint: Member must have length less than or equal to 128" in body["message"]
    assert "Value at 'password' failed to satisfy constraint: Member must have length less than or equal to 256" in body["message"]

    status, body = app.post(json.dumps({"MaxResults": 2147483648}).encode(), target="AWSCognitoIdentityProviderService.ListUserPools")
    assert (status, body["message"]) == (400, "1 validation error detected: Value '2147483648' at 'maxResults' failed to satisfy constraint: "
                                              "Member must have value less than or equal to 60")
    status, body = app.post(json.dumps({"UserPoolId": pool["id"], "Username": "x", "DesiredDeliveryMediums": ["PIGEON"]}).encode(),
                            target="AWSCognitoIdentityProviderService.AdminCreateUser")
    assert status == 400 and "at 'desiredDeliveryMediums.1.member' failed to satisfy constraint: Member must satisfy enum value set: [SMS, EMAIL]" in body["message"]
    status, body = app.post(json.dumps({"ClientId": client_id, "AuthFlow": "USER_PASSWORD_AUTH", "AnalyticsMetadata": 7}).encode(),
                            target="AWSCognitoIdentityProviderService.InitiateAuth")
    assert status == 400 and body["__type"] == "SerializationException"

    # A repeated key keeps its last value, as AWS reads it.
    raw = '{"UserPoolId": "us-east-1_nothere", "UserPoolId": "%s"}' % pool["id"]
    status, body = app.post(raw.encode(), target="AWSCognitoIdentityProviderService.DescribeUserPool")
    assert status == 200 and body["UserPool"]["Id"] == pool["id"]


def test_no_operation_of_the_model_answers_unknown_operation(app):
    """Every operation botocore's model lists is served: an empty request gets past the operation
    lookup and is validated (or answered), never UnknownOperationException."""
    path = os.path.join(os.path.dirname(botocore.__file__), "data", "cognito-idp", "2016-04-18", "service-2.json.gz")
    model = json.load(gzip.open(path))
    unknown = []
    for name in sorted(model["operations"]):
        status, body = app.post(b"{}", target=f"AWSCognitoIdentityProviderService.{name}")
        if body.get("__type") == "UnknownOperationException":
            unknown.append(name)
    assert len(model["operations"]) == 122 and unknown == []


def test_texts_and_shapes_as_aws_gives_them(app):
    idp = app.client()
    pool = app.pool("AppPool")
    assert error_of(idp.forgot_password, ClientId=pool["clients"]["WebClient"], Username="nobody-at-all") == \
        ("UserNotFoundException", "Username/client id combination not found.")
    described = idp.describe_user_pool(UserPoolId=pool["id"])["UserPool"]
    sub = next(a for a in described["SchemaAttributes"] if a["Name"] == "sub")
    assert sub["Required"] is True and sub["Mutable"] is False
    assert described["SmsVerificationMessage"] == "Your verification code is {####}. "
    assert [m["Name"] for m in described["AccountRecoverySetting"]["RecoveryMechanisms"]] == ["verified_email", "verified_phone_number"]
    created = idp.create_user_pool(PoolName="dev-only", Schema=[
        {"Name": "secret", "AttributeDataType": "String", "DeveloperOnlyAttribute": True}])["UserPool"]
    assert "dev:custom:secret" in [a["Name"] for a in created["SchemaAttributes"]]


def test_expired_sessions_are_pruned_from_the_state():
    import concurrent.futures
    import sqlite3
    state = tempfile.mkdtemp(prefix="emulate-prune-")
    emulator = Emulator(None, state_dir=state).start()
    try:
        idp = emulator.client()
        pool = idp.create_user_pool(PoolName="short-sessions")["UserPool"]
        client = idp.create_user_pool_client(UserPoolId=pool["Id"], ClientName="c", RefreshTokenValidity=60,
                                             TokenValidityUnits={"RefreshToken": "minutes"},
                                             ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]
        idp.admin_create_user(UserPoolId=pool["Id"], Username="p", MessageAction="SUPPRESS")
        idp.admin_set_user_password(UserPoolId=pool["Id"], Username="p", Password="Passw0rd!", Permanent=True)
        sign_in = lambda _: idp.admin_initiate_auth(UserPoolId=pool["Id"], ClientId=client["ClientId"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                                    AuthParameters={"USERNAME": "p", "PASSWORD": "Passw0rd!"})
        sign_in(0)
        emulator.advance_clock(3600 + 86400 + 10)
        with concurrent.futures.ThreadPoolExecutor(max_workers=8) as workers:
            list(workers.map(sign_in, range(600)))
        with sqlite3.connect(os.path.join(state, "cognito.sqlite")) as connection:
            rows = connection.execute("SELECT count(*) FROM sessions").fetchone()[0]
        assert rows == 600
    finally:
        emulator.stop()


def test_a_described_pool_follows_its_changes_and_its_users(app):
    idp = app.client()
    pool = idp.create_user_pool(PoolName="described")["UserPool"]["Id"]
    before = idp.describe_user_pool(UserPoolId=pool)["UserPool"]
    assert before["EstimatedNumberOfUsers"] == 0
    idp.admin_create_user(UserPoolId=pool, Username="first", MessageAction="SUPPRESS")
    idp.add_custom_attributes(UserPoolId=pool, CustomAttributes=[{"Name": "tier", "AttributeDataType": "String", "Mutable": True}])
    idp.update_user_pool(UserPoolId=pool, MfaConfiguration="OFF", UserPoolTags={"team": "web"})
    after = idp.describe_user_pool(UserPoolId=pool)["UserPool"]
    assert after["EstimatedNumberOfUsers"] == 1
    assert "custom:tier" in [attribute["Name"] for attribute in after["SchemaAttributes"]]
    assert after["UserPoolTags"] == {"team": "web"} and "UserPoolTags" not in before
