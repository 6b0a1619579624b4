"""The AWS CLI pointed at the emulator with --endpoint-url."""
import json
import os
import subprocess

from test_cognito_flows import sign_up_confirmed


def aws(app, *args):
    environment = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="us-east-1")
    completed = subprocess.run(["aws", "cognito-idp", *args, "--endpoint-url", app.cognito_url, "--output", "json"],
                               capture_output=True, text=True, env=environment, timeout=120)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout) if completed.stdout.strip() else {}


def test_cli_lists_pools_and_users(app, email):
    pools = aws(app, "list-user-pools", "--max-results", "10")["UserPools"]
    assert {p["Name"] for p in pools} == {"app-pool", "strict-pool"}
    pool = app.pool("AppPool")
    sign_up_confirmed(app, email)
    users = aws(app, "list-users", "--user-pool-id", pool["id"], "--filter", f'email = "{email}"')["Users"]
    assert len(users) == 1 and users[0]["UserStatus"] == "CONFIRMED"
    described = aws(app, "describe-user-pool", "--user-pool-id", pool["id"])["UserPool"]
    assert described["Name"] == "app-pool"


def test_cli_drives_the_control_plane_against_emulate_cognito():
    from emulator import Emulator
    emulator = Emulator(None).start()
    try:
        pool = aws(emulator, "create-user-pool", "--pool-name", "cli-pool", "--auto-verified-attributes", "email")["UserPool"]
        client = aws(emulator, "create-user-pool-client", "--user-pool-id", pool["Id"], "--client-name", "cli",
                     "--explicit-auth-flows", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")["UserPoolClient"]
        aws(emulator, "create-group", "--user-pool-id", pool["Id"], "--group-name", "ops")
        aws(emulator, "admin-create-user", "--user-pool-id", pool["Id"], "--username", "cli-user", "--message-action", "SUPPRESS")
        aws(emulator, "admin-set-user-password", "--user-pool-id", pool["Id"], "--username", "cli-user", "--password", "Cli-passw0rd", "--permanent")
        tokens = aws(emulator, "admin-initiate-auth", "--user-pool-id", pool["Id"], "--client-id", client["ClientId"],
                     "--auth-flow", "ADMIN_USER_PASSWORD_AUTH", "--auth-parameters", "USERNAME=cli-user,PASSWORD=Cli-passw0rd")
        assert tokens["AuthenticationResult"]["IdToken"]
        aws(emulator, "create-resource-server", "--user-pool-id", pool["Id"], "--identifier", "api", "--name", "api")
        assert aws(emulator, "get-csv-header", "--user-pool-id", pool["Id"])["CSVHeader"][-1] == "cognito:username"
        aws(emulator, "update-user-pool", "--user-pool-id", pool["Id"], "--mfa-configuration", "OFF")
        aws(emulator, "delete-user-pool-client", "--user-pool-id", pool["Id"], "--client-id", client["ClientId"])
        aws(emulator, "delete-user-pool", "--user-pool-id", pool["Id"])
        assert aws(emulator, "list-user-pools", "--max-results", "10")["UserPools"] == []
    finally:
        emulator.stop()
