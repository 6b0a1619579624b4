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
    return json.loads(completed.stdout)


def test_cli_lists_pools_and_users(app, email):
    pools = aws(app, "list-user-pools", "--max-results", "10")["UserPools"]
    assert {p["Name"] for p in pools} == {"app-pool", "strict-pool"}
    pool = app.pool("AppPool")
    sign_up_confirmed(app, email)
    users = aws(app, "list-users", "--user-pool-id", pool["id"], "--filter", f'email = "{email}"')["Users"]
    assert len(users) == 1 and users[0]["UserStatus"] == "CONFIRMED"
    described = aws(app, "describe-user-pool", "--user-pool-id", pool["id"])["UserPool"]
    assert described["Name"] == "app-pool"
