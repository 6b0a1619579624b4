"""A pool's settings and sub-resources through boto3: domains, resource servers, identity providers,
MFA configuration, tags, custom attributes, the CSV header, UI customization, threat protection, log
delivery, terms, branding; and an administrator's password resets and attribute deletion."""
import pytest

from emulator import Emulator, client_error as error_of


@pytest.fixture(scope="module")
def cognito():
    emulator = Emulator(None).start()
    yield emulator
    emulator.stop()


def new_pool(idp, name):
    pool = idp.create_user_pool(PoolName=name)["UserPool"]
    client = idp.create_user_pool_client(UserPoolId=pool["Id"], ClientName="c", ExplicitAuthFlows=[
        "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]
    return pool["Id"], client["ClientId"]


def test_domains(cognito):
    idp = cognito.client()
    pool, _ = new_pool(idp, "domains")
    other, _ = new_pool(idp, "domains-2")
    assert idp.create_user_pool_domain(UserPoolId=pool, Domain="my-app-auth")["ManagedLoginVersion"] == 1
    description = idp.describe_user_pool_domain(Domain="my-app-auth")["DomainDescription"]
    assert description["UserPoolId"] == pool and description["Status"] == "ACTIVE" and description["Domain"] == "my-app-auth"
    assert idp.describe_user_pool(UserPoolId=pool)["UserPool"]["Domain"] == "my-app-auth"
    assert error_of(idp.create_user_pool_domain, UserPoolId=other, Domain="my-app-auth")[0] == "InvalidParameterException"
    assert error_of(idp.create_user_pool_domain, UserPoolId=pool, Domain="second-one")[0] == "InvalidParameterException"
    idp.update_user_pool_domain(UserPoolId=pool, Domain="my-app-auth", ManagedLoginVersion=2)
    assert idp.describe_user_pool_domain(Domain="my-app-auth")["DomainDescription"]["ManagedLoginVersion"] == 2
    assert error_of(idp.delete_user_pool_domain, UserPoolId=other, Domain="my-app-auth")[0] == "InvalidParameterException"
    idp.delete_user_pool_domain(UserPoolId=pool, Domain="my-app-auth")
    assert idp.describe_user_pool_domain(Domain="my-app-auth")["DomainDescription"] == {}


def test_resource_servers(cognito):
    idp = cognito.client()
    pool, _ = new_pool(idp, "resource-servers")
    scopes = [{"ScopeName": "read", "ScopeDescription": "Read"}, {"ScopeName": "write", "ScopeDescription": "Write"}]
    server = idp.create_resource_server(UserPoolId=pool, Identifier="https://api.example.com", Name="api", Scopes=scopes)["ResourceServer"]
    assert server == {"UserPoolId": pool, "Identifier": "https://api.example.com", "Name": "api", "Scopes": scopes}
    assert error_of(idp.create_resource_server, UserPoolId=pool, Identifier="https://api.example.com", Name="again")[0] == "InvalidParameterException"
    idp.update_resource_server(UserPoolId=pool, Identifier="https://api.example.com", Name="renamed", Scopes=scopes[:1])
    described = idp.describe_resource_server(UserPoolId=pool, Identifier="https://api.example.com")["ResourceServer"]
    assert described["Name"] == "renamed" and described["Scopes"] == scopes[:1]
    assert [s["Identifier"] for s in idp.list_resource_servers(UserPoolId=pool, MaxResults=10)["ResourceServers"]] == ["https://api.example.com"]
    idp.delete_resource_server(UserPoolId=pool, Identifier="https://api.example.com")
    assert error_of(idp.describe_resource_server, UserPoolId=pool, Identifier="https://api.example.com")[0] == "ResourceNotFoundException"


def test_identity_providers(cognito):
    idp = cognito.client()
    pool, _ = new_pool(idp, "providers")
    details = {"client_id": "google-id", "client_secret": "google-secret", "authorize_scopes": "openid email"}
    created = idp.create_identity_provider(UserPoolId=pool, ProviderName="Google", ProviderType="Google", ProviderDetails=details,
                                           AttributeMapping={"email": "email"}, IdpIdentifiers=["gmail"])["IdentityProvider"]
    assert created["ProviderType"] == "Google" and created["ProviderDetails"] == details and "CreationDate" in created
    assert error_of(idp.create_identity_provider, UserPoolId=pool, ProviderName="Google", ProviderType="Google",
                    ProviderDetails=details)[0] == "DuplicateProviderException"
    assert idp.get_identity_provider_by_identifier(UserPoolId=pool, IdpIdentifier="gmail")["IdentityProvider"]["ProviderName"] == "Google"
    idp.update_identity_provider(UserPoolId=pool, ProviderName="Google", AttributeMapping={"email": "email", "name": "name"})
    described = idp.describe_identity_provider(UserPoolId=pool, ProviderName="Google")["IdentityProvider"]
    assert described["AttributeMapping"] == {"email": "email", "name": "name"} and described["ProviderDetails"] == details
    listed = idp.list_identity_providers(UserPoolId=pool)["Providers"]
    assert [(p["ProviderName"], p["ProviderType"]) for p in listed] == [("Google", "Google")] and "ProviderDetails" not in listed[0]
    idp.delete_identity_provider(UserPoolId=pool, ProviderName="Google")
    assert error_of(idp.describe_identity_provider, UserPoolId=pool, ProviderName="Google")[0] == "ResourceNotFoundException"


def test_mfa_configuration_tags_custom_attributes_and_csv_header(cognito):
    idp = cognito.client()
    pool, client = new_pool(idp, "settings")
    assert idp.get_user_pool_mfa_config(UserPoolId=pool)["MfaConfiguration"] == "OFF"
    answer = idp.set_user_pool_mfa_config(UserPoolId=pool, SoftwareTokenMfaConfiguration={"Enabled": True}, MfaConfiguration="OPTIONAL")
    assert answer["MfaConfiguration"] == "OPTIONAL" and answer["SoftwareTokenMfaConfiguration"] == {"Enabled": True}
    assert idp.describe_user_pool(UserPoolId=pool)["UserPool"]["MfaConfiguration"] == "OPTIONAL"

    arn = idp.describe_user_pool(UserPoolId=pool)["UserPool"]["Arn"]
    idp.tag_resource(ResourceArn=arn, Tags={"team": "auth", "env": "test"})
    idp.untag_resource(ResourceArn=arn, TagKeys=["env"])
    assert idp.list_tags_for_resource(ResourceArn=arn)["Tags"] == {"team": "auth"}
    assert error_of(idp.list_tags_for_resource, ResourceArn=arn + "x")[0] == "ResourceNotFoundException"

    idp.add_custom_attributes(UserPoolId=pool, CustomAttributes=[{"Name": "plan", "AttributeDataType": "String", "Mutable": True}])
    assert "custom:plan" in [a["Name"] for a in idp.describe_user_pool(UserPoolId=pool)["UserPool"]["SchemaAttributes"]]
    assert error_of(idp.add_custom_attributes, UserPoolId=pool, CustomAttributes=[{"Name": "plan", "AttributeDataType": "String"}]) == \
        ("InvalidParameterException", "Existing attribute already has name custom:plan.")
    idp.admin_create_user(UserPoolId=pool, Username="pat", MessageAction="SUPPRESS", UserAttributes=[{"Name": "custom:plan", "Value": "pro"}])
    attributes = {a["Name"]: a["Value"] for a in idp.admin_get_user(UserPoolId=pool, Username="pat")["UserAttributes"]}
    assert attributes["custom:plan"] == "pro"

    header = idp.get_csv_header(UserPoolId=pool)
    assert header["UserPoolId"] == pool and header["CSVHeader"][-2:] == ["cognito:mfa_enabled", "cognito:username"]
    assert "custom:plan" in header["CSVHeader"] and "email" in header["CSVHeader"] and "sub" not in header["CSVHeader"]


def test_settings_only_aws_acts_on_are_stored_and_returned(cognito):
    idp = cognito.client()
    pool, client = new_pool(idp, "stored-settings")
    idp.set_ui_customization(UserPoolId=pool, CSS=".banner-customizable {background-color: black;}")
    assert idp.get_ui_customization(UserPoolId=pool, ClientId=client)["UICustomization"]["CSS"].startswith(".banner")
    risk = idp.set_risk_configuration(UserPoolId=pool, RiskExceptionConfiguration={"BlockedIPRangeList": ["10.0.0.0/8"]})["RiskConfiguration"]
    assert risk["RiskExceptionConfiguration"] == {"BlockedIPRangeList": ["10.0.0.0/8"]}
    assert idp.describe_risk_configuration(UserPoolId=pool)["RiskConfiguration"]["RiskExceptionConfiguration"] == risk["RiskExceptionConfiguration"]
    logs = [{"LogLevel": "ERROR", "EventSource": "userNotification",
             "CloudWatchLogsConfiguration": {"LogGroupArn": "arn:aws:logs:us-east-1:000000000000:log-group:cognito"}}]
    idp.set_log_delivery_configuration(UserPoolId=pool, LogConfigurations=logs)
    assert idp.get_log_delivery_configuration(UserPoolId=pool)["LogDeliveryConfiguration"]["LogConfigurations"] == logs

    terms = idp.create_terms(UserPoolId=pool, ClientId=client, TermsName="terms-of-use", TermsSource="LINK", Enforcement="NONE",
                             Links={"cognito:default": "https://example.com/terms"})["Terms"]
    assert error_of(idp.create_terms, UserPoolId=pool, ClientId=client, TermsName="terms-of-use", TermsSource="LINK",
                    Enforcement="NONE", Links={"cognito:default": "https://example.com/t2"})[0] == "TermsExistsException"
    idp.update_terms(UserPoolId=pool, TermsId=terms["TermsId"], Links={"cognito:default": "https://example.com/terms-v2"})
    assert idp.describe_terms(UserPoolId=pool, TermsId=terms["TermsId"])["Terms"]["Links"] == {"cognito:default": "https://example.com/terms-v2"}
    assert [t["TermsId"] for t in idp.list_terms(UserPoolId=pool)["Terms"]] == [terms["TermsId"]]
    idp.delete_terms(UserPoolId=pool, TermsId=terms["TermsId"])
    assert idp.list_terms(UserPoolId=pool)["Terms"] == []

    branding = idp.create_managed_login_branding(UserPoolId=pool, ClientId=client, UseCognitoProvidedValues=True)["ManagedLoginBranding"]
    assert idp.describe_managed_login_branding_by_client(UserPoolId=pool, ClientId=client)["ManagedLoginBranding"]["ManagedLoginBrandingId"] == \
        branding["ManagedLoginBrandingId"]
    assert error_of(idp.create_managed_login_branding, UserPoolId=pool, ClientId=client)[0] == "ManagedLoginBrandingExistsException"
    idp.delete_managed_login_branding(UserPoolId=pool, ManagedLoginBrandingId=branding["ManagedLoginBrandingId"])
    assert error_of(idp.describe_managed_login_branding, UserPoolId=pool,
                    ManagedLoginBrandingId=branding["ManagedLoginBrandingId"])[0] == "ResourceNotFoundException"


def test_an_administrator_resets_a_password_and_deletes_attributes(cognito):
    idp = cognito.client()
    pool, client = new_pool(idp, "resets")
    idp.admin_create_user(UserPoolId=pool, Username="rae", MessageAction="SUPPRESS", UserAttributes=[
        {"Name": "email", "Value": "rae@example.com"}, {"Name": "email_verified", "Value": "true"}, {"Name": "nickname", "Value": "r"}])
    idp.admin_set_user_password(UserPoolId=pool, Username="rae", Password="First-passw0rd", Permanent=True)
    idp.admin_reset_user_password(UserPoolId=pool, Username="rae")
    assert idp.admin_get_user(UserPoolId=pool, Username="rae")["UserStatus"] == "RESET_REQUIRED"
    assert error_of(idp.initiate_auth, ClientId=client, AuthFlow="USER_PASSWORD_AUTH",
                    AuthParameters={"USERNAME": "rae", "PASSWORD": "First-passw0rd"})[0] == "PasswordResetRequiredException"
    code = cognito.messages(pool, "rae")[-1]["code"]
    idp.confirm_forgot_password(ClientId=client, Username="rae", ConfirmationCode=code, Password="Second-passw0rd")
    tokens = idp.initiate_auth(ClientId=client, AuthFlow="USER_PASSWORD_AUTH",
                               AuthParameters={"USERNAME": "rae", "PASSWORD": "Second-passw0rd"})["AuthenticationResult"]

    idp.admin_delete_user_attributes(UserPoolId=pool, Username="rae", UserAttributeNames=["nickname"])
    names = [a["Name"] for a in idp.admin_get_user(UserPoolId=pool, Username="rae")["UserAttributes"]]
    assert "nickname" not in names and "email" in names
    idp.delete_user_attributes(AccessToken=tokens["AccessToken"], UserAttributeNames=["email"])
    assert "email" not in [a["Name"] for a in idp.get_user(AccessToken=tokens["AccessToken"])["UserAttributes"]]
    assert error_of(idp.admin_delete_user_attributes, UserPoolId=pool, Username="rae", UserAttributeNames=["sub"])[0] == "InvalidParameterException"

    assert error_of(idp.admin_set_user_settings, UserPoolId=pool, Username="rae",
                    MFAOptions=[{"DeliveryMedium": "SMS", "AttributeName": "phone_number"}])[0] == "InvalidParameterException"
    idp.admin_update_user_attributes(UserPoolId=pool, Username="rae", UserAttributes=[{"Name": "phone_number", "Value": "+15555550100"}])
    idp.admin_set_user_settings(UserPoolId=pool, Username="rae", MFAOptions=[{"DeliveryMedium": "SMS", "AttributeName": "phone_number"}])
    assert "SMS_MFA" in idp.admin_get_user(UserPoolId=pool, Username="rae").get("UserMFASettingList", [])


def test_client_secret_rotation(cognito):
    import base64
    import hashlib
    import hmac
    idp = cognito.client()
    pool = idp.create_user_pool(PoolName="rotation")["UserPool"]["Id"]
    client = idp.create_user_pool_client(UserPoolId=pool, ClientName="confidential", GenerateSecret=True,
                                         ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]
    idp.admin_create_user(UserPoolId=pool, Username="sam", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool, Username="sam", Password="Passw0rd!", Permanent=True)

    def sign_in(secret):
        digest = hmac.new(secret.encode(), ("sam" + client["ClientId"]).encode(), hashlib.sha256).digest()
        return idp.initiate_auth(ClientId=client["ClientId"], AuthFlow="USER_PASSWORD_AUTH", AuthParameters={
            "USERNAME": "sam", "PASSWORD": "Passw0rd!", "SECRET_HASH": base64.b64encode(digest).decode()})

    original = client["ClientSecret"]
    listed = idp.list_user_pool_client_secrets(UserPoolId=pool, ClientId=client["ClientId"])["ClientSecrets"]
    assert len(listed) == 1 and listed[0]["ClientSecretId"].startswith(client["ClientId"] + "--") and "ClientSecretValue" not in listed[0]
    added = idp.add_user_pool_client_secret(UserPoolId=pool, ClientId=client["ClientId"])["ClientSecretDescriptor"]
    assert sign_in(original)["AuthenticationResult"] and sign_in(added["ClientSecretValue"])["AuthenticationResult"]
    assert error_of(idp.add_user_pool_client_secret, UserPoolId=pool, ClientId=client["ClientId"])[0] == "LimitExceededException"
    idp.delete_user_pool_client_secret(UserPoolId=pool, ClientId=client["ClientId"], ClientSecretId=listed[0]["ClientSecretId"])
    assert error_of(sign_in, original)[0] == "NotAuthorizedException"
    assert sign_in(added["ClientSecretValue"])["AuthenticationResult"]
    assert error_of(idp.delete_user_pool_client_secret, UserPoolId=pool, ClientId=client["ClientId"],
                    ClientSecretId=added["ClientSecretId"])[0] == "InvalidParameterException"


def test_sign_in_events_need_threat_protection_and_take_feedback(cognito):
    idp = cognito.client()
    pool, client = new_pool(idp, "events")
    idp.admin_create_user(UserPoolId=pool, Username="eve", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool, Username="eve", Password="Passw0rd!", Permanent=True)
    assert error_of(idp.admin_list_user_auth_events, UserPoolId=pool, Username="eve")[0] == "UserPoolAddOnNotEnabledException"
    idp.update_user_pool(UserPoolId=pool, UserPoolAddOns={"AdvancedSecurityMode": "AUDIT"})
    sign_in = lambda password: idp.initiate_auth(ClientId=client, AuthFlow="USER_PASSWORD_AUTH",
                                                 AuthParameters={"USERNAME": "eve", "PASSWORD": password})
    tokens = sign_in("Passw0rd!")["AuthenticationResult"]
    error_of(sign_in, "wrong")
    events = idp.admin_list_user_auth_events(UserPoolId=pool, Username="eve")["AuthEvents"]
    assert [e["EventResponse"] for e in events] == ["Fail", "Pass"] and events[0]["EventType"] == "SignIn"
    idp.admin_update_auth_event_feedback(UserPoolId=pool, Username="eve", EventId=events[0]["EventId"], FeedbackValue="Invalid")
    feedback = idp.admin_list_user_auth_events(UserPoolId=pool, Username="eve")["AuthEvents"][0]["EventFeedback"]
    assert feedback["FeedbackValue"] == "Invalid" and feedback["Provider"] == "Admin"

    factors = idp.get_user_auth_factors(AccessToken=tokens["AccessToken"])
    assert factors["Username"] == "eve" and factors["ConfiguredUserAuthFactors"] == ["PASSWORD"]

    idp.admin_link_provider_for_user(UserPoolId=pool, DestinationUser={"ProviderName": "Cognito", "ProviderAttributeValue": "eve"},
                                     SourceUser={"ProviderName": "Google", "ProviderAttributeName": "Cognito_Subject", "ProviderAttributeValue": "g-123"})
    idp.admin_disable_provider_for_user(UserPoolId=pool, User={"ProviderName": "Google", "ProviderAttributeName": "Cognito_Subject",
                                                               "ProviderAttributeValue": "g-123"})


def test_the_signing_certificate_holds_the_key_that_signs_id_tokens(cognito):
    import base64
    import jwt
    from cryptography import x509
    idp = cognito.client()
    pool, client = new_pool(idp, "certificate")
    der = base64.b64decode(idp.get_signing_certificate(UserPoolId=pool)["Certificate"])
    certificate = x509.load_der_x509_certificate(der)
    assert certificate.subject.rfc4514_string() == f"CN={pool}"
    idp.admin_create_user(UserPoolId=pool, Username="cat", MessageAction="SUPPRESS")
    idp.admin_set_user_password(UserPoolId=pool, Username="cat", Password="Passw0rd!", Permanent=True)
    token = idp.initiate_auth(ClientId=client, AuthFlow="USER_PASSWORD_AUTH",
                              AuthParameters={"USERNAME": "cat", "PASSWORD": "Passw0rd!"})["AuthenticationResult"]["IdToken"]
    claims = jwt.decode(token, certificate.public_key(), algorithms=["RS256"], audience=client)
    assert claims["cognito:username"] == "cat"
