"""Watch mode: a change to a Python handler restarts its function, a change to serverless.yml reloads the
service with its users kept, a failed build or an invalid configuration keeps the old version serving."""
import os
import shutil
import time

import boto3
import requests

from emulator import FIXTURES, FIXTURES_BINARY, Emulator

SOURCE = os.path.join(FIXTURES, "processes")


def copy_service(tmp_path):
    target = tmp_path / "service"
    shutil.copytree(SOURCE, target)
    return target


def wait_for(condition, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    return condition()


def echo(service):
    return requests.get(service.ready["api"] + "/echo", timeout=60).json()


def test_a_handler_change_restarts_its_function_and_a_config_change_keeps_the_users(tmp_path):
    folder = copy_service(tmp_path)
    service = Emulator(str(folder / "serverless.yml"), binary=FIXTURES_BINARY, extra_args=["--watch"]).start()
    try:
        signup = requests.post(service.ready["api"] + "/signup", json={"email": "kept@example.com", "password": "Passw0rd!x"}, timeout=60)
        assert signup.status_code == 200, service.output()[-2000:]
        first = echo(service)
        handlers = folder / "pyfns" / "handlers.py"
        handlers.write_text(handlers.read_text().replace('"requestId": context.aws_request_id,', '"requestId": context.aws_request_id, "edited": True,'))
        changed = wait_for(lambda: echo(service).get("edited"))
        assert changed, service.output()[-3000:]
        assert echo(service)["pid"] != first["pid"]
        assert "restarted" in service.output()

        config = folder / "serverless.yml"
        config.write_text(config.read_text().replace("    POOL_ID: !Ref UserPool\n", "    POOL_ID: !Ref UserPool\n    ADDED: 'yes'\n"))
        assert wait_for(lambda: "reloaded serverless.yml" in service.output()), service.output()[-3000:]
        lambdas = boto3.client("lambda", endpoint_url=service.ready["lambda"], region_name="us-east-1",
                               aws_access_key_id="test", aws_secret_access_key="test")
        variables = lambdas.get_function(FunctionName="processes-dev-echo")["Configuration"]["Environment"]["Variables"]
        assert variables["ADDED"] == "yes"
        assert echo(service)["functionName"] == "processes-dev-echo"
        user = service.client().admin_get_user(UserPoolId=service.pool("UserPool")["id"], Username="kept@example.com")
        assert user["UserStatus"] == "CONFIRMED"

        config.write_text(config.read_text().replace("functions:", "functions:\n  bad: {runtime: provided.al2023}\n", 1))
        assert wait_for(lambda: "still serving the previous one" in service.output()), service.output()[-3000:]
        assert echo(service)["functionName"] == "processes-dev-echo"
    finally:
        service.stop()


def test_a_failed_build_keeps_the_old_version_serving(tmp_path):
    folder = copy_service(tmp_path)
    build = "test ! -e broken && echo built"
    service = Emulator(str(folder / "serverless.yml"), binary=FIXTURES_BINARY, extra_args=["--watch", "--build", build]).start()
    try:
        before = echo(service)["pid"]
        (folder / "broken").write_text("x")
        assert wait_for(lambda: "the build failed" in service.output()), service.output()[-3000:]
        assert echo(service)["pid"] == before
        (folder / "broken").unlink()
        assert wait_for(lambda: "built" in service.output() and echo(service)["pid"] != before), service.output()[-3000:]
    finally:
        service.stop()


def test_a_build_that_changes_the_executable_restarts_it_on_the_same_ports_with_its_state(tmp_path):
    folder = copy_service(tmp_path)
    binary = tmp_path / "emulate-copy"
    shutil.copy2(FIXTURES_BINARY, binary)
    state = tmp_path / "state"
    service = Emulator(str(folder / "serverless.yml"), binary=str(binary), state_dir=str(state),
                       extra_args=["--watch", "--build", f"touch {binary}"]).start()
    try:
        api = service.ready["api"]
        assert requests.post(api + "/signup", json={"email": "again@example.com", "password": "Passw0rd!x"}, timeout=60).status_code == 200
        pid = service.process.pid
        (folder / "pyfns" / "extra.py").write_text("# a change\n")
        assert wait_for(lambda: "restarting it on the same ports" in service.output()), service.output()[-3000:]

        def serving_again():
            try:
                return requests.get(api + "/echo", timeout=5).status_code == 200 and service.output().count("ready api=") >= 2
            except requests.RequestException:
                return False
        assert wait_for(serving_again, timeout=30), service.output()[-3000:]
        assert service.process.pid == pid and service.process.poll() is None  # the same process, a new program
        user = service.client().admin_get_user(UserPoolId=service.pool("UserPool")["id"], Username="again@example.com")
        assert user["UserStatus"] == "CONFIRMED"
    finally:
        service.stop()
