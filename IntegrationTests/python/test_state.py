"""State survives restarts; --in-memory writes nothing."""
import os
import tempfile

import jwt

from emulator import Emulator, ROOT, free_port


def test_restart_keeps_users_passwords_groups_and_keys(email):
    state = tempfile.mkdtemp(prefix="emulate-state-")
    config = os.path.join(os.path.dirname(__file__), "fixtures", "cognito.yml")
    port = free_port()
    first = Emulator(config, state_dir=state, cognito_port=port).start()
    try:
        pool = first.pool("AppPool")
        cognito = first.client()
        cognito.sign_up(ClientId=pool["clients"]["WebClient"], Username=email, Password="Passw0rd!", UserAttributes=[{"Name": "email", "Value": email}])
        cognito.admin_confirm_sign_up(UserPoolId=pool["id"], Username=email)
        cognito.admin_add_user_to_group(UserPoolId=pool["id"], Username=email, GroupName="admins")
        first_token = cognito.initiate_auth(ClientId=pool["clients"]["WebClient"], AuthFlow="USER_PASSWORD_AUTH",
                                            AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd!"})["AuthenticationResult"]
        first_secret = cognito.describe_user_pool_client(UserPoolId=pool["id"], ClientId=pool["clients"]["SecretClient"])["UserPoolClient"]["ClientSecret"]
    finally:
        assert first.stop() == 0
    assert any(name.endswith(".sqlite") for name in os.listdir(state))
    second = Emulator(config, state_dir=state, cognito_port=port).start()
    try:
        assert second.pool("AppPool")["id"] == pool["id"]
        assert second.pool("AppPool")["clients"] == pool["clients"]
        cognito = second.client()
        tokens = cognito.initiate_auth(ClientId=pool["clients"]["WebClient"], AuthFlow="USER_PASSWORD_AUTH",
                                       AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd!"})["AuthenticationResult"]
        assert jwt.get_unverified_header(tokens["IdToken"])["kid"] == jwt.get_unverified_header(first_token["IdToken"])["kid"]
        assert jwt.decode(tokens["IdToken"], options={"verify_signature": False})["cognito:groups"] == ["admins"]
        assert cognito.get_user(AccessToken=first_token["AccessToken"])["Username"]
        assert cognito.describe_user_pool_client(UserPoolId=pool["id"], ClientId=pool["clients"]["SecretClient"])["UserPoolClient"]["ClientSecret"] == first_secret
    finally:
        second.stop()


def test_in_memory_writes_no_file():
    workdir = tempfile.mkdtemp(prefix="emulate-config-")
    config = os.path.join(workdir, "serverless.yml")
    with open(os.path.join(ROOT, "serverless.yml")) as source, open(config, "w") as target:
        target.write(source.read())
    emulator = Emulator(config).start()
    try:
        emulator.client().list_user_pools(MaxResults=5)
    finally:
        emulator.stop()
    assert os.listdir(workdir) == ["serverless.yml"]
    assert not any(name.endswith(".sqlite") for name in os.listdir(emulator.workdir))
