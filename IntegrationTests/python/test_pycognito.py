"""pycognito, as applications write their logins, against the emulator (its token checks included)."""
from pycognito import Cognito


def cognito_for(app, username=None, client="WebClient"):
    pool = app.pool("AppPool")
    return Cognito(pool["id"], pool["clients"][client], username=username, user_pool_region="us-east-1",
                   boto3_client_kwargs={"endpoint_url": app.cognito_url, "aws_access_key_id": "test", "aws_secret_access_key": "test"})


def test_register_confirm_and_admin_authenticate_with_verified_tokens(app, email):
    pool = app.pool("AppPool")
    registering = cognito_for(app, email)
    registering.set_base_attributes(email=email)
    registering.register(email, "Passw0rd!")
    user = app.client().admin_get_user(UserPoolId=pool["id"], Username=email)
    code = app.messages(pool["id"], user["Username"])[-1]["code"]
    registering.confirm_sign_up(code, username=email)
    session = cognito_for(app, email)
    session.admin_authenticate("Passw0rd!")
    session.verify_tokens()
    assert session.token_type == "Bearer"
    assert session.get_user().email == email
    assert session.check_token(renew=False) is False


def test_renew_change_password_and_logout(app, email):
    pool = app.pool("AppPool")
    cognito = app.client()
    cognito.sign_up(ClientId=pool["clients"]["WebClient"], Username=email, Password="Passw0rd!", UserAttributes=[{"Name": "email", "Value": email}])
    cognito.admin_confirm_sign_up(UserPoolId=pool["id"], Username=email)
    session = cognito_for(app, email)
    session.admin_authenticate("Passw0rd!")
    first_access = session.access_token
    session.renew_access_token()
    assert session.access_token != first_access
    session.verify_tokens()
    session.change_password("Passw0rd!", "Changed-Passw0rd1")
    again = cognito_for(app, email)
    again.admin_authenticate("Changed-Passw0rd1")
    again.logout()
    try:
        cognito.get_user(AccessToken=session.access_token)
        raise AssertionError("a signed-out token still works")
    except cognito.exceptions.NotAuthorizedException as error:
        assert error.response["Error"]["Message"] == "Access Token has been revoked"


def test_forgot_password_flow(app, email):
    pool = app.pool("AppPool")
    cognito = app.client()
    sub = cognito.sign_up(ClientId=pool["clients"]["WebClient"], Username=email, Password="Passw0rd!",
                          UserAttributes=[{"Name": "email", "Value": email}])["UserSub"]
    cognito.confirm_sign_up(ClientId=pool["clients"]["WebClient"], Username=email, ConfirmationCode=app.messages(pool["id"], sub)[-1]["code"])
    session = cognito_for(app, email)
    session.initiate_forgot_password()
    session.confirm_forgot_password(app.messages(pool["id"], sub)[-1]["code"], "Reset-Passw0rd1")
    session.admin_authenticate("Reset-Passw0rd1")
    session.verify_tokens()


def test_srp_authenticate_as_amplify_style_clients_do(app, email):
    from pycognito.exceptions import ForceChangePasswordException
    pool = app.pool("AppPool")
    cognito = app.client()
    cognito.admin_create_user(UserPoolId=pool["id"], Username=email, MessageAction="SUPPRESS", UserAttributes=[{"Name": "email", "Value": email}])
    cognito.admin_set_user_password(UserPoolId=pool["id"], Username=email, Password="Srp-Passw0rd1", Permanent=True)
    session = cognito_for(app, email, client="SrpOnlyClient")
    session.authenticate("Srp-Passw0rd1")
    session.verify_tokens()
    assert session.get_user().email == email
    wrong = cognito_for(app, email, client="SrpOnlyClient")
    try:
        wrong.authenticate("Wrong-Passw0rd1")
        raise AssertionError("a wrong password passed SRP")
    except cognito.exceptions.NotAuthorizedException as error:
        assert error.response["Error"]["Message"] == "Incorrect username or password."
    temporary = f"temp-{email}"
    cognito.admin_create_user(UserPoolId=pool["id"], Username=temporary, TemporaryPassword="Temp-Passw0rd1", MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": temporary}])
    try:
        cognito_for(app, temporary, client="SrpOnlyClient").authenticate("Temp-Passw0rd1")
        raise AssertionError("a temporary password signed in")
    except ForceChangePasswordException:
        pass
    refused = cognito_for(app, email, client="WebClient")
    try:
        refused.authenticate("Srp-Passw0rd1")
        raise AssertionError("SRP on a client without ALLOW_USER_SRP_AUTH")
    except cognito.exceptions.InvalidParameterException as error:
        assert error.response["Error"]["Message"] == "USER_SRP_AUTH flow not enabled for this client"
