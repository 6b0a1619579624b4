"""Identity pools, STS and aws_iam routes with real clients: boto3's cognito-identity and sts clients,
botocore's SigV4 signer for API Gateway requests, and the AWS CLI. Users of group `admins` are mapped
to AdminRole by the identity pool's token role mapping, `viewers` to ViewerRole (fixtures/processes/identity.yml)."""
import json
import os
import subprocess

import boto3
import botocore.auth
import botocore.config
import botocore.awsrequest
import botocore.credentials
import botocore.exceptions
import pytest
import requests

from emulator import FIXTURES, FIXTURES_BINARY, Emulator

CONFIG = os.path.join(FIXTURES, "processes", "identity.yml")
REGION = "us-east-1"


@pytest.fixture(scope="module")
def service():
    emulator = Emulator(CONFIG, binary=FIXTURES_BINARY).start()
    yield emulator
    emulator.stop()


def developer(service, name):
    keys = service.ready["credentials"]
    return boto3.client(name, endpoint_url=service.ready["cognito"], region_name=REGION,
                        aws_access_key_id=keys["accessKeyId"], aws_secret_access_key=keys["secretAccessKey"])


def anonymous(service, name):
    return boto3.client(name, endpoint_url=service.ready["cognito"], region_name=REGION,
                        config=botocore.config.Config(signature_version=botocore.UNSIGNED))


def sign_in(service, username, group):
    idp = developer(service, "cognito-idp")
    pool = service.pool("UserPool")
    idp.admin_create_user(UserPoolId=pool["id"], Username=username, MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool["id"], Username=username, Password="Passw0rd!x", Permanent=True)
    if group:
        idp.admin_add_user_to_group(UserPoolId=pool["id"], Username=username, GroupName=group)
    client_id = pool["clients"]["UserPoolClient"]
    tokens = idp.admin_initiate_auth(UserPoolId=pool["id"], ClientId=client_id, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": username, "PASSWORD": "Passw0rd!x"})
    return tokens["AuthenticationResult"]["IdToken"]


def identity_credentials(service, id_token):
    identity = anonymous(service, "cognito-identity")
    login = {f"cognito-idp.{REGION}.amazonaws.com/{service.pool('UserPool')['id']}": id_token}
    pool_id = service.ready["identityPools"]["IdentityPool"]
    identity_id = identity.get_id(IdentityPoolId=pool_id, Logins=login)["IdentityId"]
    return identity_id, identity.get_credentials_for_identity(IdentityId=identity_id, Logins=login)["Credentials"]


def signed_get(url, credentials):
    request = botocore.awsrequest.AWSRequest(method="GET", url=url)
    botocore.auth.SigV4Auth(credentials, "execute-api", REGION).add_auth(request)
    return requests.get(url, headers=dict(request.headers), timeout=60)


def as_botocore(credentials):
    return botocore.credentials.Credentials(credentials["AccessKeyId"], credentials["SecretKey"], credentials["SessionToken"])


def test_group_roles_reach_the_id_token_and_identity_pool_credentials_open_aws_iam_routes_by_group(service):
    admin_token = sign_in(service, "ada", "admins")
    viewer_token = sign_in(service, "vic", "viewers")
    import jwt
    claims = jwt.decode(admin_token, options={"verify_signature": False})
    assert claims["cognito:preferred_role"] == "arn:aws:iam::000000000000:role/identity-admin"
    admin_id, admin = identity_credentials(service, admin_token)
    viewer_id, viewer = identity_credentials(service, viewer_token)
    assert admin_id != viewer_id and admin["AccessKeyId"].startswith("ASIA")
    api = service.ready["api"]
    allowed = signed_get(api + "/admin", as_botocore(admin))
    assert allowed.status_code == 200, (allowed.text, service.output()[-3000:])
    identity = allowed.json()["event"]["requestContext"]["identity"]
    assert identity["cognitoIdentityId"] == admin_id
    assert identity["cognitoIdentityPoolId"] == service.ready["identityPools"]["IdentityPool"]
    assert identity["cognitoAuthenticationType"] == "authenticated"
    assert identity["userArn"] == "arn:aws:sts::000000000000:assumed-role/identity-admin/CognitoIdentityCredentials"
    assert identity["accessKey"] == admin["AccessKeyId"] and identity["accountId"] == "000000000000"
    assert identity["cognitoAuthenticationProvider"].endswith(f":CognitoSignIn:{claims['sub']}")
    denied = signed_get(api + "/admin", as_botocore(viewer))
    assert denied.status_code == 403
    assert denied.json() == {"Message": "User: arn:aws:sts::000000000000:assumed-role/identity-viewer/CognitoIdentityCredentials is not "
                             "authorized to perform: execute-api:Invoke on resource: "
                             f"arn:aws:execute-api:us-east-1:000000000000:{allowed.json()['event']['requestContext']['apiId']}/dev/GET/admin "
                             "because no identity-based policy allows the execute-api:Invoke action"}
    assert signed_get(api + "/everyone", as_botocore(viewer)).status_code == 200
    http = signed_get(service.ready["httpApi"] + "/admin", as_botocore(admin))
    assert http.status_code == 200, http.text
    iam = http.json()["event"]["requestContext"]["authorizer"]["iam"]
    assert iam["cognitoIdentity"]["identityId"] == admin_id and "authenticated" in iam["cognitoIdentity"]["amr"]
    assert signed_get(service.ready["httpApi"] + "/admin", as_botocore(viewer)).json() == {"message": "Forbidden"}
    # The same credentials call Cognito under the role: AdminRole may list users, ViewerRole may not.
    def idp(credentials):
        return boto3.client("cognito-idp", endpoint_url=service.ready["cognito"], region_name=REGION,
                            aws_access_key_id=credentials["AccessKeyId"], aws_secret_access_key=credentials["SecretKey"],
                            aws_session_token=credentials["SessionToken"])
    assert idp(admin).list_users(UserPoolId=service.pool("UserPool")["id"])["Users"]
    with pytest.raises(botocore.exceptions.ClientError) as refused:
        idp(viewer).list_users(UserPoolId=service.pool("UserPool")["id"])
    assert refused.value.response["Error"]["Code"] == "AccessDeniedException"


def test_refused_signatures_on_an_aws_iam_route_get_api_gateways_answers(service):
    _, admin = identity_credentials(service, sign_in(service, "eve", "admins"))
    api = service.ready["api"]
    assert requests.get(api + "/admin", timeout=30).json() == {"message": "Missing Authentication Token"}
    wrong_secret = botocore.credentials.Credentials(admin["AccessKeyId"], "x" * 40, admin["SessionToken"])
    answer = signed_get(api + "/admin", wrong_secret)
    assert answer.status_code == 403 and answer.json()["message"].startswith("The request signature we calculated does not match")
    forged = botocore.credentials.Credentials(admin["AccessKeyId"], admin["SecretKey"], admin["SessionToken"][:-4] + "AAAA")
    answer = signed_get(api + "/admin", forged)
    assert answer.status_code == 403 and answer.json() == {"message": "The security token included in the request is invalid."}
    requests.post(service.ready["cognito"] + "/_emulate/clock", json={"advanceSeconds": 3700}, timeout=10)
    try:
        answer = signed_get(api + "/admin", as_botocore(admin))
        assert answer.status_code == 403 and answer.json() == {"message": "The security token included in the request is expired"}
    finally:
        requests.post(service.ready["cognito"] + "/_emulate/clock", json={"advanceSeconds": -3700}, timeout=10)


def test_unauthenticated_identities_get_the_guest_role_and_an_identity_of_another_pool_is_refused(service):
    identity = anonymous(service, "cognito-identity")
    pool_id = service.ready["identityPools"]["IdentityPool"]
    guest = identity.get_id(IdentityPoolId=pool_id)["IdentityId"]
    credentials = identity.get_credentials_for_identity(IdentityId=guest)["Credentials"]
    assert signed_get(service.ready["api"] + "/everyone", as_botocore(credentials)).status_code == 403
    with pytest.raises(botocore.exceptions.ClientError) as missing:
        identity.get_credentials_for_identity(IdentityId="us-east-1:00000000-0000-0000-0000-000000000000")
    assert missing.value.response["Error"]["Code"] == "ResourceNotFoundException"
    with pytest.raises(botocore.exceptions.ClientError) as forged:
        identity.get_id(IdentityPoolId=pool_id, Logins={f"cognito-idp.{REGION}.amazonaws.com/{service.pool('UserPool')['id']}": "not.a.token"})
    assert forged.value.response["Error"]["Code"] == "NotAuthorizedException"


def test_basic_flow_and_assume_role_with_web_identity_yield_working_credentials(service):
    id_token = sign_in(service, "bob", "admins")
    sts = anonymous(service, "sts")
    assumed = sts.assume_role_with_web_identity(RoleArn="arn:aws:iam::000000000000:role/identity-admin", RoleSessionName="bob",
                                                WebIdentityToken=id_token)
    assert assumed["AssumedRoleUser"]["Arn"] == "arn:aws:sts::000000000000:assumed-role/identity-admin/bob"
    assert assumed["Provider"] == f"cognito-idp.{REGION}.amazonaws.com/{service.pool('UserPool')['id']}"
    keys = assumed["Credentials"]
    caller = boto3.client("sts", endpoint_url=service.ready["cognito"], region_name=REGION, aws_access_key_id=keys["AccessKeyId"],
                          aws_secret_access_key=keys["SecretAccessKey"], aws_session_token=keys["SessionToken"]).get_caller_identity()
    assert caller["Arn"] == "arn:aws:sts::000000000000:assumed-role/identity-admin/bob" and caller["Account"] == "000000000000"
    # The basic flow: an identity pool's OpenID token, then STS.
    identity = anonymous(service, "cognito-identity")
    login = {f"cognito-idp.{REGION}.amazonaws.com/{service.pool('UserPool')['id']}": id_token}
    identity_id = identity.get_id(IdentityPoolId=service.ready["identityPools"]["IdentityPool"], Logins=login)["IdentityId"]
    open_id = identity.get_open_id_token(IdentityId=identity_id, Logins=login)["Token"]
    basic = sts.assume_role_with_web_identity(RoleArn="arn:aws:iam::000000000000:role/identity-admin", RoleSessionName="basic",
                                              WebIdentityToken=open_id)
    assert basic["SubjectFromWebIdentityToken"] == identity_id and basic["Provider"] == "cognito-identity.amazonaws.com"
    with pytest.raises(botocore.exceptions.ClientError) as guest:
        sts.assume_role_with_web_identity(RoleArn="arn:aws:iam::000000000000:role/identity-guest", RoleSessionName="xx", WebIdentityToken=open_id)
    assert guest.value.response["Error"]["Code"] == "AccessDenied"
    with pytest.raises(botocore.exceptions.ClientError) as bad:
        sts.assume_role_with_web_identity(RoleArn="arn:aws:iam::000000000000:role/identity-admin", RoleSessionName="xx", WebIdentityToken="a.b.c")
    assert bad.value.response["Error"]["Code"] == "InvalidIdentityToken"


def test_the_aws_cli_names_the_caller_and_assume_role_checks_trust(service):
    keys = service.ready["credentials"]
    environment = dict(os.environ, AWS_ACCESS_KEY_ID=keys["accessKeyId"], AWS_SECRET_ACCESS_KEY=keys["secretAccessKey"],
                       AWS_DEFAULT_REGION=REGION, AWS_ENDPOINT_URL_STS=service.ready["cognito"])
    environment.pop("AWS_SESSION_TOKEN", None)
    output = subprocess.run(["aws", "sts", "get-caller-identity", "--output", "json"], env=environment, capture_output=True, text=True,
                            timeout=120)
    assert output.returncode == 0, output.stderr
    assert json.loads(output.stdout)["Arn"] == "arn:aws:iam::000000000000:user/emulate-developer"
    assumed = developer(service, "sts").assume_role(RoleArn="arn:aws:iam::000000000000:role/identity-ci", RoleSessionName="ci-run")
    keys = assumed["Credentials"]
    environment.update(AWS_ACCESS_KEY_ID=keys["AccessKeyId"], AWS_SECRET_ACCESS_KEY=keys["SecretAccessKey"], AWS_SESSION_TOKEN=keys["SessionToken"])
    output = subprocess.run(["aws", "sts", "get-caller-identity", "--output", "json"], env=environment, capture_output=True, text=True,
                            timeout=120)
    assert output.returncode == 0, output.stderr
    assert json.loads(output.stdout)["Arn"] == "arn:aws:sts::000000000000:assumed-role/identity-ci/ci-run"
    with pytest.raises(botocore.exceptions.ClientError) as refused:
        developer(service, "sts").assume_role(RoleArn="arn:aws:iam::000000000000:role/identity-admin", RoleSessionName="xx")
    assert refused.value.response["Error"]["Code"] == "AccessDenied"


def test_identity_pool_api_round_trip_with_the_developer_key(service):
    identity = developer(service, "cognito-identity")
    created = identity.create_identity_pool(IdentityPoolName="made_by_tests", AllowUnauthenticatedIdentities=False,
                                            DeveloperProviderName="dev.example", IdentityPoolTags={"team": "qa"})
    pool_id = created["IdentityPoolId"]
    assert identity.describe_identity_pool(IdentityPoolId=pool_id)["IdentityPoolName"] == "made_by_tests"
    assert any(p["IdentityPoolId"] == pool_id for p in identity.list_identity_pools(MaxResults=60)["IdentityPools"])
    token = identity.get_open_id_token_for_developer_identity(IdentityPoolId=pool_id, Logins={"dev.example": "user-1"})
    assert identity.lookup_developer_identity(IdentityPoolId=pool_id, DeveloperUserIdentifier="user-1")["IdentityId"] == token["IdentityId"]
    described = identity.describe_identity(IdentityId=token["IdentityId"])
    assert described["Logins"] == ["dev.example"]
    arn = f"arn:aws:cognito-identity:{REGION}:000000000000:identitypool/{pool_id}"
    assert identity.list_tags_for_resource(ResourceArn=arn)["Tags"] == {"team": "qa"}
    with pytest.raises(botocore.exceptions.ClientError) as guests:
        anonymous(service, "cognito-identity").get_id(IdentityPoolId=pool_id)
    assert guests.value.response["Error"]["Code"] == "NotAuthorizedException"
    identity.delete_identity_pool(IdentityPoolId=pool_id)
    with pytest.raises(botocore.exceptions.ClientError) as gone:
        identity.describe_identity_pool(IdentityPoolId=pool_id)
    assert gone.value.response["Error"] == {"Code": "ResourceNotFoundException", "Message": f"IdentityPool '{pool_id}' not found."}


def test_a_session_policy_narrows_an_assumed_role(service):
    sts = developer(service, "sts")
    policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "cognito-idp:Describe*", "Resource": "*"}]})
    assumed = sts.assume_role(RoleArn="arn:aws:iam::000000000000:role/identity-ci", RoleSessionName="narrow", Policy=policy)
    assert assumed["PackedPolicySize"] >= 1
    keys = assumed["Credentials"]
    idp = boto3.client("cognito-idp", endpoint_url=service.ready["cognito"], region_name=REGION, aws_access_key_id=keys["AccessKeyId"],
                       aws_secret_access_key=keys["SecretAccessKey"], aws_session_token=keys["SessionToken"])
    pool_id = service.pool("UserPool")["id"]
    assert idp.describe_user_pool(UserPoolId=pool_id)["UserPool"]["Id"] == pool_id
    with pytest.raises(botocore.exceptions.ClientError) as narrowed:
        idp.list_users(UserPoolId=pool_id)
    assert narrowed.value.response["Error"]["Message"] == (
        "User: arn:aws:sts::000000000000:assumed-role/identity-ci/narrow is not authorized to perform: cognito-idp:ListUsers on resource: "
        f"arn:aws:cognito-idp:us-east-1:000000000000:userpool/{pool_id} because no session policy allows the cognito-idp:ListUsers action")
    with pytest.raises(botocore.exceptions.ClientError) as malformed:
        sts.assume_role(RoleArn="arn:aws:iam::000000000000:role/identity-ci", RoleSessionName="bad", Policy="{not json")
    assert malformed.value.response["Error"]["Code"] == "MalformedPolicyDocument"


def test_tokens_and_identities_of_another_pool_are_refused(service):
    identity = developer(service, "cognito-identity")
    user_pool = service.pool("UserPool")
    other = identity.create_identity_pool(
        IdentityPoolName="other_pool", AllowUnauthenticatedIdentities=True, DeveloperProviderName="other.example",
        CognitoIdentityProviders=[{"ProviderName": f"cognito-idp.{REGION}.amazonaws.com/{user_pool['id']}",
                                   "ClientId": user_pool["clients"]["UserPoolClient"]}])["IdentityPoolId"]
    try:
        login = {f"cognito-idp.{REGION}.amazonaws.com/{user_pool['id']}": sign_in(service, "otto", "admins")}
        public = anonymous(service, "cognito-identity")
        theirs = public.get_id(IdentityPoolId=other, Logins=login)["IdentityId"]
        token = public.get_open_id_token(IdentityId=theirs, Logins=login)["Token"]
        # AdminRole trusts only the service's own pool as `aud`.
        with pytest.raises(botocore.exceptions.ClientError) as audience:
            anonymous(service, "sts").assume_role_with_web_identity(RoleArn="arn:aws:iam::000000000000:role/identity-admin",
                                                                     RoleSessionName="other", WebIdentityToken=token)
        assert audience.value.response["Error"] == {"Code": "AccessDenied", "Message": "Not authorized to perform sts:AssumeRoleWithWebIdentity",
                                                    "Type": "Sender"}
        # Another pool's identity cannot be taken over through this pool's developer provider.
        with pytest.raises(botocore.exceptions.ClientError) as foreign:
            identity.get_open_id_token_for_developer_identity(IdentityPoolId=service.ready["identityPools"]["IdentityPool"],
                                                              IdentityId=theirs, Logins={"login.example": "someone"})
        assert foreign.value.response["Error"]["Code"] == "ResourceNotFoundException"
        # This pool's OpenID token is not a login of the other pool.
        with pytest.raises(botocore.exceptions.ClientError) as crossed:
            public.get_credentials_for_identity(IdentityId=theirs, Logins={"cognito-identity.amazonaws.com": public.get_open_id_token(
                IdentityId=public.get_id(IdentityPoolId=service.ready["identityPools"]["IdentityPool"])["IdentityId"])["Token"]})
        assert crossed.value.response["Error"]["Code"] == "NotAuthorizedException"
    finally:
        identity.delete_identity_pool(IdentityPoolId=other)


def test_strict_credentials_refuse_keys_the_emulator_did_not_issue():
    strict = Emulator(CONFIG, binary=FIXTURES_BINARY, extra_args=["--strict-credentials"]).start()
    try:
        dummy = boto3.client("cognito-idp", endpoint_url=strict.ready["cognito"], region_name=REGION,
                             aws_access_key_id="test", aws_secret_access_key="test")
        with pytest.raises(botocore.exceptions.ClientError) as refused:
            dummy.list_user_pools(MaxResults=10)
        assert refused.value.response["Error"] == {"Code": "UnrecognizedClientException",
                                                   "Message": "The security token included in the request is invalid."}
        assert developer(strict, "cognito-idp").list_user_pools(MaxResults=10)["UserPools"]
        with pytest.raises(botocore.exceptions.ClientError) as unsigned:
            anonymous(strict, "cognito-idp").list_user_pools(MaxResults=10)
        assert unsigned.value.response["Error"]["Code"] == "AccessDeniedException"
        with pytest.raises(botocore.exceptions.ClientError) as sts:
            boto3.client("sts", endpoint_url=strict.ready["cognito"], region_name=REGION, aws_access_key_id="test",
                         aws_secret_access_key="test").get_caller_identity()
        assert sts.value.response["Error"]["Code"] == "InvalidClientTokenId"
        route = signed_get(strict.ready["api"] + "/everyone", botocore.credentials.Credentials("test", "test"))
        assert route.status_code == 403 and route.json() == {"message": "The security token included in the request is invalid."}
        # The Lambda Invoke API alike: an unknown key is refused, an unsigned call may do nothing, the developer may.
        keys = strict.ready["credentials"]
        unknown_key = boto3.client("lambda", endpoint_url=strict.ready["lambda"], region_name=REGION,
                                   aws_access_key_id="test", aws_secret_access_key="test")
        unsigned = boto3.client("lambda", endpoint_url=strict.ready["lambda"], region_name=REGION,
                                config=botocore.config.Config(signature_version=botocore.UNSIGNED))
        developer_key = boto3.client("lambda", endpoint_url=strict.ready["lambda"], region_name=REGION,
                                     aws_access_key_id=keys["accessKeyId"], aws_secret_access_key=keys["secretAccessKey"])
        for client, code in ((unknown_key, "UnrecognizedClientException"), (unsigned, "AccessDeniedException")):
            with pytest.raises(botocore.exceptions.ClientError) as refused:
                client.list_functions()
            assert refused.value.response["Error"]["Code"] == code
        assert developer_key.list_functions()["Functions"]
    finally:
        strict.stop()


def test_a_condition_operator_iam_does_not_have_stops_the_start_at_its_line(tmp_path):
    config = tmp_path / "serverless.yml"
    config.write_text("\n".join([
        "service: badpolicy",
        "provider:",
        "  name: aws",
        "  runtime: python3.11",
        "  iam:",
        "    role:",
        "      statements:",
        "        - Effect: Allow",
        "          Action: cognito-idp:ListUsers",
        "          Resource: '*'",
        "          Condition:",
        "            StringEqualz: { 'aws:username': ann }",
        "functions:",
        "  echo:",
        "    handler: pyfns/handlers.echo",
    ]) + "\n")
    with pytest.raises(RuntimeError) as refused:
        Emulator(str(config), binary=FIXTURES_BINARY).start()
    assert "serverless.yml:8:11: error: an IAM statement's Condition: unknown condition operator 'StringEqualz'" in str(refused.value)


def test_a_new_login_cannot_take_over_another_users_identity(service):
    pool = service.ready["identityPools"]["IdentityPool"]
    provider = f"cognito-idp.{REGION}.amazonaws.com/{service.pool('UserPool')['id']}"
    public = anonymous(service, "cognito-identity")
    victim = public.get_id(IdentityPoolId=pool, Logins={provider: sign_in(service, "victor", "viewers")})["IdentityId"]
    intruder = {provider: sign_in(service, "ivan", "admins")}
    for call in (lambda: public.get_credentials_for_identity(IdentityId=victim, Logins=intruder),
                 lambda: public.get_open_id_token(IdentityId=victim, Logins=intruder)):
        with pytest.raises(botocore.exceptions.ClientError) as refused:
            call()
        assert refused.value.response["Error"] == {
            "Code": "NotAuthorizedException", "Message": "Logins don't match. Please include at least one valid login for this identity or identity pool."}
    # The intruder's login is still nobody's: it gets an identity of its own.
    assert public.get_id(IdentityPoolId=pool, Logins=intruder)["IdentityId"] != victim
    # A guest identity may sign in: the login joins it.
    guest = public.get_id(IdentityPoolId=pool)["IdentityId"]
    joined = public.get_credentials_for_identity(IdentityId=guest, Logins={provider: sign_in(service, "gina", None)})
    assert joined["IdentityId"] == guest


def test_a_custom_role_outside_the_tokens_roles_is_not_granted(service):
    """CustomRoleArn only chooses among the roles the token's groups give: asking for the admin role with a
    viewer's token gets the viewer's role, and STS says so."""
    viewer_token = sign_in(service, "vera-custom", "viewers")
    identity = anonymous(service, "cognito-identity")
    login = {f"cognito-idp.{REGION}.amazonaws.com/{service.pool('UserPool')['id']}": viewer_token}
    identity_id = identity.get_id(IdentityPoolId=service.ready["identityPools"]["IdentityPool"], Logins=login)["IdentityId"]
    credentials = identity.get_credentials_for_identity(IdentityId=identity_id, Logins=login,
                                                        CustomRoleArn="arn:aws:iam::000000000000:role/identity-admin")["Credentials"]
    sts = boto3.client("sts", endpoint_url=service.ready["cognito"], region_name=REGION, aws_access_key_id=credentials["AccessKeyId"],
                       aws_secret_access_key=credentials["SecretKey"], aws_session_token=credentials["SessionToken"])
    assert sts.get_caller_identity()["Arn"] == "arn:aws:sts::000000000000:assumed-role/identity-viewer/CognitoIdentityCredentials"
    assert signed_get(service.ready["api"] + "/admin", as_botocore(credentials)).status_code == 403


def test_a_signature_outside_the_fifteen_minute_window_is_refused_as_aws_refuses_it(monkeypatch):
    import datetime
    emulator = Emulator(CONFIG, binary=FIXTURES_BINARY).start()
    try:
        for minutes in (-20, 20):  # a stale request (a replay later than the window) and one from the future
            when = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=minutes)
            monkeypatch.setattr(botocore.auth, "get_current_datetime", lambda: when)
            keys = emulator.ready["credentials"]
            idp = boto3.client("cognito-idp", endpoint_url=emulator.ready["cognito"], region_name=REGION,
                               aws_access_key_id=keys["accessKeyId"], aws_secret_access_key=keys["secretAccessKey"],
                               config=botocore.config.Config(retries={"total_max_attempts": 1}))
            with pytest.raises(botocore.exceptions.ClientError) as refused:
                idp.list_user_pools(MaxResults=1)
            error = refused.value.response["Error"]
            assert error["Code"] == "InvalidSignatureException", error
            assert error["Message"].startswith("Signature expired: " if minutes < 0 else "Signature not yet current: "), error
        monkeypatch.undo()
        assert developer(emulator, "cognito-idp").list_user_pools(MaxResults=1)["UserPools"]
    finally:
        emulator.stop()
