#!/usr/bin/env python3
"""The review desk end to end in a real browser (Debian's chromium through chromium-driver and
Selenium; nothing is downloaded).

Starts `childlink serve` on a free loopback port over the given store, opens the one-time link,
rejects the first pair with the keyboard (r), revokes that decision, starts the next run from the
desk and waits for it to be recorded, searches a child by a misspelt
name and date of birth, opens their footprint, checks that a name holding <script> is shown as
text and never run, and (with --reports) opens a child from the weekly pack. Takes screenshots. Bounded: every wait has a timeout, and the server is stopped
at the end whatever happens.

Run by Tests/ChildLinkCoreTests/DeskBrowserTests.swift:
    python3 Tests/Browser/desk_e2e.py --childlink .build/debug/childlink --store S.sqlite --shots DIR [--reports PACK]
Prints one line per check and closes with 'N passed, M failed'; exits 1 when any check failed.
"""
import argparse
import re
import subprocess
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

SCRIPT_NAME = "Jo<script>alert(1)</script> Tester"


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def expect(self, condition, what):
        print(("ok    " if condition else "FAIL  ") + what, flush=True)
        if condition:
            self.passed += 1
        else:
            self.failed += 1


def start_desk(childlink, store, reports=None):
    """Starts the desk and returns (process, sign-in URL); the URL is read within 60 s."""
    process = subprocess.Popen(
        [childlink, "serve", "--store", store, "--port", "0"] + (["--reports", reports] if reports else []),
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+/start\?token=[0-9a-f]{64})", line)
        if match:
            return process, match.group(1)
        if process.poll() is not None:
            break
    process.kill()
    raise SystemExit("childlink serve printed no sign-in link within 60 s")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                     "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


def no_alert(driver):
    try:
        driver.switch_to.alert
        return False
    except NoAlertPresentException:
        return True


def run(arguments, checks):
    process, url = start_desk(arguments.childlink, arguments.store, arguments.reports)
    origin = url.split("/start")[0]
    driver = None
    try:
        driver = browser()
        wait = WebDriverWait(driver, 30)

        driver.get(url)
        wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "section.pair")))
        checks.expect(driver.current_url == origin + "/review", "the one-time link opens the review queue")
        checks.expect("Decisions take effect on the next run" in driver.page_source, "the banner is shown")
        heading = driver.find_element(By.CSS_SELECTOR, "section.pair h2").text
        checks.expect(heading.startswith("Pair 1 of"), "the first pair is shown: " + heading[:40])
        driver.save_screenshot(arguments.shots + "/desk-review.png")

        ActionChains(driver).send_keys("r").perform()
        wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "p.recorded")))
        recorded = driver.find_element(By.CSS_SELECTOR, "p.recorded").text
        checks.expect(recorded.startswith("Recorded D1."), "r rejects the pair: " + recorded[:40])

        driver.get(origin + "/review/history")
        checks.expect("reject" in driver.find_element(By.ID, "D1").text, "the history lists D1 as a reject")
        driver.find_element(By.CSS_SELECTOR, "form.revoke input[name=note]").send_keys("decided by mistake")
        driver.find_element(By.CSS_SELECTOR, "form.revoke button").click()
        wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "p.recorded")))
        checks.expect("revoked by" in driver.find_element(By.ID, "D1").text, "Revoke withdraws D1")

        driver.get(origin + "/run")
        driver.find_element(By.CSS_SELECTOR, "form[action='/run/start'] button").click()
        WebDriverWait(driver, 120).until(
            lambda d: "recorded:" in d.page_source or "not recorded" in d.page_source)
        checks.expect(re.search(r"Run \d+ recorded", driver.page_source) is not None,
                      "the next run started from the desk is recorded (the page reloads itself meanwhile)")

        driver.get(origin + "/footprint")
        driver.find_element(By.NAME, "name").send_keys("Joe Tester")
        driver.find_element(By.NAME, "dob").send_keys("14/03/2006")
        driver.find_element(By.CSS_SELECTOR, "form.search button").click()
        wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "table.timeline")))
        checks.expect(re.search(r"/child/CL\d{6}$", driver.current_url) is not None,
                      "a misspelt name and the date of birth open the child's footprint")
        identity = driver.find_element(By.CSS_SELECTOR, "table.identity").text
        checks.expect(SCRIPT_NAME in identity, "the name with <script> is shown as text")
        checks.expect(no_alert(driver), "the <script> in the name did not run")
        checks.expect(len(driver.find_elements(By.CSS_SELECTOR, "main script")) == 0, "no script element from data")
        checks.expect("no link to explain" in driver.page_source, "a one-record child's page says there is no link")
        driver.save_screenshot(arguments.shots + "/desk-footprint.png")

        if arguments.reports:
            driver.get(origin + "/reports")
            driver.find_element(By.CSS_SELECTOR, "main a[href$='.html']").click()
            child_links = driver.find_elements(By.CSS_SELECTOR, "a[href^='/child/CL']")
            checks.expect(len(child_links) > 0, "the weekly pack links its children to their pages")
            child_links[0].click()
            wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "table.timeline")))
            checks.expect(driver.find_element(By.TAG_NAME, "h1").text.startswith("Footprint of CL"),
                          "a child in the pack opens their footprint")

        driver.delete_all_cookies()
        driver.get(origin + "/review")
        checks.expect("Not signed in" in driver.page_source, "without the session cookie the desk answers 401")
    finally:
        if driver is not None:
            driver.quit()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--childlink", required=True)
    parser.add_argument("--store", required=True)
    parser.add_argument("--shots", required=True)
    parser.add_argument("--reports", help="the folder of the latest reports, for serve --reports")
    arguments = parser.parse_args()
    checks = Checks()
    run(arguments, checks)
    print(f"{checks.passed} passed, {checks.failed} failed")
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
