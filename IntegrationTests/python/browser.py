"""A headless Chromium (Debian's package) driven by Selenium for the managed login pages, a callback
server on loopback that stands for the app, and helpers the browser tests share."""
import base64
import html
import hashlib
import hmac
import http.server
import os
import re
import secrets
import struct
import threading
import time
import urllib.parse

import requests
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR", os.path.join(os.path.dirname(__file__), ".screenshots"))


def chromium():
    """A headless Chromium with a fresh profile; the caller quits it."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=900,1000",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


def screenshot(driver, name):
    """Saves the page as SCREENSHOTS/<name>.png (the developer looks at them; two are in the README)."""
    os.makedirs(SCREENSHOTS, exist_ok=True)
    driver.save_screenshot(os.path.join(SCREENSHOTS, f"{name}.png"))


def wait(driver, timeout=15):
    """A wait whose checks may read elements the page is re-rendering: a stale one is tried again."""
    return WebDriverWait(driver, timeout, ignored_exceptions=[StaleElementReferenceException])


def wait_for(driver, css, timeout=15):
    return WebDriverWait(driver, timeout).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))


def wait_for_url(driver, prefix, timeout=15):
    WebDriverWait(driver, timeout).until(lambda d: d.current_url.startswith(prefix))
    return query_of(driver.current_url)


def query_of(url):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))


def fill(driver, values):
    for name, value in values.items():
        field = driver.find_element(By.NAME, name)
        field.clear()
        field.send_keys(value)


def totp(secret, at=None):
    """RFC 6238 code of a base32 secret, 30-second steps, six digits."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


class Callback:
    """The app's redirect URI: a page on loopback that shows what came back."""

    def __init__(self):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = f"<!DOCTYPE html><title>App</title><h1>Back at the app</h1><p id='query'>{self.path}</p>".encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://localhost:{self.port}/callback"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class AuthorizeRequest:
    """An authorization code request with PKCE (S256), a state and a nonce."""

    def __init__(self, base, client_id, redirect_uri, scope="openid email profile aws.cognito.signin.user.admin", **extra):
        self.verifier = secrets.token_urlsafe(48)
        challenge = base64.urlsafe_b64encode(hashlib.sha256(self.verifier.encode()).digest()).rstrip(b"=").decode()
        self.state, self.nonce = secrets.token_hex(8), secrets.token_hex(8)
        self.base, self.client_id, self.redirect_uri = base, client_id, redirect_uri
        query = {"response_type": "code", "client_id": client_id, "redirect_uri": redirect_uri, "scope": scope, "state": self.state,
                 "nonce": self.nonce, "code_challenge": challenge, "code_challenge_method": "S256", **extra}
        self.url = f"{base}/oauth2/authorize?" + urllib.parse.urlencode(query)

    def redeem(self, returned):
        """The token endpoint's answer for the code the redirect brought back (its state checked first)."""
        assert returned["state"] == self.state, returned
        answer = requests.post(f"{self.base}/oauth2/token", data={
            "grant_type": "authorization_code", "client_id": self.client_id, "code": returned["code"],
            "redirect_uri": self.redirect_uri, "code_verifier": self.verifier}, timeout=10)
        assert answer.status_code == 200, answer.text
        return answer.json()


def form_of(page):
    """The page's form: its action and hidden fields (the CSRF token among them)."""
    action = re.search(r'<form method="post"(?: action="([^"]*)")?', page).group(1)
    fields = {html.unescape(n): html.unescape(v) for n, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page)}
    return action, fields


def redirect_query(answer):
    assert answer.status_code == 302, answer.text
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(answer.headers["Location"]).query))
