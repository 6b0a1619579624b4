import os
import uuid

import pytest

from emulator import Emulator, FIXTURES, FIXTURES_BINARY, ROOT


@pytest.fixture(scope="session")
def seed():
    emulator = Emulator(os.path.join(ROOT, "serverless.yml")).start()
    yield emulator
    emulator.stop()


@pytest.fixture(scope="session")
def app():
    emulator = Emulator(os.path.join(FIXTURES, "cognito.yml")).start()
    yield emulator
    emulator.stop()


@pytest.fixture
def email():
    return f"user-{uuid.uuid4().hex[:10]}@example.com"


@pytest.fixture
def isolated_app():
    """An emulator of its own, for tests that move the clock."""
    emulator = Emulator(os.path.join(FIXTURES, "cognito.yml")).start()
    yield emulator
    emulator.stop()


@pytest.fixture(scope="session")
def gateway():
    emulator = Emulator(os.path.join(FIXTURES, "gateway.yml"), binary=FIXTURES_BINARY).start()
    yield emulator
    emulator.stop()


@pytest.fixture
def isolated_gateway():
    """A gateway of its own, for tests that move the clock."""
    emulator = Emulator(os.path.join(FIXTURES, "gateway.yml"), binary=FIXTURES_BINARY).start()
    yield emulator
    emulator.stop()


@pytest.fixture(scope="session")
def httpapi():
    """The HTTP API fixture (fixtures/httpapi.yml), served by emulate-fixtures."""
    emulator = Emulator(os.path.join(FIXTURES, "httpapi.yml"), binary=FIXTURES_BINARY).start()
    yield emulator
    emulator.stop()


@pytest.fixture()
def browser():
    """A headless Chromium (Debian's package) driven by Selenium, for one test."""
    from browser import chromium
    driver = chromium()
    yield driver
    driver.quit()
