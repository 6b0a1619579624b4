"""Federation's Cognito rules with a `requests` session as the browser: the InboundFederation and
PreSignUp_ExternalProvider triggers (Python functions, out of process), and AdminLinkProviderForUser."""
import os
import urllib.parse

import boto3
import jwt
import pytest
import requests

from browser import form_of, redirect_query
from emulator import FIXTURES, Emulator

CALLBACK = "http://localhost/callback"


@pytest.fixture(scope="module")
def federation():
    emulator = Emulator(os.path.join(FIXTURES, "processes", "federation.yml")).start()
    pool = emulator.pool("Pool")
    idp = boto3.client("cognito-idp", endpoint_url=emulator.ready["cognito"], region_name="us-east-1",
                       aws_access_key_id="test", aws_secret_access_key="test")
    yield {"emulator": emulator, "idp": idp, "pool": pool["id"], "client": pool["clients"]["Client"], "base": emulator.ready["cognito"],
           "jwks": jwt.PyJWKClient(f"{emulator.ready['cognito']}/{pool['id']}/.well-known/jwks.json")}
    emulator.stop()


def google_sign_in(federation, email, subject, name="Ada Lovelace"):
    """Through the stand-in Google: the final redirect's query (a code, or an error)."""
    browser = requests.Session()
    query = {"response_type": "code", "client_id": federation["client"], "redirect_uri": CALLBACK, "scope": "openid email profile",
             "state": "st", "identity_provider": "Google"}
    to_provider = browser.get(f"{federation['base']}/oauth2/authorize", params=query, allow_redirects=False, timeout=10)
    page = federation["base"] + to_provider.headers["Location"]
    _, fields = form_of(browser.get(page, timeout=10).text)
    back = browser.post(page, data={**fields, "email": email, "name": name, "subject": subject}, allow_redirects=False, timeout=30)
    return redirect_query(browser.get(federation["base"] + back.headers["Location"], allow_redirects=False, timeout=30))


def id_claims(federation, returned):
    answer = requests.post(f"{federation['base']}/oauth2/token", data={"grant_type": "authorization_code", "client_id": federation["client"],
                                                                      "code": returned["code"], "redirect_uri": CALLBACK}, timeout=10)
    assert answer.status_code == 200, answer.text
    token = answer.json()["id_token"]
    return jwt.decode(token, federation["jwks"].get_signing_key_from_jwt(token).key, algorithms=["RS256"], audience=federation["client"])


def test_the_inbound_federation_trigger_reshapes_what_the_mapping_reads(federation):
    claims = id_claims(federation, google_sign_in(federation, "ada@example.com", "g-100"))
    assert claims["cognito:username"] == "Google_g-100"
    assert claims["name"] == "ADA LOVELACE" and claims["custom:provider"] == "Google/Google" and claims["email"] == "ada@example.com"


def test_pre_sign_up_for_external_providers_can_refuse_a_new_federated_user(federation):
    returned = google_sign_in(federation, "eve@blocked.example", "g-666")
    assert returned["error"] == "invalid_request" and "blocked domain" in returned["error_description"]
    assert not federation["idp"].list_users(UserPoolId=federation["pool"], Filter='username = "Google_g-666"')["Users"]


def test_a_linked_identity_signs_in_as_its_native_user(federation):
    idp = federation["idp"]
    idp.admin_create_user(UserPoolId=federation["pool"], Username="grace", MessageAction="SUPPRESS",
                          UserAttributes=[{"Name": "email", "Value": "grace@example.com"}])
    idp.admin_link_provider_for_user(UserPoolId=federation["pool"],
                                     DestinationUser={"ProviderName": "Cognito", "ProviderAttributeValue": "grace"},
                                     SourceUser={"ProviderName": "Google", "ProviderAttributeName": "Cognito_Subject", "ProviderAttributeValue": "g-200"})
    claims = id_claims(federation, google_sign_in(federation, "grace@example.com", "g-200", name="Grace Hopper"))
    assert claims["cognito:username"] == "grace"
    assert [(i["providerName"], i["userId"]) for i in claims["identities"]] == [("Google", "g-200")]
    assert not idp.list_users(UserPoolId=federation["pool"], Filter='username = "Google_g-200"')["Users"]
    idp.admin_disable_provider_for_user(UserPoolId=federation["pool"],
                                        User={"ProviderName": "Google", "ProviderAttributeName": "Cognito_Subject", "ProviderAttributeValue": "g-200"})
    assert id_claims(federation, google_sign_in(federation, "grace@example.com", "g-200"))["cognito:username"] == "Google_g-200"


def test_a_provider_identity_cannot_take_over_a_native_user_of_its_name(federation):
    idp = federation["idp"]
    idp.admin_create_user(UserPoolId=federation["pool"], Username="Google_g-300", MessageAction="SUPPRESS",
                          UserAttributes=[{"Name": "email", "Value": "squatter@example.com"}])
    returned = google_sign_in(federation, "victim@example.com", "g-300")
    assert returned["error"] == "invalid_request" and "not linked" in returned["error_description"]
    user = idp.admin_get_user(UserPoolId=federation["pool"], Username="Google_g-300")
    assert {a["Name"]: a["Value"] for a in user["UserAttributes"]}["email"] == "squatter@example.com"


def test_a_link_by_email_signs_the_provider_identity_in_as_the_native_user(federation):
    idp = federation["idp"]
    idp.admin_create_user(UserPoolId=federation["pool"], Username="lin", MessageAction="SUPPRESS",
                          UserAttributes=[{"Name": "email", "Value": "lin@example.com"}])
    idp.admin_link_provider_for_user(UserPoolId=federation["pool"],
                                     DestinationUser={"ProviderName": "Cognito", "ProviderAttributeValue": "lin"},
                                     SourceUser={"ProviderName": "Google", "ProviderAttributeName": "email", "ProviderAttributeValue": "lin@example.com"})
    assert id_claims(federation, google_sign_in(federation, "lin@example.com", "g-400"))["cognito:username"] == "lin"
