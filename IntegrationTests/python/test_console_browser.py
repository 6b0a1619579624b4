"""The local console (/_emulate/console/) in a real browser: a request made with curl appears live, with the
event the handler received, what it returned and its log lines; secrets never show. Screenshots go to
IntegrationTests/python/.screenshots/console-*.png."""
import json
import os
import subprocess
import time

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import screenshot, wait, wait_for
from emulator import ROOT, Emulator


@pytest.fixture(scope="module")
def seed():
    emulator = Emulator(os.path.join(ROOT, "serverless.yml")).start()
    yield emulator
    emulator.stop()


def row(driver, text, timeout=15):
    """The first row of the requests table whose text contains `text`, once it is there."""
    def find(d):
        for tr in d.find_elements(By.CSS_SELECTOR, "#requests-table tbody tr"):
            if text in tr.text and tr.is_displayed():
                return tr
        return False
    return WebDriverWait(driver, timeout).until(find)


def test_the_ready_line_and_file_name_the_console_on_the_cognito_port(seed):
    assert seed.ready["console"] == seed.ready["cognito"] + "/_emulate/console/"
    assert f"console={seed.ready['console']}" in seed.output()
    page = requests.get(seed.ready["console"], timeout=30)
    assert page.status_code == 200 and "script-src 'self'" in page.headers["Content-Security-Policy"]
    # Never on the API port.
    assert requests.get(seed.ready["api"].rsplit("/", 1)[0] + "/_emulate/console/", timeout=30).status_code != 200


def test_a_request_made_with_curl_appears_live_with_its_event_answer_and_logs(seed, browser):
    browser.set_window_size(1280, 800)
    browser.get(seed.ready["console"])
    wait(browser, 15).until(lambda d: d.find_element(By.ID, "connection").text == "live")
    email = f"console-{time.time_ns()}@example.com"
    subprocess.run(["curl", "-s", "-X", "POST", seed.api_url + "/user/signup", "-d", json.dumps({"email": email, "password": "secret123"})],
                   check=True, capture_output=True, timeout=30)
    signup = row(browser, "/dev/user/signup")
    assert "signupUser" in signup.text and "200" in signup.text
    subprocess.run(["curl", "-s", "-X", "POST", seed.api_url + "/user/private"], check=True, capture_output=True, timeout=30)
    refused = row(browser, "/dev/user/private")
    assert "401" in refused.text
    screenshot(browser, "console-requests")
    # Open the sign-up with the keyboard: its event, what it returned, and the log lines of its request ID.
    signup.send_keys(Keys.ENTER)
    wait_for(browser, "#detail:not([hidden]) pre.event")
    event = json.loads(browser.find_element(By.CSS_SELECTOR, "#detail pre.event").text)
    assert event["path"] == "/user/signup" and event["requestContext"]["stage"] == "dev"
    body = json.loads(event["body"])
    assert body["email"] == email and body["password"] == "••••••", "a password never shows"
    assert "User registration successful" in browser.find_element(By.CSS_SELECTOR, "#detail pre.answer").text
    logs = browser.find_element(By.ID, "detail-logs").text
    assert "START RequestId" in logs and "REPORT RequestId" in logs
    assert "secret123" not in browser.page_source
    screenshot(browser, "console-request-detail")
    # The refused call ran no function: the console says the gateway answered itself.
    refused.click()
    wait(browser, 15).until(lambda d: "No function ran" in d.find_element(By.ID, "detail").text)


def test_filters_narrow_the_list_by_function_status_and_text(seed, browser):
    for _ in range(2):
        requests.post(seed.api_url + "/user/login", data=json.dumps({"email": "nobody@example.com", "password": "x"}), timeout=30)
    requests.post(seed.api_url + "/user/private", timeout=30)
    browser.get(seed.ready["console"])
    row(browser, "/dev/user/login")
    Select(browser.find_element(By.ID, "filter-function")).select_by_visible_text("loginUser")
    visible = [tr.text for tr in browser.find_elements(By.CSS_SELECTOR, "#requests-table tbody tr") if tr.is_displayed()]
    assert visible and all("loginUser" in text for text in visible)
    Select(browser.find_element(By.ID, "filter-function")).select_by_index(0)
    Select(browser.find_element(By.ID, "filter-status")).select_by_visible_text("4xx")
    statuses = [tr.find_element(By.CSS_SELECTOR, "td.status").text for tr in browser.find_elements(By.CSS_SELECTOR, "#requests-table tbody tr")
                if tr.is_displayed()]
    assert statuses and all(status.startswith("4") for status in statuses), statuses
    browser.find_element(By.ID, "filter-text").send_keys("private")
    assert browser.execute_script("return document.getElementById('filter-text').value") == "private"
    visible = [tr.text for tr in browser.find_elements(By.CSS_SELECTOR, "#requests-table tbody tr") if tr.is_displayed()]
    assert visible and all("/user/private" in text for text in visible)
    browser.set_window_size(390, 844)
    screenshot(browser, "console-requests-phone")


def test_emulate_cognito_serves_the_console_too():
    cognito = Emulator(None).start()
    try:
        assert cognito.ready["console"] == cognito.ready["cognito"] + "/_emulate/console/"
        assert requests.get(cognito.ready["console"], timeout=30).status_code == 200
        created = requests.post(cognito.ready["console"] + "api/cognito", json={"operation": "ListUserPools", "request": {"MaxResults": 5}},
                                timeout=30)
        assert created.status_code == 200 and created.json() == {"UserPools": []}
        assert requests.get(cognito.ready["console"] + "api/functions", timeout=30).json() == {"routes": [], "functions": []}
    finally:
        cognito.stop()


def test_the_api_lists_requests_and_an_unknown_one_is_404(seed):
    requests.post(seed.api_url + "/user/private", timeout=30)
    listed = requests.get(seed.ready["console"] + "api/requests", timeout=30).json()["requests"]
    assert listed and {"requestID", "method", "path", "status", "function", "milliseconds"} <= set(listed[-1])
    assert requests.get(seed.ready["console"] + "api/requests/nope", timeout=30).status_code == 404


def test_an_open_console_does_not_hold_up_shutdown():
    emulator = Emulator(os.path.join(ROOT, "serverless.yml")).start()
    stream = requests.get(emulator.ready["console"] + "stream", stream=True, timeout=30)
    assert stream.status_code == 200 and stream.headers["Content-Type"].startswith("text/event-stream")
    started = time.monotonic()
    assert emulator.stop() == 0
    assert time.monotonic() - started < 10
    stream.close()


def test_a_code_signed_up_for_appears_in_the_outbox(seed, browser):
    idp = seed.client()
    pool = seed.pool("UserPool")
    client_id = pool["clients"]["UserClient"]
    email = f"outbox-{time.time_ns()}@example.com"
    browser.get(seed.ready["console"] + "#outbox")
    wait_for(browser, "#outbox:not([hidden])")
    idp.sign_up(ClientId=client_id, Username=email, Password="secret123", UserAttributes=[{"Name": "email", "Value": email}])
    code = seed.messages(pool["id"], email)[-1]["code"]
    outbox_row = wait(browser, 15).until(
        lambda d: next((tr for tr in d.find_elements(By.CSS_SELECTOR, "#outbox-table tbody tr") if email in tr.text), False))
    assert code in outbox_row.text and "SignUp" in outbox_row.text
    browser.find_element(By.ID, "outbox-filter").send_keys("nobody-else")
    assert not outbox_row.is_displayed()
    browser.find_element(By.ID, "outbox-filter").clear()
    browser.find_element(By.ID, "outbox-filter").send_keys(email[:12])
    assert outbox_row.is_displayed()
    screenshot(browser, "console-outbox")


def test_a_pasted_token_is_explained_and_an_expired_one_says_expired(browser):
    emulator = Emulator(os.path.join(ROOT, "serverless.yml")).start()
    try:
        email = f"tokens-{time.time_ns()}@example.com"
        requests.post(emulator.api_url + "/user/signup", data=json.dumps({"email": email, "password": "secret123"}), timeout=30)
        token = requests.post(emulator.api_url + "/user/login", data=json.dumps({"email": email, "password": "secret123"}), timeout=30).json()["token"]
        browser.get(emulator.ready["console"] + "#tokens")
        wait_for(browser, "#tokens:not([hidden])")
        field = browser.find_element(By.ID, "token-input")
        field.send_keys(token)
        browser.find_element(By.ID, "token-inspect").click()
        verdict = wait(browser, 15).until(lambda d: d.find_element(By.ID, "token-verdict").text or False)
        assert verdict.startswith("✓ valid: a current id token of pool " + emulator.pool("UserPool")["id"]), verdict
        claims = browser.find_element(By.ID, "token-claims").text
        assert email in claims and '"token_use": "id"' in claims
        screenshot(browser, "console-token")
        # The clock panel moves the emulator's clock a day on: the same token is now expired.
        browser.get(emulator.ready["console"] + "#clock")
        before = wait(browser, 15).until(lambda d: d.find_element(By.ID, "clock-now").text.strip("…") or False)
        browser.find_element(By.CSS_SELECTOR, "#clock-form button[data-advance='86400']").click()
        wait(browser, 15).until(lambda d: d.find_element(By.ID, "clock-offset").text.startswith("+1 d"))
        assert browser.find_element(By.ID, "clock-now").text != before
        upcoming = browser.find_element(By.ID, "clock-upcoming").text
        assert "a password reset code sent now" in upcoming and "ID tokens issued now by UserClient (UserPool)" in upcoming, upcoming
        screenshot(browser, "console-clock")
        browser.get(emulator.ready["console"] + "#tokens")
        browser.find_element(By.ID, "token-input").clear()
        browser.find_element(By.ID, "token-input").send_keys(token)
        browser.find_element(By.ID, "token-inspect").click()
        verdict = wait(browser, 15).until(lambda d: d.find_element(By.ID, "token-verdict").text or False)
        assert verdict.startswith("✗ expired at "), verdict
        # Not a token at all, and one of another pool's making, say so too.
        for text, expected in [("nonsense", "✗ not a JWT"),
                               (token.split(".")[0] + ".e30." + token.split(".")[2], "✗ its issuer '' is no user pool of this emulator")]:
            browser.find_element(By.ID, "token-input").clear()
            browser.find_element(By.ID, "token-input").send_keys(text)
            browser.find_element(By.ID, "token-inspect").click()
            wait(browser, 15).until(lambda d: d.find_element(By.ID, "token-verdict").text.startswith(expected))
    finally:
        emulator.stop()


def test_a_user_created_in_the_console_signs_in_through_the_api_and_one_disabled_there_cannot(seed, browser):
    browser.get(seed.ready["console"] + "#pools")
    wait(browser, 15).until(lambda d: Select(d.find_element(By.ID, "pool-select")).options)
    email = f"made-in-console-{time.time_ns()}@example.com"
    browser.find_element(By.ID, "create-username").send_keys(email)
    browser.find_element(By.ID, "create-email").send_keys(email)
    browser.find_element(By.ID, "create-password").send_keys("secret123")
    browser.find_element(By.CSS_SELECTOR, "#user-create button[type=submit]").click()
    wait(browser, 15).until(lambda d: d.find_element(By.ID, "pools-status").text == email + " created")
    assert browser.find_element(By.ID, "create-password").get_attribute("value") == ""
    login = requests.post(seed.api_url + "/user/login", data=json.dumps({"email": email, "password": "secret123"}), timeout=30)
    assert login.status_code == 200 and login.json()["message"] == "Success", login.text
    # ListUsers' filters find it; disabling it in the console stops its next sign-in.
    browser.find_element(By.ID, "user-filter-value").send_keys(email[:20])
    browser.find_element(By.CSS_SELECTOR, "#user-search button[type=submit]").click()
    user_row = wait(browser, 15).until(
        lambda d: next((tr for tr in d.find_elements(By.CSS_SELECTOR, "#users-table tbody tr") if email in tr.text), False))
    assert "CONFIRMED" in user_row.text and "yes" in user_row.text
    screenshot(browser, "console-pools")
    user_row.find_element(By.XPATH, ".//button[text()='Disable']").click()
    wait(browser, 15).until(lambda d: d.find_element(By.ID, "pools-status").text == email + " disabled")
    refused = requests.post(seed.api_url + "/user/login", data=json.dumps({"email": email, "password": "secret123"}), timeout=30)
    assert refused.status_code != 200, refused.text
    assert "secret123" not in browser.page_source


def test_the_console_api_refuses_another_sites_page(seed):
    cross = requests.post(seed.ready["console"] + "api/cognito", data=json.dumps({"operation": "ListUserPools", "request": {"MaxResults": 1}}),
                          headers={"Content-Type": "text/plain", "Origin": "http://evil.example"}, timeout=30)
    assert cross.status_code == 403
    unknown = requests.post(seed.ready["console"] + "api/cognito", json={"operation": "DeleteUserPool", "request": {}}, timeout=30)
    assert unknown.status_code == 400 and "does not run DeleteUserPool" in unknown.text
    pools = requests.post(seed.ready["console"] + "api/cognito", json={"operation": "ListUserPools", "request": {"MaxResults": 5}}, timeout=30)
    assert pools.status_code == 200 and pools.json()["UserPools"][0]["Id"] == seed.pool("UserPool")["id"]


def test_the_functions_panel_lists_routes_and_functions_and_invokes_one_with_a_sample_event(seed, browser):
    browser.get(seed.ready["console"] + "#functions")
    wait(browser, 15).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#routes-table tbody tr")) == 3)
    routes = browser.find_element(By.ID, "routes-table").text
    assert seed.api_url + "/user/private" in routes and "COGNITO_USER_POOLS" in routes
    signup = browser.find_element(By.CSS_SELECTOR, "details.function[data-function='signupUser']")
    signup.find_element(By.TAG_NAME, "summary").click()
    environment = json.loads(signup.find_element(By.CSS_SELECTOR, "pre.environment").text)
    assert environment["user_pool_id"] == seed.pool("UserPool")["id"], environment
    assert all(value == "••••••" for name, value in environment.items() if "SECRET" in name.upper())
    Select(signup.find_element(By.TAG_NAME, "select")).select_by_visible_text("sample http event")
    wait(browser, 15).until(lambda d: '"httpMethod": "POST"' in signup.find_element(By.TAG_NAME, "textarea").get_attribute("value"))
    area = signup.find_element(By.TAG_NAME, "textarea")
    event = json.loads(area.get_attribute("value"))
    event["body"] = json.dumps({"email": f"invoked-{time.time_ns()}@example.com", "password": "secret123"})
    area.clear()
    area.send_keys(json.dumps(event))
    signup.find_element(By.CSS_SELECTOR, "form.invoke button").click()
    result = wait(browser, 30).until(lambda d: signup.find_element(By.CSS_SELECTOR, "pre.result").text or False)
    assert result.startswith("Returned (request ") and "User registration successful" in result, result
    screenshot(browser, "console-functions")
    request_id = result.split("request ", 1)[1].split(")", 1)[0]
    detail = requests.get(seed.ready["console"] + "api/requests/" + request_id, timeout=30).json()
    assert detail["kind"] == "invocation" and detail["function"] == "signupUser"
    refused = requests.post(seed.ready["console"] + "api/invoke", json={"function": "signupUser", "event": "{oops"}, timeout=30)
    assert refused.status_code == 400 and "Could not parse request body into json" in refused.text


def test_markup_in_a_request_or_an_outbox_message_is_shown_as_text_never_run(seed, browser):
    """The console is an attack surface: a path, a header or a username holding markup is shown as text."""
    hostile = "<img src=x onerror=document.title='pwned'>"
    requests.get(seed.api_url + "/" + hostile, headers={"X-Note": hostile}, timeout=30)
    idp = seed.client()
    pool = seed.pool("UserPool")
    email = f"x{time.time_ns()}@example.com"
    idp.sign_up(ClientId=pool["clients"]["UserClient"], Username=email, Password="secret123",
                UserAttributes=[{"Name": "email", "Value": email}, {"Name": "name", "Value": hostile}])
    browser.get(seed.ready["console"])
    hostile_row = row(browser, "%3Cimg")
    hostile_row.click()
    wait_for(browser, "#detail:not([hidden])")
    wait(browser, 15).until(lambda d: hostile in d.find_element(By.ID, "detail").text or "%3Cimg" in d.find_element(By.ID, "detail").text)
    browser.get(seed.ready["console"] + "#outbox")
    wait(browser, 15).until(lambda d: any(email in tr.text for tr in d.find_elements(By.CSS_SELECTOR, "#outbox-table tbody tr")))
    browser.get(seed.ready["console"] + "#pools")
    wait(browser, 15).until(lambda d: any(email in tr.text for tr in d.find_elements(By.CSS_SELECTOR, "#users-table tbody tr")))
    assert browser.title == "emulate console"
    assert not browser.find_elements(By.CSS_SELECTOR, "img[src=x]")
    # Oversized or malformed console requests get clear errors, not a crash.
    assert requests.post(seed.ready["console"] + "api/token", data="x" * 100_000, headers={"Content-Type": "application/json"},
                         timeout=30).status_code == 400
    assert requests.post(seed.ready["console"] + "api/cognito", data="[]", headers={"Content-Type": "application/json"}, timeout=30).status_code == 400
    assert requests.get(seed.ready["console"] + "api/requests/" + "a" * 5000, timeout=30).status_code == 404
