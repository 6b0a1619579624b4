"""Cognito beyond the basics through boto3, PyJWT and pycognito: Lambda triggers, groups, refresh-token
rotation and MFA (fixtures/advanced.yml, trigger handlers in examples/Fixtures/TriggerHandlers.swift)."""
import base64
import json
import hashlib
import hmac
import os
import struct
import time
import uuid

import jwt
import pytest
from pycognito import Cognito

from emulator import FIXTURES, FIXTURES_BINARY, Emulator

PASSWORD = "Passw0rd!"


@pytest.fixture(scope="module")
def advanced():
    emulator = Emulator(os.path.join(FIXTURES, "advanced.yml"), binary=FIXTURES_BINARY).start()
    yield emulator
    emulator.stop()


@pytest.fixture
def isolated_advanced():
    """An emulator of its own, for tests that move the clock."""
    emulator = Emulator(os.path.join(FIXTURES, "advanced.yml"), binary=FIXTURES_BINARY).start()
    yield emulator
    emulator.stop()


def totp(secret, at=None):
    """RFC 6238 from the shared secret, as an authenticator app computes it."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", int((at or time.time()) // 30)), hashlib.sha1).digest()
    offset = mac[-1] & 15
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def claims(app, pool_id, token):
    """The token's claims, its signature checked against the pool's JWKS."""
    key = jwt.PyJWKClient(f"{app.cognito_url}/{pool_id}/.well-known/jwks.json").get_signing_key_from_jwt(token)
    return jwt.decode(token, key.key, algorithms=["RS256"], options={"verify_aud": False})


def user_in(app, pool_logical_id, attributes=()):
    pool = app.pool(pool_logical_id)
    username = f"user-{uuid.uuid4().hex[:8]}"
    cognito = app.client()
    cognito.admin_create_user(UserPoolId=pool["id"], Username=username, MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": f"{username}@example.com"}, *attributes])
    cognito.admin_set_user_password(UserPoolId=pool["id"], Username=username, Password=PASSWORD, Permanent=True)
    return pool, username


def password_sign_in(app, pool, username, client="TriggerClient"):
    return app.client().initiate_auth(ClientId=pool["clients"][client], AuthFlow="USER_PASSWORD_AUTH",
                                      AuthParameters={"USERNAME": username, "PASSWORD": PASSWORD})


# Lambda triggers

def test_pre_sign_up_refuses_with_the_functions_message_and_auto_confirms(advanced):
    pool, cognito = advanced.pool("TriggerPool"), advanced.client()
    with pytest.raises(cognito.exceptions.UserLambdaValidationException) as refused:
        cognito.sign_up(ClientId=pool["clients"]["TriggerClient"], Username="mallory", Password=PASSWORD,
                        UserAttributes=[{"Name": "email", "Value": "mallory@blocked.example"}])
    assert refused.value.response["Error"]["Message"] == "PreSignUp failed with error Sign-ups from this domain are closed."
    answer = cognito.sign_up(ClientId=pool["clients"]["TriggerClient"], Username="auto-ann", Password=PASSWORD,
                             UserAttributes=[{"Name": "email", "Value": "ann@auto.example"}])
    assert answer["UserConfirmed"] is True and "CodeDeliveryDetails" not in answer
    user = cognito.admin_get_user(UserPoolId=pool["id"], Username="auto-ann")
    assert user["UserStatus"] == "CONFIRMED"
    assert {"Name": "email_verified", "Value": "true"} in user["UserAttributes"]
    # Cognito does not run PostConfirmation for a user PreSignUp confirmed, so no group was added.
    assert cognito.admin_list_groups_for_user(UserPoolId=pool["id"], Username="auto-ann")["Groups"] == []


def test_custom_message_carries_the_code_and_post_confirmation_acts_through_its_own_client(advanced):
    pool, cognito = advanced.pool("TriggerPool"), advanced.client()
    cognito.sign_up(ClientId=pool["clients"]["TriggerClient"], Username="bea", Password=PASSWORD,
                    UserAttributes=[{"Name": "email", "Value": "bea@example.com"}])
    message = advanced.messages(pool["id"], "bea")[-1]
    assert message["message"] == f"Your fixture code is {message['code']} (CustomMessage_SignUp)"
    assert message["subject"] == "Welcome to the fixtures"
    cognito.confirm_sign_up(ClientId=pool["clients"]["TriggerClient"], Username="bea", ConfirmationCode=message["code"])
    groups = cognito.admin_list_groups_for_user(UserPoolId=pool["id"], Username="bea")["Groups"]
    assert [group["GroupName"] for group in groups] == ["confirmed"]
    cognito.admin_create_user(UserPoolId=pool["id"], Username="cid", TemporaryPassword="Temp-Passw0rd1", DesiredDeliveryMediums=["EMAIL"],
                              UserAttributes=[{"Name": "email", "Value": "cid@example.com"}])
    invitation = advanced.messages(pool["id"], "cid")[-1]
    assert invitation["message"] == "Hello cid, your temporary password is Temp-Passw0rd1"


def test_pre_token_generation_v2_changes_both_signed_tokens_at_sign_in_and_refresh(advanced):
    pool, username = user_in(advanced, "TriggerPool")
    tokens = password_sign_in(advanced, pool, username)["AuthenticationResult"]
    id_claims, access_claims = claims(advanced, pool["id"], tokens["IdToken"]), claims(advanced, pool["id"], tokens["AccessToken"])
    assert id_claims["tier"] == "gold" and id_claims["source"] == "TokenGeneration_Authentication"
    assert access_claims["tier"] == "gold" and access_claims["scope"] == "aws.cognito.signin.user.admin orders/read"
    refreshed = advanced.client().initiate_auth(ClientId=pool["clients"]["TriggerClient"], AuthFlow="REFRESH_TOKEN_AUTH",
                                                AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]})["AuthenticationResult"]
    assert claims(advanced, pool["id"], refreshed["IdToken"])["source"] == "TokenGeneration_RefreshTokens"


def test_custom_auth_asks_until_define_auth_challenge_issues_tokens(advanced):
    pool, username = user_in(advanced, "TriggerPool")
    cognito, client_id = advanced.client(), pool["clients"]["TriggerClient"]
    step = cognito.initiate_auth(ClientId=client_id, AuthFlow="CUSTOM_AUTH", AuthParameters={"USERNAME": username})
    assert step["ChallengeName"] == "CUSTOM_CHALLENGE" and step["ChallengeParameters"]["question"] == "1 + 1?"
    step = cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="CUSTOM_CHALLENGE", Session=step["Session"],
                                             ChallengeResponses={"USERNAME": username, "ANSWER": "3"})
    assert step["ChallengeParameters"]["question"] == "2 + 2?"
    done = cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="CUSTOM_CHALLENGE", Session=step["Session"],
                                             ChallengeResponses={"USERNAME": username, "ANSWER": "4"})
    assert claims(advanced, pool["id"], done["AuthenticationResult"]["IdToken"])["cognito:username"] == username
    step = cognito.initiate_auth(ClientId=client_id, AuthFlow="CUSTOM_AUTH", AuthParameters={"USERNAME": username})
    with pytest.raises(cognito.exceptions.NotAuthorizedException):
        for _ in range(3):
            step = cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="CUSTOM_CHALLENGE", Session=step["Session"],
                                                     ChallengeResponses={"USERNAME": username, "ANSWER": "wrong"})


# Groups

def test_group_operations_and_the_groups_claim(advanced):
    pool, username = user_in(advanced, "TriggerPool")
    cognito = advanced.client()
    created = cognito.create_group(UserPoolId=pool["id"], GroupName="editors", Description="Edit things", Precedence=2)["Group"]
    assert created["GroupName"] == "editors" and created["Precedence"] == 2
    with pytest.raises(cognito.exceptions.GroupExistsException):
        cognito.create_group(UserPoolId=pool["id"], GroupName="editors")
    cognito.update_group(UserPoolId=pool["id"], GroupName="editors", Description="Edit everything")
    assert cognito.get_group(UserPoolId=pool["id"], GroupName="editors")["Group"]["Description"] == "Edit everything"
    assert {"confirmed", "editors"} <= {group["GroupName"] for group in cognito.list_groups(UserPoolId=pool["id"])["Groups"]}
    for group in ("editors", "confirmed"):
        cognito.admin_add_user_to_group(UserPoolId=pool["id"], Username=username, GroupName=group)
    members = cognito.list_users_in_group(UserPoolId=pool["id"], GroupName="editors")["Users"]
    assert [member["Username"] for member in members] == [username]
    tokens = password_sign_in(advanced, pool, username)["AuthenticationResult"]
    assert claims(advanced, pool["id"], tokens["IdToken"])["cognito:groups"] == ["confirmed", "editors"]
    cognito.delete_group(UserPoolId=pool["id"], GroupName="editors")
    with pytest.raises(cognito.exceptions.ResourceNotFoundException):
        cognito.list_users_in_group(UserPoolId=pool["id"], GroupName="editors")


# Refresh tokens

def test_refresh_token_rotation_with_a_grace_period_and_revocation(isolated_advanced):
    advanced = isolated_advanced
    pool, username = user_in(advanced, "TriggerPool")
    cognito, client_id = advanced.client(), pool["clients"]["RotatingClient"]
    rotation = cognito.describe_user_pool_client(UserPoolId=pool["id"], ClientId=client_id)["UserPoolClient"]["RefreshTokenRotation"]
    assert rotation == {"Feature": "ENABLED", "RetryGracePeriodSeconds": 10}
    first = password_sign_in(advanced, pool, username, client="RotatingClient")["AuthenticationResult"]["RefreshToken"]
    with pytest.raises(cognito.exceptions.InvalidParameterException):
        cognito.initiate_auth(ClientId=client_id, AuthFlow="REFRESH_TOKEN_AUTH", AuthParameters={"REFRESH_TOKEN": first})
    second = cognito.get_tokens_from_refresh_token(RefreshToken=first, ClientId=client_id)["AuthenticationResult"]
    assert second["RefreshToken"] != first and claims(advanced, pool["id"], second["IdToken"])["cognito:username"] == username
    advanced.advance_clock(5)
    retried = cognito.get_tokens_from_refresh_token(RefreshToken=first, ClientId=client_id)["AuthenticationResult"]
    advanced.advance_clock(20)
    with pytest.raises(cognito.exceptions.NotAuthorizedException) as expired:
        cognito.get_tokens_from_refresh_token(RefreshToken=first, ClientId=client_id)
    assert expired.value.response["Error"]["Message"] == "Invalid Refresh Token"
    latest = cognito.get_tokens_from_refresh_token(RefreshToken=retried["RefreshToken"], ClientId=client_id)["AuthenticationResult"]
    cognito.revoke_token(Token=latest["RefreshToken"], ClientId=client_id)
    with pytest.raises(cognito.exceptions.NotAuthorizedException) as revoked:
        cognito.get_tokens_from_refresh_token(RefreshToken=latest["RefreshToken"], ClientId=client_id)
    assert revoked.value.response["Error"]["Message"] == "Refresh Token has been revoked"


def test_pycognito_signs_in_by_srp_refreshes_and_signs_out(advanced):
    pool, username = user_in(advanced, "TriggerPool")
    session = Cognito(pool["id"], pool["clients"]["TriggerClient"], username=username, user_pool_region="us-east-1",
                      boto3_client_kwargs={"endpoint_url": advanced.cognito_url, "aws_access_key_id": "test", "aws_secret_access_key": "test"})
    session.authenticate(PASSWORD)
    session.verify_tokens()
    first = session.access_token
    session.renew_access_token()
    assert session.access_token != first
    session.verify_tokens()
    assert claims(advanced, pool["id"], session.id_token)["source"] == "TokenGeneration_RefreshTokens"
    session.logout()
    with pytest.raises(advanced.client().exceptions.NotAuthorizedException):
        advanced.client().get_user(AccessToken=first)


# MFA

def test_totp_mfa_end_to_end_with_codes_from_the_shared_secret(advanced):
    pool, username = user_in(advanced, "MfaPool")
    cognito = advanced.client()
    tokens = password_sign_in(advanced, pool, username, client="MfaClient")["AuthenticationResult"]
    secret = cognito.associate_software_token(AccessToken=tokens["AccessToken"])["SecretCode"]
    assert len(base64.b32decode(secret + "=" * (-len(secret) % 8))) == 20
    with pytest.raises(cognito.exceptions.EnableSoftwareTokenMFAException):
        cognito.verify_software_token(AccessToken=tokens["AccessToken"], UserCode="000000" if totp(secret) != "000000" else "111111")
    assert cognito.verify_software_token(AccessToken=tokens["AccessToken"], UserCode=totp(secret), FriendlyDeviceName="phone")["Status"] == "SUCCESS"
    cognito.set_user_mfa_preference(AccessToken=tokens["AccessToken"], SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})
    user = cognito.get_user(AccessToken=tokens["AccessToken"])
    assert user["UserMFASettingList"] == ["SOFTWARE_TOKEN_MFA"] and user["PreferredMfaSetting"] == "SOFTWARE_TOKEN_MFA"
    challenge = password_sign_in(advanced, pool, username, client="MfaClient")
    assert challenge["ChallengeName"] == "SOFTWARE_TOKEN_MFA" and "AuthenticationResult" not in challenge
    with pytest.raises(cognito.exceptions.CodeMismatchException):
        cognito.respond_to_auth_challenge(ClientId=pool["clients"]["MfaClient"], ChallengeName="SOFTWARE_TOKEN_MFA", Session=challenge["Session"],
                                          ChallengeResponses={"USERNAME": username, "SOFTWARE_TOKEN_MFA_CODE": "12345x"})
    done = cognito.respond_to_auth_challenge(ClientId=pool["clients"]["MfaClient"], ChallengeName="SOFTWARE_TOKEN_MFA", Session=challenge["Session"],
                                             ChallengeResponses={"USERNAME": username, "SOFTWARE_TOKEN_MFA_CODE": totp(secret)})
    assert claims(advanced, pool["id"], done["AuthenticationResult"]["AccessToken"])["username"] == username


def test_mfa_on_makes_a_new_user_set_up_a_software_token(advanced):
    pool, username = user_in(advanced, "MfaRequiredPool")
    cognito, client_id = advanced.client(), pool["clients"]["MfaRequiredClient"]
    setup = password_sign_in(advanced, pool, username, client="MfaRequiredClient")
    assert setup["ChallengeName"] == "MFA_SETUP" and setup["ChallengeParameters"]["MFAS_CAN_SETUP"] == '["SOFTWARE_TOKEN_MFA"]'
    associated = cognito.associate_software_token(Session=setup["Session"])
    verified = cognito.verify_software_token(Session=associated["Session"], UserCode=totp(associated["SecretCode"]))
    done = cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="MFA_SETUP", Session=verified["Session"],
                                             ChallengeResponses={"USERNAME": username})
    assert "AccessToken" in done["AuthenticationResult"]
    again = password_sign_in(advanced, pool, username, client="MfaRequiredClient")
    assert again["ChallengeName"] == "SOFTWARE_TOKEN_MFA"


@pytest.mark.parametrize("method, setting, answer", [("SMS_MFA", "SMSMfaSettings", "SMS_MFA_CODE"), ("EMAIL_OTP", "EmailMfaSettings", "EMAIL_OTP_CODE")])
def test_sms_and_email_codes_go_to_the_outbox(advanced, method, setting, answer):
    pool, username = user_in(advanced, "MfaPool", [{"Name": "phone_number", "Value": "+15555550100"}])
    cognito = advanced.client()
    cognito.admin_set_user_mfa_preference(UserPoolId=pool["id"], Username=username, **{setting: {"Enabled": True, "PreferredMfa": True}})
    challenge = password_sign_in(advanced, pool, username, client="MfaClient")
    assert challenge["ChallengeName"] == method
    assert challenge["ChallengeParameters"]["CODE_DELIVERY_DELIVERY_MEDIUM"] == ("SMS" if method == "SMS_MFA" else "EMAIL")
    code = advanced.messages(pool["id"], username)[-1]["code"]
    done = cognito.respond_to_auth_challenge(ClientId=pool["clients"]["MfaClient"], ChallengeName=method, Session=challenge["Session"],
                                             ChallengeResponses={"USERNAME": username, answer: code})
    assert "IdToken" in done["AuthenticationResult"]


def test_a_user_with_two_methods_and_no_preference_selects_one(advanced):
    pool, username = user_in(advanced, "MfaPool", [{"Name": "phone_number", "Value": "+15555550101"}])
    cognito, client_id = advanced.client(), pool["clients"]["MfaClient"]
    cognito.admin_set_user_mfa_preference(UserPoolId=pool["id"], Username=username, SMSMfaSettings={"Enabled": True},
                                          EmailMfaSettings={"Enabled": True})
    select = password_sign_in(advanced, pool, username, client="MfaClient")
    assert select["ChallengeName"] == "SELECT_MFA_TYPE" and "AuthenticationResult" not in select
    assert json.loads(select["ChallengeParameters"]["MFAS_CAN_CHOOSE"]) == ["SMS_MFA", "EMAIL_OTP"]
    with pytest.raises(cognito.exceptions.InvalidParameterException):
        cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="SELECT_MFA_TYPE", Session=select["Session"],
                                          ChallengeResponses={"USERNAME": username, "ANSWER": "SOFTWARE_TOKEN_MFA"})
    with pytest.raises(cognito.exceptions.NotAuthorizedException):  # the session waits on SELECT_MFA_TYPE, not on a code
        cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="SMS_MFA", Session=select["Session"],
                                          ChallengeResponses={"USERNAME": username, "SMS_MFA_CODE": "123456"})
    sms = cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="SELECT_MFA_TYPE", Session=select["Session"],
                                            ChallengeResponses={"USERNAME": username, "ANSWER": "SMS_MFA"})
    assert sms["ChallengeName"] == "SMS_MFA" and sms["ChallengeParameters"]["CODE_DELIVERY_DELIVERY_MEDIUM"] == "SMS"
    code = advanced.messages(pool["id"], username)[-1]["code"]
    done = cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="SMS_MFA", Session=sms["Session"],
                                             ChallengeResponses={"USERNAME": username, "SMS_MFA_CODE": code})
    assert "IdToken" in done["AuthenticationResult"]
    with pytest.raises(cognito.exceptions.NotAuthorizedException):  # each session is answered once
        cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="SMS_MFA", Session=sms["Session"],
                                          ChallengeResponses={"USERNAME": username, "SMS_MFA_CODE": code})


def test_a_new_password_in_a_pool_that_requires_mfa_goes_on_to_mfa_setup(advanced):
    pool = advanced.pool("MfaRequiredPool")
    cognito, client_id = advanced.client(), pool["clients"]["MfaRequiredClient"]
    username = f"user-{uuid.uuid4().hex[:8]}"
    cognito.admin_create_user(UserPoolId=pool["id"], Username=username, TemporaryPassword="Temp-Passw0rd!", MessageAction="SUPPRESS")
    first = cognito.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                                  AuthParameters={"USERNAME": username, "PASSWORD": "Temp-Passw0rd!"})
    assert first["ChallengeName"] == "NEW_PASSWORD_REQUIRED"
    setup = cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="NEW_PASSWORD_REQUIRED", Session=first["Session"],
                                              ChallengeResponses={"USERNAME": username, "NEW_PASSWORD": PASSWORD})
    assert setup["ChallengeName"] == "MFA_SETUP" and "AuthenticationResult" not in setup
    associated = cognito.associate_software_token(Session=setup["Session"])
    verified = cognito.verify_software_token(Session=associated["Session"], UserCode=totp(associated["SecretCode"]))
    done = cognito.respond_to_auth_challenge(ClientId=client_id, ChallengeName="MFA_SETUP", Session=verified["Session"],
                                             ChallengeResponses={"USERNAME": username})
    assert "AccessToken" in done["AuthenticationResult"]
    assert cognito.admin_get_user(UserPoolId=pool["id"], Username=username)["UserStatus"] == "CONFIRMED"


# Attribute verification

def test_a_changed_email_is_verified_with_a_code(advanced):
    pool, username = user_in(advanced, "TriggerPool")
    cognito = advanced.client()
    access = password_sign_in(advanced, pool, username)["AuthenticationResult"]["AccessToken"]
    cognito.update_user_attributes(AccessToken=access, UserAttributes=[{"Name": "email", "Value": f"new-{username}@example.com"}])
    attributes = {a["Name"]: a["Value"] for a in cognito.get_user(AccessToken=access)["UserAttributes"]}
    assert attributes["email"] == f"new-{username}@example.com" and attributes["email_verified"] == "false"
    sent = advanced.messages(pool["id"], username)[-1]
    assert sent["message"] == f"Your fixture code is {sent['code']} (CustomMessage_UpdateUserAttribute)"
    delivery = cognito.get_user_attribute_verification_code(AccessToken=access, AttributeName="email")["CodeDeliveryDetails"]
    assert delivery["AttributeName"] == "email" and delivery["DeliveryMedium"] == "EMAIL"
    resent = advanced.messages(pool["id"], username)[-1]
    assert resent["message"].endswith("(CustomMessage_VerifyUserAttribute)")
    with pytest.raises(cognito.exceptions.CodeMismatchException):
        cognito.verify_user_attribute(AccessToken=access, AttributeName="email", Code="000000" if resent["code"] != "000000" else "111111")
    cognito.verify_user_attribute(AccessToken=access, AttributeName="email", Code=resent["code"])
    attributes = {a["Name"]: a["Value"] for a in cognito.get_user(AccessToken=access)["UserAttributes"]}
    assert attributes["email_verified"] == "true"
