"""Device tracking with pycognito's SRP client: a new device offered at sign-in, confirmed with its
verifier, proven with DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER, remembered devices skipping MFA,
and the device operations of the user and the administrator."""
import pytest
from pycognito.aws_srp import AWSSRP, generate_hash_device

from emulator import Emulator, client_error as error_of

PASSWORD = "Device-passw0rd"


@pytest.fixture(scope="module")
def cognito():
    emulator = Emulator(None).start()
    yield emulator
    emulator.stop()


def tracked_pool(idp, on_prompt=False, devices_replace_mfa=True):
    pool = idp.create_user_pool(PoolName="devices", DeviceConfiguration={
        "ChallengeRequiredOnNewDevice": devices_replace_mfa, "DeviceOnlyRememberedOnUserPrompt": on_prompt})["UserPool"]["Id"]
    client = idp.create_user_pool_client(UserPoolId=pool, ClientName="app", ExplicitAuthFlows=[
        "ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]
    idp.admin_create_user(UserPoolId=pool, Username="dana", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool, Username="dana", Password=PASSWORD, Permanent=True)
    return pool, client


def confirm_new_device(idp, tokens, name="laptop"):
    metadata = tokens["AuthenticationResult"]["NewDeviceMetadata"]
    device_password, verifier_config = generate_hash_device(metadata["DeviceGroupKey"], metadata["DeviceKey"])
    answer = idp.confirm_device(AccessToken=tokens["AuthenticationResult"]["AccessToken"], DeviceKey=metadata["DeviceKey"],
                                DeviceSecretVerifierConfig=verifier_config, DeviceName=name)
    return metadata, device_password, answer


def test_a_confirmed_device_signs_in_with_device_srp_and_is_managed(cognito):
    idp = cognito.client()
    pool, client = tracked_pool(idp)
    first = AWSSRP(username="dana", password=PASSWORD, pool_id=pool, client_id=client, client=idp).authenticate_user()
    metadata, device_password, answer = confirm_new_device(idp, first)
    assert answer["UserConfirmationNecessary"] is False

    srp = AWSSRP(username="dana", password=PASSWORD, pool_id=pool, client_id=client, client=idp,
                 device_key=metadata["DeviceKey"], device_group_key=metadata["DeviceGroupKey"], device_password=device_password)
    second = srp.authenticate_user()
    assert second["AuthenticationResult"]["AccessToken"] and "NewDeviceMetadata" not in second["AuthenticationResult"]

    access = second["AuthenticationResult"]["AccessToken"]
    device = idp.get_device(AccessToken=access, DeviceKey=metadata["DeviceKey"])["Device"]
    attributes = {a["Name"]: a["Value"] for a in device["DeviceAttributes"]}
    assert attributes["device_name"] == "laptop" and attributes["dev:device_remembered_status"] == "remembered"
    assert "DeviceLastAuthenticatedDate" in device
    assert [d["DeviceKey"] for d in idp.list_devices(AccessToken=access)["Devices"]] == [metadata["DeviceKey"]]
    assert [d["DeviceKey"] for d in idp.admin_list_devices(UserPoolId=pool, Username="dana")["Devices"]] == [metadata["DeviceKey"]]
    idp.admin_update_device_status(UserPoolId=pool, Username="dana", DeviceKey=metadata["DeviceKey"], DeviceRememberedStatus="not_remembered")
    attributes = {a["Name"]: a["Value"] for a in idp.admin_get_device(UserPoolId=pool, Username="dana", DeviceKey=metadata["DeviceKey"])
                  ["Device"]["DeviceAttributes"]}
    assert attributes["dev:device_remembered_status"] == "not_remembered"

    # A wrong device password fails the device step.
    forged = AWSSRP(username="dana", password=PASSWORD, pool_id=pool, client_id=client, client=idp,
                    device_key=metadata["DeviceKey"], device_group_key=metadata["DeviceGroupKey"], device_password="not-it")
    assert error_of(forged.authenticate_user)[0] == "NotAuthorizedException"

    idp.forget_device(AccessToken=access, DeviceKey=metadata["DeviceKey"])
    assert error_of(idp.get_device, AccessToken=access, DeviceKey=metadata["DeviceKey"])[0] == "ResourceNotFoundException"
    assert idp.list_devices(AccessToken=access)["Devices"] == []


def test_a_remembered_device_skips_mfa(cognito):
    idp = cognito.client()
    pool, client = tracked_pool(idp, on_prompt=True)
    idp.admin_update_user_attributes(UserPoolId=pool, Username="dana", UserAttributes=[
        {"Name": "email", "Value": "dana@example.com"}, {"Name": "email_verified", "Value": "true"}])
    first = idp.initiate_auth(ClientId=client, AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": "dana", "PASSWORD": PASSWORD})
    metadata, device_password, answer = confirm_new_device(idp, first, name="phone")
    assert answer["UserConfirmationNecessary"] is True
    idp.update_device_status(AccessToken=first["AuthenticationResult"]["AccessToken"], DeviceKey=metadata["DeviceKey"],
                             DeviceRememberedStatus="remembered")
    idp.set_user_pool_mfa_config(UserPoolId=pool, MfaConfiguration="ON", EmailMfaConfiguration={"Message": "Code {####}", "Subject": "Code"})
    idp.admin_set_user_mfa_preference(UserPoolId=pool, Username="dana", EmailMfaSettings={"Enabled": True, "PreferredMfa": True})

    without_device = idp.initiate_auth(ClientId=client, AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": "dana", "PASSWORD": PASSWORD})
    assert without_device["ChallengeName"] == "EMAIL_OTP"
    srp = AWSSRP(username="dana", password=PASSWORD, pool_id=pool, client_id=client, client=idp,
                 device_key=metadata["DeviceKey"], device_group_key=metadata["DeviceGroupKey"], device_password=device_password)
    assert srp.authenticate_user()["AuthenticationResult"]["IdToken"]


def test_a_remembered_device_still_asks_for_mfa_unless_the_pool_lets_devices_replace_it(cognito):
    idp = cognito.client()
    pool, client = tracked_pool(idp, devices_replace_mfa=False)
    idp.admin_update_user_attributes(UserPoolId=pool, Username="dana", UserAttributes=[
        {"Name": "email", "Value": "dana@example.com"}, {"Name": "email_verified", "Value": "true"}])
    first = idp.initiate_auth(ClientId=client, AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": "dana", "PASSWORD": PASSWORD})
    metadata, device_password, answer = confirm_new_device(idp, first, name="tablet")
    assert answer["UserConfirmationNecessary"] is False  # remembered at once
    idp.set_user_pool_mfa_config(UserPoolId=pool, MfaConfiguration="ON", EmailMfaConfiguration={"Message": "Code {####}", "Subject": "Code"})
    idp.admin_set_user_mfa_preference(UserPoolId=pool, Username="dana", EmailMfaSettings={"Enabled": True, "PreferredMfa": True})
    srp = AWSSRP(username="dana", password=PASSWORD, pool_id=pool, client_id=client, client=idp,
                 device_key=metadata["DeviceKey"], device_group_key=metadata["DeviceGroupKey"], device_password=device_password)
    assert srp.authenticate_user()["ChallengeName"] == "EMAIL_OTP"
