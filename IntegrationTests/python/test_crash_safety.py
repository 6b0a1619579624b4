"""Nothing acknowledged is lost: kill -9 under a signup load, restart, every acknowledged user signs in;
a state file that is not the emulator's is refused at start-up and left untouched."""
import concurrent.futures
import os
import random
import signal
import sqlite3
import subprocess
import tempfile
import threading
import time

from botocore.exceptions import ClientError, EndpointConnectionError

from emulator import BINARY, Emulator, FIXTURES, free_port


def test_kill_minus_nine_loses_no_acknowledged_signup():
    state = tempfile.mkdtemp(prefix="emulate-crash-")
    config = os.path.join(FIXTURES, "agreement.yml")
    port = free_port()
    emulator = Emulator(config, state_dir=state, cognito_port=port).start()
    pool = emulator.pool("AgreementPool")
    acknowledged = []
    lock = threading.Lock()
    stop = threading.Event()

    def sign_up(worker):
        client = emulator.client()
        index = 0
        while not stop.is_set():
            username = f"crash-{worker}-{index}"
            index += 1
            try:
                client.sign_up(ClientId=pool["clients"]["AgreementClient"], Username=username, Password="Crash-Passw0rd1")
            except (ClientError, EndpointConnectionError, Exception):
                return
            with lock:
                acknowledged.append(username)

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as workers:
        futures = [workers.submit(sign_up, worker) for worker in range(4)]
        time.sleep(random.uniform(0.5, 1.5))
        emulator.process.send_signal(signal.SIGKILL)
        emulator.process.wait(timeout=30)
        stop.set()
        for future in futures:
            future.result(timeout=60)
    assert len(acknowledged) > 10
    database = next(os.path.join(state, name) for name in os.listdir(state) if name.endswith(".sqlite"))
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    restarted = Emulator(config, state_dir=state, cognito_port=port).start()
    try:
        client = restarted.client()
        for username in acknowledged:
            client.admin_confirm_sign_up(UserPoolId=pool["id"], Username=username)
            tokens = client.initiate_auth(ClientId=pool["clients"]["AgreementClient"], AuthFlow="USER_PASSWORD_AUTH",
                                          AuthParameters={"USERNAME": username, "PASSWORD": "Crash-Passw0rd1"})
            assert tokens["AuthenticationResult"]["IdToken"]
    finally:
        restarted.stop()


def test_a_state_file_that_is_not_a_database_is_refused_and_kept():
    state = tempfile.mkdtemp(prefix="emulate-corrupt-")
    path = os.path.join(state, "agreement-dev.sqlite")
    garbage = b"this is not an SQLite database, and it must survive\n" * 100
    with open(path, "wb") as handle:
        handle.write(garbage)
    completed = subprocess.run([BINARY, "up", os.path.join(FIXTURES, "agreement.yml"), "--port", "0", "--cognito-port", "0", "--lambda-port", "0",
                                "--state-dir", state], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 1
    assert f"{path}: cannot be opened as the emulator's state" in completed.stderr
    assert "it is left untouched" in completed.stderr
    with open(path, "rb") as handle:
        assert handle.read() == garbage


def test_a_state_from_a_newer_emulator_is_refused():
    state = tempfile.mkdtemp(prefix="emulate-newer-")
    config = os.path.join(FIXTURES, "agreement.yml")
    Emulator(config, state_dir=state).start().stop()
    path = os.path.join(state, "agreement-dev.sqlite")
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
    completed = subprocess.run([BINARY, "up", config, "--port", "0", "--cognito-port", "0", "--lambda-port", "0", "--state-dir", state],
                               capture_output=True, text=True, timeout=60)
    assert completed.returncode == 1
    assert "written by a newer emulator (migration 'v99-from-the-future'); it is left untouched" in completed.stderr


def test_a_state_from_an_older_schema_is_migrated():
    # The only schema older than v1 is the empty database (version 0): it must be migrated, not refused.
    state = tempfile.mkdtemp(prefix="emulate-older-")
    path = os.path.join(state, "agreement-dev.sqlite")
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE unrelated (x)")
    emulator = Emulator(os.path.join(FIXTURES, "agreement.yml"), state_dir=state).start()
    try:
        pool = emulator.pool("AgreementPool")
        emulator.client().admin_create_user(UserPoolId=pool["id"], Username="migrated", MessageAction="SUPPRESS")
    finally:
        emulator.stop()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT identifier FROM grdb_migrations").fetchall() == [
            ("v1",), ("v2-counts-and-filter-indexes",), ("v3-refresh-rotation",), ("v4-mfa",), ("v5-control-plane",), ("v6-oauth-scopes",),
            ("v7-username-prefix-index",)]
        assert connection.execute("SELECT count(*) FROM users").fetchone() == (1,)
        assert connection.execute("SELECT count(*) FROM unrelated").fetchone() == (0,)


def test_a_v1_state_gains_user_counts_and_keeps_its_users():
    # v2 adds the per-pool user counts behind DescribeUserPool's EstimatedNumberOfUsers (v3 and v4 add
    # columns for refresh rotation and MFA, v6 the sessions' OAuth scopes, v7 an index): a v1 state's users must be counted when it is migrated, and
    # counted on as users come and go.
    state = tempfile.mkdtemp(prefix="emulate-v1-")
    config = os.path.join(FIXTURES, "agreement.yml")
    emulator = Emulator(config, state_dir=state).start()
    try:
        pool = emulator.pool("AgreementPool")
        for name in ("one", "two", "three"):
            emulator.client().admin_create_user(UserPoolId=pool["id"], Username=name, MessageAction="SUPPRESS")
    finally:
        emulator.stop()
    path = os.path.join(state, "agreement-dev.sqlite")
    with sqlite3.connect(path) as connection:  # back to exactly what v1 wrote
        connection.executescript("""
            DROP TRIGGER users_counted_in; DROP TRIGGER users_counted_out; DROP TABLE userCounts;
            DROP INDEX users_email; DROP INDEX users_phone;
            CREATE INDEX users_email ON users (poolId, email); CREATE INDEX users_phone ON users (poolId, phoneNumber);
            DROP INDEX sessions_previous_token;
            ALTER TABLE sessions DROP COLUMN previousRefreshTokenHash; ALTER TABLE sessions DROP COLUMN previousValidUntil;
            ALTER TABLE sessions DROP COLUMN scopes;
            ALTER TABLE users DROP COLUMN totpSecret; ALTER TABLE users DROP COLUMN totpVerified; ALTER TABLE users DROP COLUMN mfaSoftware;
            ALTER TABLE users DROP COLUMN mfaSMS; ALTER TABLE users DROP COLUMN mfaEmail; ALTER TABLE users DROP COLUMN preferredMfa;
            DROP TABLE userPoolClients; DROP TABLE userPools; DROP INDEX sessions_refresh_expiry; DROP TABLE poolDocuments; DROP TABLE importFiles;
            DROP INDEX users_username_nocase;
            DELETE FROM grdb_migrations WHERE identifier != 'v1';
        """)
    emulator = Emulator(config, state_dir=state).start()
    try:
        client = emulator.client()
        assert client.describe_user_pool(UserPoolId=pool["id"])["UserPool"]["EstimatedNumberOfUsers"] == 3
        client.admin_delete_user(UserPoolId=pool["id"], Username="two")
        client.admin_create_user(UserPoolId=pool["id"], Username="four", MessageAction="SUPPRESS")
        client.admin_create_user(UserPoolId=pool["id"], Username="five", MessageAction="SUPPRESS")
        assert client.describe_user_pool(UserPoolId=pool["id"])["UserPool"]["EstimatedNumberOfUsers"] == 4
        assert sorted(u["Username"] for u in client.list_users(UserPoolId=pool["id"])["Users"]) == ["five", "four", "one", "three"]
    finally:
        emulator.stop()
