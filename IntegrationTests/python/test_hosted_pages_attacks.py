"""The managed login pages and federation under attack, with a `requests` session as the browser:
forged forms, federation states and codes that are not the emulator's, providers a client may not
use, styles that try to inject markup, and the clock expiring codes and sessions."""
import os
import re
import urllib.parse

import boto3
import pytest
import requests

from browser import form_of, redirect_query
from emulator import FIXTURES, Emulator

REGION = "us-east-1"
CALLBACK = "http://localhost/callback"


@pytest.fixture(scope="module")
def hosted():
    emulator = Emulator(os.path.join(FIXTURES, "hosted.yml")).start()
    pool = emulator.pool("Pool")
    idp = boto3.client("cognito-idp", endpoint_url=emulator.ready["cognito"], region_name=REGION,
                       aws_access_key_id="test", aws_secret_access_key="test")
    yield {"emulator": emulator, "idp": idp, "pool": pool["id"], "client": pool["clients"]["WebClient"], "base": emulator.ready["cognito"]}
    emulator.stop()


def authorize_query(hosted, **extra):
    return {"response_type": "code", "client_id": hosted["client"], "redirect_uri": CALLBACK, "scope": "openid email", "state": "st", **extra}


@pytest.mark.parametrize("path", ["/signup", "/forgotPassword", "/confirmForgotPassword", "/confirmUser", "/passkeys/add", "/login"])
def test_every_form_refuses_a_post_without_its_csrf_token(hosted, path):
    browser = requests.Session()
    page = browser.get(f"{hosted['base']}/signup", params=authorize_query(hosted), timeout=10).text
    _, fields = form_of(page)
    for token in [None, "forged"]:
        data = {**fields, "username": "mallory", "password": "Passw0rd!x"}
        data.pop("_csrf")
        if token:
            data["_csrf"] = token
        answer = browser.post(f"{hosted['base']}{path}", data=data, allow_redirects=False, timeout=10)
        assert answer.status_code == 403 and "did not come from this page" in answer.text


def test_idpresponse_refuses_unknown_states_forged_codes_and_replays(hosted):
    browser = requests.Session()
    unknown = browser.get(f"{hosted['base']}/oauth2/idpresponse", params={"code": "x", "state": "not-ours"}, allow_redirects=False, timeout=10)
    assert unknown.status_code == 400 and "state is unknown" in unknown.text
    to_provider = browser.get(f"{hosted['base']}/oauth2/authorize", params=authorize_query(hosted, identity_provider="Google"),
                              allow_redirects=False, timeout=10)
    provider_query = redirect_query(to_provider)
    assert to_provider.headers["Location"].startswith("/_emulate/idp/Google/authorize?")
    assert provider_query["client_id"] == "google-client.apps.googleusercontent.com" and provider_query["state"] != "st"
    forged = browser.get(f"{hosted['base']}/oauth2/idpresponse", params={"code": "forged", "state": provider_query["state"]},
                         allow_redirects=False, timeout=10)
    assert redirect_query(forged) == {"error": "invalid_request", "error_description": "invalid identity provider response", "state": "st"}
    replay = browser.get(f"{hosted['base']}/oauth2/idpresponse", params={"code": "forged", "state": provider_query["state"]},
                         allow_redirects=False, timeout=10)
    assert replay.status_code == 400


def test_a_provider_code_issued_to_another_client_is_refused(hosted):
    browser = requests.Session()
    provider_query = redirect_query(browser.get(f"{hosted['base']}/oauth2/authorize", params=authorize_query(hosted, identity_provider="Google"),
                                                allow_redirects=False, timeout=10))
    # The provider's page asked for another client's code: its token's audience is not the pool's provider.
    provider_query["client_id"] = "someone-else"
    page = browser.get(f"{hosted['base']}/_emulate/idp/Google/authorize", params=provider_query, timeout=10).text
    _, fields = form_of(page)
    back = browser.post(f"{hosted['base']}/_emulate/idp/Google/authorize?" + urllib.parse.urlencode(provider_query),
                        data={**fields, "email": "eve@example.com"}, allow_redirects=False, timeout=10)
    returned = browser.get(hosted["base"] + back.headers["Location"], allow_redirects=False, timeout=10)
    assert redirect_query(returned)["error"] == "invalid_request"
    assert not hosted["idp"].list_users(UserPoolId=hosted["pool"], Filter='email = "eve@example.com"')["Users"]


def test_a_cancelled_provider_sign_in_and_a_provider_the_client_may_not_use(hosted):
    browser = requests.Session()
    provider_query = redirect_query(browser.get(f"{hosted['base']}/oauth2/authorize", params=authorize_query(hosted, identity_provider="Google"),
                                                allow_redirects=False, timeout=10))
    page = browser.get(f"{hosted['base']}/_emulate/idp/Google/authorize", params=provider_query, timeout=10).text
    _, fields = form_of(page)
    back = browser.post(f"{hosted['base']}/_emulate/idp/Google/authorize?" + urllib.parse.urlencode(provider_query),
                        data={**fields, "cancel": "1"}, allow_redirects=False, timeout=10)
    returned = browser.get(hosted["base"] + back.headers["Location"], allow_redirects=False, timeout=10)
    assert redirect_query(returned) == {"error": "access_denied", "state": "st"}
    for provider in [{"identity_provider": "Facebook"}, {"idp_identifier": "nobody.example"}]:
        refused = browser.get(f"{hosted['base']}/oauth2/authorize", params=authorize_query(hosted, **provider), allow_redirects=False, timeout=10)
        assert redirect_query(refused) == {"error": "invalid_request", "state": "st"}


def test_a_branding_style_cannot_inject_markup_or_css(hosted):
    idp = hosted["idp"]
    client = idp.create_user_pool_client(UserPoolId=hosted["pool"], ClientName="styled", AllowedOAuthFlowsUserPoolClient=True, SupportedIdentityProviders=["COGNITO"],
                                         AllowedOAuthFlows=["code"], AllowedOAuthScopes=["openid"], CallbackURLs=[CALLBACK])["UserPoolClient"]
    idp.create_managed_login_branding(UserPoolId=hosted["pool"], ClientId=client["ClientId"], Settings={"components": {
        "pageBackground": {"lightMode": {"color": "red}</style><script>alert(1)</script>"}},
        "primaryButton": {"lightMode": {"defaults": {"backgroundColor": "12345678", "textColor": "url(javascript:x)"}}}}},
        Assets=[{"Category": "FORM_LOGO", "ColorMode": "LIGHT", "Extension": "PNG", "Bytes": b"\x89PNG\r\n"}])
    page = requests.get(f"{hosted['base']}/login", params={**authorize_query(hosted, scope="openid"), "client_id": client["ClientId"]}, timeout=10).text
    assert "<script>alert" not in page and "javascript:" not in page
    assert "--page:#f2f3f3" in page and "--button:#12345678" in page and "--button-text:#ffffff" in page
    assert 'src="data:image/png;base64,iVBORw0K' in page


def test_the_emulator_clock_expires_codes_and_browser_sessions(hosted):
    # A federated sign-in has no MFA to answer: the quickest way to a code and a browser session.
    browser = requests.Session()
    provider_query = redirect_query(browser.get(f"{hosted['base']}/oauth2/authorize", params=authorize_query(hosted, identity_provider="Google"),
                                                allow_redirects=False, timeout=10))
    page = browser.get(f"{hosted['base']}/_emulate/idp/Google/authorize", params=provider_query, timeout=10).text
    _, fields = form_of(page)
    back = browser.post(f"{hosted['base']}/_emulate/idp/Google/authorize?" + urllib.parse.urlencode(provider_query),
                        data={**fields, "email": "clock@example.com"}, allow_redirects=False, timeout=10)
    code = redirect_query(browser.get(hosted["base"] + back.headers["Location"], allow_redirects=False, timeout=10))["code"]
    hosted["emulator"].advance_clock(301)
    answer = requests.post(f"{hosted['base']}/oauth2/token", data={"grant_type": "authorization_code", "client_id": hosted["client"],
                                                                  "code": code, "redirect_uri": CALLBACK}, timeout=10)
    assert (answer.status_code, answer.json()) == (400, {"error": "invalid_grant"})
    again = browser.get(f"{hosted['base']}/oauth2/authorize", params=authorize_query(hosted), allow_redirects=False, timeout=10)
    assert "code" in redirect_query(again)  # the session is an hour long
    hosted["emulator"].advance_clock(3600)
    expired = browser.get(f"{hosted['base']}/oauth2/authorize", params=authorize_query(hosted), allow_redirects=False, timeout=10)
    assert expired.status_code == 302 and expired.headers["Location"].startswith("/login?")
    refused = browser.get(f"{hosted['base']}/passkeys/add", params={"client_id": hosted["client"], "redirect_uri": CALLBACK}, timeout=10)
    assert refused.status_code == 401 and "Sign in first" in refused.text


def saml_response(hosted, browser):
    """A SAML sign-in through the stand-in up to its auto-posted form: (the form's fields, the response XML)."""
    import base64
    to_provider = browser.get(f"{hosted['base']}/oauth2/authorize", params=authorize_query(hosted, identity_provider="Corporate"),
                              allow_redirects=False, timeout=10)
    sso = hosted["base"] + to_provider.headers["Location"]
    _, fields = form_of(browser.get(sso, timeout=10).text)
    posted = browser.post(sso, data={**fields, "email": "mallory@corp.example", "subject": "mallory"}, allow_redirects=False, timeout=10)
    assert 'action="/saml2/idpresponse"' in posted.text
    _, answer = form_of(posted.text)
    return answer, base64.b64decode(answer["SAMLResponse"]).decode()


def post_saml(hosted, browser, fields, document):
    import base64
    answer = browser.post(f"{hosted['base']}/saml2/idpresponse",
                          data={**fields, "SAMLResponse": base64.b64encode(document.encode()).decode()}, allow_redirects=False, timeout=10)
    return answer


def test_a_signed_saml_response_signs_in_once(hosted):
    browser = requests.Session()
    fields, document = saml_response(hosted, browser)
    assert "code" in redirect_query(post_saml(hosted, browser, fields, document))
    assert post_saml(hosted, browser, fields, document).status_code == 400  # the RelayState is used up


@pytest.mark.parametrize("attack, reason", [
    ("changed subject", "digest does not match"),
    ("changed signature", "not the identity provider's"),
    ("second assertion before", "exactly one assertion"),
    ("signed assertion moved into extensions", "exactly one assertion"),
    ("comment in the subject", "not acceptable XML"),
    ("doctype with an entity", "not acceptable XML"),
    ("duplicate ID", "exactly one assertion"),
    ("sha1 signature", "one enveloped RSA-SHA256 reference"),
])
def test_a_tampered_saml_response_is_refused(hosted, attack, reason):
    browser = requests.Session()
    fields, document = saml_response(hosted, browser)
    assertion = document[document.index("<saml:Assertion "):document.index("</saml:Assertion>") + len("</saml:Assertion>")]
    evil = assertion.replace(">mallory</saml:NameID>", ">admin</saml:NameID>")
    evil = evil[:evil.index("<ds:Signature")] + evil[evil.index("</ds:Signature>") + len("</ds:Signature>"):]
    if attack == "changed subject":
        document = document.replace(">mallory</saml:NameID>", ">admin</saml:NameID>")
    elif attack == "changed signature":
        start = document.index("<ds:SignatureValue>") + len("<ds:SignatureValue>")
        document = document[:start] + ("A" if document[start] != "A" else "B") + document[start + 1:]
    elif attack == "second assertion before":
        document = document.replace(assertion, evil.replace('ID="_', 'ID="_evil') + assertion)
    elif attack == "signed assertion moved into extensions":
        document = document.replace(assertion, f"<samlp:Extensions>{assertion}</samlp:Extensions>" + evil.replace('ID="_', 'ID="_evil'))
    elif attack == "comment in the subject":
        document = document.replace(">mallory</saml:NameID>", ">mallory<!-- -->.admin</saml:NameID>")
    elif attack == "doctype with an entity":
        document = '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + document
    elif attack == "duplicate ID":
        document = document.replace("<samlp:Status>", f"<samlp:Extensions>{evil}</samlp:Extensions><samlp:Status>")
    elif attack == "sha1 signature":
        document = document.replace("xmldsig-more#rsa-sha256", "xmldsig#rsa-sha1")
    query = redirect_query(post_saml(hosted, browser, fields, document))
    assert query["error"] == "invalid_request" and reason in query["error_description"], query
    assert not hosted["idp"].list_users(UserPoolId=hosted["pool"], Filter='username = "Corporate_admin"')["Users"]


def test_a_saml_response_re_signed_with_the_attackers_own_key_and_certificate_is_refused(hosted):
    """signxml signs the changed assertion with a key and self-signed certificate of the attacker's,
    the certificate in KeyInfo: only the provider's configured certificate counts."""
    import datetime
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from lxml import etree
    from signxml import XMLSigner, methods
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "corp.example")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
                   .not_valid_after(now + datetime.timedelta(days=1)).sign(key, hashes.SHA256()))
    browser = requests.Session()
    fields, document = saml_response(hosted, browser)
    root = etree.fromstring(document.encode())
    assertion = root.find("{urn:oasis:names:tc:SAML:2.0:assertion}Assertion")
    assertion.remove(assertion.find("{http://www.w3.org/2000/09/xmldsig#}Signature"))
    assertion.find(".//{urn:oasis:names:tc:SAML:2.0:assertion}NameID").text = "admin"
    signer = XMLSigner(method=methods.enveloped, signature_algorithm="rsa-sha256", digest_algorithm="sha256",
                       c14n_algorithm="http://www.w3.org/2001/10/xml-exc-c14n#")
    resigned = signer.sign(assertion, key=key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                            serialization.NoEncryption()),
                           cert=certificate.public_bytes(serialization.Encoding.PEM).decode(), reference_uri=assertion.get("ID"))
    issuer = resigned.find("{urn:oasis:names:tc:SAML:2.0:assertion}Issuer")
    signature = resigned.find("{http://www.w3.org/2000/09/xmldsig#}Signature")
    issuer.addnext(signature)  # where SAML puts it: right after the Issuer
    root.replace(assertion, resigned)
    query = redirect_query(post_saml(hosted, browser, fields, etree.tostring(root).decode()))
    assert query["error"] == "invalid_request" and "not the identity provider's" in query["error_description"], query
    assert not hosted["idp"].list_users(UserPoolId=hosted["pool"], Filter='username = "Corporate_admin"')["Users"]


def test_an_expired_or_misdirected_saml_response_is_refused(hosted):
    browser = requests.Session()
    first, first_document = saml_response(hosted, browser)
    second, _ = saml_response(hosted, browser)
    # The first flow's response under the second flow's RelayState: InResponseTo is not that request's.
    query = redirect_query(post_saml(hosted, browser, second, first_document))
    assert "bearer confirmation" in query["error_description"]
    third, third_document = saml_response(hosted, browser)
    hosted["emulator"].advance_clock(400)
    query = redirect_query(post_saml(hosted, browser, third, third_document))
    assert "expired" in query["error_description"]


def test_a_real_xml_signature_library_verifies_the_stand_in_saml_signature(hosted):
    """signxml (lxml's exclusive C14N, cryptography's RSA) checks what the emulator's stand-in signed."""
    from lxml import etree
    from signxml import XMLVerifier
    browser = requests.Session()
    _, document = saml_response(hosted, browser)
    certificate = re.search(r"<ds:X509Certificate>([^<]+)<", document).group(1)
    pem = f"-----BEGIN CERTIFICATE-----\n{certificate}\n-----END CERTIFICATE-----\n"
    verified = XMLVerifier().verify(document.encode(), x509_cert=pem, expect_references=1)
    assert etree.QName(verified.signed_xml).localname == "Assertion"
    assert verified.signed_xml.find(".//{urn:oasis:names:tc:SAML:2.0:assertion}NameID").text == "mallory"


def test_a_federation_started_in_one_browser_cannot_be_finished_in_another(hosted):
    attacker, victim = requests.Session(), requests.Session()
    provider_query = redirect_query(attacker.get(f"{hosted['base']}/oauth2/authorize", params=authorize_query(hosted, identity_provider="Google"),
                                                 allow_redirects=False, timeout=10))
    page = attacker.get(f"{hosted['base']}/_emulate/idp/Google/authorize", params=provider_query, timeout=10).text
    _, fields = form_of(page)
    back = attacker.post(f"{hosted['base']}/_emulate/idp/Google/authorize?" + urllib.parse.urlencode(provider_query),
                         data={**fields, "email": "attacker@example.com"}, allow_redirects=False, timeout=10)
    # The attacker hands the victim the provider's answer: without the state's cookie it is refused (no login CSRF).
    handed = victim.get(hosted["base"] + back.headers["Location"], allow_redirects=False, timeout=10)
    assert handed.status_code == 400 and "another browser" in handed.text
    assert "code" in redirect_query(attacker.get(hosted["base"] + back.headers["Location"], allow_redirects=False, timeout=10))


def test_the_stand_in_providers_answer_only_to_the_pools_endpoints(hosted):
    browser = requests.Session()
    provider_query = redirect_query(browser.get(f"{hosted['base']}/oauth2/authorize", params=authorize_query(hosted, identity_provider="Google"),
                                                allow_redirects=False, timeout=10))
    elsewhere = browser.get(f"{hosted['base']}/_emulate/idp/Google/authorize",
                            params={**provider_query, "redirect_uri": "https://evil.example/steal"}, timeout=10)
    assert elsewhere.status_code == 400
    import base64
    request = ('<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" '
               'ID="_x" AssertionConsumerServiceURL="javascript:alert(1)"><saml:Issuer>sp</saml:Issuer></samlp:AuthnRequest>')
    sso = browser.get(f"{hosted['base']}/_emulate/idp/SAML/sso", params={"SAMLRequest": base64.b64encode(request.encode()).decode()}, timeout=10)
    assert sso.status_code == 400 and "javascript" not in sso.text


def test_a_client_without_cognito_offers_only_its_identity_providers(hosted):
    idp = hosted["idp"]
    client = idp.create_user_pool_client(UserPoolId=hosted["pool"], ClientName="social-only", AllowedOAuthFlowsUserPoolClient=True,
                                         SupportedIdentityProviders=["Google"], AllowedOAuthFlows=["code"], AllowedOAuthScopes=["openid"],
                                         CallbackURLs=[CALLBACK])["UserPoolClient"]
    query = {**authorize_query(hosted, scope="openid"), "client_id": client["ClientId"]}
    browser = requests.Session()
    page = browser.get(f"{hosted['base']}/login", params=query, timeout=10)
    assert page.status_code == 200 and 'id="idp-Google"' in page.text and 'name="password"' not in page.text
    for path in ["/signup", "/forgotPassword"]:
        assert browser.get(f"{hosted['base']}{path}", params=query, timeout=10).status_code == 400
    _, fields = form_of(browser.get(f"{hosted['base']}/signup", params={**authorize_query(hosted)}, timeout=10).text)
    refused = browser.post(f"{hosted['base']}/login", data={**fields, **query, "username": "x", "password": "y"}, allow_redirects=False, timeout=10)
    assert refused.status_code == 400 and "COGNITO" in refused.text


def test_a_sign_in_factor_the_page_does_not_offer_is_refused(hosted):
    browser = requests.Session()
    _, fields = form_of(browser.get(f"{hosted['base']}/login", params=authorize_query(hosted), timeout=10).text)
    answer = browser.post(f"{hosted['base']}/login", data={**fields, "username": "nobody", "factor": "PASSWORD_SRP"}, allow_redirects=False, timeout=10)
    assert answer.status_code == 400 and "Choose one of the ways to sign in" in answer.text
