"""Cognito endpoint throughput: this emulator (SQLite file and in memory) vs moto_server, driven by the same wrk script.

Usage: python3 run.py EMULATE_BINARY [SECONDS]. Prints a Markdown table: requests/s, p50, p99 and the ratio to moto_server.
Each server first gets 10,000 users (AdminCreateUser through wrk), so ListUsers pages through a 10,000-user pool.
"""
import base64
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from common import Emulator, Moto, cognito_call, create_pools, create_users, rsa_signatures_per_second, wrk, wrk_form  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
USERS = 10_000
PASSWORD = "Bench-Passw0rd"
POOLS = "CreateUserPool + CreateUserPoolClient (pairs/s, 1 Python connection)"
OPERATIONS = ["DescribeUserPool", "GetUser", "AdminInitiateAuth", "InitiateAuth", "ListUsers", "SignUp"]
IDENTITY = "GetCredentialsForIdentity (identity pool, Logins with the user's ID token)"
TOKEN = "OAuth 2.0 token endpoint, client_credentials (one access token each)"


def prepare(url, pool_id, client_id, emulated):
    """The signed-in user, 10,000 more users, and the request bodies."""
    cognito_call(url, "AdminCreateUser", {"UserPoolId": pool_id, "Username": "bench-user", "MessageAction": "SUPPRESS", "TemporaryPassword": PASSWORD})
    cognito_call(url, "AdminSetUserPassword", {"UserPoolId": pool_id, "Username": "bench-user", "Password": PASSWORD, "Permanent": True})
    login = {"UserPoolId": pool_id, "ClientId": client_id, "AuthFlow": "ADMIN_USER_PASSWORD_AUTH", "AuthParameters": {"USERNAME": "bench-user", "PASSWORD": PASSWORD}}
    status, answer = cognito_call(url, "AdminInitiateAuth", login)
    assert status == 200, answer
    access = answer["AuthenticationResult"]["AccessToken"]
    identity = identity_body(url, pool_id, client_id, answer["AuthenticationResult"]["IdToken"], roles=emulated)
    seeding = create_users(url, pool_id, USERS)
    bodies = {
        "DescribeUserPool": {"UserPoolId": pool_id},
        "GetUser": {"AccessToken": access},
        "AdminInitiateAuth": login,
        "InitiateAuth": {"ClientId": client_id, "AuthFlow": "USER_PASSWORD_AUTH", "AuthParameters": {"USERNAME": "bench-user", "PASSWORD": PASSWORD}},
        "ListUsers": {"UserPoolId": pool_id, "Limit": 60},
        "SignUp": {"ClientId": client_id, "Username": "signup-{n}", "Password": PASSWORD},
        IDENTITY: identity,
    }
    return seeding, {op: json.dumps(body) for op, body in bodies.items()}


def identity_body(url, pool_id, client_id, id_token, roles):
    """An identity pool trusting the user pool (made through the API, as a test suite does), the signed-in
    user's identity in it, and the GetCredentialsForIdentity body that exchanges the ID token. moto_server
    has no SetIdentityPoolRoles (and gives credentials without a role): `roles` is false for it."""
    provider = f"cognito-idp.us-east-1.amazonaws.com/{pool_id}"
    status, created = cognito_call(url, "CreateIdentityPool", {"IdentityPoolName": "bench", "AllowUnauthenticatedIdentities": False,
                                                               "CognitoIdentityProviders": [{"ProviderName": provider, "ClientId": client_id}]},
                                   service="cognito-identity")
    assert status == 200, created
    identity_pool = created["IdentityPoolId"]
    if roles:
        status, answer = cognito_call(url, "SetIdentityPoolRoles", {"IdentityPoolId": identity_pool, "Roles": {
            "authenticated": "arn:aws:iam::000000000000:role/bench-identity"}}, service="cognito-identity")
        assert status == 200, answer
    logins = {provider: id_token}
    status, answer = cognito_call(url, "GetId", {"IdentityPoolId": identity_pool, "Logins": logins}, service="cognito-identity")
    assert status == 200, answer
    return {"IdentityId": answer["IdentityId"], "Logins": logins}


def token_endpoint(url, pool_id):
    """A resource server and a confidential client allowed client_credentials (made through the API), and
    wrk's view of the token request: the endpoint, its form body and its Basic authorization header."""
    status, answer = cognito_call(url, "CreateResourceServer", {"UserPoolId": pool_id, "Identifier": "https://api.bench", "Name": "api",
                                                                "Scopes": [{"ScopeName": "read", "ScopeDescription": "read"}]})
    assert status == 200, answer
    status, answer = cognito_call(url, "CreateUserPoolClient", {"UserPoolId": pool_id, "ClientName": "machine", "GenerateSecret": True,
                                                                "AllowedOAuthFlowsUserPoolClient": True, "AllowedOAuthFlows": ["client_credentials"],
                                                                "AllowedOAuthScopes": ["https://api.bench/read"]})
    assert status == 200, answer
    client = answer["UserPoolClient"]
    basic = base64.b64encode(f"{client['ClientId']}:{client['ClientSecret']}".encode()).decode()
    return url + "/oauth2/token", "grant_type=client_credentials&scope=https%3A%2F%2Fapi.bench%2Fread", {"Authorization": "Basic " + basic}


SIGNED = "GetUser, SigV4-signed with the developer key (verified)"


def signed_headers(url, body, keys):
    """The headers botocore's signer adds to a GetUser with `body`, for wrk to repeat (valid for 15 minutes)."""
    import botocore.auth
    import botocore.awsrequest
    import botocore.credentials
    request = botocore.awsrequest.AWSRequest(method="POST", url=url + "/", data=body.encode(), headers={
        "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSCognitoIdentityProviderService.GetUser"})
    botocore.auth.SigV4Auth(botocore.credentials.Credentials(keys["accessKeyId"], keys["secretAccessKey"]), "cognito-idp", "us-east-1").add_auth(request)
    return "\n".join(f"{name}: {value}" for name, value in request.headers.items() if name.lower() in ("authorization", "x-amz-date", "x-amz-content-sha256"))


def signed_against_unsigned(url, body, keys, rounds=5):
    """Signed and unsigned GetUser, interleaved for `rounds` rounds (the machine's noise hits both alike):
    the signed run's median rate, p50 and p99, and the ratio of the medians."""
    signed, unsigned = [], []
    headers = signed_headers(url, body, keys)
    for _ in range(rounds):
        unsigned.append(wrk(url, "GetUser", body, seconds=max(1, SECONDS // 2)))
        os.environ["BENCH_HEADERS"] = headers
        try:
            signed.append(wrk(url, "GetUser", body, seconds=max(1, SECONDS // 2)))
        finally:
            del os.environ["BENCH_HEADERS"]
    median = lambda runs: sorted(runs, key=lambda run: run[0])[len(runs) // 2]  # noqa: E731
    rate, p50, p99, count = median(signed)
    return rate, p50, p99, rate / median(unsigned)[0]


def measure(server, url, pool_id, client_id, keys=None):
    """Every row for one server; `keys` (the developer's, for the signed row) is given for the emulator only."""
    try:
        seeding, bodies = prepare(url, pool_id, client_id, emulated=keys is not None)
        results = {"AdminCreateUser (seeding, 8 Python threads)": (seeding, "-", "-", USERS),
                   POOLS: (create_pools(url, 200), "-", "-", 200)}
        for op in OPERATIONS:
            os.environ["BENCH_PAGINATE"] = "1" if op == "ListUsers" else "0"
            results[op] = wrk(url, op, bodies[op], seconds=SECONDS)
        os.environ["BENCH_PAGINATE"] = "0"
        results[IDENTITY] = wrk(url, "GetCredentialsForIdentity", bodies[IDENTITY], seconds=SECONDS, service="cognito-identity")
        if keys:
            results[SIGNED] = signed_against_unsigned(url, bodies["GetUser"], keys)
            results[TOKEN] = wrk_form(*token_endpoint(url, pool_id), seconds=SECONDS)
        return results
    finally:
        server.stop()


def emulator(binary, state_dir):
    server = Emulator(binary, os.path.join(HERE, "bench.yml"), state_dir=state_dir).wait_ready()
    pool = server.pool("BenchPool")
    return server, server.info["cognito"], pool["id"], pool["clients"]["BenchClient"], server.info["credentials"]


def moto():
    server = Moto().wait_ready()
    _, pool = cognito_call(server.url, "CreateUserPool", {"PoolName": "bench", "Policies": {"PasswordPolicy": {"MinimumLength": 8}}})
    pool_id = pool["UserPool"]["Id"]
    _, client = cognito_call(server.url, "CreateUserPoolClient", {"UserPoolId": pool_id, "ClientName": "bench", "ExplicitAuthFlows": [
        "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]})
    return server, server.url, pool_id, client["UserPoolClient"]["ClientId"]


def main():
    binary = sys.argv[1]
    signatures = rsa_signatures_per_second()
    results = {
        "moto_server (anchor)": measure(*moto()),
        "emulate, SQLite file": measure(*emulator(binary, tempfile.mkdtemp(prefix="bench-state-"))),
        "emulate --in-memory": measure(*emulator(binary, None)),
    }
    anchor = results["moto_server (anchor)"]
    print(f"### Cognito endpoint: wrk -t1 -c8 -d{SECONDS}s on loopback, {USERS:,} users in the pool\n")
    print("| operation | " + " | ".join(results) + " |")
    print("|---|" + "---|" * len(results))
    for op in ["AdminCreateUser (seeding, 8 Python threads)", POOLS] + OPERATIONS + [IDENTITY]:
        cells = []
        for name, numbers in results.items():
            rate, p50, p99, _ = numbers[op]
            ratio = "" if name == "moto_server (anchor)" else f" = **{rate / anchor[op][0]:.1f}×**"
            cells.append(f"{rate:,.0f} req/s{ratio}" + (f", p50 {p50}, p99 {p99}" if p50 != "-" else ""))
        print(f"| {op} | " + " | ".join(cells) + " |")
    # The signed row's anchor is the unsigned GetUser of the same server, interleaved with it (target: ≥ 0.9).
    cells = ["-"]
    for name, numbers in list(results.items())[1:]:
        rate, p50, p99, ratio = numbers[SIGNED]
        cells.append(f"{rate:,.0f} req/s = **{ratio:.2f}× unsigned GetUser** (medians of 5 interleaved runs), p50 {p50}, p99 {p99}")
    print(f"| {SIGNED} | " + " | ".join(cells) + " |")
    # Token minting against the machine's RSA bound, measured in the same run: a sign-in signs two tokens
    # (ID and access), a client_credentials answer one. moto_server signs nothing with RSA, so it is no anchor here.
    print(f"\n### Token minting against the RSA bound: RSA-2048 signatures on every core, `openssl speed -multi {os.cpu_count()}` (anchor), same run\n")
    print("| what | " + " | ".join(list(results)[1:]) + " |")
    print("|---|" + "---|" * (len(results) - 1))
    print(f"| RSA-2048 signatures/s, all cores (anchor) | " + " | ".join(f"{signatures:,.0f}" for _ in list(results)[1:]) + " |")
    for op, per_answer in (("AdminInitiateAuth", 2), ("InitiateAuth", 2), (TOKEN, 1)):
        cells = []
        for name, numbers in list(results.items())[1:]:
            rate, p50, p99, _ = numbers[op]
            cells.append(f"{rate:,.0f} req/s = **{rate * per_answer / signatures:.2f}** of the bound of {signatures / per_answer:,.0f}/s, p50 {p50}, p99 {p99}")
        print(f"| {op} ({per_answer} signature{'s' if per_answer > 1 else ''} each) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
