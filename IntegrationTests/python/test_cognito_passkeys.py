"""Passkeys: StartWebAuthnRegistration's options answered by a software authenticator built from the
fido2 package's WebAuthn types (ES256 and RS256 keys from cryptography), then listed and deleted;
forged, replayed and mismatched registrations refused."""
import hashlib

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from fido2 import cbor
from fido2.cose import ES256, RS256
from fido2.utils import websafe_decode, websafe_encode
from fido2.webauthn import Aaguid, AttestationObject, AttestedCredentialData, AuthenticatorData, CollectedClientData

from emulator import Emulator, client_error as error_of

ORIGIN = "https://localhost"


class SoftwareAuthenticator:
    """One platform authenticator holding one key: what navigator.credentials.create() returns."""

    def __init__(self, algorithm="ES256"):
        self.algorithm = algorithm
        if algorithm == "ES256":
            self.key = ec.generate_private_key(ec.SECP256R1())
            self.cose = ES256.from_cryptography_key(self.key.public_key())
        else:
            self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            self.cose = RS256.from_cryptography_key(self.key.public_key())

    def sign(self, data):
        if self.algorithm == "ES256":
            return self.key.sign(data, ec.ECDSA(hashes.SHA256()))
        return self.key.sign(data, padding.PKCS1v15(), hashes.SHA256())

    def create(self, options, origin=ORIGIN, fmt="none", rp_id=None, flags=0x45, challenge=None):
        credential_id = hashlib.sha256(repr(self.key).encode()).digest()
        client_data = CollectedClientData.create(
            type="webauthn.create", challenge=challenge or websafe_decode(options["challenge"]), origin=origin)
        attested = AttestedCredentialData.create(Aaguid(bytes(16)), credential_id, self.cose)
        auth_data = AuthenticatorData.create(hashlib.sha256((rp_id or options["rp"]["id"]).encode()).digest(), flags, 0, attested)
        statement = {}
        if fmt == "packed":
            statement = {"alg": self.cose.ALGORITHM, "sig": self.sign(bytes(auth_data) + client_data.hash)}
        attestation = AttestationObject.create(fmt, auth_data, statement)
        return {
            "id": websafe_encode(credential_id), "rawId": websafe_encode(credential_id), "type": "public-key",
            "authenticatorAttachment": "platform",
            "response": {"clientDataJSON": websafe_encode(bytes(client_data)), "attestationObject": websafe_encode(bytes(attestation)),
                         "transports": ["internal"]},
            "clientExtensionResults": {},
        }


    def get(self, options, origin=ORIGIN):
        """navigator.credentials.get(): an assertion signed by the key, the counter moved on."""
        self.counter = getattr(self, "counter", 0) + 1
        credential_id = hashlib.sha256(repr(self.key).encode()).digest()
        client_data = CollectedClientData.create(type="webauthn.get", challenge=websafe_decode(options["challenge"]), origin=origin)
        auth_data = AuthenticatorData.create(hashlib.sha256(options["rpId"].encode()).digest(), 0x05, self.counter)
        return {
            "id": websafe_encode(credential_id), "rawId": websafe_encode(credential_id), "type": "public-key",
            "response": {"clientDataJSON": websafe_encode(bytes(client_data)), "authenticatorData": websafe_encode(bytes(auth_data)),
                         "signature": websafe_encode(self.sign(bytes(auth_data) + client_data.hash))},
        }


@pytest.fixture(scope="module")
def cognito():
    emulator = Emulator(None).start()
    yield emulator
    emulator.stop()


def signed_in(idp, factors=("PASSWORD", "WEB_AUTHN")):
    pool = idp.create_user_pool(PoolName="passkeys", Policies={"SignInPolicy": {"AllowedFirstAuthFactors": list(factors)}})["UserPool"]["Id"]
    client = idp.create_user_pool_client(UserPoolId=pool, ClientName="web", ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_USER_AUTH"])
    idp.admin_create_user(UserPoolId=pool, Username="pia", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool, Username="pia", Password="Passkey-passw0rd", Permanent=True)
    tokens = idp.initiate_auth(ClientId=client["UserPoolClient"]["ClientId"], AuthFlow="USER_PASSWORD_AUTH",
                               AuthParameters={"USERNAME": "pia", "PASSWORD": "Passkey-passw0rd"})
    return pool, tokens["AuthenticationResult"]["AccessToken"]


@pytest.mark.parametrize("algorithm,fmt", [("ES256", "none"), ("ES256", "packed"), ("RS256", "packed")])
def test_a_passkey_is_registered_listed_and_deleted(cognito, algorithm, fmt):
    idp = cognito.client()
    pool, access = signed_in(idp)
    idp.set_user_pool_mfa_config(UserPoolId=pool, WebAuthnConfiguration={"RelyingPartyId": "localhost", "UserVerification": "preferred"})
    options = idp.start_web_authn_registration(AccessToken=access)["CredentialCreationOptions"]
    assert options["rp"]["id"] == "localhost" and {"type": "public-key", "alg": -7} in options["pubKeyCredParams"]
    credential = SoftwareAuthenticator(algorithm).create(options, fmt=fmt)
    idp.complete_web_authn_registration(AccessToken=access, Credential=credential)
    listed = idp.list_web_authn_credentials(AccessToken=access)["Credentials"]
    assert [c["CredentialId"] for c in listed] == [credential["id"]]
    assert listed[0]["RelyingPartyId"] == "localhost" and listed[0]["AuthenticatorAttachment"] == "platform"
    assert listed[0]["AuthenticatorTransports"] == ["internal"]
    # The challenge was used up: the same answer again is refused.
    assert error_of(idp.complete_web_authn_registration, AccessToken=access, Credential=credential)[0] == "WebAuthnChallengeNotFoundException"
    again = idp.start_web_authn_registration(AccessToken=access)["CredentialCreationOptions"]
    assert again["excludeCredentials"] == [{"type": "public-key", "id": credential["id"]}]
    idp.delete_web_authn_credential(AccessToken=access, CredentialId=credential["id"])
    assert idp.list_web_authn_credentials(AccessToken=access)["Credentials"] == []
    assert error_of(idp.delete_web_authn_credential, AccessToken=access, CredentialId=credential["id"])[0] == "ResourceNotFoundException"


def test_forged_and_mismatched_registrations_are_refused(cognito):
    idp = cognito.client()
    pool, access = signed_in(idp)
    assert error_of(idp.start_web_authn_registration, AccessToken=access)[0] == "WebAuthnConfigurationMissingException"
    idp.set_user_pool_mfa_config(UserPoolId=pool, WebAuthnConfiguration={"RelyingPartyId": "localhost", "UserVerification": "required"})
    authenticator = SoftwareAuthenticator()
    cases = [
        ({"origin": "https://evil.example"}, "WebAuthnOriginNotAllowedException"),
        ({"rp_id": "evil.example"}, "WebAuthnRelyingPartyMismatchException"),
        ({"challenge": b"0" * 32}, "WebAuthnChallengeNotFoundException"),
        ({"flags": 0x41}, "InvalidParameterException"),  # user verification required but not done
    ]
    for change, expected in cases:
        options = idp.start_web_authn_registration(AccessToken=access)["CredentialCreationOptions"]
        code = error_of(idp.complete_web_authn_registration, AccessToken=access, Credential=authenticator.create(options, **change))[0]
        assert code == expected, (change, code)
    options = idp.start_web_authn_registration(AccessToken=access)["CredentialCreationOptions"]
    forged = authenticator.create(options, fmt="packed")
    other = SoftwareAuthenticator().create(options, fmt="packed")
    attestation = cbor.decode(websafe_decode(forged["response"]["attestationObject"]))
    attestation["attStmt"]["sig"] = cbor.decode(websafe_decode(other["response"]["attestationObject"]))["attStmt"]["sig"]
    forged["response"]["attestationObject"] = websafe_encode(cbor.encode(attestation))
    assert error_of(idp.complete_web_authn_registration, AccessToken=access, Credential=forged)[0] == "InvalidParameterException"
    assert idp.list_web_authn_credentials(AccessToken=access)["Credentials"] == []


def test_passkeys_need_web_authn_among_the_first_factors(cognito):
    idp = cognito.client()
    _, access = signed_in(idp, factors=("PASSWORD",))
    assert error_of(idp.start_web_authn_registration, AccessToken=access)[0] == "WebAuthnNotEnabledException"


def test_choice_based_sign_in_with_each_first_factor(cognito):
    import json
    from pycognito.aws_srp import AWSSRP, long_to_hex
    idp = cognito.client()
    pool = idp.create_user_pool(PoolName="choice", Policies={"SignInPolicy": {
        "AllowedFirstAuthFactors": ["PASSWORD", "EMAIL_OTP", "WEB_AUTHN"]}})["UserPool"]["Id"]
    idp.set_user_pool_mfa_config(UserPoolId=pool, WebAuthnConfiguration={"RelyingPartyId": "localhost"})
    client = idp.create_user_pool_client(UserPoolId=pool, ClientName="web", ExplicitAuthFlows=["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])[
        "UserPoolClient"]["ClientId"]
    idp.admin_create_user(UserPoolId=pool, Username="cho", MessageAction="SUPPRESS", UserAttributes=[
        {"Name": "email", "Value": "cho@example.com"}, {"Name": "email_verified", "Value": "true"}])
    idp.admin_set_user_password(UserPoolId=pool, Username="cho", Password="Choice-passw0rd", Permanent=True)
    start = lambda **extra: idp.initiate_auth(ClientId=client, AuthFlow="USER_AUTH", AuthParameters={"USERNAME": "cho", **extra})

    select = start()
    assert select["ChallengeName"] == "SELECT_CHALLENGE" and select["AvailableChallenges"] == ["PASSWORD", "PASSWORD_SRP", "EMAIL_OTP"]
    otp = idp.respond_to_auth_challenge(ClientId=client, ChallengeName="SELECT_CHALLENGE", Session=select["Session"],
                                        ChallengeResponses={"USERNAME": "cho", "ANSWER": "EMAIL_OTP"})
    assert otp["ChallengeName"] == "EMAIL_OTP" and otp["ChallengeParameters"]["CODE_DELIVERY_DELIVERY_MEDIUM"] == "EMAIL"
    assert error_of(idp.respond_to_auth_challenge, ClientId=client, ChallengeName="EMAIL_OTP", Session=otp["Session"],
                    ChallengeResponses={"USERNAME": "cho", "EMAIL_OTP_CODE": "000000"})[0] == "CodeMismatchException"
    code = cognito.messages(pool, "cho")[-1]["code"]
    tokens = idp.respond_to_auth_challenge(ClientId=client, ChallengeName="EMAIL_OTP", Session=otp["Session"],
                                           ChallengeResponses={"USERNAME": "cho", "EMAIL_OTP_CODE": code})
    assert tokens["AuthenticationResult"]["AccessToken"]

    assert start(PREFERRED_CHALLENGE="PASSWORD", PASSWORD="Choice-passw0rd")["AuthenticationResult"]["IdToken"]
    assert error_of(start, PREFERRED_CHALLENGE="PASSWORD", PASSWORD="wrong")[0] == "NotAuthorizedException"

    srp = AWSSRP(username="cho", password="Choice-passw0rd", pool_id=pool, client_id=client, client=idp)
    parameters = {"USERNAME": "cho", "SRP_A": long_to_hex(srp.large_a_value)}
    verifier = start(PREFERRED_CHALLENGE="PASSWORD_SRP", SRP_A=parameters["SRP_A"])
    assert verifier["ChallengeName"] == "PASSWORD_VERIFIER"
    claim = srp.process_challenge(verifier["ChallengeParameters"], parameters)
    assert idp.respond_to_auth_challenge(ClientId=client, ChallengeName="PASSWORD_VERIFIER", ChallengeResponses=claim)["AuthenticationResult"]

    access = tokens["AuthenticationResult"]["AccessToken"]
    authenticator = SoftwareAuthenticator()
    options = idp.start_web_authn_registration(AccessToken=access)["CredentialCreationOptions"]
    idp.complete_web_authn_registration(AccessToken=access, Credential=authenticator.create(options))
    assert start()["AvailableChallenges"] == ["PASSWORD", "PASSWORD_SRP", "EMAIL_OTP", "WEB_AUTHN"]
    challenge = start(PREFERRED_CHALLENGE="WEB_AUTHN")
    assert challenge["ChallengeName"] == "WEB_AUTHN"
    request_options = json.loads(challenge["ChallengeParameters"]["CREDENTIAL_REQUEST_OPTIONS"])
    assertion = authenticator.get(request_options)
    signed_in = idp.respond_to_auth_challenge(ClientId=client, ChallengeName="WEB_AUTHN", Session=challenge["Session"],
                                              ChallengeResponses={"USERNAME": "cho", "CREDENTIAL": json.dumps(assertion)})
    assert idp.get_user(AccessToken=signed_in["AuthenticationResult"]["AccessToken"])["Username"] == "cho"
    # The same assertion cannot be replayed on a new challenge, nor a forged one accepted.
    again = start(PREFERRED_CHALLENGE="WEB_AUTHN")
    assert error_of(idp.respond_to_auth_challenge, ClientId=client, ChallengeName="WEB_AUTHN", Session=again["Session"],
                    ChallengeResponses={"USERNAME": "cho", "CREDENTIAL": json.dumps(assertion)})[0] == "WebAuthnChallengeNotFoundException"
    forged = SoftwareAuthenticator().get(json.loads(again["ChallengeParameters"]["CREDENTIAL_REQUEST_OPTIONS"]))
    forged["id"] = forged["rawId"] = assertion["id"]
    assert error_of(idp.respond_to_auth_challenge, ClientId=client, ChallengeName="WEB_AUTHN", Session=again["Session"],
                    ChallengeResponses={"USERNAME": "cho", "CREDENTIAL": json.dumps(forged)})[0] == "NotAuthorizedException"


def test_an_sms_code_is_a_first_factor(cognito):
    idp = cognito.client()
    pool = idp.create_user_pool(PoolName="sms-first", Policies={"SignInPolicy": {"AllowedFirstAuthFactors": ["PASSWORD", "SMS_OTP"]}})["UserPool"]["Id"]
    client = idp.create_user_pool_client(UserPoolId=pool, ClientName="m", ExplicitAuthFlows=["ALLOW_USER_AUTH"])["UserPoolClient"]["ClientId"]
    idp.admin_create_user(UserPoolId=pool, Username="sid", MessageAction="SUPPRESS", UserAttributes=[
        {"Name": "phone_number", "Value": "+15555550123"}, {"Name": "phone_number_verified", "Value": "true"}])
    challenge = idp.initiate_auth(ClientId=client, AuthFlow="USER_AUTH", AuthParameters={"USERNAME": "sid", "PREFERRED_CHALLENGE": "SMS_OTP"})
    assert challenge["ChallengeName"] == "SMS_OTP" and challenge["ChallengeParameters"]["CODE_DELIVERY_DELIVERY_MEDIUM"] == "SMS"
    code = cognito.messages(pool, "sid")[-1]["code"]
    tokens = idp.respond_to_auth_challenge(ClientId=client, ChallengeName="SMS_OTP", Session=challenge["Session"],
                                           ChallengeResponses={"USERNAME": "sid", "SMS_OTP_CODE": code})
    assert tokens["AuthenticationResult"]["AccessToken"]
