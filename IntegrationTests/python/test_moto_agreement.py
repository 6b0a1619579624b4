"""Where moto's Cognito server and the emulator should agree — response shapes and error types —
the same case runs against both and the answers are compared."""
import os
import signal
import subprocess
import time
import urllib.request

import boto3
import pytest
from botocore.exceptions import ClientError

from emulator import free_port


@pytest.fixture(scope="module")
def moto():
    port = free_port()
    process = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1)
            break
        except OSError:
            time.sleep(0.05)
    client = boto3.client("cognito-idp", endpoint_url=url, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test")
    pool_id = client.create_user_pool(PoolName="agreement", Policies={"PasswordPolicy": {"MinimumLength": 8}})["UserPool"]["Id"]
    client_id = client.create_user_pool_client(UserPoolId=pool_id, ClientName="agreement", ExplicitAuthFlows=[
        "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]
    yield client, pool_id, client_id
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def ours():
    from emulator import Emulator, FIXTURES
    emulator = Emulator(os.path.join(os.path.dirname(__file__), "fixtures", "agreement.yml")).start()
    pool = emulator.pool("AgreementPool")
    yield emulator.client(), pool["id"], pool["clients"]["AgreementClient"]
    emulator.stop()


def outcome(call):
    """('ok', sorted response keys) or ('error', error code)."""
    try:
        response = call()
        response.pop("ResponseMetadata", None)
        return "ok", sorted(response)
    except ClientError as error:
        return "error", error.response["Error"]["Code"]


def run_case(target, case, username):
    client, pool_id, client_id = target
    return case(client, pool_id, client_id, username)


CASES = {
    "AdminCreateUser": lambda c, p, k, u: outcome(lambda: c.admin_create_user(UserPoolId=p, Username=u, TemporaryPassword="Temp-Passw0rd1", MessageAction="SUPPRESS")),
    "AdminCreateUser twice": lambda c, p, k, u: (c.admin_create_user(UserPoolId=p, Username=u, MessageAction="SUPPRESS"),
                                                 outcome(lambda: c.admin_create_user(UserPoolId=p, Username=u, MessageAction="SUPPRESS")))[1],
    "AdminGetUser unknown": lambda c, p, k, u: outcome(lambda: c.admin_get_user(UserPoolId=p, Username=u)),
    "AdminInitiateAuth after SetUserPassword": lambda c, p, k, u: (
        c.admin_create_user(UserPoolId=p, Username=u, MessageAction="SUPPRESS"),
        c.admin_set_user_password(UserPoolId=p, Username=u, Password="Final-Passw0rd1", Permanent=True),
        outcome(lambda: c.admin_initiate_auth(UserPoolId=p, ClientId=k, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                              AuthParameters={"USERNAME": u, "PASSWORD": "Final-Passw0rd1"})))[2],
    "AdminInitiateAuth wrong password": lambda c, p, k, u: (
        c.admin_create_user(UserPoolId=p, Username=u, MessageAction="SUPPRESS"),
        c.admin_set_user_password(UserPoolId=p, Username=u, Password="Final-Passw0rd1", Permanent=True),
        outcome(lambda: c.admin_initiate_auth(UserPoolId=p, ClientId=k, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                              AuthParameters={"USERNAME": u, "PASSWORD": "Wrong-Passw0rd1"})))[2],
    "NEW_PASSWORD_REQUIRED challenge": lambda c, p, k, u: (
        c.admin_create_user(UserPoolId=p, Username=u, TemporaryPassword="Temp-Passw0rd1", MessageAction="SUPPRESS"),
        outcome(lambda: c.admin_initiate_auth(UserPoolId=p, ClientId=k, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                              AuthParameters={"USERNAME": u, "PASSWORD": "Temp-Passw0rd1"})))[1],
    "SignUp": lambda c, p, k, u: outcome(lambda: c.sign_up(ClientId=k, Username=u, Password="Sign-Passw0rd1")),
    "SignUp short password": lambda c, p, k, u: outcome(lambda: c.sign_up(ClientId=k, Username=u, Password="short")),
    "InitiateAuth unconfirmed": lambda c, p, k, u: (c.sign_up(ClientId=k, Username=u, Password="Sign-Passw0rd1"),
                                                    outcome(lambda: c.initiate_auth(ClientId=k, AuthFlow="USER_PASSWORD_AUTH",
                                                                                    AuthParameters={"USERNAME": u, "PASSWORD": "Sign-Passw0rd1"})))[1],
    "ListUsers": lambda c, p, k, u: outcome(lambda: c.list_users(UserPoolId=p)),
    "DescribeUserPool unknown": lambda c, p, k, u: outcome(lambda: c.describe_user_pool(UserPoolId="us-east-1_Nope12345")),
    "AdminDisableUser then sign in": lambda c, p, k, u: (
        c.admin_create_user(UserPoolId=p, Username=u, MessageAction="SUPPRESS"),
        c.admin_set_user_password(UserPoolId=p, Username=u, Password="Final-Passw0rd1", Permanent=True),
        c.admin_disable_user(UserPoolId=p, Username=u),
        outcome(lambda: c.admin_initiate_auth(UserPoolId=p, ClientId=k, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                              AuthParameters={"USERNAME": u, "PASSWORD": "Final-Passw0rd1"})))[3],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_moto_and_the_emulator_agree(moto, ours, name):
    username = f"agree-{abs(hash(name)) % 100000}-{time.time_ns() % 100000}"
    assert run_case(ours, CASES[name], username) == run_case(moto, CASES[name], username)
