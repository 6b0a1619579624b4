"""Parallel requests cannot break Cognito's invariants."""
import concurrent.futures
import os
import threading

import pytest
from botocore.exceptions import ClientError

from emulator import Emulator, FIXTURES

local = threading.local()


@pytest.fixture(scope="module")
def plain():
    emulator = Emulator(os.path.join(FIXTURES, "agreement.yml")).start()
    yield emulator
    emulator.stop()


def client(emulator):
    if getattr(local, "emulator", None) is not emulator:
        local.client = emulator.client()
        local.emulator = emulator
    return local.client


def code_of(call, field="Code"):
    try:
        call()
        return "ok"
    except ClientError as error:
        return error.response["Error"][field]


def test_a_hundred_parallel_creations_of_one_username_let_exactly_one_succeed(plain):
    pool = plain.pool("AgreementPool")
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as workers:
        signups = list(workers.map(lambda _: code_of(lambda: client(plain).sign_up(
            ClientId=pool["clients"]["AgreementClient"], Username="contested", Password="Contest-Passw0rd1")), range(100)))
        creations = list(workers.map(lambda _: code_of(lambda: client(plain).admin_create_user(
            UserPoolId=pool["id"], Username="contested-admin", MessageAction="SUPPRESS")), range(100)))
    assert signups.count("ok") == 1 and signups.count("UsernameExistsException") == 99
    assert creations.count("ok") == 1 and creations.count("UsernameExistsException") == 99


def test_a_thousand_distinct_parallel_signups_make_a_thousand_users_who_can_all_sign_in(plain):
    pool = plain.pool("AgreementPool")
    names = [f"bulk-{index}" for index in range(1000)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as workers:
        created = list(workers.map(lambda name: code_of(lambda: client(plain).admin_create_user(
            UserPoolId=pool["id"], Username=name, MessageAction="SUPPRESS", TemporaryPassword="Bulk-Temp0rary1")), names))
        assert created.count("ok") == 1000
        set_passwords = list(workers.map(lambda name: code_of(lambda: client(plain).admin_set_user_password(
            UserPoolId=pool["id"], Username=name, Password="Bulk-Passw0rd1", Permanent=True)), names))
        assert set_passwords.count("ok") == 1000
        logins = list(workers.map(lambda name: code_of(lambda: client(plain).initiate_auth(
            ClientId=pool["clients"]["AgreementClient"], AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": name, "PASSWORD": "Bulk-Passw0rd1"})), names))
    assert logins.count("ok") == 1000
    listed, token = [], None
    while True:
        page = plain.client().list_users(UserPoolId=pool["id"], Filter='username ^= "bulk-"', **({"PaginationToken": token} if token else {}))
        listed += page["Users"]
        token = page.get("PaginationToken")
        if not token:
            break
    assert len(listed) == 1000 and len({user["Username"] for user in listed}) == 1000


def test_parallel_confirm_forgot_password_with_one_code_succeeds_once(app, email):
    pool = app.pool("AppPool")
    cognito = app.client()
    sub = cognito.sign_up(ClientId=pool["clients"]["WebClient"], Username=email, Password="Passw0rd!",
                          UserAttributes=[{"Name": "email", "Value": email}])["UserSub"]
    cognito.confirm_sign_up(ClientId=pool["clients"]["WebClient"], Username=email, ConfirmationCode=app.messages(pool["id"], sub)[-1]["code"])
    cognito.forgot_password(ClientId=pool["clients"]["WebClient"], Username=email)
    code = app.messages(pool["id"], sub)[-1]["code"]
    with concurrent.futures.ThreadPoolExecutor(max_workers=10) as workers:
        results = list(workers.map(lambda index: code_of(lambda: client(app).confirm_forgot_password(
            ClientId=pool["clients"]["WebClient"], Username=email, ConfirmationCode=code, Password=f"Reset-Passw0rd{index}")), range(20)))
    assert results.count("ok") == 1
    assert set(results) == {"ok", "CodeMismatchException"}


def test_fifty_parallel_wrong_passwords_get_at_most_five_checks_before_the_lock(plain):
    pool = plain.pool("AgreementPool")
    cognito = plain.client()
    cognito.admin_create_user(UserPoolId=pool["id"], Username="locked-out", MessageAction="SUPPRESS")
    cognito.admin_set_user_password(UserPoolId=pool["id"], Username="locked-out", Password="Right-Passw0rd1", Permanent=True)
    attempt = lambda password: code_of(lambda: client(plain).initiate_auth(
        ClientId=pool["clients"]["AgreementClient"], AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "locked-out", "PASSWORD": password}), field="Message")
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as workers:
        answers = list(workers.map(lambda index: attempt(f"Wrong-Passw0rd{index}"), range(50)))
    assert answers.count("Incorrect username or password.") <= 5
    assert answers.count("Incorrect username or password.") + answers.count("Password attempts exceeded") == 50
    assert attempt("Right-Passw0rd1") == "Password attempts exceeded"
