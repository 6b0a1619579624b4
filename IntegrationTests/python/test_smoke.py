"""`emulate smoke`, as a CI job runs it."""
import os
import subprocess
import tempfile

from emulator import BINARY, FIXTURES, FIXTURES_BINARY, ROOT

SEED = os.path.join(ROOT, "serverless.yml")


def smoke(*args, binary=BINARY):
    completed = subprocess.run([binary, "smoke", *args], capture_output=True, text=True, timeout=120)
    return completed.returncode, completed.stdout, completed.stderr


def test_every_route_of_the_seed_passes():
    status, out, _ = smoke(SEED)
    assert status == 0, out
    assert out.splitlines()[-1] == "smoke: 3 passed, 0 failed"
    assert "✓ POST /user/private  401" in out and "refused without credentials" in out


def test_the_seed_scenario_passes():
    status, out, _ = smoke(SEED, "--scenario", os.path.join(ROOT, "examples", "smoke", "seed.yml"))
    assert status == 0, out
    assert out.splitlines()[-1] == "smoke: 5 passed, 0 failed"
    assert "✓ the private route with the token (POST /user/private)  200" in out


def test_a_broken_handler_fails_the_run_and_shows_the_answer():
    status, out, _ = smoke(os.path.join(FIXTURES, "gateway.yml"), binary=FIXTURES_BINARY)
    assert status == 1
    assert "✗ GET /fail/throw  502" in out
    assert '  body: {"message": "Internal server error"}' in out
    assert out.splitlines()[-1].endswith("passed, 1 failed")


def test_http_api_routes_are_checked_too():
    status, out, _ = smoke(os.path.join(FIXTURES, "httpapi.yml"), binary=FIXTURES_BINARY)
    assert status == 1, out
    assert "✓ GET /public/smoke  200" in out and "reached echo" in out
    assert "✓ GET /private  401" in out and "✓ GET /lambda  401" in out and "✓ GET /iam  403" in out
    assert "✓ GET /smoke  200" in out and "reached fallback" in out
    assert "✗ GET /shapes/smoke  500" in out and '  body: {"message":"Internal Server Error"}' in out
    assert out.splitlines()[-1] == "smoke: 11 passed, 1 failed"


def test_a_scenario_can_call_http_api_routes():
    status, out, _ = smoke(os.path.join(FIXTURES, "httpapi.yml"), "--scenario", os.path.join(FIXTURES, "httpapi-smoke.yml"), binary=FIXTURES_BINARY)
    assert status == 0, out
    assert out.splitlines()[-1] == "smoke: 4 passed, 0 failed"


def test_a_failing_scenario_step_stops_the_run():
    scenario = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False)
    scenario.write("steps:\n  - request: POST /user/login\n    json: {email: nobody@example.com, password: secret123}\n"
                   "    expect: {status: 200}\n  - request: POST /user/private\n")
    scenario.close()
    status, out, _ = smoke(SEED, "--scenario", scenario.name)
    assert status == 1
    assert "✗ POST /user/login (POST /user/login)  401" in out and "status 401, expected 200" in out
    assert "User does not exist." in out
    assert out.splitlines()[-1] == "smoke: 0 passed, 1 failed"


def test_a_bad_scenario_file_is_an_error_with_its_position():
    scenario = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False)
    scenario.write("steps:\n  - request: nonsense\n")
    scenario.close()
    status, _, err = smoke(SEED, "--scenario", scenario.name)
    assert status == 1
    assert f"{scenario.name}:2:5: error: step 1: 'request' must be 'METHOD /path'" in err


def scenario_file(text):
    scenario = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False)
    scenario.write(text)
    scenario.close()
    return scenario.name


def test_a_scenario_signs_a_user_in_through_cognito_and_uses_the_token():
    status, out, _ = smoke(SEED, "--scenario", os.path.join(ROOT, "examples", "smoke", "cognito.yml"))
    assert status == 0, out
    assert out.splitlines()[-1] == "smoke: 5 passed, 0 failed"
    assert "✓ a wrong password is refused  400" in out
    assert "✓ the private route with the ID token (POST /user/private)  200" in out


def test_a_cognito_step_that_fails_names_the_error_and_one_expected_to_fail_must():
    status, out, _ = smoke(SEED, "--scenario", scenario_file(
        "steps:\n  - cognito: AdminGetUser\n    json: {UserPoolId: '${UserPool}', Username: nobody}\n"))
    assert status == 1
    assert "✗ cognito AdminGetUser  400" in out and "failed: UserNotFoundException: User does not exist." in out, out
    status, out, _ = smoke(SEED, "--scenario", scenario_file(
        "steps:\n  - cognito: ListUsers\n    json: {UserPoolId: '${UserPool}'}\n    expect: {error: NotAuthorizedException}\n"))
    assert status == 1 and "succeeded, expected the error NotAuthorizedException" in out, out
    status, out, _ = smoke(SEED, "--scenario", scenario_file("steps:\n  - cognito: NoSuchOperation\n"))
    assert status == 1 and "✗ cognito NoSuchOperation  400" in out, out


def test_identity_pool_operations_are_steps_too():
    config = os.path.join(FIXTURES, "processes", "identity.yml")
    status, out, _ = smoke(config, "--scenario", scenario_file(
        "steps:\n  - cognitoIdentity: GetId\n    json: {IdentityPoolId: '${IdentityPool}'}\n    capture: {id: IdentityId}\n"
        "  - cognitoIdentity: GetCredentialsForIdentity\n    json: {IdentityId: '${id}'}\n"
        "    expect: {json: {IdentityId: '${id}'}}\n"), binary=FIXTURES_BINARY)
    assert status == 0, out
    assert out.splitlines()[-1] == "smoke: 2 passed, 0 failed"


def test_a_step_is_a_route_or_an_operation_and_names_a_real_one():
    status, _, err = smoke(SEED, "--scenario", scenario_file("steps:\n  - cognito: 'Sign Up'\n"))
    assert status == 1 and "step 1: 'cognito' must name an operation, such as SignUp" in err, err
    status, _, err = smoke(SEED, "--scenario", scenario_file("steps:\n  - cognito: SignUp\n    request: GET /x\n"))
    assert status == 1 and "a step calls a route or a Cognito operation, not both" in err, err
    status, _, err = smoke(SEED, "--scenario", scenario_file("steps:\n  - request: GET /x\n    expect: {error: X}\n"))
    assert status == 1 and "'expect.error' is for cognito steps" in err, err
