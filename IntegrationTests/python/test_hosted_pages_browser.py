"""The managed login pages in a real browser (Debian's Chromium, driven by Selenium): sign-up with the
confirmation code from the outbox, an authenticator app set up and used, the session cookie's second
sign-in, a forgotten password, a federated "Google" sign-in, and a passkey on Chromium's virtual
authenticator. Every page is screenshotted into IntegrationTests/python/.screenshots."""
import os
import time

import boto3
import jwt
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.virtual_authenticator import Protocol, Transport, VirtualAuthenticatorOptions

from browser import AuthorizeRequest, Callback, fill, screenshot, totp, wait_for, wait_for_url
from emulator import FIXTURES, Emulator

REGION = "us-east-1"
PASSWORD = "Correct-Horse-1"


@pytest.fixture(scope="module")
def callback():
    server = Callback()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def hosted(callback):
    emulator = Emulator(os.path.join(FIXTURES, "hosted.yml")).start()
    idp = boto3.client("cognito-idp", endpoint_url=emulator.ready["cognito"], region_name=REGION,
                       aws_access_key_id="test", aws_secret_access_key="test")
    clients = {}
    for pool_id, client_id in [("Pool", "WebClient"), ("PasskeyPool", "PasskeyClient")]:
        pool = emulator.pool(pool_id)
        client = idp.describe_user_pool_client(UserPoolId=pool["id"], ClientId=pool["clients"][client_id])["UserPoolClient"]
        updatable = ["ClientName", "AllowedOAuthFlows", "AllowedOAuthScopes", "AllowedOAuthFlowsUserPoolClient", "SupportedIdentityProviders",
                     "ExplicitAuthFlows"]
        # As a test suite would: the callback's port is known only now.
        idp.update_user_pool_client(UserPoolId=pool["id"], ClientId=client["ClientId"], CallbackURLs=[callback.url],
                                    LogoutURLs=[callback.url.replace("/callback", "/signed-out")],
                                    **{key: client[key] for key in updatable if key in client})
        clients[pool_id] = (pool["id"], client["ClientId"], jwt.PyJWKClient(f"{emulator.ready['cognito']}/{pool['id']}/.well-known/jwks.json"))
    # The browser talks to localhost, the passkeys' relying party.
    base = emulator.ready["cognito"].replace("127.0.0.1", "localhost")
    pool, client, jwks = clients["Pool"]
    yield {"emulator": emulator, "idp": idp, "pool": pool, "client": client, "base": base, "callback": callback.url, "jwks": jwks,
           "passkeys": dict(zip(["pool", "client", "jwks"], clients["PasskeyPool"]))}
    emulator.stop()


def id_claims(hosted, tokens, nonce=None):
    """The ID token's claims, verified with the pool's JWKS (`hosted` is the fixture or its `passkeys` part)."""
    key = hosted["jwks"].get_signing_key_from_jwt(tokens["id_token"]).key
    claims = jwt.decode(tokens["id_token"], key, algorithms=["RS256"], audience=hosted["client"])
    if nonce:
        assert claims["nonce"] == nonce
    return claims


def code_for(hosted, username, trigger):
    messages = [m for m in hosted["emulator"].messages(hosted["pool"], username) if m["trigger"] == trigger]
    assert messages, f"no {trigger} message for {username}"
    return messages[-1]["code"]


def sign_in_with_password(driver, hosted, username, password, shot=None):
    wait_for(driver, "#username")
    if shot:
        screenshot(driver, shot)
    fill(driver, {"username": username, "password": password})
    driver.find_element(By.NAME, "signIn").click()


def set_up_authenticator(driver, shot=None):
    secret = wait_for(driver, "#totp-secret").text
    if shot:
        screenshot(driver, shot)
    fill(driver, {"answer": totp(secret)})
    driver.find_element(By.NAME, "confirm").click()
    return secret


def test_sign_up_confirm_set_up_totp_and_sign_in_with_it_then_the_session_cookie_signs_in_again(hosted, browser):
    request = AuthorizeRequest(hosted["base"], hosted["client"], hosted["callback"])
    browser.get(request.url)
    wait_for(browser, "#sign-up")
    # The client's branding style (from serverless.yml) colours the page; MFA is required: no passwordless buttons.
    assert browser.execute_script("return getComputedStyle(document.body).backgroundColor") == "rgb(232, 240, 232)"
    assert not browser.find_elements(By.NAME, "factor")
    screenshot(browser, "01-sign-in")
    browser.find_element(By.ID, "sign-up").click()
    wait_for(browser, "input[name='attribute:email']")
    fill(browser, {"username": "ada", "password": PASSWORD, "attribute:email": "ada@example.com"})
    screenshot(browser, "02-sign-up")
    browser.find_element(By.NAME, "signUp").click()
    wait_for(browser, "#code")
    notice = browser.find_element(By.ID, "notice").text
    assert notice.startswith("We sent a code to ") and "@" in notice and notice.endswith("by e-mail.")
    fill(browser, {"code": "000000"})
    browser.find_element(By.NAME, "confirm").click()
    assert "Invalid verification code" in wait_for(browser, "#error").text
    fill(browser, {"code": code_for(hosted, "ada", "SignUp")})
    screenshot(browser, "03-confirm-code")
    browser.find_element(By.NAME, "confirm").click()
    # The pool requires MFA and the user has none: set up an authenticator app on the page.
    secret = set_up_authenticator(browser, "04-set-up-authenticator")
    returned = wait_for_url(browser, hosted["callback"])
    claims = id_claims(hosted, request.redeem(returned), request.nonce)
    assert claims["cognito:username"] == "ada" and claims["email"] == "ada@example.com" and claims["email_verified"] is True
    user = hosted["idp"].admin_get_user(UserPoolId=hosted["pool"], Username="ada")
    assert user["UserStatus"] == "CONFIRMED" and user["UserMFASettingList"] == ["SOFTWARE_TOKEN_MFA"]

    # The session cookie: a second authorize comes straight back with a code, no form.
    again = AuthorizeRequest(hosted["base"], hosted["client"], hosted["callback"])
    browser.get(again.url)
    assert id_claims(hosted, again.redeem(wait_for_url(browser, hosted["callback"])))["cognito:username"] == "ada"

    # prompt=login asks again: the password, then a code from the authenticator app.
    login = AuthorizeRequest(hosted["base"], hosted["client"], hosted["callback"], prompt="login")
    browser.get(login.url)
    sign_in_with_password(browser, hosted, "ada", "wrong-password-1")
    assert "Incorrect username or password." in wait_for(browser, "#error").text
    sign_in_with_password(browser, hosted, "ada", PASSWORD)
    wait_for(browser, "#answer")
    screenshot(browser, "05-totp-code")
    fill(browser, {"answer": totp(secret, time.time() + 30)})
    browser.find_element(By.NAME, "confirm").click()
    assert id_claims(hosted, login.redeem(wait_for_url(browser, hosted["callback"])), login.nonce)["cognito:username"] == "ada"


def test_a_forgotten_password_is_reset_with_the_code_from_the_outbox(hosted, browser):
    idp = hosted["idp"]
    idp.admin_create_user(UserPoolId=hosted["pool"], Username="grace", MessageAction="SUPPRESS",
                          UserAttributes=[{"Name": "email", "Value": "grace@example.com"}, {"Name": "email_verified", "Value": "true"}])
    idp.admin_set_user_password(UserPoolId=hosted["pool"], Username="grace", Password="Old-Password-1", Permanent=True)
    request = AuthorizeRequest(hosted["base"], hosted["client"], hosted["callback"])
    browser.get(request.url)
    wait_for(browser, "#forgot-password").click()
    wait_for(browser, "#username")
    fill(browser, {"username": "grace"})
    screenshot(browser, "06-forgot-password")
    browser.find_element(By.NAME, "send").click()
    wait_for(browser, "#code")
    fill(browser, {"code": code_for(hosted, "grace", "ForgotPassword"), "password": "New-Password-2"})
    screenshot(browser, "07-reset-password")
    browser.find_element(By.NAME, "reset").click()
    assert "Your password has been reset" in wait_for(browser, "#notice").text
    sign_in_with_password(browser, hosted, "grace", "Old-Password-1")
    assert "Incorrect username or password." in wait_for(browser, "#error").text
    sign_in_with_password(browser, hosted, "grace", "New-Password-2")
    set_up_authenticator(browser)
    assert id_claims(hosted, request.redeem(wait_for_url(browser, hosted["callback"])))["cognito:username"] == "grace"


def test_a_google_sign_in_creates_the_federated_user_and_a_second_one_finds_it(hosted, browser):
    request = AuthorizeRequest(hosted["base"], hosted["client"], hosted["callback"])
    browser.get(request.url)
    wait_for(browser, "#idp-Google").click()
    wait_for(browser, "#email")
    fill(browser, {"email": "lin@example.com", "name": "Lin Wei", "subject": "110248495921238986420"})
    screenshot(browser, "08-google-test-identity")
    browser.find_element(By.NAME, "signIn").click()
    claims = id_claims(hosted, request.redeem(wait_for_url(browser, hosted["callback"])), request.nonce)
    assert claims["cognito:username"] == "Google_110248495921238986420"
    assert claims["email"] == "lin@example.com" and claims["name"] == "Lin Wei"
    assert f"{hosted['pool']}_Google" in claims["cognito:groups"]
    assert [(i["providerName"], i["userId"]) for i in claims["identities"]] == [("Google", "110248495921238986420")]
    user = hosted["idp"].admin_get_user(UserPoolId=hosted["pool"], Username="Google_110248495921238986420")
    assert user["UserStatus"] == "EXTERNAL_PROVIDER"

    # Straight to the provider with identity_provider=, where the identity is offered again.
    browser.delete_all_cookies()
    again = AuthorizeRequest(hosted["base"], hosted["client"], hosted["callback"], identity_provider="Google")
    browser.get(again.url)
    wait_for(browser, "button[name='remembered']").click()
    assert id_claims(hosted, again.redeem(wait_for_url(browser, hosted["callback"])))["cognito:username"] == "Google_110248495921238986420"
    assert len(hosted["idp"].list_users(UserPoolId=hosted["pool"], Filter='username = "Google_110248495921238986420"')["Users"]) == 1


def test_a_saml_sign_in_through_the_idp_identifier_creates_the_federated_user(hosted, browser):
    request = AuthorizeRequest(hosted["base"], hosted["client"], hosted["callback"], idp_identifier="corp.example")
    browser.get(request.url)
    wait_for(browser, "#email")
    fill(browser, {"email": "sam@corp.example", "name": "Sam Saml", "subject": "sam.saml"})
    screenshot(browser, "12-saml-test-identity")
    browser.find_element(By.NAME, "signIn").click()
    # The stand-in posts its signed SAMLResponse to /saml2/idpresponse, which sends the browser on to the app.
    claims = id_claims(hosted, request.redeem(wait_for_url(browser, hosted["callback"])), request.nonce)
    assert claims["cognito:username"] == "Corporate_sam.saml" and claims["email"] == "sam@corp.example" and claims["name"] == "Sam Saml"
    assert claims["identities"][0]["providerType"] == "SAML" and f"{hosted['pool']}_Corporate" in claims["cognito:groups"]


def test_a_passkey_added_on_the_page_signs_in_with_chromiums_virtual_authenticator_and_an_email_code_too(hosted, browser):
    browser.add_virtual_authenticator(VirtualAuthenticatorOptions(
        protocol=Protocol.CTAP2, transport=Transport.INTERNAL, has_resident_key=True, has_user_verification=True, is_user_verified=True))
    passkeys, idp = hosted["passkeys"], hosted["idp"]
    idp.admin_create_user(UserPoolId=passkeys["pool"], Username="kay", MessageAction="SUPPRESS",
                          UserAttributes=[{"Name": "email", "Value": "kay@example.com"}, {"Name": "email_verified", "Value": "true"}])
    idp.admin_set_user_password(UserPoolId=passkeys["pool"], Username="kay", Password=PASSWORD, Permanent=True)
    first = AuthorizeRequest(hosted["base"], passkeys["client"], hosted["callback"])
    browser.get(first.url)
    screenshot(browser, "09-sign-in-choices")
    sign_in_with_password(browser, hosted, "kay", PASSWORD)
    wait_for_url(browser, hosted["callback"])

    add = AuthorizeRequest(hosted["base"], passkeys["client"], hosted["callback"])
    browser.get(add.url.replace("/oauth2/authorize", "/passkeys/add"))
    wait_for(browser, "button[name='add']")
    screenshot(browser, "10-add-passkey")
    browser.find_element(By.NAME, "add").click()
    tokens = add.redeem(wait_for_url(browser, hosted["callback"]))
    assert len(browser.get_credentials()) == 1
    # The passkey is the user's, as the API lists it.
    listed = idp.list_web_authn_credentials(AccessToken=tokens["access_token"])["Credentials"]
    assert [c["RelyingPartyId"] for c in listed] == ["localhost"]

    browser.delete_all_cookies()
    request = AuthorizeRequest(hosted["base"], passkeys["client"], hosted["callback"])
    browser.get(request.url)
    wait_for(browser, "#username")
    fill(browser, {"username": "kay"})
    browser.find_element(By.CSS_SELECTOR, "button[value='WEB_AUTHN']").click()
    wait_for(browser, "button[name='confirm']")
    screenshot(browser, "11-passkey-sign-in")
    browser.find_element(By.NAME, "confirm").click()
    claims = id_claims(passkeys, request.redeem(wait_for_url(browser, hosted["callback"])), request.nonce)
    assert claims["cognito:username"] == "kay"

    # Choice-based sign-in with a code from the outbox.
    browser.delete_all_cookies()
    by_email = AuthorizeRequest(hosted["base"], passkeys["client"], hosted["callback"])
    browser.get(by_email.url)
    wait_for(browser, "#username")
    fill(browser, {"username": "kay"})
    browser.find_element(By.CSS_SELECTOR, "button[value='EMAIL_OTP']").click()
    wait_for(browser, "#answer")
    codes = [m["code"] for m in hosted["emulator"].messages(passkeys["pool"], "kay") if m["code"]]
    fill(browser, {"answer": codes[-1]})
    browser.find_element(By.NAME, "confirm").click()
    assert id_claims(passkeys, by_email.redeem(wait_for_url(browser, hosted["callback"])))["cognito:username"] == "kay"


def test_the_seed_service_signs_up_through_the_pages_and_its_private_route_takes_the_id_token(callback, browser):
    from emulator import ROOT
    seed = Emulator(os.path.join(ROOT, "serverless.yml")).start()
    try:
        pool = seed.pool("UserPool")
        idp = boto3.client("cognito-idp", endpoint_url=seed.ready["cognito"], region_name=REGION,
                           aws_access_key_id="test", aws_secret_access_key="test")
        # As a test suite would: a domain and the OAuth settings through the API.
        idp.create_user_pool_domain(UserPoolId=pool["id"], Domain="seed-local")
        client = idp.describe_user_pool_client(UserPoolId=pool["id"], ClientId=pool["clients"]["UserClient"])["UserPoolClient"]
        idp.update_user_pool_client(UserPoolId=pool["id"], ClientId=client["ClientId"], ExplicitAuthFlows=client["ExplicitAuthFlows"],
                                    AccessTokenValidity=client["AccessTokenValidity"], IdTokenValidity=client["IdTokenValidity"],
                                    AllowedOAuthFlowsUserPoolClient=True, AllowedOAuthFlows=["code"], AllowedOAuthScopes=["openid", "email"],
                                    SupportedIdentityProviders=["COGNITO"], CallbackURLs=[callback.url])
        base = seed.ready["cognito"].replace("127.0.0.1", "localhost")
        request = AuthorizeRequest(base, client["ClientId"], callback.url, scope="openid email")
        browser.get(request.url)
        wait_for(browser, "#sign-up").click()
        wait_for(browser, "input[name='attribute:email']")
        fill(browser, {"username": "seeduser", "password": "secret1", "attribute:email": "seed@example.com"})
        browser.find_element(By.NAME, "signUp").click()
        wait_for(browser, "#code")
        fill(browser, {"code": seed.messages(pool["id"], "seeduser")[-1]["code"]})
        browser.find_element(By.NAME, "confirm").click()
        tokens = request.redeem(wait_for_url(browser, callback.url))
        # The private route's Cognito authorizer takes the ID token, and its handler reads the e-mail claim.
        status, body = seed.json("POST", "/user/private", headers={"Authorization": tokens["id_token"]})
        assert (status, body) == (200, {"message": "Email seed@example.com has been authorized"})
    finally:
        seed.stop()
