"""kill -9 under other writes than sign-ups loses nothing acknowledged either: pools made through the API,
identity-pool identities, refresh-token rotations, a user import job (which resumes after its last committed
batch). Each test runs a load of one operation from four
threads, kills the emulator at a random point, restarts it on the same state and checks every
acknowledged result."""
import os
import random
import signal
import tempfile
import threading
import time

import boto3
import botocore
import requests

from emulator import Emulator, FIXTURES, FIXTURES_BINARY, free_port

REGION = "us-east-1"


def _kill_under_load(start, work, workers=4):
    """Starts an emulator with `start()`, runs `work(emulator, worker, index)` in a loop from `workers`
    threads, kills it with SIGKILL at a random point and restarts it; answers the restarted emulator
    and what `work` returned for each acknowledged call."""
    emulator = start()
    acknowledged = []
    lock = threading.Lock()
    stop = threading.Event()

    def loop(worker):
        index = 0
        while not stop.is_set():
            try:
                result = work(emulator, worker, index)
            except Exception:
                return
            with lock:
                acknowledged.append(result)
            index += 1

    threads = [threading.Thread(target=loop, args=(worker,)) for worker in range(workers)]
    for thread in threads:
        thread.start()
    time.sleep(random.uniform(0.5, 1.5))
    emulator.process.send_signal(signal.SIGKILL)
    emulator.process.wait(timeout=30)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    return start(), acknowledged


def _no_retries():
    return botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}, connect_timeout=5, read_timeout=30)


def _idp(emulator):
    return boto3.client("cognito-idp", endpoint_url=emulator.cognito_url, region_name=REGION,
                        aws_access_key_id="test", aws_secret_access_key="test", config=_no_retries())


def test_kill_minus_nine_loses_no_acknowledged_pool():
    state, port = tempfile.mkdtemp(prefix="emulate-crash-pools-"), free_port()
    clients = threading.local()

    def create(emulator, worker, index):
        if getattr(clients, "emulator", None) is not emulator:
            clients.emulator, clients.idp = emulator, _idp(emulator)
        name = f"crash-{worker}-{index}"
        pool = clients.idp.create_user_pool(PoolName=name)["UserPool"]["Id"]
        client = clients.idp.create_user_pool_client(UserPoolId=pool, ClientName=name)["UserPoolClient"]["ClientId"]
        return name, pool, client

    restarted, acknowledged = _kill_under_load(lambda: Emulator(os.path.join(FIXTURES, "agreement.yml"), state_dir=state, cognito_port=port).start(),
                                               create)
    try:
        assert len(acknowledged) > 5
        idp = _idp(restarted)
        for name, pool, client in acknowledged:
            assert idp.describe_user_pool(UserPoolId=pool)["UserPool"]["Name"] == name
            assert idp.describe_user_pool_client(UserPoolId=pool, ClientId=client)["UserPoolClient"]["ClientName"] == name
    finally:
        restarted.stop()


def test_kill_minus_nine_loses_no_acknowledged_identity():
    state, port = tempfile.mkdtemp(prefix="emulate-crash-identities-"), free_port()
    config = os.path.join(FIXTURES, "processes", "identity.yml")
    clients = threading.local()

    def anonymous(emulator):
        return boto3.client("cognito-identity", endpoint_url=emulator.cognito_url, region_name=REGION,
                            config=botocore.config.Config(signature_version=botocore.UNSIGNED, retries={"max_attempts": 1}))

    def get_id(emulator, worker, index):
        if getattr(clients, "emulator", None) is not emulator:
            clients.emulator, clients.identity = emulator, anonymous(emulator)
        return clients.identity.get_id(IdentityPoolId=emulator.ready["identityPools"]["IdentityPool"])["IdentityId"]

    start = lambda: Emulator(config, state_dir=state, cognito_port=port, binary=FIXTURES_BINARY).start()  # noqa: E731
    restarted, acknowledged = _kill_under_load(start, get_id)
    try:
        assert len(acknowledged) > 5 and len(set(acknowledged)) == len(acknowledged)
        identity = anonymous(restarted)
        for identity_id in acknowledged:
            credentials = identity.get_credentials_for_identity(IdentityId=identity_id)
            assert credentials["IdentityId"] == identity_id and credentials["Credentials"]["AccessKeyId"]
    finally:
        restarted.stop()


def test_kill_minus_nine_keeps_the_last_acknowledged_rotated_refresh_token():
    state, port = tempfile.mkdtemp(prefix="emulate-crash-rotation-"), free_port()
    first = Emulator(os.path.join(FIXTURES, "agreement.yml"), state_dir=state, cognito_port=port).start()
    idp = _idp(first)
    pool = idp.create_user_pool(PoolName="rotation")["UserPool"]["Id"]
    client = idp.create_user_pool_client(UserPoolId=pool, ClientName="rotating", ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                                         RefreshTokenRotation={"Feature": "ENABLED", "RetryGracePeriodSeconds": 60})["UserPoolClient"]["ClientId"]
    tokens = {}
    for worker in range(4):
        username = f"rotor-{worker}"
        idp.admin_create_user(UserPoolId=pool, Username=username, MessageAction="SUPPRESS")
        idp.admin_set_user_password(UserPoolId=pool, Username=username, Password="Rotate-Passw0rd1", Permanent=True)
        tokens[worker] = idp.admin_initiate_auth(UserPoolId=pool, ClientId=client, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                                 AuthParameters={"USERNAME": username, "PASSWORD": "Rotate-Passw0rd1"})["AuthenticationResult"]["RefreshToken"]
    first.stop()
    clients = threading.local()

    def rotate(emulator, worker, index):
        if getattr(clients, "emulator", None) is not emulator:
            clients.emulator, clients.idp = emulator, _idp(emulator)
        renewed = clients.idp.get_tokens_from_refresh_token(RefreshToken=tokens[worker], ClientId=client)["AuthenticationResult"]["RefreshToken"]
        tokens[worker] = renewed
        return worker, renewed

    restarted, acknowledged = _kill_under_load(lambda: Emulator(os.path.join(FIXTURES, "agreement.yml"), state_dir=state, cognito_port=port).start(),
                                               rotate)
    try:
        assert len(acknowledged) > 5
        idp = _idp(restarted)
        # The last token each worker was given works after the restart (it is current, or the one rotated
        # out within the grace period when a rotation was committed but not yet answered).
        for worker in range(4):
            last = [token for who, token in acknowledged if who == worker]
            if last:
                assert idp.get_tokens_from_refresh_token(RefreshToken=last[-1], ClientId=client)["AuthenticationResult"]["IdToken"]
    finally:
        restarted.stop()


def test_kill_minus_nine_mid_import_resumes_the_job_after_its_last_committed_batch():
    state, port = tempfile.mkdtemp(prefix="emulate-crash-import-"), free_port()
    emulator = Emulator(None, state_dir=state, cognito_port=port).start()
    idp = _idp(emulator)
    pool = idp.create_user_pool(PoolName="import", AutoVerifiedAttributes=["email"])["UserPool"]["Id"]
    header = idp.get_csv_header(UserPoolId=pool)["CSVHeader"]
    count = 20000
    lines = [",".join(header)]
    for index in range(count):
        values = {"cognito:username": f"user{index}", "email": f"user{index}@example.com", "email_verified": "true",
                  "cognito:mfa_enabled": "false"}
        lines.append(",".join(values.get(name, "") for name in header))
    job = idp.create_user_import_job(UserPoolId=pool, JobName="crash",
                                     CloudWatchLogsRoleArn="arn:aws:iam::000000000000:role/CognitoImport")["UserImportJob"]
    assert requests.put(job["PreSignedUrl"], data="\n".join(lines).encode()).status_code == 200
    idp.start_user_import_job(UserPoolId=pool, JobId=job["JobId"])
    seen = 0
    while seen == 0:  # kill it once some batches are committed and shown
        described = idp.describe_user_import_job(UserPoolId=pool, JobId=job["JobId"])["UserImportJob"]
        assert described["Status"] in ("Pending", "InProgress"), described
        seen = described["ImportedUsers"]
    emulator.process.send_signal(signal.SIGKILL)
    emulator.process.wait(timeout=30)
    restarted = Emulator(None, state_dir=state, cognito_port=port).start()
    try:
        idp = _idp(restarted)
        for _ in range(600):
            described = idp.describe_user_import_job(UserPoolId=pool, JobId=job["JobId"])["UserImportJob"]
            if described["Status"] not in ("Pending", "InProgress"):
                break
            time.sleep(0.1)
        assert (described["Status"], described["ImportedUsers"], described["FailedUsers"]) == ("Succeeded", count, 0), described
        assert seen < count
        assert idp.describe_user_pool(UserPoolId=pool)["UserPool"]["EstimatedNumberOfUsers"] == count
        for index in (0, seen - 1, seen, count - 1):
            assert idp.admin_get_user(UserPoolId=pool, Username=f"user{index}")["UserStatus"] == "RESET_REQUIRED"
    finally:
        restarted.stop()
