"""serverless.yml files as people write them (IntegrationTests/corpus) load under `emulate validate`, and
say what the emulator does not run or had to stand in for."""
import os
import subprocess

import pytest

from emulator import BINARY, ROOT

CORPUS = os.path.join(ROOT, "IntegrationTests", "corpus")
SERVICES = sorted(d for d in os.listdir(CORPUS) if os.path.isfile(os.path.join(CORPUS, d, "serverless.yml")))


def run(command, service, *args, folder=None):
    """`emulate <command>` in the service's folder; a service's committed offline-values.yml is passed with --values
    (the default .emulate/values.yml is local state, not committed)."""
    folder = folder or os.path.join(CORPUS, service)
    if "--values" not in args and os.path.exists(os.path.join(folder, "offline-values.yml")):
        args = (*args, "--values", "offline-values.yml")
    clean = {key: value for key, value in os.environ.items() if key not in ("STRIPE_KEY", "FEATURE_FLAG")}
    return subprocess.run([BINARY, command, "serverless.yml", *args], cwd=folder, capture_output=True, text=True, timeout=60, env=clean)


def validate(service, *args):
    return run("validate", service, *args)


@pytest.mark.parametrize("service", SERVICES)
def test_every_corpus_service_loads(service):
    answer = validate(service)
    assert answer.returncode == 0, answer.stderr


def test_the_framework_defaults_answer_self_provider_stage_and_region():
    answer = validate("rest-dynamodb")
    assert answer.returncode == 0, answer.stderr
    table = subprocess.run([BINARY, "print", "serverless.yml", "--path", "custom.tableName"], cwd=os.path.join(CORPUS, "rest-dynamodb"),
                           capture_output=True, text=True, timeout=60)
    assert table.stdout.strip() == "aws-node-rest-api-with-dynamodb-dev", table.stdout + table.stderr
    # Its custom.serverless-offline says noPrependStageInUrl, so its REST routes have no stage in their URLs.
    routes = subprocess.run([BINARY, "routes", "serverless.yml"], cwd=os.path.join(CORPUS, "rest-dynamodb"), capture_output=True,
                            text=True, timeout=60)
    assert " /todos/{id} " in routes.stdout and "/dev/" not in routes.stdout, routes.stdout


def test_event_types_the_emulator_does_not_run_are_one_warning_each():
    answer = validate("events-skipped")
    assert answer.returncode == 0, answer.stderr
    for event in ["stream", "eventBridge", "websocket", "alb", "iot", "cloudwatchLog"]:
        assert answer.stderr.count(f"'{event}' events are not run by the emulator") == 1, answer.stderr
    assert "'websocket' events are not run by the emulator (function 'websocket')" in answer.stderr


def test_a_plugin_variable_stands_in_with_a_warning():
    answer = validate("lift-constructs")
    assert answer.returncode == 0 and "${construct:jobs.queueUrl} comes from a plugin" in answer.stderr, answer.stderr


def test_values_the_emulator_cannot_reach_come_from_the_values_file_and_dotenv(tmp_path):
    answer = validate("dotenv-ssm")
    assert answer.returncode == 0, answer.stderr
    # The default place, .emulate/values.yml beside the configuration, is read without --values.
    import shutil
    folder = tmp_path / "dotenv-ssm"
    shutil.copytree(os.path.join(CORPUS, "dotenv-ssm"), folder, ignore=shutil.ignore_patterns(".emulate"))
    (folder / ".emulate").mkdir()
    (folder / "offline-values.yml").rename(folder / ".emulate" / "values.yml")
    default = run("validate", "dotenv-ssm", folder=str(folder))
    assert default.returncode == 0, default.stderr
    # Without the values file, the diagnostic names the exact line to add.
    missing = validate("dotenv-ssm", "--values", os.path.join(CORPUS, "README.md"))
    assert missing.returncode == 1
    empty = os.path.join(CORPUS, "..", "corpus-empty-values.yml")
    with open(empty, "w") as handle:
        handle.write("{}\n")
    try:
        missing = validate("dotenv-ssm", "--values", empty)
    finally:
        os.remove(empty)
    assert missing.returncode == 1
    assert "give it offline with 'ssm:/payments/dev/db-password: <value>'" in missing.stderr, missing.stderr
    assert "'cf:network-dev.VpcId: <value>'" in missing.stderr


def test_params_come_from_the_command_line_first():
    answer = subprocess.run([BINARY, "validate", "serverless.yml", "--param", "tableName=from-cli"], cwd=os.path.join(CORPUS, "httpapi-jwt"),
                            capture_output=True, text=True, timeout=60)
    assert answer.returncode == 0, answer.stderr
    bad = subprocess.run([BINARY, "validate", "serverless.yml", "--param", "novalue"], cwd=os.path.join(CORPUS, "httpapi-jwt"),
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode != 0 and "KEY=VALUE" in bad.stderr


def test_strict_turns_every_warning_into_an_error_and_validate_checks_what_up_checks():
    strict = validate("s3-thumbnails", "--strict")
    assert strict.returncode == 1 and "error: 's3' events are not run by the emulator" in strict.stderr, strict.stderr
    # validate refuses what up would refuse: a function with nothing to run.
    folder = os.path.join(CORPUS, "..", "corpus-unrunnable")
    os.makedirs(folder, exist_ok=True)
    try:
        with open(os.path.join(folder, "serverless.yml"), "w") as handle:
            handle.write("service: s\nprovider: { name: aws, runtime: provided.al2023 }\nfunctions: { f: { handler: bootstrap } }\n")
        answer = subprocess.run([BINARY, "validate", "serverless.yml"], cwd=folder, capture_output=True, text=True, timeout=60)
        assert answer.returncode == 1 and "nothing to run out of process" in answer.stderr, answer.stderr
    finally:
        import shutil
        shutil.rmtree(folder)


@pytest.mark.parametrize("service", SERVICES)
def test_print_shows_the_configuration_after_variables_as_yaml_that_reads_back(service):
    import json

    import yaml
    answer = run("print", service)
    assert answer.returncode == 0, answer.stderr

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: suffix)
    printed = yaml.load(answer.stdout, Loader=Loader)
    assert printed["provider"]["stage"] == "dev" and "${" not in answer.stdout.replace("${AWS::", "").replace("${ApiGatewayRestApi}", "")
    as_json = run("print", service, "--path", "provider", "--format", "json")
    assert json.loads(as_json.stdout)["name"] == "aws"


def test_plugins_get_a_note_each_and_the_unknown_or_missing_ones_a_warning():
    answer = validate("lift-constructs")
    assert "plugin 'serverless-lift': constructs are not run" in answer.stderr
    assert "serverless-esbuild: builds packages to deploy" in answer.stdout and "plugin 'serverless-esbuild'" not in answer.stderr
    offline = validate("rest-dynamodb")
    assert "serverless-offline: not needed" in offline.stdout and "warning" not in offline.stderr, offline.stderr
