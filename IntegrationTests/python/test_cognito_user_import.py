"""User import jobs through boto3: a CSV uploaded to the pre-signed URL the emulator serves, imported as
Cognito imports it, row errors counted, hostile files refused."""
import csv
import io
import time

import pytest
import requests

from emulator import Emulator, client_error as error_of


@pytest.fixture(scope="module")
def cognito():
    emulator = Emulator(None).start()
    yield emulator
    emulator.stop()


def pool_with_client(idp, name, **settings):
    pool = idp.create_user_pool(PoolName=name, AutoVerifiedAttributes=["email"],
                                Schema=[{"Name": "plan", "AttributeDataType": "String"}], **settings)["UserPool"]["Id"]
    client = idp.create_user_pool_client(UserPoolId=pool, ClientName="c", ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH"])["UserPoolClient"]["ClientId"]
    return pool, client


def csv_text(idp, pool, rows):
    header = idp.get_csv_header(UserPoolId=pool)["CSVHeader"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: row.get(name, "") for name in header})
    return out.getvalue().encode()


def run_job(idp, pool, body):
    job = idp.create_user_import_job(UserPoolId=pool, JobName="import-test",
                                     CloudWatchLogsRoleArn="arn:aws:iam::000000000000:role/CognitoImport")["UserImportJob"]
    assert job["Status"] == "Created" and job["JobId"].startswith("import-")
    upload = requests.put(job["PreSignedUrl"], data=body, headers={"x-amz-server-side-encryption": "aws:kms"})
    assert upload.status_code == 200, upload.text
    assert idp.start_user_import_job(UserPoolId=pool, JobId=job["JobId"])["UserImportJob"]["Status"] == "Pending"
    for _ in range(3000):
        described = idp.describe_user_import_job(UserPoolId=pool, JobId=job["JobId"])["UserImportJob"]
        if described["Status"] in ("Succeeded", "Failed", "Stopped"):
            return described
        time.sleep(0.1)
    raise AssertionError("the job did not finish")


def test_a_csv_import_creates_users_who_reset_their_password(cognito):
    idp = cognito.client()
    pool, client = pool_with_client(idp, "import")
    body = csv_text(idp, pool, [
        {"cognito:username": "ivy", "email": "ivy@example.com", "email_verified": "true", "cognito:mfa_enabled": "false", "custom:plan": "pro"},
        {"cognito:username": "jon", "email": "jon@example.com", "email_verified": "TRUE", "cognito:mfa_enabled": "false", "name": "Jon, Jr."},
        {"cognito:username": "kay", "email": "kay@example.com", "email_verified": "false", "cognito:mfa_enabled": "false"},
        {"cognito:username": "", "email": "nobody@example.com", "email_verified": "true", "cognito:mfa_enabled": "false"},
    ])
    job = run_job(idp, pool, body)
    assert (job["Status"], job["ImportedUsers"], job["FailedUsers"]) == ("Succeeded", 2, 2), job
    assert "line 4" in job["CompletionMessage"] and "line 5" in job["CompletionMessage"]
    user = idp.admin_get_user(UserPoolId=pool, Username="ivy")
    assert user["UserStatus"] == "RESET_REQUIRED"
    assert {a["Name"]: a["Value"] for a in user["UserAttributes"]}["custom:plan"] == "pro"
    assert {a["Name"]: a["Value"] for a in idp.admin_get_user(UserPoolId=pool, Username="jon")["UserAttributes"]}["name"] == "Jon, Jr."
    assert error_of(idp.initiate_auth, ClientId=client, AuthFlow="USER_PASSWORD_AUTH",
                    AuthParameters={"USERNAME": "ivy", "PASSWORD": "anything1"})[0] == "PasswordResetRequiredException"
    idp.forgot_password(ClientId=client, Username="ivy")
    code = cognito.messages(pool, "ivy")[-1]["code"]
    idp.confirm_forgot_password(ClientId=client, Username="ivy", ConfirmationCode=code, Password="Imported-passw0rd")
    assert idp.initiate_auth(ClientId=client, AuthFlow="USER_PASSWORD_AUTH",
                             AuthParameters={"USERNAME": "ivy", "PASSWORD": "Imported-passw0rd"})["AuthenticationResult"]
    jobs = idp.list_user_import_jobs(UserPoolId=pool, MaxResults=10)["UserImportJobs"]
    assert [j["JobId"] for j in jobs] == [job["JobId"]]


def test_hostile_files_are_refused_or_imported_as_cognito_does(cognito):
    idp = cognito.client()
    pool, _ = pool_with_client(idp, "hostile-import")
    wrong_header = b"cognito:username,email,shoe_size\nx,x@example.com,42\n"
    job = run_job(idp, pool, wrong_header)
    assert job["Status"] == "Failed" and "missing columns" in job["CompletionMessage"] and "shoe_size" in job["CompletionMessage"]
    latin1 = csv_text(idp, pool, [{"cognito:username": "zoe", "email": "z@example.com", "email_verified": "true",
                                   "cognito:mfa_enabled": "false"}]).replace(b"zoe", "zo\u00e9".encode("latin-1"))
    assert run_job(idp, pool, latin1)["CompletionMessage"] == "The file is not UTF-8 text."
    unclosed = csv_text(idp, pool, []) + b'"never closed,x\n'
    assert run_job(idp, pool, unclosed)["Status"] == "Failed"

    rows = [{"cognito:username": f"bulk{i}", "email": f"bulk{i}@example.com", "email_verified": "true", "cognito:mfa_enabled": "false"}
            for i in range(100_000)]
    job = run_job(idp, pool, csv_text(idp, pool, rows))
    assert (job["Status"], job["ImportedUsers"], job["FailedUsers"]) == ("Succeeded", 100_000, 0)
    assert idp.describe_user_pool(UserPoolId=pool)["UserPool"]["EstimatedNumberOfUsers"] == 100_000

    job = idp.create_user_import_job(UserPoolId=pool, JobName="forged", CloudWatchLogsRoleArn="arn:aws:iam::000000000000:role/R")["UserImportJob"]
    forged = job["PreSignedUrl"].replace("X-Amz-Signature=", "X-Amz-Signature=x")
    assert requests.put(forged, data=b"a,b\n").status_code == 403
    stopped = idp.stop_user_import_job(UserPoolId=pool, JobId=job["JobId"])["UserImportJob"]
    assert stopped["Status"] == "Stopped"
    assert error_of(idp.start_user_import_job, UserPoolId=pool, JobId=job["JobId"])[0] == "InvalidParameterException"


def test_a_pool_without_auto_verified_attributes_cannot_start_a_job(cognito):
    idp = cognito.client()
    pool = idp.create_user_pool(PoolName="no-auto-verify")["UserPool"]["Id"]
    job = idp.create_user_import_job(UserPoolId=pool, JobName="j", CloudWatchLogsRoleArn="arn:aws:iam::000000000000:role/R")["UserImportJob"]
    assert error_of(idp.start_user_import_job, UserPoolId=pool, JobId=job["JobId"])[0] == "PreconditionNotMetException"


def test_a_job_created_before_a_restart_on_other_ports_takes_its_upload_after_it(tmp_path):
    """The pre-signed URL follows the port the emulator listens on now, as S3's URL would still work."""
    first = Emulator(None, state_dir=str(tmp_path)).start()
    try:
        idp = first.client()
        pool, _ = pool_with_client(idp, "import-restart")
        body = csv_text(idp, pool, [{"cognito:username": "lia", "email": "lia@example.com", "email_verified": "true",
                                     "cognito:mfa_enabled": "false"}])
        job = idp.create_user_import_job(UserPoolId=pool, JobName="across", CloudWatchLogsRoleArn="arn:aws:iam::000000000000:role/I")["UserImportJob"]
    finally:
        first.stop()
    second = Emulator(None, state_dir=str(tmp_path)).start()
    try:
        idp = second.client()
        described = idp.describe_user_import_job(UserPoolId=pool, JobId=job["JobId"])["UserImportJob"]
        assert described["PreSignedUrl"].startswith(second.ready["cognito"] + "/_emulate/import/"), (described, second.ready)
        assert described["PreSignedUrl"].split("?")[1] == job["PreSignedUrl"].split("?")[1]
        assert requests.put(described["PreSignedUrl"], data=body, timeout=30).status_code == 200
        idp.start_user_import_job(UserPoolId=pool, JobId=job["JobId"])
        for _ in range(300):
            done = idp.describe_user_import_job(UserPoolId=pool, JobId=job["JobId"])["UserImportJob"]
            if done["Status"] == "Succeeded":
                break
            time.sleep(0.1)
        assert (done["Status"], done["ImportedUsers"]) == ("Succeeded", 1), done
    finally:
        second.stop()
