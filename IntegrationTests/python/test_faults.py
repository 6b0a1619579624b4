"""Faults of the state directory: a second emulator on a state in use is refused and told who holds it; a
full disk refuses writes with a clear error while reads go on, nothing acknowledged is lost, and writes
come back with the space; a read-only state directory is refused at start. (A file system cannot be
remounted read-only while SQLite holds its files open for writing: the kernel answers EBUSY.)"""
import os
import shutil
import signal
import subprocess
import tempfile

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from emulator import BINARY, Emulator, FIXTURES, ROOT

CONFIG = os.path.join(FIXTURES, "agreement.yml")
PASSWORD = "Fault-Passw0rd1"


def _second_up(state):
    return subprocess.run([BINARY, "up", CONFIG, "--port", "0", "--cognito-port", "0", "--lambda-port", "0", "--state-dir", state],
                          capture_output=True, text=True, timeout=60)


def test_a_second_emulator_on_a_state_in_use_is_refused_and_names_the_first():
    state = tempfile.mkdtemp(prefix="emulate-lock-")
    first = Emulator(CONFIG, state_dir=state).start()
    try:
        completed = _second_up(state)
        assert completed.returncode == 1
        assert f"is in use by another emulator (pid {first.process.pid}: " in completed.stderr
        assert "--state-dir" in completed.stderr and "--in-memory" in completed.stderr
        # The first one is untouched by the attempt.
        pool = first.pool("AgreementPool")
        first.client().admin_create_user(UserPoolId=pool["id"], Username="still-here")
    finally:
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(timeout=30)
    # kill -9 leaves the lock file behind, but not the lock: the next emulator starts on the same state.
    second = Emulator(CONFIG, state_dir=state).start()
    try:
        pool = second.pool("AgreementPool")
        assert second.client().admin_get_user(UserPoolId=pool["id"], Username="still-here")["Username"] == "still-here"
    finally:
        second.stop()


def test_emulators_of_two_services_share_a_state_directory():
    state = tempfile.mkdtemp(prefix="emulate-lock-")
    first = Emulator(CONFIG, state_dir=state).start()
    second = Emulator(os.path.join(ROOT, "serverless.yml"), state_dir=state).start()
    try:
        assert second.process.poll() is None and first.process.poll() is None
    finally:
        second.stop()
        first.stop()


@pytest.fixture
def small_disk():
    """A 4 MiB tmpfs as the state directory (needs the right to mount, as root in CI has)."""
    mount_point = tempfile.mkdtemp(prefix="emulate-disk-")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount_point], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", mount_point], check=False)
        shutil.rmtree(mount_point, ignore_errors=True)


def _client(emulator):
    # No retries: each refused write is seen once, as it was answered.
    return boto3.client("cognito-idp", endpoint_url=emulator.cognito_url, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test",
                        config=Config(retries={"max_attempts": 1, "mode": "standard"}))


def _create_until_refused(client, pool_id, prefix, limit=4000):
    """Creates users until one is refused; returns the acknowledged names and the refusal."""
    acknowledged = []
    for index in range(limit):
        username = f"{prefix}-{index}"
        try:
            client.admin_create_user(UserPoolId=pool_id, Username=username, MessageAction="SUPPRESS",
                                     UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}])
        except ClientError as error:
            return acknowledged, error.response
        acknowledged.append(username)
    raise AssertionError(f"{limit} writes were all accepted")


def _fill(directory):
    """Fills the file system of `directory`; returns the filler's path."""
    filler = os.path.join(directory, "filler")
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass
    return filler


def test_a_full_disk_refuses_writes_clearly_keeps_reads_and_recovers(small_disk):
    emulator = Emulator(CONFIG, state_dir=small_disk).start()
    try:
        client = _client(emulator)
        pool_id = emulator.pool("AgreementPool")["id"]
        client.admin_create_user(UserPoolId=pool_id, Username="before-full", MessageAction="SUPPRESS")
        filler = _fill(small_disk)
        acknowledged, refusal = _create_until_refused(client, pool_id, "full")
        assert refusal["ResponseMetadata"]["HTTPStatusCode"] == 500
        assert refusal["Error"]["Code"] == "InternalErrorException"
        assert "could not read or write its state" in refusal["Error"]["Message"]
        assert "full" in refusal["Error"]["Message"]
        # Reads go on while the disk is full.
        for username in ["before-full"] + acknowledged:
            assert client.admin_get_user(UserPoolId=pool_id, Username=username)["Username"] == username
        assert emulator.process.poll() is None
        os.remove(filler)
        client.admin_create_user(UserPoolId=pool_id, Username="after-full", MessageAction="SUPPRESS")
    finally:
        emulator.stop()
    restarted = Emulator(CONFIG, state_dir=small_disk).start()
    try:
        client = _client(restarted)
        for username in ["before-full", "after-full"] + acknowledged:
            assert client.admin_get_user(UserPoolId=pool_id, Username=username)["Username"] == username
    finally:
        restarted.stop()


def test_a_state_directory_that_cannot_be_written_is_refused_at_start(small_disk):
    subprocess.run(["mount", "-o", "remount,ro", small_disk], check=True)
    try:
        completed = _second_up(small_disk)
    finally:
        subprocess.run(["mount", "-o", "remount,rw", small_disk], check=True)
    assert completed.returncode == 1
    assert "is the state directory writable?" in completed.stderr


def test_a_lock_held_by_another_process_is_waited_for_briefly_then_refused_clearly():
    import sqlite3
    import threading
    import time
    state = tempfile.mkdtemp(prefix="emulate-busy-")
    emulator = Emulator(CONFIG, state_dir=state).start()
    try:
        client = _client(emulator)
        pool_id = emulator.pool("AgreementPool")["id"]
        client.admin_create_user(UserPoolId=pool_id, Username="before-lock", MessageAction="SUPPRESS")
        database = os.path.join(state, "agreement-dev.sqlite")
        # A short lock (0.5 s, another process's transaction): the write waits for it and succeeds.
        holder = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
        holder.execute("BEGIN IMMEDIATE")
        release = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
        release.start()
        started = time.monotonic()
        client.admin_create_user(UserPoolId=pool_id, Username="after-short-lock", MessageAction="SUPPRESS")
        assert time.monotonic() - started >= 0.3
        release.join()
        # A long one: refused after the wait with a clear error; reads go on meanwhile.
        holder.execute("BEGIN IMMEDIATE")
        try:
            acknowledged, refusal = _create_until_refused(client, pool_id, "locked", limit=3)
            assert acknowledged == []
            assert refusal["Error"]["Code"] == "InternalErrorException"
            assert "database is locked" in refusal["Error"]["Message"]
            assert client.admin_get_user(UserPoolId=pool_id, Username="before-lock")["Username"] == "before-lock"
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        client.admin_create_user(UserPoolId=pool_id, Username="after-long-lock", MessageAction="SUPPRESS")
        for username in ["before-lock", "after-short-lock", "after-long-lock"]:
            assert client.admin_get_user(UserPoolId=pool_id, Username=username)["Username"] == username
    finally:
        emulator.stop()
