"""What a newcomer meets first: the outbox found by e-mail or sub, and a port that is taken named with its flag."""
import json
import socket
import subprocess
import urllib.parse
import urllib.request

import boto3

from emulator import BINARY, ROOT, Emulator


def test_the_outbox_finds_a_user_by_username_alias_or_sub():
    cognito = Emulator(None).start()
    try:
        idp = boto3.client("cognito-idp", endpoint_url=cognito.ready["cognito"], region_name="us-east-1",
                           aws_access_key_id="test", aws_secret_access_key="test")
        pool = idp.create_user_pool(PoolName="emails", UsernameAttributes=["email"], AutoVerifiedAttributes=["email"])["UserPool"]["Id"]
        client = idp.create_user_pool_client(UserPoolId=pool, ClientName="app")["UserPoolClient"]["ClientId"]
        sub = idp.sign_up(ClientId=client, Username="ada@example.com", Password="Passw0rd!x")["UserSub"]
        for name in ["ada@example.com", sub]:
            query = urllib.parse.urlencode({"userPoolId": pool, "username": name})
            with urllib.request.urlopen(f"{cognito.ready['cognito']}/_emulate/messages?{query}") as answer:
                messages = json.load(answer)["messages"]
            assert [m["trigger"] for m in messages] == ["SignUp"], name
    finally:
        cognito.stop()


def test_a_port_in_use_is_named_with_its_flag():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        answer = subprocess.run([BINARY, "up", "serverless.yml", "--port", str(port), "--cognito-port", "0", "--lambda-port", "0", "--in-memory"],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert answer.returncode == 1
    assert f"a port is already in use (--port {port}," in answer.stderr and "pass 0 for free ones" in answer.stderr, answer.stderr
