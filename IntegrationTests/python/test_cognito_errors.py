"""Every error the Cognito issue lists, with Cognito's type, HTTP status and message."""
import json

import pytest
from botocore.exceptions import ClientError

from test_cognito_flows import error_of, sign_up_confirmed


def test_username_exists_texts_differ_between_admin_create_user_and_sign_up(seed, app, email):
    cognito = seed.client()
    pool = seed.pool("UserPool")
    cognito.admin_create_user(UserPoolId=pool["id"], Username=email, MessageAction="SUPPRESS", UserAttributes=[{"Name": "email", "Value": email}])
    assert error_of(lambda: cognito.admin_create_user(UserPoolId=pool["id"], Username=email, MessageAction="SUPPRESS",
                                                      UserAttributes=[{"Name": "email", "Value": email}])) == \
        ("UsernameExistsException", "User account already exists", 400)
    plain = seed.client()
    assert error_of(lambda: plain.sign_up(ClientId=pool["clients"]["UserClient"], Username=email, Password="secret1",
                                          UserAttributes=[{"Name": "email", "Value": email}])) == ("UsernameExistsException", "User already exists", 400)
    sign_up_confirmed(app, email)
    web = app.pool("AppPool")["clients"]["WebClient"]
    assert error_of(lambda: app.client().sign_up(ClientId=web, Username=email, Password="Passw0rd!", UserAttributes=[{"Name": "email", "Value": email}])) == \
        ("UsernameExistsException", "An account with the given email already exists.", 400)


@pytest.mark.parametrize("password,message", [
    ("Sh0rt!", "Password did not conform with policy: Password not long enough"),
    ("NOLOWER1!", "Password did not conform with policy: Password must have lowercase characters"),
    ("noupper1!", "Password did not conform with policy: Password must have uppercase characters"),
    ("NoNumbers!", "Password did not conform with policy: Password must have numeric characters"),
    ("NoSymbols1", "Password did not conform with policy: Password must have symbol characters"),
])
def test_invalid_password_names_the_broken_rule(app, email, password, message):
    web = app.pool("AppPool")["clients"]["WebClient"]
    assert error_of(lambda: app.client().sign_up(ClientId=web, Username=email, Password=password, UserAttributes=[{"Name": "email", "Value": email}])) == \
        ("InvalidPasswordException", message, 400)


def test_seed_policy_needs_only_six_characters(seed, email):
    pool = seed.pool("UserPool")
    cognito = seed.client()
    cognito.admin_create_user(UserPoolId=pool["id"], Username=email, MessageAction="SUPPRESS", UserAttributes=[{"Name": "email", "Value": email}])
    assert error_of(lambda: cognito.admin_set_user_password(UserPoolId=pool["id"], Username=email, Password="five5", Permanent=True)) == \
        ("InvalidPasswordException", "Password did not conform with policy: Password not long enough", 400)
    cognito.admin_set_user_password(UserPoolId=pool["id"], Username=email, Password="sixsix", Permanent=True)


def test_user_not_found_and_its_masked_form(app, email):
    pool = app.pool("AppPool")
    cognito = app.client()
    assert error_of(lambda: cognito.initiate_auth(ClientId=pool["clients"]["WebClient"], AuthFlow="USER_PASSWORD_AUTH",
                                                  AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd!"})) == \
        ("UserNotFoundException", "User does not exist.", 400)
    assert error_of(lambda: cognito.initiate_auth(ClientId=pool["clients"]["HiddenClient"], AuthFlow="USER_PASSWORD_AUTH",
                                                  AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd!"})) == \
        ("NotAuthorizedException", "Incorrect username or password.", 400)
    masked = cognito.forgot_password(ClientId=pool["clients"]["HiddenClient"], Username=email)
    assert masked["CodeDeliveryDetails"]["DeliveryMedium"] == "EMAIL"
    assert error_of(lambda: cognito.admin_get_user(UserPoolId=pool["id"], Username=email)) == ("UserNotFoundException", "User does not exist.", 400)


def test_expired_code(isolated_app, email):
    app = isolated_app
    pool = app.pool("AppPool")
    cognito = app.client()
    sub = cognito.sign_up(ClientId=pool["clients"]["WebClient"], Username=email, Password="Passw0rd!",
                          UserAttributes=[{"Name": "email", "Value": email}])["UserSub"]
    code = app.messages(pool["id"], sub)[-1]["code"]
    app.advance_clock(25 * 3600)
    assert error_of(lambda: cognito.confirm_sign_up(ClientId=pool["clients"]["WebClient"], Username=email, ConfirmationCode=code)) == \
        ("ExpiredCodeException", "Invalid code provided, please request a code again.", 400)
    cognito.resend_confirmation_code(ClientId=pool["clients"]["WebClient"], Username=email)
    cognito.confirm_sign_up(ClientId=pool["clients"]["WebClient"], Username=email, ConfirmationCode=app.messages(pool["id"], sub)[-1]["code"])
    assert error_of(lambda: cognito.confirm_sign_up(ClientId=pool["clients"]["WebClient"], Username=email, ConfirmationCode="123456")) == \
        ("NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED", 400)
    assert error_of(lambda: cognito.resend_confirmation_code(ClientId=pool["clients"]["WebClient"], Username=email)) == \
        ("InvalidParameterException", "User is already confirmed.", 400)


def test_invalid_parameters(app, seed, email):
    pool = app.pool("AppPool")
    cognito = app.client()
    assert error_of(lambda: cognito.initiate_auth(ClientId=pool["clients"]["SrpOnlyClient"], AuthFlow="USER_PASSWORD_AUTH",
                                                  AuthParameters={"USERNAME": email, "PASSWORD": "x"})) == \
        ("InvalidParameterException", "USER_PASSWORD_AUTH flow not enabled for this client", 400)
    seed_pool = seed.pool("UserPool")
    assert error_of(lambda: seed.client().sign_up(ClientId=seed_pool["clients"]["UserClient"], Username="bob-" + email[:10], Password="secret1")) == \
        ("InvalidParameterException", "Attributes did not conform to the schema: email: The attribute is required", 400)
    assert error_of(lambda: cognito.sign_up(ClientId=pool["clients"]["WebClient"], Username="not-an-email", Password="Passw0rd!")) == \
        ("InvalidParameterException", "Username should be an email.", 400)
    assert error_of(lambda: cognito.admin_create_user(UserPoolId=pool["id"], Username=email, MessageAction="SUPPRESS",
                                                      UserAttributes=[{"Name": "email", "Value": email}, {"Name": "favourite", "Value": "x"}])) == \
        ("InvalidParameterException", "Attributes did not conform to the schema: favourite: Attribute does not exist in the schema.", 400)
    strict_pool = app.pool("StrictPool")
    assert error_of(lambda: app.client().sign_up(ClientId=strict_pool["clients"]["StrictClient"], Username="someone", Password="Passw0rd!")) == \
        ("NotAuthorizedException", "SignUp is not permitted for this user pool", 400)


def test_resource_not_found(app):
    cognito = app.client()
    assert error_of(lambda: cognito.describe_user_pool(UserPoolId="us-east-1_NOPE12345")) == \
        ("ResourceNotFoundException", "User pool us-east-1_NOPE12345 does not exist.", 400)
    assert error_of(lambda: cognito.initiate_auth(ClientId="nosuchclient", AuthFlow="USER_PASSWORD_AUTH", AuthParameters={"USERNAME": "a", "PASSWORD": "b"})) == \
        ("ResourceNotFoundException", "User pool client nosuchclient does not exist.", 400)


def test_invalid_access_tokens(app):
    cognito = app.client()
    assert error_of(lambda: cognito.get_user(AccessToken="not.a.token")) == ("NotAuthorizedException", "Invalid Access Token", 400)


def test_expired_access_token(isolated_app, email):
    app = isolated_app
    from test_cognito_flows import login
    sign_up_confirmed(app, email)
    tokens = login(app, email)
    app.advance_clock(601)
    assert error_of(lambda: app.client().get_user(AccessToken=tokens["AccessToken"])) == ("NotAuthorizedException", "Access Token has expired", 400)


def test_protocol_errors_on_the_raw_endpoint(app):
    pool = app.pool("AppPool")
    status, body = app.post(b"{not json", target="AWSCognitoIdentityProviderService.ListUsers")
    assert status == 400 and body["__type"] == "SerializationException"
    status, body = app.post(b"{}", target="AWSCognitoIdentityProviderService.ListUsers")
    assert (status, body) == (400, {"__type": "InvalidParameterException",
                                    "message": "1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null"})
    status, body = app.post(json.dumps({"UserPoolId": pool["id"], "Limit": "ten"}).encode(), target="AWSCognitoIdentityProviderService.ListUsers")
    assert status == 400 and body["__type"] == "SerializationException"
    status, body = app.post(b"{}", target="AWSCognitoIdentityProviderService.CreateUserPool")
    assert (status, body) == (400, {"__type": "InvalidParameterException",
                                    "message": "1 validation error detected: Value null at 'poolName' failed to satisfy constraint: Member must not be null"})
    status, body = app.post(b"{}", target="AWSCognitoIdentityProviderService.NoSuchOperation")
    assert status == 400 and body["__type"] == "UnknownOperationException" and "NoSuchOperation" in body["message"]
    status, body = app.post(b"{}", target=None)
    assert status == 400 and body["__type"] == "UnknownOperationException"
    status, body = app.post(json.dumps({"UserPoolId": pool["id"]}).encode(), target="AWSCognitoIdentityProviderService.DescribeUserPool")
    assert status == 200 and body["UserPool"]["Id"] == pool["id"]


def test_answers_carry_a_request_id_and_errors_their_type_in_a_header(app):
    cognito = app.client()
    pool = app.pool("AppPool")
    answer = cognito.describe_user_pool(UserPoolId=pool["id"])
    first = answer["ResponseMetadata"]["RequestId"]
    assert len(first) == 36 and first != cognito.describe_user_pool(UserPoolId=pool["id"])["ResponseMetadata"]["RequestId"]
    with pytest.raises(ClientError) as raised:
        cognito.describe_user_pool(UserPoolId="us-east-1_NOPE12345")
    response = raised.value.response
    assert response["ResponseMetadata"]["RequestId"]
    assert response["ResponseMetadata"]["HTTPHeaders"]["x-amzn-errortype"] == "ResourceNotFoundException:"
