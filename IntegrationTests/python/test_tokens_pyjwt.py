"""Tokens verify with PyJWT against the emulator's JWKS, as an API or library would verify them."""
import json
import time
import urllib.request

import jwt

from test_cognito_flows import login, sign_up_confirmed


def test_id_and_access_tokens_verify_against_the_jwks(app, email):
    pool = app.pool("AppPool")
    username = sign_up_confirmed(app, email)
    tokens = login(app, email)
    keys = jwt.PyJWKClient(pool["jwksUri"])
    id_key = keys.get_signing_key_from_jwt(tokens["IdToken"])
    id_claims = jwt.decode(tokens["IdToken"], id_key.key, algorithms=["RS256"], audience=pool["clients"]["WebClient"],
                           issuer=pool["issuer"], options={"require": ["exp", "iat", "sub", "aud", "iss"]})
    assert id_claims["token_use"] == "id"
    assert id_claims["email"] == email and id_claims["email_verified"] is False
    assert id_claims["cognito:username"] == username == id_claims["sub"]
    assert id_claims["exp"] - id_claims["iat"] == 600
    assert abs(id_claims["iat"] - time.time()) < 3600 * 48
    access_key = keys.get_signing_key_from_jwt(tokens["AccessToken"])
    assert access_key.key_id != id_key.key_id
    access_claims = jwt.decode(tokens["AccessToken"], access_key.key, algorithms=["RS256"], issuer=pool["issuer"])
    assert access_claims["token_use"] == "access"
    assert access_claims["client_id"] == pool["clients"]["WebClient"]
    assert access_claims["scope"] == "aws.cognito.signin.user.admin"
    assert access_claims["username"] == username
    assert access_claims["origin_jti"] == id_claims["origin_jti"]
    assert "aud" not in access_claims


def test_openid_configuration_points_at_the_jwks(app):
    pool = app.pool("AppPool")
    with urllib.request.urlopen(pool["issuer"] + "/.well-known/openid-configuration") as response:
        document = json.load(response)
    assert document["issuer"] == pool["issuer"]
    assert document["jwks_uri"] == pool["jwksUri"]
    with urllib.request.urlopen(pool["jwksUri"]) as response:
        keys = json.load(response)["keys"]
    assert [(k["alg"], k["kty"], k["use"], k["e"]) for k in keys] == [("RS256", "RSA", "sig", "AQAB")] * 2


def test_a_token_signed_by_another_key_is_rejected(app, email):
    from cryptography.hazmat.primitives.asymmetric import rsa
    pool = app.pool("AppPool")
    sign_up_confirmed(app, email)
    genuine = jwt.decode(login(app, email)["IdToken"], options={"verify_signature": False})
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    kid = jwt.get_unverified_header(login(app, email)["IdToken"])["kid"]
    forged = jwt.encode(genuine, forger, algorithm="RS256", headers={"kid": kid})
    signing_key = jwt.PyJWKClient(pool["jwksUri"]).get_signing_key_from_jwt(forged)
    try:
        jwt.decode(forged, signing_key.key, algorithms=["RS256"], audience=pool["clients"]["WebClient"])
        raise AssertionError("a forged token verified")
    except jwt.InvalidSignatureError:
        pass
