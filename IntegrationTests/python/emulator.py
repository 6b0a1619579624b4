"""Starts and stops a real `emulate up` for the integration tests."""
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

import boto3
import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("EMULATE_BINARY", os.path.join(ROOT, ".build", "debug", "emulate"))
FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")
FIXTURES_BINARY = os.path.join(os.path.dirname(BINARY), "emulate-fixtures")


def free_port():
    """A port nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Emulator:
    """One `emulate up` process (or `emulate cognito` when config is None) on free loopback ports, with its ready file read."""

    def __init__(self, config, state_dir=None, extra_args=(), cognito_port=0, binary=BINARY, free_api_ports=True):
        self.config = config
        self.free_api_ports = free_api_ports
        self.workdir = tempfile.mkdtemp(prefix="emulate-test-")
        self.state_dir = state_dir
        self.extra_args = list(extra_args)
        self.cognito_port = cognito_port
        self.binary = binary
        self.process = None
        self.ready = None

    def start(self, timeout=60):
        ready_file = os.path.join(self.workdir, "ready.json")
        if os.path.exists(ready_file):
            os.remove(ready_file)
        if self.config is None:  # `emulate cognito`: the Cognito endpoint alone
            args = [self.binary, "cognito", "--port", str(self.cognito_port), "--ready-file", ready_file]
        else:
            args = [self.binary, "up", self.config, "--cognito-port", str(self.cognito_port), "--ready-file", ready_file]
            if self.free_api_ports:
                args += ["--port", "0", "--lambda-port", "0"]
        args += ["--state-dir", self.state_dir] if self.state_dir else ["--in-memory"]
        self.log = open(os.path.join(self.workdir, "emulate.log"), "a")
        self.process = subprocess.Popen(args + self.extra_args, stdout=self.log, stderr=subprocess.STDOUT, cwd=self.workdir)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"emulate exited with {self.process.returncode}: {self.output()}")
            if os.path.exists(ready_file):
                with open(ready_file) as handle:
                    self.ready = json.load(handle)
                return self
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"emulate did not become ready in {timeout}s: {self.output()}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process:
            self.log.close()
        return self.process.returncode if self.process else None

    def output(self):
        self.log.flush()
        with open(os.path.join(self.workdir, "emulate.log")) as handle:
            return handle.read()

    @property
    def api_url(self):
        return self.ready["api"]

    def request(self, method, path, body=None, headers=None):
        """A request to the API with `requests`: (status, headers, body bytes)."""
        data = body.encode() if isinstance(body, str) else body
        response = requests.request(method, self.api_url + path, data=data, headers=headers or {}, timeout=60)
        return response.status_code, response.headers, response.content

    def json(self, method, path, body=None, headers=None):
        status, _, raw = self.request(method, path, body, headers)
        return status, json.loads(raw) if raw else None

    @property
    def cognito_url(self):
        return self.ready["cognito"]

    def pool(self, logical_id):
        return self.ready["userPools"][logical_id]

    def client(self):
        return boto3.client("cognito-idp", endpoint_url=self.cognito_url, region_name="us-east-1",
                            aws_access_key_id="test", aws_secret_access_key="test")

    def messages(self, pool_id, username=None):
        query = f"userPoolId={pool_id}" + (f"&username={username}" if username else "")
        with urllib.request.urlopen(f"{self.cognito_url}/_emulate/messages?{query}") as response:
            return json.load(response)["messages"]

    def advance_clock(self, seconds):
        request = urllib.request.Request(f"{self.cognito_url}/_emulate/clock", method="POST",
                                         data=json.dumps({"advanceSeconds": seconds}).encode())
        with urllib.request.urlopen(request) as response:
            return json.load(response)

    def post(self, body, target=None, path="/"):
        """A raw POST to the Cognito endpoint: (status, parsed JSON body)."""
        headers = {"Content-Type": "application/x-amz-json-1.1"}
        if target:
            headers["X-Amz-Target"] = target
        request = urllib.request.Request(self.cognito_url + path, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")


def client_error(call, *args, **kwargs):
    """(code, message) of the ClientError `call(*args, **kwargs)` raises; fails the test when it succeeds."""
    from botocore.exceptions import ClientError
    try:
        call(*args, **kwargs)
    except ClientError as error:
        return error.response["Error"]["Code"], error.response["Error"]["Message"]
    raise AssertionError(f"{getattr(call, '__name__', call)} succeeded")
