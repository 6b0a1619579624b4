"""The flows a real application runs, driven through boto3 against a running emulator."""
import concurrent.futures

import pytest
from botocore.exceptions import ClientError


def error_of(call):
    with pytest.raises(ClientError) as info:
        call()
    return info.value.response["Error"]["Code"], info.value.response["Error"]["Message"], info.value.response["ResponseMetadata"]["HTTPStatusCode"]


def test_seed_admin_flow(seed, email):
    """AdminCreateUser SUPPRESS -> AdminSetUserPassword Permanent -> AdminInitiateAuth ADMIN_NO_SRP_AUTH, as the tutorial's handlers do."""
    cognito = seed.client()
    pool = seed.pool("UserPool")
    created = cognito.admin_create_user(
        UserPoolId=pool["id"], Username=email, MessageAction="SUPPRESS",
        UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}])
    assert created["User"]["Username"] == email
    assert created["User"]["UserStatus"] == "FORCE_CHANGE_PASSWORD"
    assert created["User"]["Enabled"] is True
    assert [a["Name"] for a in created["User"]["Attributes"]] == ["sub", "email", "email_verified"]
    assert seed.messages(pool["id"], email) == []
    cognito.admin_set_user_password(UserPoolId=pool["id"], Username=email, Password="secret1", Permanent=True)
    assert cognito.admin_get_user(UserPoolId=pool["id"], Username=email)["UserStatus"] == "CONFIRMED"
    result = cognito.admin_initiate_auth(
        UserPoolId=pool["id"], ClientId=pool["clients"]["UserClient"], AuthFlow="ADMIN_NO_SRP_AUTH",
        AuthParameters={"USERNAME": email, "PASSWORD": "secret1"})["AuthenticationResult"]
    assert result["TokenType"] == "Bearer"
    assert result["ExpiresIn"] == 5 * 3600
    assert result["IdToken"].count(".") == 2 and result["AccessToken"].count(".") == 2
    assert result["RefreshToken"]
    user = cognito.get_user(AccessToken=result["AccessToken"])
    assert user["Username"] == email


def test_signup_confirm_login_refresh_forgot_signout(app, email):
    cognito = app.client()
    pool = app.pool("AppPool")
    client_id = pool["clients"]["WebClient"]
    signed_up = cognito.sign_up(ClientId=client_id, Username=email, Password="Passw0rd!",
                                UserAttributes=[{"Name": "email", "Value": email}])
    assert signed_up["UserConfirmed"] is False
    assert signed_up["CodeDeliveryDetails"] == {"Destination": f"{email[0]}***@e***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}
    username = signed_up["UserSub"]
    assert error_of(lambda: cognito.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                                                  AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd!"}))[:2] == \
        ("UserNotConfirmedException", "User is not confirmed.")
    messages = app.messages(pool["id"], username)
    assert len(messages) == 1 and messages[0]["trigger"] == "SignUp" and messages[0]["destination"] == email
    code = messages[-1]["code"]
    assert len(code) == 6 and code.isdigit()
    wrong = "000000" if code != "000000" else "111111"
    assert error_of(lambda: cognito.confirm_sign_up(ClientId=client_id, Username=email, ConfirmationCode=wrong))[:2] == \
        ("CodeMismatchException", "Invalid verification code provided, please try again.")
    cognito.confirm_sign_up(ClientId=client_id, Username=email, ConfirmationCode=code)
    attributes = {a["Name"]: a["Value"] for a in cognito.admin_get_user(UserPoolId=pool["id"], Username=email)["UserAttributes"]}
    assert attributes["email_verified"] == "true" and attributes["sub"] == username

    tokens = cognito.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                                   AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd!"})["AuthenticationResult"]
    assert tokens["ExpiresIn"] == 600
    refreshed = cognito.initiate_auth(ClientId=client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                                      AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]})["AuthenticationResult"]
    assert "RefreshToken" not in refreshed and refreshed["AccessToken"] != tokens["AccessToken"]
    assert cognito.get_user(AccessToken=refreshed["AccessToken"])["Username"] == username

    delivery = cognito.forgot_password(ClientId=client_id, Username=email)["CodeDeliveryDetails"]
    assert delivery["DeliveryMedium"] == "EMAIL"
    reset_code = app.messages(pool["id"], username)[-1]["code"]
    assert error_of(lambda: cognito.confirm_forgot_password(ClientId=client_id, Username=email, ConfirmationCode=reset_code, Password="short"))[:2] == \
        ("InvalidPasswordException", "Password did not conform with policy: Password not long enough")
    cognito.confirm_forgot_password(ClientId=client_id, Username=email, ConfirmationCode=reset_code, Password="N3w-Passw0rd")
    assert error_of(lambda: cognito.confirm_forgot_password(ClientId=client_id, Username=email, ConfirmationCode=reset_code, Password="N3w-Passw0rd!"))[0] == \
        "CodeMismatchException"
    assert error_of(lambda: cognito.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                                                  AuthParameters={"USERNAME": email, "PASSWORD": "Passw0rd!"}))[:2] == \
        ("NotAuthorizedException", "Incorrect username or password.")
    fresh = cognito.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                                  AuthParameters={"USERNAME": email, "PASSWORD": "N3w-Passw0rd"})["AuthenticationResult"]

    cognito.global_sign_out(AccessToken=fresh["AccessToken"])
    assert error_of(lambda: cognito.get_user(AccessToken=fresh["AccessToken"]))[:2] == ("NotAuthorizedException", "Access Token has been revoked")
    assert error_of(lambda: cognito.get_user(AccessToken=refreshed["AccessToken"]))[:2] == ("NotAuthorizedException", "Access Token has been revoked")
    assert error_of(lambda: cognito.initiate_auth(ClientId=client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                                                  AuthParameters={"REFRESH_TOKEN": fresh["RefreshToken"]}))[:2] == \
        ("NotAuthorizedException", "Refresh Token has been revoked")


def sign_up_confirmed(app, email, password="Passw0rd!", client="WebClient"):
    cognito = app.client()
    pool = app.pool("AppPool")
    sub = cognito.sign_up(ClientId=pool["clients"][client], Username=email, Password=password,
                          UserAttributes=[{"Name": "email", "Value": email}])["UserSub"]
    cognito.admin_confirm_sign_up(UserPoolId=pool["id"], Username=email)
    return sub


def login(app, email, password="Passw0rd!"):
    pool = app.pool("AppPool")
    return app.client().initiate_auth(ClientId=pool["clients"]["WebClient"], AuthFlow="USER_PASSWORD_AUTH",
                                      AuthParameters={"USERNAME": email, "PASSWORD": password})["AuthenticationResult"]


def test_temporary_password_answers_new_password_required(app, email):
    cognito = app.client()
    pool = app.pool("AppPool")
    created = cognito.admin_create_user(UserPoolId=pool["id"], Username=email, TemporaryPassword="Temp0rary!",
                                        UserAttributes=[{"Name": "email", "Value": email}], DesiredDeliveryMediums=["EMAIL"])
    invitation = app.messages(pool["id"], created["User"]["Username"])[-1]
    assert invitation["trigger"] == "AdminCreateUser" and "Temp0rary!" in invitation["message"]
    challenge = cognito.admin_initiate_auth(UserPoolId=pool["id"], ClientId=pool["clients"]["WebClient"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                            AuthParameters={"USERNAME": email, "PASSWORD": "Temp0rary!"})
    assert challenge["ChallengeName"] == "NEW_PASSWORD_REQUIRED"
    assert challenge["ChallengeParameters"]["USER_ID_FOR_SRP"] == created["User"]["Username"]
    assert error_of(lambda: cognito.respond_to_auth_challenge(
        ClientId=pool["clients"]["WebClient"], ChallengeName="NEW_PASSWORD_REQUIRED", Session="b" * 40,
        ChallengeResponses={"USERNAME": email, "NEW_PASSWORD": "Final-Passw0rd"}))[:2] == ("NotAuthorizedException", "Invalid session for the user.")
    answered = cognito.respond_to_auth_challenge(
        ClientId=pool["clients"]["WebClient"], ChallengeName="NEW_PASSWORD_REQUIRED", Session=challenge["Session"],
        ChallengeResponses={"USERNAME": email, "NEW_PASSWORD": "Final-Passw0rd"})
    assert answered["AuthenticationResult"]["IdToken"]
    assert cognito.admin_get_user(UserPoolId=pool["id"], Username=email)["UserStatus"] == "CONFIRMED"


def test_lockout_after_repeated_failures(isolated_app, email):
    app = isolated_app
    sign_up_confirmed(app, email)
    for _ in range(5):
        assert error_of(lambda: login(app, email, "Wrong-Passw0rd"))[1] == "Incorrect username or password."
    assert error_of(lambda: login(app, email))[:2] == ("NotAuthorizedException", "Password attempts exceeded")
    app.advance_clock(2)
    assert login(app, email)["AccessToken"]


def test_groups_and_custom_attributes_reach_tokens(app, email):
    import jwt
    cognito = app.client()
    pool = app.pool("AppPool")
    username = sign_up_confirmed(app, email)
    cognito.admin_update_user_attributes(UserPoolId=pool["id"], Username=email, UserAttributes=[{"Name": "custom:role", "Value": "editor"}])
    cognito.admin_add_user_to_group(UserPoolId=pool["id"], Username=email, GroupName="admins")
    groups = cognito.admin_list_groups_for_user(UserPoolId=pool["id"], Username=email)["Groups"]
    assert [(g["GroupName"], g["Precedence"], g["Description"]) for g in groups] == [("admins", 1, "Administrators")]
    claims = jwt.decode(login(app, email)["IdToken"], options={"verify_signature": False})
    assert claims["cognito:groups"] == ["admins"] and claims["custom:role"] == "editor" and claims["cognito:username"] == username
    cognito.admin_remove_user_from_group(UserPoolId=pool["id"], Username=email, GroupName="admins")
    assert cognito.admin_list_groups_for_user(UserPoolId=pool["id"], Username=email)["Groups"] == []
    assert error_of(lambda: cognito.admin_add_user_to_group(UserPoolId=pool["id"], Username=email, GroupName="nope"))[:2] == \
        ("ResourceNotFoundException", "Group not found.")


def test_list_users_with_filter_and_pagination(app):
    cognito = app.client()
    pool = app.pool("AppPool")
    marker = "paging-" + __import__("uuid").uuid4().hex[:6]
    for index in range(7):
        sign_up_confirmed(app, f"{marker}-{index}@example.com")
    found = []
    kwargs = {"UserPoolId": pool["id"], "Filter": f'email ^= "{marker}"', "Limit": 3}
    while True:
        page = cognito.list_users(**kwargs)
        assert len(page["Users"]) <= 3
        found += page["Users"]
        if "PaginationToken" not in page:
            break
        kwargs["PaginationToken"] = page["PaginationToken"]
    assert len(found) == 7
    exact = cognito.list_users(UserPoolId=pool["id"], Filter=f'email = "{marker}-3@example.com"')["Users"]
    assert len(exact) == 1 and exact[0]["UserStatus"] == "CONFIRMED"
    assert error_of(lambda: cognito.list_users(UserPoolId=pool["id"], Filter="email ~ x"))[:2] == \
        ("InvalidParameterException", "Error while parsing filter.")


def test_account_operations(app, email):
    cognito = app.client()
    pool = app.pool("AppPool")
    sign_up_confirmed(app, email)
    tokens = login(app, email)
    cognito.change_password(AccessToken=tokens["AccessToken"], PreviousPassword="Passw0rd!", ProposedPassword="Changed-Passw0rd")
    assert error_of(lambda: cognito.change_password(AccessToken=tokens["AccessToken"], PreviousPassword="Passw0rd!",
                                                    ProposedPassword="Other-Passw0rd"))[:2] == ("NotAuthorizedException", "Incorrect username or password.")
    tokens = login(app, email, "Changed-Passw0rd")
    updated = cognito.update_user_attributes(AccessToken=tokens["AccessToken"], UserAttributes=[{"Name": "custom:role", "Value": "viewer"}])
    assert updated["CodeDeliveryDetailsList"] == []
    attributes = {a["Name"]: a["Value"] for a in cognito.get_user(AccessToken=tokens["AccessToken"])["UserAttributes"]}
    assert attributes["custom:role"] == "viewer"
    assert error_of(lambda: cognito.update_user_attributes(AccessToken=tokens["AccessToken"], UserAttributes=[{"Name": "custom:role", "Value": "x" * 21}]))[0] == \
        "InvalidParameterException"
    cognito.admin_disable_user(UserPoolId=pool["id"], Username=email)
    assert error_of(lambda: login(app, email, "Changed-Passw0rd"))[:2] == ("NotAuthorizedException", "User is disabled.")
    assert error_of(lambda: cognito.get_user(AccessToken=tokens["AccessToken"]))[1] == "Access Token has been revoked"
    cognito.admin_enable_user(UserPoolId=pool["id"], Username=email)
    tokens = login(app, email, "Changed-Passw0rd")
    cognito.delete_user(AccessToken=tokens["AccessToken"])
    assert error_of(lambda: cognito.admin_get_user(UserPoolId=pool["id"], Username=email))[:2] == ("UserNotFoundException", "User does not exist.")


def test_revoke_token_stops_refresh_and_access(app, email):
    cognito = app.client()
    pool = app.pool("AppPool")
    sign_up_confirmed(app, email)
    tokens = login(app, email)
    cognito.revoke_token(Token=tokens["RefreshToken"], ClientId=pool["clients"]["WebClient"])
    assert error_of(lambda: cognito.get_user(AccessToken=tokens["AccessToken"]))[1] == "Access Token has been revoked"
    assert error_of(lambda: cognito.initiate_auth(ClientId=pool["clients"]["WebClient"], AuthFlow="REFRESH_TOKEN_AUTH",
                                                  AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]}))[1] == "Refresh Token has been revoked"


def test_parallel_signups_of_one_username_let_exactly_one_succeed(app, email):
    pool = app.pool("AppPool")
    client_id = pool["clients"]["WebClient"]

    def attempt(_):
        try:
            app.client().sign_up(ClientId=client_id, Username=email, Password="Passw0rd!", UserAttributes=[{"Name": "email", "Value": email}])
            return "ok"
        except ClientError as error:
            return error.response["Error"]["Code"]

    with concurrent.futures.ThreadPoolExecutor(max_workers=10) as pool_executor:
        results = list(pool_executor.map(attempt, range(20)))
    assert results.count("ok") == 1
    assert set(results) == {"ok", "UsernameExistsException"}


def test_describe_and_list_pools_and_clients(app):
    cognito = app.client()
    pool = app.pool("AppPool")
    pools = cognito.list_user_pools(MaxResults=10)["UserPools"]
    assert sorted(p["Name"] for p in pools) == ["app-pool", "strict-pool"]
    described = cognito.describe_user_pool(UserPoolId=pool["id"])["UserPool"]
    assert described["Arn"] == pool["arn"] and described["UsernameAttributes"] == ["email"]
    assert described["Policies"]["PasswordPolicy"] == {"MinimumLength": 8, "RequireUppercase": True, "RequireLowercase": True,
                                                       "RequireNumbers": True, "RequireSymbols": True, "TemporaryPasswordValidityDays": 7}
    assert "custom:role" in [a["Name"] for a in described["SchemaAttributes"]]
    client = cognito.describe_user_pool_client(UserPoolId=pool["id"], ClientId=pool["clients"]["SecretClient"])["UserPoolClient"]
    assert client["ClientName"] == "server" and len(client["ClientSecret"]) == 51
    assert client["RefreshTokenValidity"] == 30 and client["TokenValidityUnits"] == {"AccessToken": "hours", "IdToken": "hours", "RefreshToken": "days"}
    srp = cognito.describe_user_pool_client(UserPoolId=pool["id"], ClientId=pool["clients"]["SrpOnlyClient"])["UserPoolClient"]
    assert srp["ExplicitAuthFlows"] == ["ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
    listed = cognito.list_user_pool_clients(UserPoolId=pool["id"], MaxResults=60)["UserPoolClients"]
    assert sorted(c["ClientName"] for c in listed) == ["hidden", "server", "srp-only", "web"]


def test_client_secret_hash(app, email):
    import base64, hashlib, hmac
    cognito = app.client()
    pool = app.pool("AppPool")
    client_id = pool["clients"]["SecretClient"]
    secret = cognito.describe_user_pool_client(UserPoolId=pool["id"], ClientId=client_id)["UserPoolClient"]["ClientSecret"]
    digest = base64.b64encode(hmac.new(secret.encode(), (email + client_id).encode(), hashlib.sha256).digest()).decode()
    assert error_of(lambda: cognito.sign_up(ClientId=client_id, Username=email, Password="Passw0rd!"))[:2] == \
        ("NotAuthorizedException", f"Client {client_id} is configured with secret but SECRET_HASH was not received")
    assert error_of(lambda: cognito.sign_up(ClientId=client_id, Username=email, Password="Passw0rd!", SecretHash="AAAA"))[:2] == \
        ("NotAuthorizedException", f"Unable to verify secret hash for client {client_id}")
    cognito.sign_up(ClientId=client_id, Username=email, Password="Passw0rd!", SecretHash=digest, UserAttributes=[{"Name": "email", "Value": email}])


def test_admin_challenge_response_global_sign_out_and_delete(app, email):
    cognito = app.client()
    pool = app.pool("AppPool")
    cognito.admin_create_user(UserPoolId=pool["id"], Username=email, TemporaryPassword="Temp0rary!", MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": email}])
    challenge = cognito.admin_initiate_auth(UserPoolId=pool["id"], ClientId=pool["clients"]["WebClient"], AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                            AuthParameters={"USERNAME": email, "PASSWORD": "Temp0rary!"})
    tokens = cognito.admin_respond_to_auth_challenge(
        UserPoolId=pool["id"], ClientId=pool["clients"]["WebClient"], ChallengeName="NEW_PASSWORD_REQUIRED", Session=challenge["Session"],
        ChallengeResponses={"USERNAME": email, "NEW_PASSWORD": "Final-Passw0rd"})["AuthenticationResult"]
    assert cognito.get_user(AccessToken=tokens["AccessToken"])["UserAttributes"]
    cognito.admin_user_global_sign_out(UserPoolId=pool["id"], Username=email)
    assert error_of(lambda: cognito.get_user(AccessToken=tokens["AccessToken"]))[:2] == ("NotAuthorizedException", "Access Token has been revoked")
    cognito.admin_delete_user(UserPoolId=pool["id"], Username=email)
    assert error_of(lambda: cognito.admin_delete_user(UserPoolId=pool["id"], Username=email)) == ("UserNotFoundException", "User does not exist.", 400)
    assert error_of(lambda: login(app, email, "Final-Passw0rd"))[:2] == ("UserNotFoundException", "User does not exist.")
