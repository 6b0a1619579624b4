"""SigV4 tricks against a real signer's requests (botocore's SigV4Auth): a request changed after it was
signed — another operation, another body, a second date or Authorization header, an unsigned
X-Amz-Target — is refused at the Cognito endpoint; a path spelled another way reaches no route the
signer's policy does not allow. Sent with http.client, which leaves paths and repeated headers as given."""
import http.client
import json
import urllib.parse

import boto3
import botocore.auth
import botocore.awsrequest
import botocore.credentials

from test_identity import REGION, as_botocore, identity_credentials, service, sign_in  # noqa: F401 (service: the module's emulator)

TARGET = "AWSCognitoIdentityProviderService."

def developer_key(service):
    keys = service.ready["credentials"]
    return botocore.credentials.Credentials(keys["accessKeyId"], keys["secretAccessKey"])


def signed(url, credentials, service_name, method="GET", body=b"", headers=None):
    """The headers botocore's signer gives the request, as (name, value) pairs."""
    request = botocore.awsrequest.AWSRequest(method=method, url=url, data=body, headers=headers or {})
    botocore.auth.SigV4Auth(credentials, service_name, REGION).add_auth(request)
    return list(request.headers.items())


def send(url, method, headers, body=b""):
    """Sends exactly these headers (repeated names kept) to the raw path of `url`; answers (status, JSON body)."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    connection.putrequest(method, parts.path + (f"?{parts.query}" if parts.query else ""), skip_host=True, skip_accept_encoding=True)
    for name, value in [("Host", parts.netloc)] + [(n, v) for n, v in headers if n.lower() != "host"]:
        connection.putheader(name, value)
    connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    answer = connection.getresponse()
    text = answer.read()
    connection.close()
    return answer.status, json.loads(text) if text else None


def cognito_request(service, operation, body, sign_target=True):
    url = service.ready["cognito"] + "/"
    headers = {"Content-Type": "application/x-amz-json-1.1"}
    if sign_target:
        headers["X-Amz-Target"] = TARGET + operation
    signed_headers = signed(url, developer_key(service), "cognito-idp", "POST", body, headers)
    if not sign_target:
        signed_headers.append(("X-Amz-Target", TARGET + operation))
    return url, signed_headers


def test_a_cognito_request_changed_after_signing_is_refused(service):
    pool_id = service.pool("UserPool")["id"]
    body = json.dumps({"UserPoolId": pool_id}).encode()
    url, headers = cognito_request(service, "DescribeUserPool", body)
    status, answer = send(url, "POST", headers, body)
    assert status == 200 and answer["UserPool"]["Id"] == pool_id
    # The same request again within the window is taken, as AWS takes it (SigV4 has no nonce).
    assert send(url, "POST", headers, body)[0] == 200

    retargeted = [(n, TARGET + "DeleteUserPool" if n == "X-Amz-Target" else v) for n, v in headers]
    status, answer = send(url, "POST", retargeted, body)
    assert status == 400 and answer["__type"] == "InvalidSignatureException", answer
    status, answer = send(url, "POST", headers, body.replace(b'{"', b'{ "'))
    assert status == 400 and answer["__type"] == "InvalidSignatureException", answer
    other_date = "20300101T000000Z"
    status, answer = send(url, "POST", headers + [("X-Amz-Date", other_date)], body)
    assert status == 400 and answer["__type"] == "InvalidSignatureException", answer
    status, answer = send(url, "POST", headers + [("Authorization", dict(headers)["Authorization"])], body)
    assert status == 400 and answer == {"__type": "IncompleteSignatureException", "message": "the request has more than one Authorization header"}

    # Signed without its operation, then given one: refused, whatever the operation.
    url, unsigned_target = cognito_request(service, "DeleteUserPool", body, sign_target=False)
    status, answer = send(url, "POST", unsigned_target, body)
    assert status == 400 and answer == {"__type": "IncompleteSignatureException",
                                        "message": "X-Amz-Target must be signed: add it to SignedHeaders"}
    idp = boto3.client("cognito-idp", endpoint_url=service.ready["cognito"], region_name=REGION,
                       aws_access_key_id=developer_key(service).access_key, aws_secret_access_key=developer_key(service).secret_key)
    assert idp.describe_user_pool(UserPoolId=pool_id)["UserPool"]["Id"] == pool_id  # nothing above deleted it


def test_a_path_spelled_another_way_reaches_no_route_the_policy_denies(service):
    """ViewerRole may call GET /everyone and not GET /admin. Every spelling of /admin the viewer signs —
    dot segments, an encoded letter, doubled or trailing slashes — is refused or routes nowhere; the
    admin's signature on the plain path is taken. A signature for one path does not open another."""
    _, viewer = identity_credentials(service, sign_in(service, "smuggler", "viewers"))
    _, admin = identity_credentials(service, sign_in(service, "smuggle-admin", "admins"))
    api = service.ready["api"]
    plain = api + "/admin"
    assert send(plain, "GET", signed(plain, as_botocore(admin), "execute-api"))[0] == 200
    assert send(plain, "GET", signed(plain, as_botocore(viewer), "execute-api"))[0] == 403
    stage = urllib.parse.urlsplit(api).path
    base = api[: -len(stage)] if stage else api
    for spelling in (f"{stage}/everyone/../admin", f"{stage}/./admin", f"{stage}/%61dmin", f"{stage}//admin", f"{stage}/admin/",
                     f"{stage}/ADMIN", f"{stage}/admin%2F", f"{stage}/everyone/%2E%2E/admin"):
        url = base + spelling
        status, answer = send(url, "GET", signed(url, as_botocore(viewer), "execute-api"))
        assert status in (403, 404), (spelling, status, answer)
    # A viewer's genuine signature for /everyone, sent to /admin: the signature no longer matches.
    everyone = api + "/everyone"
    status, answer = send(plain, "GET", signed(everyone, as_botocore(viewer), "execute-api"))
    assert status == 403 and answer["message"].startswith("The request signature we calculated does not match"), answer
