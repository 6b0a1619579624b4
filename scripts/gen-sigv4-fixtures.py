"""Generates Tests/SigV4Tests/Fixtures/botocore-signed.json: requests over generated methods, paths,
queries, headers and bodies, signed by botocore's own SigV4Auth (each at its own X-Amz-Date), for the Swift
verifier's tests. Re-run after a botocore upgrade: python3 scripts/gen-sigv4-fixtures.py"""
import base64
import json
import os
import random
from urllib.parse import quote

import botocore
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "SigV4Tests", "Fixtures", "botocore-signed.json")
WORDS = ["users", "a b", "caf\u00e9", "x+y", "~tilde", "semi;colon", "pct%41", "emoji\U0001F600", "dots.and-dash_", "..", ".", "", "equals=", "q?"]
SERVICES = ["cognito-idp", "execute-api", "lambda", "sts", "cognito-identity"]


def main():
    rng = random.Random(20261201)
    cases = []
    for index in range(240):
        method = rng.choice(["GET", "POST", "PUT", "DELETE", "PATCH"])
        segments = [rng.choice(WORDS) for _ in range(rng.randint(0, 4))]
        path = "/" + "/".join(quote(segment, safe="~") for segment in segments)
        if rng.random() < 0.2:
            path += "/"
        query_pairs = []
        for _ in range(rng.randint(0, 4)):
            key = rng.choice(["Action", "a", "b", "X Y", "k\u00e9y", "list", "empty"])
            value = rng.choice(["1", "", "two words", "a+b", "caf\u00e9", "x/y", "=", "~"])
            query_pairs.append((key, value))
        query = "&".join(f"{quote(k, safe='-_.~')}={quote(v, safe='-_.~')}" for k, v in query_pairs)
        body = bytes(rng.getrandbits(8) for _ in range(rng.choice([0, 0, 1, 17, 300])))
        headers = {"Content-Type": rng.choice(["application/x-amz-json-1.1", "application/json", "text/plain;  charset=utf-8"])}
        if rng.random() < 0.5:
            headers["X-Amz-Target"] = "AWSCognitoIdentityProviderService.GetUser"
        if rng.random() < 0.3:
            headers["X-Custom"] = "  spaced   out  value "
        token = None
        if rng.random() < 0.3:
            token = f"session-{index}"
        service = rng.choice(SERVICES)
        region = rng.choice(["us-east-1", "eu-west-3"])
        credentials = Credentials(f"AKIDEXAMPLE{index:04d}", f"secret/{index}+key", token)
        url = f"http://127.0.0.1:9229{path}" + (f"?{query}" if query else "")
        request = AWSRequest(method=method, url=url, data=body, headers=headers)
        SigV4Auth(credentials, service, region).add_auth(request)
        prepared = request.prepare()
        # The HTTP client adds Host itself; the server sees it first.
        wire_headers = [["Host", "127.0.0.1:9229"]] + [[name, value] for name, value in prepared.headers.items()]
        cases.append({
            "method": method,
            "path": path,
            "query": query,
            "headers": wire_headers,
            "body": base64.b64encode(body).decode(),
            "accessKeyId": credentials.access_key,
            "secret": credentials.secret_key,
            "sessionToken": token,
        })
    with open(OUT, "w") as handle:
        json.dump({"botocore": botocore.__version__, "cases": cases}, handle, indent=0, ensure_ascii=False)
        handle.write("\n")


if __name__ == "__main__":
    main()
